/**
 * The pieces of serverless.yml text that make a wire between a function and another node:
 * its `events` entries naming the source (trigger), the statements naming the target in the
 * role the function uses and its `environment` entries pointing at it (access). What connect
 * writes is found here, and so is what a user wrote by hand in the same shapes. What a value
 * names is read by the read side's names module, so a wire removed is a wire the graph drew.
 */
import { serverlessEventTarget } from '../../../catalog/wires.ts';
import { HTTP_API_ID, REST_API_ID } from '../../../formats/serverless/logicalIds.ts';
import { nameScope, stackNamesIn } from '../../../formats/serverless/names.ts';
import type { NameScope } from '../../../formats/serverless/names.ts';
import type { WireSource } from '../../../graph/types.ts';
import type { Path } from '../../../diagnostics/types.ts';
import { isObject, valueAt } from '../../../value.ts';
import type { CfnObject, CfnValue } from '../../../value.ts';
import { escapeRe } from '../../refs.ts';
import { FUNCTIONS, functionsOf, statementLists } from './service.ts';

export { HTTP_API_ID, REST_API_ID };

/** The event key an API of this id takes, for the service's implicit APIs. */
export function apiEventKey(id: string): 'http' | 'httpApi' | undefined {
  return id === REST_API_ID ? 'http' : id === HTTP_API_ID ? 'httpApi' : undefined;
}

/** `${self:<section>.<id>...}`: a variable reaching into an entry's definition; the first group is what precedes the id. */
export function selfPathPattern(section: 'resources.Resources' | 'functions', id: string): RegExp {
  return new RegExp(`(\\$\\{self:${escapeRe(section)}\\.)${escapeRe(id)}(?=[.}\\s,])`, 'g');
}

/** What the values of one service name, read once per question. */
export class Names {
  readonly scope: NameScope;

  constructor(readonly value: CfnObject) {
    this.scope = nameScope(value);
  }

  /** Does `v` name the node `id` (a resource's logical id, a function's key)? */
  readonly names = (v: CfnValue | undefined, id: string): boolean => stackNamesIn(v, this.scope).includes(id);

  /** The node a `functions.<fn>.events` entry comes from: a resource, or the service's API. */
  eventSource(entry: CfnValue | undefined): string | undefined {
    if (!isObject(entry)) return undefined;
    const key = Object.keys(entry)[0];
    if (key === 'http') return REST_API_ID;
    if (key === 'httpApi') return HTTP_API_ID;
    const logicalId = serverlessEventTarget(entry);
    return logicalId === undefined ? undefined : this.scope.ids.get(logicalId);
  }

  /** `functions.<fn>.events` entries coming from `source`. */
  triggerPieces(fn: string, source: string): WireSource[] {
    const base: Path = [...FUNCTIONS, fn, 'events'];
    const out: WireSource[] = [];
    list(valueAt(this.value, base)).forEach((entry, i) => {
      if (this.eventSource(entry) === source) out.push({ via: 'event', path: [...base, i], name: Object.keys(entry as CfnObject)[0]! });
    });
    return out;
  }

  /** Statements naming `id` in a list of statements. */
  statementPieces(listPath: Path, id: string): WireSource[] {
    const out: WireSource[] = [];
    list(valueAt(this.value, listPath)).forEach((st, i) => {
      if (isObject(st) && this.names(st['Resource'], id)) out.push({ via: 'statement', path: [...listPath, i] });
    });
    return out;
  }

  /** `functions.<fn>.environment` entries pointing at `id`. */
  envPieces(fn: string, id: string): WireSource[] {
    const env = valueAt(this.value, [...FUNCTIONS, fn, 'environment']);
    if (!isObject(env)) return [];
    return Object.entries(env)
      .filter(([, v]) => this.names(v, id))
      .map(([name]) => ({ via: 'env' as const, path: [...FUNCTIONS, fn, 'environment', name], name }));
  }

  /** The statements (in the role `fn` uses) and env entries giving `fn` access to `id`. */
  accessPieces(fn: string, id: string): WireSource[] {
    return [...statementLists(this.value, fn).flatMap((p) => this.statementPieces(p, id)), ...this.envPieces(fn, id)];
  }

  /** Other functions that use the same role as `fn` and point at `id` in their environment. */
  otherUsers(fn: string, id: string): string[] {
    const lists = JSON.stringify(statementLists(this.value, fn));
    return Object.keys(functionsOf(this.value)).filter(
      (other) => other !== fn && JSON.stringify(statementLists(this.value, other)) === lists && this.envPieces(other, id).length > 0,
    );
  }
}

function list(v: CfnValue | undefined): CfnValue[] {
  return Array.isArray(v) ? v : [];
}
