import type { Path } from '../diagnostics/types.ts';
import { kindOfType } from '../catalog/nodeKinds.ts';
import { eventTarget, implicitEventTarget } from '../catalog/wires.ts';
import { isObject } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { collectRefs } from './refs.ts';
import type { ValueRef } from './refs.ts';
import type { EdgeKind, Graph, GraphEdge, GraphNode, WireSource } from './types.ts';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const TIMER_EVENTS = new Set(['Schedule', 'ScheduleV2']);
const NOT_POLICY_TEMPLATE = new Set(['Statement', 'Version', 'Id']);

/** Id of the Timer node derived from a function's schedule event. */
export function timerId(functionId: string, eventName: string): string {
  return `${functionId}.${eventName}`;
}

class Builder {
  readonly nodes: GraphNode[] = [];
  private readonly edges = new Map<string, { source: string; target: string; kind: EdgeKind; sources: WireSource[] }>();
  readonly resources: CfnObject;
  readonly ids: Set<string>;
  private readonly parents = new Map<string, string>();
  /** Resources that are parts of a network (subnets, security groups, ...), by network. */
  private readonly parts = new Map<string, string>();

  constructor(readonly template: CfnObject) {
    this.resources = isObject(template['Resources']) ? template['Resources'] : {};
    this.ids = new Set(Object.keys(this.resources));
  }

  def(id: string): CfnObject {
    const d = this.resources[id];
    return isObject(d) ? d : {};
  }

  props(id: string): CfnObject {
    const p = this.def(id)['Properties'];
    return isObject(p) ? p : {};
  }

  type(id: string): string {
    const t = this.def(id)['Type'];
    return typeof t === 'string' ? t : '';
  }

  edge(source: string, target: string, kind: EdgeKind, src: WireSource): void {
    if (source === target) return;
    const key = `${source}\u0000${kind}\u0000${target}`;
    let e = this.edges.get(key);
    if (!e) this.edges.set(key, (e = { source, target, kind, sources: [] }));
    e.sources.push(src);
  }

  addImplicit(id: string, type: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.nodes.push({ id, type, kind: kindOfType(type), path: [], implicit: true });
  }

  /** The resource a value points at (Ref, GetAtt or a one-name Sub), if it is one of ours. */
  target(value: CfnValue | undefined): string | undefined {
    const refs = collectRefs(value, []);
    const hit = refs.find((r) => r.via !== 'import-value' && this.ids.has(r.target));
    return hit?.target;
  }

  build(): Graph {
    for (const id of Object.keys(this.resources)) {
      const type = this.type(id);
      this.nodes.push({ id, type, kind: kindOfType(type), path: ['Resources', id] });
    }
    for (const id of Object.keys(this.resources)) {
      if (FUNCTION_TYPES.has(this.type(id))) {
        this.events(id);
        this.policies(id);
        this.environment(id);
        const own = this.props(id)['VpcConfig'];
        // the wire points at the text that places the function: its own VpcConfig, or the one in Globals
        if (own !== undefined) this.vpc(id, ['Resources', id, 'Properties', 'VpcConfig'], own);
        else this.vpc(id, ['Globals', 'Function', 'VpcConfig'], this.globalVpc(id));
      }
      this.rolePermissions(id);
      if (this.type(id) === 'AWS::RDS::DBCluster' || this.type(id) === 'AWS::RDS::DBInstance') this.database(id);
      if (this.type(id) === 'AWS::Lambda::EventSourceMapping') this.eventSourceMapping(id);
    }
    for (const id of Object.keys(this.resources)) this.networkPart(id);
    this.references();
    const nodes = this.nodes.map((n) => (this.parents.has(n.id) ? { ...n, parent: this.parents.get(n.id)!, ...(this.parts.has(n.id) ? { part: true as const } : {}) } : n));
    // containers before their children (React Flow requires parents first)
    nodes.sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    const edges: GraphEdge[] = [...this.edges.values()].map((e) => ({ id: `${e.source}-${e.kind}-${e.target}`, ...e }));
    return { nodes, edges };
  }

  private globalVpc(id: string): CfnValue | undefined {
    if (this.type(id) !== 'AWS::Serverless::Function') return undefined;
    const g = this.template['Globals'];
    const fn = isObject(g) ? g['Function'] : undefined;
    return isObject(fn) ? fn['VpcConfig'] : undefined;
  }

  private events(fn: string): void {
    const events = this.props(fn)['Events'];
    if (!isObject(events)) return;
    for (const [name, ev] of Object.entries(events)) {
      if (!isObject(ev)) continue;
      const type = typeof ev['Type'] === 'string' ? ev['Type'] : '';
      const props = isObject(ev['Properties']) ? ev['Properties'] : {};
      const path: Path = ['Resources', fn, 'Properties', 'Events', name];
      const src: WireSource = { via: 'event', path, name: type };
      if (TIMER_EVENTS.has(type)) {
        const id = timerId(fn, name);
        this.nodes.push({ id, type: 'Cairn::Timer', kind: 'timer', path });
        this.ids.add(id);
        this.edge(id, fn, 'trigger', src);
        continue;
      }
      let target = eventTarget(type, props);
      const implicit = target === undefined ? implicitEventTarget(type, props) : undefined;
      if (implicit) this.addImplicit((target = implicit), type === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi');
      if (target !== undefined && this.ids.has(target)) this.edge(target, fn, 'trigger', src);
    }
  }

  private policies(fn: string): void {
    const raw = this.props(fn)['Policies'];
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    const base: Path = ['Resources', fn, 'Properties', 'Policies'];
    list.forEach((item, i) => {
      const path = Array.isArray(raw) ? [...base, i] : base;
      if (!isObject(item)) return;
      if (isObject(item) && Array.isArray(item['Statement'])) {
        this.statements(fn, item['Statement'], [...path, 'Statement']);
        return;
      }
      for (const [name, args] of Object.entries(item)) {
        if (NOT_POLICY_TEMPLATE.has(name) || name === 'Ref' || name.startsWith('Fn::')) continue;
        for (const r of collectRefs(args, [...path, name])) {
          if (this.ids.has(r.target)) this.edge(fn, r.target, 'access', { via: 'policy-template', path, name });
        }
      }
    });
  }

  private statements(principal: string, statements: CfnValue[], base: Path): void {
    statements.forEach((st, j) => {
      if (!isObject(st) || st['Effect'] === 'Deny') return;
      const seen = new Set<string>();
      for (const r of collectRefs(st['Resource'], [...base, j, 'Resource'])) {
        if (this.ids.has(r.target) && !seen.has(r.target)) {
          seen.add(r.target);
          this.edge(principal, r.target, 'access', { via: 'statement', path: [...base, j] });
        }
      }
    });
  }

  private environment(fn: string): void {
    const env = this.props(fn)['Environment'];
    const vars = isObject(env) ? env['Variables'] : undefined;
    if (!isObject(vars)) return;
    for (const [name, value] of Object.entries(vars)) {
      const target = this.target(value);
      if (target) this.edge(fn, target, 'access', { via: 'env', name, path: ['Resources', fn, 'Properties', 'Environment', 'Variables', name] });
    }
  }

  /** Statements of an IAM role (and the IAM policies attached to it) grant access to its users. */
  private rolePermissions(id: string): void {
    const props = this.props(id);
    const roleProp = FUNCTION_TYPES.has(this.type(id)) ? 'Role' : this.type(id) === 'AWS::ECS::TaskDefinition' ? 'TaskRoleArn' : null;
    if (!roleProp) return;
    const role = this.target(props[roleProp]);
    if (!role || this.type(role) !== 'AWS::IAM::Role') return;
    const policies = this.props(role)['Policies'];
    if (Array.isArray(policies)) {
      policies.forEach((p, i) => {
        const doc = isObject(p) ? p['PolicyDocument'] : undefined;
        if (isObject(doc) && Array.isArray(doc['Statement'])) {
          this.statements(id, doc['Statement'], ['Resources', role, 'Properties', 'Policies', i, 'PolicyDocument', 'Statement']);
        }
      });
    }
    for (const other of this.ids) {
      const t = this.type(other);
      if (t !== 'AWS::IAM::Policy' && t !== 'AWS::IAM::ManagedPolicy') continue;
      const roles = this.props(other)['Roles'];
      if (!Array.isArray(roles) || !roles.some((r) => this.target(r) === role)) continue;
      const doc = this.props(other)['PolicyDocument'];
      if (isObject(doc) && Array.isArray(doc['Statement'])) {
        this.statements(id, doc['Statement'], ['Resources', other, 'Properties', 'PolicyDocument', 'Statement']);
      }
    }
  }

  private vpcOfSubnets(subnets: CfnValue | undefined): string | undefined {
    if (!Array.isArray(subnets) || !subnets.length) return undefined;
    let vpc: string | undefined;
    for (const s of subnets) {
      const subnet = this.target(s);
      if (!subnet) return undefined;
      const v = this.target(this.props(subnet)['VpcId']);
      if (!v || this.type(v) !== 'AWS::EC2::VPC' || (vpc && vpc !== v)) return undefined;
      vpc = v;
    }
    return vpc;
  }

  private vpc(id: string, path: Path, config: CfnValue | undefined): void {
    if (!isObject(config)) return;
    const vpc = this.vpcOfSubnets(config['SubnetIds']);
    if (!vpc) return;
    this.parents.set(id, vpc);
    this.edge(vpc, id, 'containment', { via: 'vpc', path });
  }

  private database(id: string): void {
    const group = this.target(this.props(id)['DBSubnetGroupName']);
    if (!group || this.type(group) !== 'AWS::RDS::DBSubnetGroup') return;
    const vpc = this.vpcOfSubnets(this.props(group)['SubnetIds']);
    if (!vpc) return;
    this.parents.set(id, vpc);
    this.edge(vpc, id, 'containment', { via: 'vpc', path: ['Resources', id, 'Properties', 'DBSubnetGroupName'] });
  }

  /**
   * A network's own parts (its subnets, security groups, route tables: anything whose `VpcId` is
   * the VPC; a DB subnet group over its subnets) are drawn inside it too.
   */
  private networkPart(id: string): void {
    if (this.parents.has(id)) return;
    const props = this.props(id);
    let vpc: string | undefined;
    let path: Path;
    if (this.type(id) === 'AWS::RDS::DBSubnetGroup') {
      vpc = this.vpcOfSubnets(props['SubnetIds']);
      path = ['Resources', id, 'Properties', 'SubnetIds'];
    } else {
      const v = this.target(props['VpcId']);
      vpc = v && this.type(v) === 'AWS::EC2::VPC' ? v : undefined;
      path = ['Resources', id, 'Properties', 'VpcId'];
    }
    if (!vpc || vpc === id) return;
    this.parents.set(id, vpc);
    this.parts.set(id, vpc);
    this.edge(vpc, id, 'containment', { via: 'vpc', path });
  }

  /** The network `id` is drawn in, or is (a VPC is its own). */
  private networkOf(id: string): string | undefined {
    return this.type(id) === 'AWS::EC2::VPC' ? id : this.parents.get(id);
  }

  private eventSourceMapping(id: string): void {
    const props = this.props(id);
    const fn = this.target(props['FunctionName']);
    const source = this.target(props['EventSourceArn']);
    if (fn && source) this.edge(source, fn, 'trigger', { via: 'property', name: 'EventSourceMapping', path: ['Resources', id] });
  }

  /** Hand-written references between resources not already explained by a wire. */
  private references(): void {
    const linked = new Set<string>();
    for (const e of this.edges.values()) {
      linked.add(`${e.source}\u0000${e.target}`);
      linked.add(`${e.target}\u0000${e.source}`);
    }
    const imports = new Map<string, string>();
    for (const id of Object.keys(this.resources)) {
      const { refs, deps } = resourceRefs(id, this.def(id));
      for (const r of refs) {
        let target = r.target;
        if (r.via === 'import-value') {
          target = imports.get(r.target) ?? `import:${r.target}`;
          if (!imports.has(r.target)) {
            imports.set(r.target, target);
            this.nodes.push({ id: target, type: 'Cairn::ImportedValue', kind: 'existing', path: r.path, implicit: true });
          }
        } else if (!this.ids.has(target) || linked.has(`${id}\u0000${target}`)) continue;
        // within one network, references to its parts (a function's subnets, a subnet's VPC) are drawn by nesting
        else if ((this.parts.has(target) || this.type(target) === 'AWS::EC2::VPC') && this.networkOf(target) === this.networkOf(id)) continue;
        const via = deps.includes(r.target) && r.path.includes('DependsOn') ? 'depends-on' : r.via;
        this.edge(id, target, 'reference', { via, path: r.path });
      }
    }
  }
}

interface ResourceRefs {
  readonly id: string;
  readonly refs: readonly ValueRef[];
  readonly deps: readonly CfnValue[];
}

/**
 * The references written in each resource definition, remembered per definition object. A
 * template value is never changed once read, and an edit's local re-parse (yaml/incremental.ts)
 * keeps the objects of every resource it did not touch: after a one-resource edit the walk runs
 * over that resource alone, not all 500.
 */
const refsOfDef = new WeakMap<CfnObject, ResourceRefs>();

function resourceRefs(id: string, def: CfnObject): ResourceRefs {
  const hit = refsOfDef.get(def);
  if (hit && hit.id === id) return hit;
  const refs: ValueRef[] = [];
  collectRefs(def['Properties'], ['Resources', id, 'Properties'], refs);
  collectRefs(def['Metadata'], ['Resources', id, 'Metadata'], refs);
  const dependsOn = def['DependsOn'];
  const deps = typeof dependsOn === 'string' ? [dependsOn] : Array.isArray(dependsOn) ? dependsOn : [];
  deps.forEach((d, i) => {
    if (typeof d === 'string') refs.push({ target: d, via: 'ref', path: ['Resources', id, 'DependsOn', ...(Array.isArray(dependsOn) ? [i] : [])] });
  });
  const out = { id, refs, deps };
  refsOfDef.set(def, out);
  return out;
}

/**
 * What of a resource definition the Builder reads: its Type, the references written anywhere
 * in it (Properties, Metadata, DependsOn), and these properties whole. Keep in step with the
 * Builder above; the corpus test of `sameGraphInputs` fails when a read is missing here.
 */
const GRAPH_PROPERTIES = ['Events', 'Policies', 'Environment', 'VpcConfig', 'Role', 'TaskRoleArn', 'DBSubnetGroupName', 'SubnetIds', 'VpcId', 'Roles', 'PolicyDocument', 'FunctionName', 'EventSourceArn'] as const;

function graphFacts(id: string, def: CfnValue | undefined): string {
  if (!isObject(def)) return JSON.stringify([typeof def, def ?? null]);
  const props = isObject(def['Properties']) ? def['Properties'] : {};
  const refs = resourceRefs(id, def).refs.map((r) => [r.target, r.via, r.path, r.attribute ?? null]);
  return JSON.stringify([def['Type'] ?? null, refs, def['DependsOn'] ?? null, GRAPH_PROPERTIES.map((k) => props[k] ?? null)]);
}

/** How many changed definitions are compared fact by fact before a build is simply cheaper. */
const MAX_COMPARED = 8;

/**
 * True when `after` certainly gives the same graph as `before`: every top-level section but
 * Resources is the same object (a local re-parse keeps what it did not touch), the resources
 * are the same ids in the same order, and each definition that is not the same object reads
 * the same to the Builder (a MemorySize, a Description, a tag). An inspector edit of such a
 * value then keeps the graph without building it again. False is always safe.
 */
export function sameGraphInputs(before: CfnObject, after: CfnObject): boolean {
  const keys = Object.keys(before);
  const afterKeys = Object.keys(after);
  if (keys.length !== afterKeys.length || keys.some((k, i) => k !== afterKeys[i])) return false;
  for (const k of keys) if (k !== 'Resources' && before[k] !== after[k]) return false;
  const a = before['Resources'];
  const b = after['Resources'];
  if (a === b) return true;
  if (!isObject(a) || !isObject(b)) return false;
  const ids = Object.keys(a);
  const afterIds = Object.keys(b);
  if (ids.length !== afterIds.length) return false;
  let compared = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id !== afterIds[i]) return false;
    if (a[id] === b[id]) continue;
    if (++compared > MAX_COMPARED || graphFacts(id, a[id]) !== graphFacts(id, b[id])) return false;
  }
  return true;
}

/** Derives nodes and wires from a SAM / CloudFormation template value. */
export function buildGraph(template: CfnObject): Graph {
  return new Builder(template).build();
}
