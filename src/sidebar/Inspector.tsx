import { memo, useEffect, useState } from 'react';
import type { Edit } from '../model/edit/types.ts';
import type { GraphEdge, GraphNode } from '../model/graph/types.ts';
import { isObject } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { KIND_STYLE } from '../canvas/nodes/kindStyle.ts';
import { FIELDS, fieldText, parseField } from './inspectorFields.ts';
import type { Field } from './inspectorFields.ts';

interface Props {
  readonly node: GraphNode | null;
  /** The resource's definition in the template (`Resources.<id>`). */
  readonly definition: CfnValue | undefined;
  readonly edges: readonly GraphEdge[];
  /** Values SAM's Globals give this resource (`Globals.Function` for a function). */
  readonly inherited?: CfnObject;
  onEdits(edits: Edit[]): void;
  onRename(from: string, to: string): void;
  /** Show this path of the template in the YAML panel. */
  onReveal(path: readonly (string | number)[]): void;
}

/** Commits on Enter or blur, reverts on Escape; shows why a value is refused. */
export function Draft({ id, label, value, onCommit, input = 'text', options, required, help, inherited }: {
  id: string;
  label: string;
  value: string;
  inherited?: string;
  onCommit(text: string): string | null;
  input?: Field['input'];
  options?: readonly string[];
  required?: boolean;
  help?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);
  const commit = (text: string) => {
    if (text === value) return;
    setError(onCommit(text));
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="field-required" aria-label="required"> *</span>}
      </label>
      {input === 'select' ? (
        <select id={id} value={draft} onChange={(e) => (setDraft(e.target.value), commit(e.target.value))}>
          {!options?.includes(draft) && <option value={draft}>{draft || (inherited ? `${inherited} (from Globals)` : '(not set)')}</option>}
          {options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode={input === 'number' ? 'numeric' : undefined}
          value={draft}
          placeholder={inherited ? `${inherited} (from Globals)` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(draft);
            if (e.key === 'Escape') (setDraft(value), setError(null));
          }}
        />
      )}
      {help && !error && <span className="field-help">{help}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function InspectorView({ node, definition, edges, inherited, onEdits, onRename, onReveal }: Props) {
  if (!node) {
    return (
      <section className="inspector" data-testid="inspector" aria-label="Inspector">
        <p className="inspector-empty">Select a node to see and change its settings.</p>
      </section>
    );
  }
  const k = KIND_STYLE[node.kind];
  const def = isObject(definition) ? definition : {};
  const props: CfnObject = isObject(def['Properties']) ? def['Properties'] : {};
  const fields = FIELDS[node.kind] ?? [];
  const covered = new Set(fields.map((f) => f.name));
  const others = Object.keys(props).filter((p) => !covered.has(p));
  const editable = !node.implicit && node.path.length === 2 && node.path[0] === 'Resources';
  const wires = edges.filter((e) => e.source === node.id || e.target === node.id);

  return (
    <section className="inspector" data-testid="inspector" aria-label={`Inspector: ${node.id}`}>
      <header className="inspector-head">
        <span className="rnode-glyph" style={{ '--accent': k.accent } as React.CSSProperties} aria-hidden="true">
          {k.glyph}
        </span>
        <div>
          <h2 className="inspector-title">{node.id}</h2>
          <p className="inspector-type">
            {k.label} · {node.type}
          </p>
        </div>
      </header>
      {!editable && <p className="inspector-note">{node.implicit ? 'Created by the SAM transform: change it through the resources that make it.' : 'Edit this in the YAML panel.'}</p>}
      {editable && (
        <form className="inspector-form" onSubmit={(e) => e.preventDefault()}>
          <Draft
            id="inspector-name"
            label="Logical id"
            value={node.id}
            required
            help="letters and digits; every reference follows a rename"
            onCommit={(t) => {
              const to = t.trim();
              if (!/^[A-Za-z0-9]{1,255}$/.test(to)) return 'Use letters and digits only.';
              onRename(node.id, to);
              return null;
            }}
          />
          {fields.map((f) => {
            const shown = fieldText(props[f.name]);
            if (!shown.editable) {
              return (
                <div className="field" key={f.name}>
                  <span className="field-label">{f.label}</span>
                  <button type="button" className="field-ref" onClick={() => onReveal([...node.path, 'Properties', f.name])}>
                    {shown.text}
                  </button>
                </div>
              );
            }
            return (
              <Draft
                key={f.name}
                id={`inspector-${f.name}`}
                label={f.label}
                value={shown.text}
                input={f.input}
                {...(f.options ? { options: f.options } : {})}
                {...(f.required && inherited?.[f.name] === undefined ? { required: true } : {})}
                {...(f.help ? { help: f.help } : {})}
                {...(inherited && inherited[f.name] !== undefined && fieldText(inherited[f.name]).editable ? { inherited: fieldText(inherited[f.name]).text } : {})}
                onCommit={(t) => {
                  const p = parseField(f, t, inherited?.[f.name] !== undefined);
                  if (!p.ok) return p.reason;
                  const path = ['Properties', f.name];
                  if (p.value === undefined) {
                    if (props[f.name] !== undefined) onEdits([{ op: 'deleteProperty', resource: node.id, path }]);
                  } else onEdits([{ op: 'setProperty', resource: node.id, path, value: p.value }]);
                  return null;
                }}
              />
            );
          })}
        </form>
      )}
      {others.length > 0 && (
        <div className="inspector-others">
          <h3>Other settings</h3>
          <ul>
            {others.map((p) => (
              <li key={p}>
                <button type="button" className="field-ref" onClick={() => onReveal([...node.path, 'Properties', p])}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {wires.length > 0 && (
        <div className="inspector-wires">
          <h3>Wires</h3>
          <ul>
            {wires.map((w) => (
              <li key={w.id}>
                <span className={`wire-badge wire-badge-${w.kind}`}>{w.kind}</span> {w.source === node.id ? `to ${w.target}` : `from ${w.source}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export const Inspector = memo(InspectorView);
