/**
 * The wire inspector: what a selected wire writes, exactly as the file has it, and its options.
 *
 * Test ids (dotted, stable; e2e/pages/EditorPage.ts reads them):
 *   wire.inspector                    the panel (shown instead of the node inspector)
 *   wire.title                        "Source → Target"
 *   wire.part.<i>                     one piece of template text that makes the wire (i from 0)
 *   wire.part.<i>.summary             its sentence ("Policy template DynamoDBCrudPolicy scoped to !Ref OrdersTable")
 *   wire.part.<i>.code                its text as written, lines shifted left together (monospace)
 *   wire.part.<i>.reveal              "Show in YAML"
 *   wire.level                        the access level radios (access wires Cairn recognises)
 *   wire.level.<read|write|crud>      one radio
 *   wire.level.unrecognised           the note shown when the policies are not one of Cairn's levels
 *   wire.event.<EventName>            a trigger's event entry (its settings form)
 *   wire.setting.<EventName>.<Prop>   one setting's field (an input or a select inside)
 *   wire.remove                       "Remove wire" (trigger and access wires)
 *   wire.scope                        a serverless.yml access wire: whose role it is granted through
 */
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { AccessLevel } from '../model/catalog/accessRules.ts';
import type { Edit } from '../model/edit/types.ts';
import type { GraphEdge } from '../model/graph/types.ts';
import type { TriggerEvent, WireDescription } from '../model/wire/describe.ts';
import { dedentFragment } from '../model/wire/fragment.ts';
import type { EventSetting } from '../model/catalog/eventSettings.ts';
import { editsApplied } from '../store/document/slice.ts';
import { selectGraphIsStale, selectTemplate } from '../store/document/selectors.ts';
import { accessScope } from '../model/edit/ops/serverless/service.ts';
import type { AccessScope } from '../model/edit/ops/serverless/service.ts';
import { PROVIDER_ROLE_ID } from '../model/formats/serverless/logicalIds.ts';
import { useAppDispatch, useAppSelector } from '../store/hooks.ts';
import { selectSelectedEdge, selectSelectedWire } from '../store/selection/selectors.ts';
import { Draft } from './Inspector.tsx';
import { fieldText } from './inspectorFields.ts';
import { ResolvedNote } from './InspectorParts.tsx';
import type { Resolve } from './InspectorParts.tsx';
import { resolvedHint } from './resolvedHint.ts';
import { selectResolver } from '../store/document/stageSelectors.ts';
import { parseSetting, settingField, writtenSetting } from './wireFields.ts';
import './wireInspector.css';

type Reveal = (path: readonly (string | number)[]) => void;

interface Props {
  readonly edge: GraphEdge;
  /** Null while the YAML does not parse (the canvas shows the last good graph). */
  readonly wire: WireDescription | null;
  onEdits(edits: Edit[]): void;
  onReveal: Reveal;
  /** A serverless.yml access wire: whether the function's role is the service's shared one. */
  readonly scope?: AccessScope;
  /** serverless.yml: what an event setting written with variables resolves to for the chosen stage. */
  readonly resolve?: Resolve;
}

const KIND_TITLE: Record<GraphEdge['kind'], string> = {
  trigger: 'Trigger',
  access: 'Access',
  reference: 'Reference',
  containment: 'Placement',
};

/** The level in the brief's words; the rule's own label says what it means for this resource. */
const LEVEL_WORD: Record<AccessLevel, string> = { read: 'Read-only', write: 'Write-only', crud: 'Read-write' };

function meaning(e: GraphEdge): string {
  switch (e.kind) {
    case 'trigger':
      return `Events from ${e.source} invoke ${e.target}.`;
    case 'access':
      return `${e.source} may use ${e.target}.`;
    case 'reference':
      return `${e.source} names ${e.target} in hand-written template code.`;
    default:
      return `${e.target} runs inside ${e.source}.`;
  }
}

/** What an access wire in a serverless.yml grants beyond its own function, if anything. */
function scopeNote(scope: AccessScope, fn: string): string {
  return scope === 'service-role'
    ? `The Serverless Framework gives every function of this service one role (${PROVIDER_ROLE_ID}): this access is granted to all of them, not only to ${fn}.`
    : `${fn} has a role of its own: this access is granted to ${fn} alone.`;
}

function EventForm({ ev, onEdits, onReveal, resolve }: { ev: TriggerEvent; onEdits(edits: Edit[]): void; onReveal: Reveal; resolve?: Resolve | undefined }) {
  const known = new Set(ev.settings.map((s) => s.name));
  const written = Object.keys(ev.properties).filter((p) => !ev.fixed.includes(p) && !known.has(p));
  const editable: EventSetting[] = [...ev.settings, ...written.flatMap((p) => writtenSetting(p, ev.properties[p]) ?? [])];
  const yamlOnly = written.filter((p) => !writtenSetting(p, ev.properties[p]));
  const at = (name: string) => [...ev.propertiesPath, name];
  const commit = (s: EventSetting, text: string): string | null => {
    const p = parseSetting(s, text);
    if (!p.ok) return p.reason;
    if (p.value !== undefined) onEdits([{ op: 'setProperty', resource: ev.resource, path: at(s.name), value: p.value }]);
    else if (ev.properties[s.name] !== undefined) onEdits([{ op: 'deleteProperty', resource: ev.resource, path: at(s.name) }]);
    return null;
  };
  return (
    <fieldset className="wire-event" data-testid={`wire.event.${ev.name}`}>
      <legend>
        <span className="wire-event-kicker">{ev.type === 'EventSourceMapping' ? 'Event source mapping' : 'Event'}</span> {ev.name}{' '}
        <span className="wire-event-type">{ev.type || 'no type'}</span>
      </legend>
      {ev.fixed
        .filter((p) => ev.properties[p] !== undefined)
        .map((p) => {
          const hint = resolve?.(ev.properties[p]) ?? null;
          return (
            <div className="field" key={p}>
              <span className="field-label">{p}</span>
              <button type="button" className="field-ref" title="Names the wire's source: change it in the YAML" onClick={() => onReveal([...ev.definition, ...at(p)])}>
                {fieldText(ev.properties[p]).text}
              </button>
              {hint && <ResolvedNote hint={hint} />}
            </div>
          );
        })}
      {editable.map((s) => {
        const value = ev.properties[s.name];
        const shown = fieldText(value);
        const id = `wire-${ev.name}-${s.name}`;
        const hint = resolve?.(value) ?? null;
        return (
          <div key={s.name} data-testid={`wire.setting.${ev.name}.${s.name}`}>
            {shown.editable ? (
              <Draft
                id={id}
                label={s.label}
                value={shown.text}
                input={settingField(s, value).input}
                {...(settingField(s, value).options ? { options: settingField(s, value).options! } : {})}
                {...(s.required ? { required: true } : {})}
                help={s.label === s.name ? (s.help ?? '') : `${s.name}${s.help ? ` · ${s.help}` : ''}`}
                {...(hint ? { note: <ResolvedNote hint={hint} /> } : {})}
                onCommit={(text) => commit(s, text)}
              />
            ) : (
              <div className="field">
                <span className="field-label">{s.label}</span>
                <button type="button" className="field-ref" onClick={() => onReveal([...ev.definition, ...at(s.name)])}>
                  {shown.text}
                </button>
              </div>
            )}
          </div>
        );
      })}
      {yamlOnly.length > 0 && (
        <div className="field">
          <span className="field-label">Set in YAML</span>
          <div className="wire-yaml-only">
            {yamlOnly.map((p) => (
              <button key={p} type="button" className="field-ref" onClick={() => onReveal([...ev.definition, ...at(p)])}>
                {p}
              </button>
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
}

function WireInspectorView({ edge, wire, onEdits, onReveal, scope, resolve }: Props) {
  const access = wire?.access;
  const chosen = access?.level ?? null;
  // the sidebar may be scrolled to the parameters: bring a newly selected wire's panel into view
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
  }, [edge.id]);
  return (
    <section ref={box} className="inspector wire-inspector" data-testid="wire.inspector" aria-label={`Wire: ${edge.source} to ${edge.target}`}>
      <header className="wire-head">
        <span className={`wire-badge wire-badge-${edge.kind}`}>{KIND_TITLE[edge.kind]}</span>
        <h2 className="inspector-title" data-testid="wire.title">
          {edge.source} → {edge.target}
        </h2>
      </header>
      <p className="wire-meaning">{meaning(edge)}</p>
      {scope && (
        <p className="inspector-note" data-testid="wire.scope">
          {scopeNote(scope, edge.source)}
        </p>
      )}
      {!wire && <p className="inspector-note">The YAML does not parse: fix it to see and change what this wire writes.</p>}
      {wire && (
        <>
          <h3 className="wire-section">What it writes</h3>
          <ol className="wire-parts">
            {wire.parts.map((p, i) => (
              <li key={i} className="wire-part" data-testid={`wire.part.${i}`}>
                <span className="wire-part-summary" data-testid={`wire.part.${i}.summary`}>
                  {p.summary}
                </span>
                {p.fragment && (
                  <>
                    <pre className="wire-code" data-testid={`wire.part.${i}.code`}>
                      <code>{dedentFragment(p.fragment)}</code>
                    </pre>
                    <div className="wire-part-foot">
                      <span className="wire-lines">
                        {p.fragment.range.start.line === p.fragment.range.end.line ? `line ${p.fragment.range.start.line}` : `lines ${p.fragment.range.start.line}–${p.fragment.range.end.line}`}
                        {!p.fragment.exact && ' (written through a shared block)'}
                      </span>
                      <button type="button" className="wire-reveal" data-testid={`wire.part.${i}.reveal`} onClick={() => onReveal(p.fragment!.path)}>
                        Show in YAML
                      </button>
                    </div>
                  </>
                )}
              </li>
            ))}
          </ol>
          {access && access.options.length > 0 && (
            <fieldset className="wire-levels" data-testid="wire.level">
              <legend>Access level</legend>
              {access.options.map((o) => (
                <label key={o.level} className="wire-level">
                  <input
                    type="radio"
                    name={`wire-level-${edge.id}`}
                    value={o.level}
                    checked={chosen === o.level}
                    data-testid={`wire.level.${o.level}`}
                    onChange={() => onEdits([{ op: 'setAccessLevel', source: edge.source, target: edge.target, level: o.level }])}
                  />
                  <span className="wire-level-text">
                    <strong>{LEVEL_WORD[o.level]}</strong>
                    <span className="wire-level-label">{o.label}</span>
                    <code className="wire-level-writes">{o.writes}</code>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {access && !access.options.length && (
            <p className="inspector-note" data-testid="wire.level.unrecognised">
              {access.reading.rule
                ? "These policies are not one of Cairn's access levels: change them in the YAML."
                : 'Cairn has no access levels for this kind of resource: change the policies in the YAML.'}
            </p>
          )}
          {wire.events.map((ev) => (
            <EventForm key={`${ev.resource}.${ev.name}`} ev={ev} onEdits={onEdits} onReveal={onReveal} resolve={resolve} />
          ))}
        </>
      )}
      {wire?.removable ? (
        <button
          type="button"
          className="wire-remove"
          data-testid="wire.remove"
          onClick={() => onEdits([{ op: 'disconnect', source: edge.source, target: edge.target, kind: edge.kind as 'trigger' | 'access' }])}
        >
          Remove wire
        </button>
      ) : (
        wire && <p className="inspector-note">{edge.kind === 'reference' ? 'A reference written by hand: change it in the YAML.' : 'Change or remove this in the YAML.'}</p>
      )}
    </section>
  );
}

export const WireInspectorPanel = memo(WireInspectorView);

/** The selected wire's inspector, or nothing when no wire is selected. */
export function WireInspector({ onReveal }: { onReveal: Reveal }) {
  const dispatch = useAppDispatch();
  const edge = useAppSelector(selectSelectedEdge);
  const wire = useAppSelector(selectSelectedWire);
  const stale = useAppSelector(selectGraphIsStale);
  const template = useAppSelector(selectTemplate);
  const onEdits = useCallback((edits: Edit[]) => dispatch(editsApplied(edits)), [dispatch]);
  const resolver = useAppSelector(selectResolver);
  const resolve = useMemo<Resolve | undefined>(() => (resolver ? (v) => resolvedHint(resolver, v) : undefined), [resolver]);
  if (!edge) return null;
  const value = template.parsed.value;
  const scope = template.format === 'serverless' && edge.kind === 'access' && value ? accessScope(value, edge.source) : undefined;
  return <WireInspectorPanel edge={edge} wire={stale ? null : wire} onEdits={onEdits} onReveal={onReveal} {...(scope ? { scope } : {})} {...(resolve ? { resolve } : {})} />;
}
