/**
 * `renameResource` in a serverless.yml. A resource: its key, every `Ref`, `Fn::GetAtt`,
 * `${X}` in `Fn::Sub` and `DependsOn` naming it, `${self:resources.Resources.X...}` variables,
 * and the `topicName` of sns events Cairn wrote for it. A function: its key under `functions`,
 * references to the logical ids the framework derives from its name (`HelloLambdaFunction`,
 * `HelloLogGroup`) and `${self:functions.x...}` variables. Other variables are left as written.
 */
import { isScalar } from 'yaml';
import { isObject } from '../../../value.ts';
import { nodeAt, renameKey, replaceScalar, rewriteScalarSource } from '../../cst.ts';
import { findStringSites } from '../../refs.ts';
import type { EditSession } from '../../session.ts';
import type { Splice } from '../../../text/splice.ts';
import { checkLogicalId } from '../common.ts';
import { referenceSplices } from '../resources.ts';
import { selfPathPattern, ServiceWires } from './pieces.ts';
import { checkFree, checkFunctionName, derivedLogicalIds, FUNCTIONS, functionsOf, nodeOf, RESOURCES } from './service.ts';

/** Rewrites every string scalar matching `pattern` (whose first group is kept) to name `to`. */
function variableSplices(s: EditSession, pattern: RegExp, to: string): Splice[] {
  const out: Splice[] = [];
  for (const node of findStringSites(s.ctx.doc, pattern)) {
    const sp = rewriteScalarSource(s.ctx, node, (src) => src.replace(pattern, (_m, head: string) => head + to));
    if (sp) out.push(sp);
  }
  return out;
}

/** `topicName: <from>` of sns events whose `arn` names the renamed topic (Cairn writes the logical id there). */
function topicNameSplices(s: EditSession, from: string, to: string): Splice[] {
  const out: Splice[] = [];
  const { names } = new ServiceWires(s.value);
  for (const [fn, def] of Object.entries(functionsOf(s.value))) {
    const events = isObject(def) ? def['events'] : undefined;
    if (!Array.isArray(events)) continue;
    events.forEach((entry, i) => {
      const sns = isObject(entry) ? entry['sns'] : undefined;
      if (!isObject(sns) || sns['topicName'] !== from || !names(sns['arn'], to)) return;
      const node = nodeAt(s.ctx.doc, [...FUNCTIONS, fn, 'events', i, 'sns', 'topicName'])?.node;
      if (isScalar(node)) out.push(replaceScalar(s.ctx, node, to));
    });
  }
  return out;
}

export function renameResource(s: EditSession, from: string, to: string): void {
  const node = nodeOf(s.value, from);
  if (node.function) checkFunctionName(to);
  else checkLogicalId(to, 'New logical id');
  if (from === to) return;
  checkFree(s.value, to);
  const pair = nodeAt(s.ctx.doc, node.path)!.pair!;
  const opts = { resourcesAt: RESOURCES };
  if (!node.function) {
    s.apply([renameKey(s.ctx, pair, to), ...referenceSplices(s, from, to, opts)]);
    s.apply(variableSplices(s, selfPathPattern('resources.Resources', from), to));
    s.apply(topicNameSplices(s, from, to));
    return;
  }
  s.apply([renameKey(s.ctx, pair, to)]);
  const targets = derivedLogicalIds(to);
  derivedLogicalIds(from).forEach((id, i) => s.apply(referenceSplices(s, id, targets[i]!, opts)));
  s.apply(variableSplices(s, selfPathPattern('functions', from), to));
}
