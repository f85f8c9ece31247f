import type { Path } from '../../diagnostics/types.ts';
import { kindOfType } from '../../catalog/nodeKinds.ts';
import type { EdgeKind, Graph, GraphEdge, GraphNode, NodeKind, UnwiredPermission, WireSource } from '../../graph/types.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import { isArn, nameOf } from './names.ts';
import type { NameScope } from './names.ts';

/** What the parts of the serverless.yml graph add to: nodes, merged edges, unwired permissions. */
export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, { source: string; target: string; kind: EdgeKind; sources: WireSource[] }>();
  private readonly parents = new Map<string, string>();
  readonly unwired: UnwiredPermission[] = [];

  constructor(
    readonly file: CfnObject,
    readonly scope: NameScope,
  ) {}

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  /** Adds a node unless one with its id exists (a resource overriding what the framework generates wins). */
  add(node: GraphNode): void {
    if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  /** A resource the framework generates (`ApiGatewayRestApi`, `S3Bucket<Name>`), unless `resources` defines it. */
  generated(id: string, type: string, path: Path, kind: NodeKind = kindOfType(type)): string {
    this.add({ id, type, kind, path, implicit: true });
    return id;
  }

  /**
   * Something outside the stack, named by `value` (at `path`): an ARN is its own id; an
   * `Fn::ImportValue` is `import:<Export>` as in SAM templates; a name is `<what>:<name>`.
   */
  existing(value: CfnValue | undefined, path: Path, what: string): string {
    const imported = isObject(value) && typeof value['Fn::ImportValue'] === 'string' ? value['Fn::ImportValue'] : undefined;
    if (imported !== undefined) {
      const id = `import:${imported}`;
      this.add({ id, type: 'Cairn::ImportedValue', kind: 'existing', path, implicit: true });
      return id;
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? null).slice(0, 200);
    const resolved = typeof value === 'string' ? this.scope.resolve(value) : value;
    const id = isArn(text) || (typeof resolved === 'string' && isArn(resolved)) ? text : `${what}:${text}`;
    this.add({ id, type: 'Cairn::Existing', kind: 'existing', path, implicit: true });
    return id;
  }

  /** The node a value names: a stack resource, else an Existing node for it. */
  source(value: CfnValue | undefined, path: Path, what: string): string {
    const n = nameOf(value, this.scope);
    return n.kind === 'stack' && this.nodes.has(n.id) ? n.id : this.existing(value, path, what);
  }

  edge(source: string, target: string, kind: EdgeKind, src: WireSource): void {
    if (source === target || !this.nodes.has(source) || !this.nodes.has(target)) return;
    const key = `${source}\u0000${kind}\u0000${target}`;
    let e = this.edges.get(key);
    if (!e) this.edges.set(key, (e = { source, target, kind, sources: [] }));
    e.sources.push(src);
  }

  /** Are the two nodes joined by any edge (either way)? */
  linked(a: string, b: string): boolean {
    for (const kind of ['trigger', 'access', 'reference', 'containment'] as const) {
      if (this.edges.has(`${a}\u0000${kind}\u0000${b}`) || this.edges.has(`${b}\u0000${kind}\u0000${a}`)) return true;
    }
    return false;
  }

  place(id: string, network: string): void {
    this.parents.set(id, network);
  }

  build(): Graph {
    const nodes = [...this.nodes.values()].map((n) => (this.parents.has(n.id) && !n.parent ? { ...n, parent: this.parents.get(n.id)! } : n));
    // containers before their children (React Flow requires parents first)
    nodes.sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    const edges: GraphEdge[] = [...this.edges.values()].map((e) => ({ id: `${e.source}-${e.kind}-${e.target}`, ...e }));
    return this.unwired.length ? { nodes, edges, unwired: this.unwired } : { nodes, edges };
  }
}

/** The map at `path` in the file, or an empty one. */
export function mapAt(v: CfnValue | undefined, ...path: string[]): CfnObject {
  let cur = v;
  for (const k of path) cur = isObject(cur) ? cur[k] : undefined;
  return isObject(cur) ? cur : {};
}
