/**
 * Trigger wires in a serverless.yml: an entry in `functions.<fn>.events`, as the catalog's
 * trigger rules say (`sqs: {arn: !GetAtt Q.Arn}`, `stream: {type: dynamodb, ...}`, `http`,
 * `httpApi`, ...), with the wire's `properties` as the event's settings.
 */
import type { Path } from '../../../diagnostics/types.ts';
import { canTrigger, triggerRule } from '../../../catalog/wires.ts';
import type { NodeKind } from '../../../graph/types.ts';
import { isObject, valueAt, valueEquals } from '../../../value.ts';
import type { CfnObject, CfnValue } from '../../../value.ts';
import { EditError } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import type { Edit } from '../../types.ts';
import { setAt } from '../common.ts';
import { appendToList } from '../wires.ts';
import { apiEventKey, HTTP_API_ID, REST_API_ID, ServiceWires } from './pieces.ts';
import { nodeOf, requireAws } from './service.ts';

interface Source {
  readonly id: string;
  readonly kind: NodeKind;
  /** The CloudFormation type; absent for the service's implicit APIs. */
  readonly type?: string;
  /** The resource's definition; absent for the service's implicit APIs. */
  readonly path?: Path;
}

function sourceOf(s: EditSession, id: string, newSource: 'timer' | undefined): Source {
  // a new Timer has no text until its wire writes a schedule event
  if (newSource !== undefined) return { id, kind: newSource };
  const api = apiEventKey(id);
  if (api) return { id, kind: api === 'http' ? 'rest-api' : 'http-api' };
  const node = nodeOf(s.value, id);
  if (node.kind === 'rest-api' || node.kind === 'http-api') {
    const own = node.kind === 'rest-api' ? REST_API_ID : HTTP_API_ID;
    throw new EditError('WIRE_UNSUPPORTED', `serverless.yml routes http and httpApi events to the service's own API (${own}); '${id}' is a separate API: add its routes in the YAML view.`, node.path);
  }
  return { id, kind: node.kind, type: node.type, path: node.path };
}

/** `BatchSize` -> `batchSize`: the event forms offer SAM's names, the framework's are lower-camel. */
function frameworkKeys(properties: CfnObject | undefined): CfnObject {
  const out: CfnObject = {};
  for (const [k, v] of Object.entries(properties ?? {})) out[k.charAt(0).toLowerCase() + k.slice(1)] = v;
  return out;
}

const ROUTE = ['path', 'method'];

/** The setting a shorthand event (`schedule: rate(5 minutes)`) stands for. */
const SHORTHAND: Readonly<Record<string, string>> = { schedule: 'rate' };

/** A shorthand event as written, or in its long form when the wire brings settings (`{rate: cron(...)}`). */
function withSettings(key: string, shorthand: CfnValue, settings: CfnObject): CfnValue {
  const long = SHORTHAND[key];
  if (long === undefined || !Object.keys(settings).length) return shorthand;
  // the shorthand's own setting alone (a schedule copied from another Timer) stays a shorthand
  const keys = Object.keys(settings);
  if (keys.length === 1 && keys[0] === long && typeof settings[long] === 'string') return settings[long];
  return { [long]: shorthand, ...settings };
}

export function connectTrigger(s: EditSession, e: Extract<Edit, { op: 'connect' }>): void {
  requireAws(s.value, 'A trigger wire');
  const target = nodeOf(s.value, e.target);
  const source = sourceOf(s, e.source, e.newSource);
  const verdict = canTrigger(source.kind, target.kind, source.type);
  if (!verdict.ok) throw new EditError('WIRE_NOT_ALLOWED', verdict.reason, target.path);
  const rule = triggerRule(source.kind, source.type)!;
  const written = rule.serverless(source.id, target.id);
  if (!written.ok) throw new EditError('WIRE_UNSUPPORTED', written.reason, source.path ?? target.path);
  const key = Object.keys(written.event)[0]!;
  const defaults = written.event[key];
  const body: CfnObject = { ...(isObject(defaults) ? defaults : {}), ...frameworkKeys(e.properties) };
  const existing = (new ServiceWires(s.value).edge(source.id, target.id, 'trigger')?.sources ?? []).map((p) => valueAt(s.value, p.path));
  const route = apiEventKey(source.id) !== undefined;
  const same = existing.some((x) => !route || (isObject(x) && ROUTE.every((k) => valueEquals(x[k], body[k]))));
  if (same) {
    const what = route ? `a ${String(body['method'])} ${String(body['path'])} route` : 'an event';
    throw new EditError('WIRE_EXISTS', `'${target.id}' already has ${what} from '${source.id}'.`, [...target.path, 'events']);
  }
  const requires = rule.sourceRequires;
  if (requires && source.path) {
    const at = [...source.path, 'Properties', ...requires.path];
    if (valueAt(s.value, at) === undefined) setAt(s, at, requires.value);
  }
  appendToList(s, [...target.path, 'events'], [{ [key]: isObject(defaults) ? body : withSettings(key, defaults!, body) }]);
}
