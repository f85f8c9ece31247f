import type { Path } from '../../diagnostics/types.ts';
import { buildGraph } from '../../graph/build.ts';
import { collectRefs } from '../../graph/refs.ts';
import type { Graph, GraphNode, WireSource } from '../../graph/types.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import { GraphBuilder, mapAt } from './builder.ts';
import { addEvents } from './events.ts';
import { addLayers } from './layers.ts';
import { functionLogicalId, layerLogicalId } from './logicalIds.ts';
import { nameOf, nameScope } from './names.ts';
import { addPermissions } from './permissions.ts';
import { variableResolver } from './variables.ts';
import type { VariableOptions } from './variables.ts';

/**
 * The graph of a serverless.yml (docs/model.md, "serverless.yml"). `resources.Resources` is
 * raw CloudFormation, read by the SAM / CloudFormation graph and moved under `resources`;
 * functions, layers, events, IAM statements, environment variables and VPC placement are the
 * framework's own and read here. Variables are resolved for `options.stage` to find what a
 * value names; ids and paths are always the text as written.
 */
export function serverlessGraph(file: CfnObject, options: VariableOptions = {}): Graph {
  const resolver = variableResolver(file, options);
  const scope = nameScope(file, (t) => resolver.resolve(t).value);
  const b = new GraphBuilder(file, scope);
  const generated = new Set<string>();
  for (const name of Object.keys(mapAt(file, 'functions'))) {
    b.add({ id: name, type: 'AWS::Lambda::Function', kind: 'function', path: ['functions', name] });
    generated.add(functionLogicalId(name));
  }
  for (const name of Object.keys(mapAt(file, 'layers'))) {
    const id = layerLogicalId(name);
    b.add({ id, type: 'AWS::Lambda::LayerVersion', kind: 'layer', path: ['layers', name] });
    generated.add(id);
  }
  const resources = resourceGraph(mapAt(file, 'resources', 'Resources'), generated);
  for (const n of resources.nodes) b.add(n);
  addEvents(b);
  addPermissions(b);
  addNetworks(b);
  addLayers(b);
  for (const e of resources.edges) for (const s of e.sources) b.edge(e.source, e.target, e.kind, s);
  addReferences(b, generated);
  return b.build();
}

const underResources = (p: Path): Path => (p[0] === 'Resources' ? ['resources', ...p] : p);

/**
 * `resources.Resources` through the CloudFormation graph (nodes with their kinds, network parts,
 * event source mappings, references between resources), paths moved under `resources`. An
 * entry overriding a generated function or layer (`HelloLambdaFunction: {Properties: ...}`)
 * is part of that node, not one of its own.
 */
function resourceGraph(resources: CfnObject, generated: ReadonlySet<string>): Graph {
  const own: CfnObject = {};
  for (const [id, def] of Object.entries(resources)) if (!generated.has(id)) own[id] = def;
  const g = buildGraph({ Resources: own });
  const move = (s: WireSource): WireSource => ({ ...s, path: underResources(s.path) });
  return {
    nodes: g.nodes.map((n): GraphNode => ({ ...n, path: underResources(n.path) })),
    edges: g.edges.map((e) => ({ ...e, sources: e.sources.map(move) })),
  };
}

/** `vpc` of a function (else the provider's): the VPC of its subnets contains it, when they are the stack's subnets of one VPC. */
function addNetworks(b: GraphBuilder): void {
  const providerVpc = mapAt(b.file, 'provider')['vpc'];
  for (const [fn, def] of Object.entries(mapAt(b.file, 'functions'))) {
    const own = isObject(def) ? def['vpc'] : undefined;
    const [config, path]: [CfnValue | undefined, Path] = own !== undefined ? [own, ['functions', fn, 'vpc']] : [providerVpc, ['provider', 'vpc']];
    const vpc = vpcOfSubnets(b, isObject(config) ? config['subnetIds'] : undefined);
    if (!vpc) continue;
    b.place(fn, vpc);
    b.edge(vpc, fn, 'containment', { via: 'vpc', path });
  }
}

function vpcOfSubnets(b: GraphBuilder, subnets: CfnValue | undefined): string | undefined {
  if (!Array.isArray(subnets) || !subnets.length) return undefined;
  let vpc: string | undefined;
  for (const s of subnets) {
    const subnet = b.node(stackId(b, s) ?? '');
    if (subnet?.type !== 'AWS::EC2::Subnet' || !subnet.parent || (vpc && vpc !== subnet.parent)) return undefined;
    vpc = subnet.parent;
  }
  return vpc;
}

function stackId(b: GraphBuilder, v: CfnValue | undefined): string | undefined {
  const n = nameOf(v, b.scope);
  return n.kind === 'stack' ? n.id : undefined;
}

/**
 * References no wire explains, to and from what the framework generates: a resource naming a
 * function (`!GetAtt HelloLambdaFunction.Arn`) or layer, and a function's settings naming a
 * resource (`layers: [!Ref FfmpegLambdaLayer]`, `role: !GetAtt MyRole.Arn`, an authorizer).
 */
function addReferences(b: GraphBuilder, generated: ReadonlySet<string>): void {
  const resources = mapAt(b.file, 'resources', 'Resources');
  const refer = (from: string, value: CfnValue | undefined, base: Path, only?: ReadonlySet<string>) => {
    for (const r of collectRefs(value, base)) {
      if (only && !only.has(r.target)) continue;
      const to = b.scope.ids.get(r.target);
      if (to === undefined || to === from || !b.has(to) || b.linked(from, to)) continue;
      b.edge(from, to, 'reference', { via: r.via, path: r.path });
    }
  };
  for (const [id, def] of Object.entries(resources)) {
    if (!b.has(id) || !isObject(def)) continue;
    refer(id, def['Properties'], ['resources', 'Resources', id, 'Properties'], generated);
  }
  for (const [fn, def] of Object.entries(mapAt(b.file, 'functions'))) {
    if (!isObject(def)) continue;
    for (const [key, v] of Object.entries(def)) {
      // events, statements and environment make wires of their own
      if (key === 'events' || key === 'iamRoleStatements' || key === 'environment') continue;
      refer(fn, v, ['functions', fn, key]);
    }
    const role = def['role'];
    if (typeof role === 'string' && b.has(role) && Object.hasOwn(resources, role) && !b.linked(fn, role)) {
      b.edge(fn, role, 'reference', { via: 'property', name: 'role', path: ['functions', fn, 'role'] });
    }
  }
}
