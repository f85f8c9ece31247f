/**
 * What a wire writes, for the wire inspector: each piece of template text that makes it
 * (exactly as written, with its lines), a sentence per piece, the access level it grants and
 * the trigger's event entries with their settings. Pure; never throws on any template.
 */
import type { Path } from '../diagnostics/types.ts';
import { formatPath } from '../diagnostics/types.ts';
import type { AccessLevel } from '../catalog/accessRules.ts';
import { EVENT_SOURCE_MAPPING, eventSettings, serverlessEventSettings } from '../catalog/eventSettings.ts';
import type { EventSetting } from '../catalog/eventSettings.ts';
import { eventSourceProperty } from '../catalog/wires.ts';
import { sourceKeys } from '../formats/serverless/events.ts';
import type { Graph, GraphEdge, WireSource } from '../graph/types.ts';
import type { Style } from '../text/style.ts';
import { emitFlow } from '../text/emit.ts';
import { isObject, valueAt } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import type { ParsedText } from '../yaml/parse.ts';
import { fragmentAt } from './fragment.ts';
import type { Fragment } from './fragment.ts';
import { actionList, readAccessLevel } from './level.ts';
import type { AccessLevelReading } from './level.ts';

export interface WirePart {
  readonly source: WireSource;
  /** The template text it points at; null only if the file has nothing at or above its path. */
  readonly fragment: Fragment | null;
  readonly summary: string;
}

export interface AccessOption {
  readonly level: AccessLevel;
  /** The rule's words for it ("Read items"). */
  readonly label: string;
  /** What it writes: policy template names, or "inline statement". */
  readonly writes: string;
}

export interface WireAccess {
  /** The level granted, when Cairn recognises what is written as one of its levels. */
  readonly level: AccessLevel | null;
  /** The levels it can be switched to (empty when the level is not recognised). */
  readonly options: readonly AccessOption[];
  readonly reading: AccessLevelReading;
}

/** One entry that makes a trigger wire: a SAM event, or an event source mapping resource. */
export interface TriggerEvent {
  readonly name: string;
  /** `SQS`, `HttpApi`, `Schedule`, ... or `EventSourceMapping`. */
  readonly type: string;
  /** Its settings are `<definition>.<...propertiesPath>`: setProperty/deleteProperty on `resource` below it. */
  readonly resource: string;
  /** Where `resource` is defined: `['Resources', id]`, or `['functions', name]` in a serverless.yml. */
  readonly definition: Path;
  readonly propertiesPath: readonly (string | number)[];
  readonly properties: CfnObject;
  /** Properties that name the wire's ends: shown, never edited from the form. */
  readonly fixed: readonly string[];
  readonly settings: readonly EventSetting[];
}

export interface WireDescription {
  readonly edge: GraphEdge;
  readonly parts: readonly WirePart[];
  readonly access: WireAccess | null;
  readonly events: readonly TriggerEvent[];
  /** A `disconnect` removes every piece of it. */
  readonly removable: boolean;
}

/** Short forms, no padding: how summaries quote values. */
const BRIEF: Style = {
  syntax: 'yaml',
  eol: '\n',
  finalNewline: true,
  indent: 2,
  indentChar: ' ',
  seqIndent: true,
  quote: "'",
  shortForm: true,
  flowPadding: false,
  blankBetweenResources: true,
};
const BRIEF_LENGTH = 80;

/** A value on one line as it would be written in short-form YAML (`!Ref OrdersTable`), cut at 80 characters. */
export function brief(v: CfnValue | undefined): string {
  if (v === undefined) return '(nothing)';
  const full = emitFlow(v, BRIEF, Number.MAX_SAFE_INTEGER) ?? JSON.stringify(v);
  return full.length > BRIEF_LENGTH ? `${full.slice(0, BRIEF_LENGTH - 1)}…` : full;
}

function listed(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max - 1).join(', ')} and ${items.length - (max - 1)} more`;
}

function settingsText(props: CfnObject, skip: readonly string[]): string {
  return Object.entries(props)
    .filter(([k]) => !skip.includes(k))
    .map(([k, v]) => `${k} ${brief(v)}`)
    .join(', ');
}

function summarise(value: CfnObject, src: WireSource, events: readonly TriggerEvent[]): string {
  const at = valueAt(value, src.path);
  switch (src.via) {
    case 'event': {
      const name = String(src.path[src.path.length - 1]);
      const ev = events.find((e) => e.name === name && e.type !== EVENT_SOURCE_MAPPING);
      const rest = ev ? settingsText(ev.properties, ev.fixed) : '';
      return `Event ${name}: ${src.name || 'no type'}${rest ? `, ${rest}` : ''}`;
    }
    case 'property': {
      const id = String(src.path[1]);
      const ev = events.find((e) => e.resource === id && e.type === EVENT_SOURCE_MAPPING);
      const rest = ev ? settingsText(ev.properties, ev.fixed) : '';
      return `Event source mapping ${id}${rest ? `: ${rest}` : ''}`;
    }
    case 'policy-template': {
      const args = isObject(at) ? at[src.name ?? ''] : undefined;
      if (isObject(args)) {
        const keys = Object.keys(args);
        if (keys.length === 1) return `Policy template ${src.name} scoped to ${brief(args[keys[0]!])}`;
        if (keys.length > 1) return `Policy template ${src.name} scoped to ${keys.map((k) => `${k} ${brief(args[k])}`).join(', ')}`;
      }
      return `Policy template ${src.name}${args === undefined || (isObject(args) && !Object.keys(args).length) ? '' : ` with ${brief(args)}`}`;
    }
    case 'statement': {
      if (!isObject(at)) return 'IAM statement';
      const actions = actionList(at['Action']);
      const not = actionList(at['NotAction']);
      const res = at['Resource'];
      const on = Array.isArray(res) ? listed(res.map((r) => brief(r)), 2) : brief(res);
      if (actions) return `Statement allowing ${listed(actions)} on ${on}`;
      if (not) return `Statement allowing everything but ${listed(not)} on ${on}`;
      return `Statement on ${on}`;
    }
    case 'env':
      return `Environment variable ${src.name} = ${brief(at)}`;
    case 'depends-on':
      return `DependsOn ${brief(at)} in ${src.path[1]}`;
    case 'import-value':
      return `Imported value ${brief(at)} in ${where(src.path)}`;
    case 'vpc':
      return `Placed in the network's subnets by ${where(src.path)}`;
    default:
      return `Reference ${brief(at)} in ${where(src.path)}`;
  }
}

/** `Properties.Environment.Variables.X` of `Resources.Fn...`, or the path as it is elsewhere. */
function where(path: Path): string {
  return path[0] === 'Resources' && path.length > 2 ? `${String(path[1])} ${formatPath(path.slice(2))}` : formatPath(path);
}

function triggerEvents(value: CfnObject, edge: GraphEdge): TriggerEvent[] {
  const out: TriggerEvent[] = [];
  for (const src of edge.sources) {
    if (src.via === 'event' && src.path[0] === 'Resources' && typeof src.path[1] === 'string') {
      const entry = valueAt(value, src.path);
      if (!isObject(entry)) continue;
      const type = typeof entry['Type'] === 'string' ? entry['Type'] : '';
      const sourceProp = eventSourceProperty(type);
      out.push({
        name: String(src.path[src.path.length - 1]),
        type,
        resource: src.path[1],
        definition: ['Resources', src.path[1]],
        propertiesPath: [...src.path.slice(2), 'Properties'],
        properties: isObject(entry['Properties']) ? entry['Properties'] : {},
        fixed: sourceProp ? [sourceProp] : [],
        settings: eventSettings(type),
      });
    } else if (src.via === 'event' && src.path[0] === 'functions' && typeof src.path[1] === 'string' && src.path.length === 5) {
      // serverless.yml: `functions.<fn>.events[i].<type>`; a string entry (`- sqs: arn`) has no settings to edit
      const [, fn, , index, type] = src.path as [string, string, string, number, string];
      const entry = valueAt(value, src.path);
      out.push({
        name: `${type}-${index + 1}`,
        type,
        resource: fn,
        definition: ['functions', fn],
        propertiesPath: src.path.slice(2),
        properties: isObject(entry) ? entry : {},
        fixed: sourceKeys(type),
        settings: isObject(entry) ? serverlessEventSettings(type) : [],
      });
    } else if (src.via === 'property' && src.name === EVENT_SOURCE_MAPPING && typeof src.path[1] === 'string') {
      const props = valueAt(value, [...src.path, 'Properties']);
      out.push({
        name: src.path[1],
        type: EVENT_SOURCE_MAPPING,
        resource: src.path[1],
        definition: ['Resources', src.path[1]],
        propertiesPath: ['Properties'],
        properties: isObject(props) ? props : {},
        fixed: ['EventSourceArn', 'FunctionName'],
        settings: eventSettings(EVENT_SOURCE_MAPPING),
      });
    }
  }
  return out;
}

const REMOVABLE = new Set<WireSource['via']>(['event', 'policy-template', 'statement', 'env']);

function accessOf(value: CfnObject, graph: Graph, edge: GraphEdge): WireAccess | null {
  if (edge.kind !== 'access') return null;
  const kind = graph.nodes.find((n) => n.id === edge.target)?.kind ?? 'resource';
  const reading = readAccessLevel(value, edge, kind);
  const rule = reading.rule;
  const options: AccessOption[] =
    rule && reading.level && reading.form
      ? reading.levels.map((level) => {
          const lr = rule.levels[level]!;
          const g = lr.grant(edge.target);
          const writes =
            reading.form === 'sam'
              ? [...g.templates.map((t) => t.template), ...(g.inline.length ? ['an inline statement'] : [])].join(' and ')
              : `${g.statements.length === 1 ? 'a statement' : `${g.statements.length} statements`} with ${listed(g.statements.flatMap((s) => s.Action), 2)}`;
          return { level, label: lr.label, writes };
        })
      : [];
  return { level: reading.level, options, reading };
}

/** Describes one wire of `graph` (drawn from `parsed`); null when there is no such wire or nothing was read. */
export function describeWire(t: { readonly parsed: ParsedText; readonly graph: Graph }, edgeId: string): WireDescription | null {
  const edge = t.graph.edges.find((e) => e.id === edgeId);
  const value = t.parsed.value;
  if (!edge || !value) return null;
  const events = edge.kind === 'trigger' ? triggerEvents(value, edge) : [];
  const parts = edge.sources.map((source): WirePart => ({ source, fragment: fragmentAt(t.parsed, source.path), summary: summarise(value, source, events) }));
  const removable = (edge.kind === 'trigger' || edge.kind === 'access') && edge.sources.every((s) => REMOVABLE.has(s.via));
  return { edge, parts, access: accessOf(value, t.graph, edge), events, removable };
}
