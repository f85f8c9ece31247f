/**
 * The pieces of serverless.yml text that make a wire, as the read side's graph finds them
 * (`formats/serverless/graph.ts`: events naming a source, statements and environment entries
 * naming a target), so a wire removed is exactly a wire drawn. What a value names is read by
 * the same names module, with the same variable resolution.
 */
import { HTTP_API_ID, REST_API_ID } from '../../../formats/serverless/logicalIds.ts';
import { serverlessGraph } from '../../../formats/serverless/graph.ts';
import { nameScope, stackNamesIn } from '../../../formats/serverless/names.ts';
import type { NameScope } from '../../../formats/serverless/names.ts';
import { variableResolver } from '../../../formats/serverless/variables.ts';
import type { Graph, GraphEdge, WireSource } from '../../../graph/types.ts';
import type { Path } from '../../../diagnostics/types.ts';
import type { CfnObject, CfnValue } from '../../../value.ts';
import { escapeRe } from '../../refs.ts';

export { HTTP_API_ID, REST_API_ID };

/** The event key an API of this id takes, for the service's implicit APIs. */
export function apiEventKey(id: string): 'http' | 'httpApi' | undefined {
  return id === REST_API_ID ? 'http' : id === HTTP_API_ID ? 'httpApi' : undefined;
}

/** `${self:<section>.<id>...}`: a variable reaching into an entry's definition; the first group is what precedes the id. */
export function selfPathPattern(section: 'resources.Resources' | 'functions', id: string): RegExp {
  return new RegExp(`(\\$\\{self:${escapeRe(section)}\\.)${escapeRe(id)}(?=[.}\\s,])`, 'g');
}

/** The `events` list item an event source is in (`['functions', fn, 'events', i]`). */
export function eventItem(src: WireSource): Path {
  return src.path.slice(0, 4);
}

/** A piece written for one function (its events, env, own statements), not shared with the others through the service. */
export function ownPiece(src: WireSource): boolean {
  return src.path[0] === 'functions';
}

/** The wires of one service, read once per question. */
export class ServiceWires {
  readonly graph: Graph;
  readonly scope: NameScope;

  constructor(readonly value: CfnObject) {
    this.graph = serverlessGraph(value);
    const resolver = variableResolver(value);
    this.scope = nameScope(value, (t) => resolver.resolve(t).value);
  }

  /** Does `v` name the node `id` (a resource's logical id, a function's key)? */
  readonly names = (v: CfnValue | undefined, id: string): boolean => stackNamesIn(v, this.scope).includes(id);

  edge(source: string, target: string, kind: 'trigger' | 'access'): GraphEdge | undefined {
    return this.graph.edges.find((e) => e.source === source && e.target === target && e.kind === kind);
  }

  /** Trigger and access wires with `id` at either end. */
  wiresOf(id: string): GraphEdge[] {
    return this.graph.edges.filter((e) => (e.kind === 'trigger' || e.kind === 'access') && (e.source === id || e.target === id));
  }

  /** Functions other than `fn` whose access to `target` is written for them (events, env, own statements). */
  otherUsers(fn: string, target: string): string[] {
    return this.graph.edges.filter((e) => e.kind === 'access' && e.target === target && e.source !== fn && e.sources.some(ownPiece)).map((e) => e.source);
  }
}
