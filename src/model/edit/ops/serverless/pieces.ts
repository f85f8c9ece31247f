/**
 * The pieces of serverless.yml text that make a wire between a function and another node:
 * its `events` entries naming the source (trigger), the statements naming the target in the
 * role the function uses and its `environment` entries pointing at it (access). What connect
 * writes is found here, and so is what a user wrote by hand in the same shapes.
 */
import { serverlessEventTarget } from '../../../catalog/wires.ts';
import { collectRefs } from '../../../graph/refs.ts';
import { escapeRe } from '../../refs.ts';
import type { WireSource } from '../../../graph/types.ts';
import type { Path } from '../../../diagnostics/types.ts';
import { isObject, valueAt } from '../../../value.ts';
import type { CfnObject, CfnValue } from '../../../value.ts';
import { FUNCTIONS, functionsOf, statementLists } from './service.ts';

/** The framework's own API resources: `http` events attach to the first, `httpApi` events to the second. */
export const REST_API_ID = 'ApiGatewayRestApi';
export const HTTP_API_ID = 'HttpApi';

/** The event key an API of this id takes, for the service's implicit APIs. */
export function apiEventKey(id: string): 'http' | 'httpApi' | undefined {
  return id === REST_API_ID ? 'http' : id === HTTP_API_ID ? 'httpApi' : undefined;
}

/** `${self:<section>.<id>...}`: a variable reaching into an entry's definition; the first group is what precedes the id. */
export function selfPathPattern(section: 'resources.Resources' | 'functions', id: string): RegExp {
  return new RegExp(`(\\$\\{self:${escapeRe(section)}\\.)${escapeRe(id)}(?=[.}\\s,])`, 'g');
}

function mentionsSelfPath(v: CfnValue | undefined, id: string): boolean {
  if (typeof v === 'string') return selfPathPattern('resources.Resources', id).test(v);
  if (Array.isArray(v)) return v.some((x) => mentionsSelfPath(x, id));
  if (isObject(v)) return Object.values(v).some((x) => mentionsSelfPath(x, id));
  return false;
}

/** Does `v` name the resource `logicalId` (Ref, GetAtt, Sub, or a `${self:resources.Resources...}` path)? */
export function namesResource(v: CfnValue | undefined, logicalId: string): boolean {
  return collectRefs(v, []).some((r) => r.target === logicalId) || mentionsSelfPath(v, logicalId);
}

/** The node a `functions.<fn>.events` entry comes from: a resource's logical id, or the service's API. */
export function eventSource(entry: CfnValue | undefined): string | undefined {
  if (!isObject(entry)) return undefined;
  const key = Object.keys(entry)[0];
  if (key === 'http') return REST_API_ID;
  if (key === 'httpApi') return HTTP_API_ID;
  return serverlessEventTarget(entry);
}

function list(v: CfnValue | undefined): CfnValue[] {
  return Array.isArray(v) ? v : [];
}

/** `functions.<fn>.events` entries coming from `source`. */
export function triggerPieces(value: CfnObject, fn: string, source: string): WireSource[] {
  const base: Path = [...FUNCTIONS, fn, 'events'];
  const out: WireSource[] = [];
  list(valueAt(value, base)).forEach((entry, i) => {
    if (eventSource(entry) === source) out.push({ via: 'event', path: [...base, i], name: Object.keys(entry as CfnObject)[0]! });
  });
  return out;
}

/** Statements naming `logicalId` in a list of statements. */
export function statementPieces(value: CfnObject, listPath: Path, logicalId: string): WireSource[] {
  const out: WireSource[] = [];
  list(valueAt(value, listPath)).forEach((st, i) => {
    if (isObject(st) && namesResource(st['Resource'], logicalId)) out.push({ via: 'statement', path: [...listPath, i] });
  });
  return out;
}

/** `functions.<fn>.environment` entries pointing at `logicalId`. */
export function envPieces(value: CfnObject, fn: string, logicalId: string): WireSource[] {
  const env = valueAt(value, [...FUNCTIONS, fn, 'environment']);
  if (!isObject(env)) return [];
  return Object.entries(env)
    .filter(([, v]) => namesResource(v, logicalId))
    .map(([name]) => ({ via: 'env' as const, path: [...FUNCTIONS, fn, 'environment', name], name }));
}

/** The statements (in the role `fn` uses) and env entries giving `fn` access to `logicalId`. */
export function accessPieces(value: CfnObject, fn: string, logicalId: string): WireSource[] {
  return [...statementLists(value, fn).flatMap((p) => statementPieces(value, p, logicalId)), ...envPieces(value, fn, logicalId)];
}

/** Other functions that use the same role as `fn` and point at `logicalId` in their environment. */
export function otherUsers(value: CfnObject, fn: string, logicalId: string): string[] {
  const lists = JSON.stringify(statementLists(value, fn));
  return Object.keys(functionsOf(value)).filter(
    (other) => other !== fn && JSON.stringify(statementLists(value, other)) === lists && envPieces(value, other, logicalId).length > 0,
  );
}
