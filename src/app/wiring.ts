import { wireKindsFor } from '../model/catalog/wires.ts';
import type { WireKind } from '../model/catalog/wires.ts';
import type { Edit } from '../model/edit/types.ts';
import type { Graph, GraphNode } from '../model/graph/types.ts';
import { isObject, valueAt } from '../model/value.ts';
import type { CfnObject } from '../model/value.ts';

export type WireDecision =
  | { readonly kind: 'edit'; readonly edit: Edit }
  | { readonly kind: 'ask'; readonly source: string; readonly target: string; readonly options: readonly WireKind[] }
  | { readonly kind: 'refuse'; readonly reason: string };

/**
 * The settings of the schedule event a Timer of the file is drawn from (a Timer is its event):
 * SAM's `Properties` (`Schedule`, `Input`, ...), or a serverless.yml `schedule` entry
 * (`rate(1 hour)` as `Rate`, or its long form as written).
 */
function scheduleOf(value: CfnObject | null | undefined, timer: GraphNode): CfnObject | undefined {
  if (!value) return undefined;
  const at = valueAt(value, timer.path);
  if (timer.path[0] === 'Resources') return isObject(at) && isObject(at['Properties']) ? at['Properties'] : undefined;
  if (typeof at === 'string') return { Rate: at };
  return isObject(at) ? at : undefined;
}

/**
 * What drawing a wire from `source` to `target` does: one edit, a question, or a refusal with
 * the reason. `drafts` are nodes on the canvas the file does not have yet (new Timers): a wire
 * from one writes it. A wire from a Timer of the file gives the target the same schedule, as an
 * event of its own (`value`, the template, supplies the settings to copy).
 */
export function decideWire(graph: Graph, source: string, target: string, drafts: ReadonlySet<string> = new Set(), value?: CfnObject | null): WireDecision {
  const s = graph.nodes.find((n) => n.id === source);
  const t = graph.nodes.find((n) => n.id === target);
  if (!s || !t) return { kind: 'refuse', reason: 'Both ends of a wire must be nodes of this stack.' };
  if (source === target) return { kind: 'refuse', reason: 'A wire joins two different nodes.' };
  if (s.implicit || t.implicit) return { kind: 'refuse', reason: `${s.implicit ? source : target} is created by SAM; wire the resources you wrote.` };
  const w = wireKindsFor(s.kind, t.kind, s.type);
  if (!w.kinds.length) return { kind: 'refuse', reason: w.reason ?? 'These two nodes cannot be wired.' };
  if (w.kinds.length > 1) return { kind: 'ask', source, target, options: w.kinds };
  if (s.kind === 'timer' && !drafts.has(source)) {
    const properties = scheduleOf(value, s);
    if (!properties) return { kind: 'refuse', reason: `${source}'s schedule could not be read; copy its event in the YAML panel.` };
    return { kind: 'edit', edit: { op: 'connect', source, target, kind: 'trigger', newSource: 'timer', properties } };
  }
  const isNew = drafts.has(source) && s.kind === 'timer';
  return { kind: 'edit', edit: { op: 'connect', source, target, kind: w.kinds[0]!, ...(isNew ? { newSource: 'timer' as const } : {}) } };
}

/** The edits that delete these nodes: resources are removed with their wires, Timers as their event. */
export function deleteEdits(graph: Graph, ids: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  for (const id of ids) {
    const n = graph.nodes.find((x) => x.id === id);
    if (!n || n.implicit) continue;
    // a Virtual Network goes with its subnets and security groups; what is in it stays
    if (n.kind === 'virtual-network' && n.type === 'AWS::EC2::VPC') edits.push({ op: 'removeNetwork', resource: id });
    else if (n.path.length === 2 && n.path[0] === 'Resources') edits.push({ op: 'removeResource', resource: id });
    else if (n.kind === 'timer' && n.path[0] === 'Resources') {
      edits.push({ op: 'deleteProperty', resource: String(n.path[1]), path: n.path.slice(2) });
    }
  }
  return edits;
}
