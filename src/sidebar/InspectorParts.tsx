import { useEffect, useMemo, useState } from 'react';
import { parseValueText } from '../model/yaml/fragment.ts';
import { isObject } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { Draft } from './Draft.tsx';
import { YamlDraft } from './YamlDraft.tsx';
import { fieldText } from './inspectorFields.ts';
import type { Field } from './inspectorFields.ts';
import { valueChoiceKey } from './stackFields.ts';
import type { ValueChoice } from './stackFields.ts';
import { hintLine } from './resolvedHint.ts';
import type { ResolvedHint } from './resolvedHint.ts';

/** What a written value comes to for the chosen stage (serverless.yml variables); null: nothing to say. */
export type Resolve = (value: CfnValue | undefined) => ResolvedHint | null;

/*
 * Pieces of the node inspector: a value that is a literal or a reference, environment
 * variables, layers, and raw YAML for the settings the form does not cover.
 * Test ids: `inspector.env`, `inspector.env.<NAME>`, `inspector.env.add`, `inspector.layers`,
 * `inspector.layers.add`, `inspector.raw.<Property>`, `inspector.raw.add`.
 */

/** A value written with variables: what it resolves to for the chosen stage, and what it cannot resolve. */
export function ResolvedNote({ hint }: { hint: ResolvedHint }) {
  return (
    <div className="field-resolved">
      {hint.text !== null && (
        <span className="resolved-value" title="As resolved for the chosen stage; the field keeps what is written">
          → <code>{hint.text}</code>
        </span>
      )}
      {hint.unresolved.map((u) => (
        <span className="resolved-missing" key={u.raw}>
          unresolved: <code>{u.raw}</code> <span className="resolved-why">({u.why})</span>
        </span>
      ))}
    </div>
  );
}


/** Either a typed literal (the field's own input) or a reference chosen from a list. */
export function ValueField({
  id,
  label,
  value,
  choices,
  field,
  inherited,
  inheritedFrom = 'Globals',
  resolve,
  onSet,
}: {
  id: string;
  /** serverless.yml: what a value written with variables resolves to. */
  resolve?: Resolve | undefined;
  label: string;
  value: CfnValue | undefined;
  choices: readonly ValueChoice[];
  field: Field;
  inherited?: CfnValue | undefined;
  /** Where the inherited value is written (`Globals`, a serverless.yml's `provider`). */
  inheritedFrom?: string;
  /** `undefined` removes the setting; returns why a value is refused, or null. */
  onSet(value: CfnValue | undefined): string | null;
}) {
  const key = valueChoiceKey(value);
  const shown = fieldText(value);
  const [mode, setMode] = useState<'literal' | 'reference'>(key ? 'reference' : 'literal');
  // a stack's every resource and attribute: built again only when the list changes
  const options = useMemo(
    () =>
      choices.map((c) => (
        <option key={c.key} value={c.key}>
          {c.label}
        </option>
      )),
    [choices],
  );
  useEffect(() => setMode(key ? 'reference' : shown.editable ? 'literal' : 'reference'), [key, shown.editable]);
  const hint = resolve?.(value) ?? null;
  const inheritedHint = resolve?.(inherited) ?? null;
  const inheritedText =
    inherited !== undefined && fieldText(inherited).editable ? `${fieldText(inherited).text}${inheritedHint ? ` ${hintLine(inheritedHint)}` : ''} (from ${inheritedFrom})` : undefined;
  const toggle = choices.length > 0 && (shown.editable || key) && (
    <span className="value-mode" role="group" aria-label={`${label}: a value or a reference`}>
      <button type="button" aria-pressed={mode === 'literal'} onClick={() => setMode('literal')}>
        Value
      </button>
      <button type="button" aria-pressed={mode === 'reference'} onClick={() => setMode('reference')}>
        Reference
      </button>
    </span>
  );
  if (!shown.editable && !key) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <span className="field-written">{shown.text} (edit it under Other settings or in the YAML panel)</span>
      </div>
    );
  }
  if (mode === 'reference') {
    return (
      <div className="field">
        <div className="field-head">
          <label htmlFor={id}>
            {label}
            {field.required && inherited === undefined && <span className="field-required" aria-label="required"> *</span>}
          </label>
          {toggle}
        </div>
        <select
          id={id}
          value={key}
          onChange={(e) => {
            const c = choices.find((x) => x.key === e.target.value);
            if (c) onSet(c.value);
          }}
        >
          {!key && <option value="">(choose a parameter or resource)</option>}
          {options}
        </select>
      </div>
    );
  }
  return (
    <Draft
      id={id}
      label={label}
      value={key ? '' : shown.text}
      input={field.input}
      labelExtra={toggle}
      {...(field.options ? { options: field.options } : {})}
      {...(field.required && inherited === undefined ? { required: true } : {})}
      {...(field.help ? { help: field.help } : {})}
      {...(inheritedText !== undefined ? { inherited: inheritedText } : {})}
      {...(hint && !key ? { note: <ResolvedNote hint={hint} /> } : {})}
      onCommit={(t) => onSet(t.trim() === '' ? undefined : field.input === 'number' && /^-?\d+(\.\d+)?$/.test(t.trim()) ? Number(t.trim()) : t.trim())}
    />
  );
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_FIELD: Field = { name: 'value', label: 'Value', input: 'text' };

/** `Environment.Variables` of a function: add, rename, change (literal or reference), remove. */
export function EnvironmentVariables({
  variables,
  inherited,
  inheritedFrom = 'Globals',
  choices,
  resolve,
  onSet,
  onRemove,
  onRename,
}: {
  variables: CfnObject;
  inherited: CfnObject;
  inheritedFrom?: string;
  choices: readonly ValueChoice[];
  resolve?: Resolve | undefined;
  onSet(name: string, value: CfnValue): void;
  onRemove(name: string): void;
  onRename(from: string, to: string): void;
}) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const n = name.trim();
    if (!ENV_NAME.test(n)) return setError('Letters, digits and _, not starting with a digit.');
    if (Object.prototype.hasOwnProperty.call(variables, n)) return setError(`${n} is already set.`);
    onSet(n, '');
    setName('');
    setError(null);
    setAdding(false);
  };
  return (
    <div className="inspector-group" data-testid="inspector.env">
      <h3>Environment variables</h3>
      {Object.entries(inherited)
        .filter(([k]) => !Object.prototype.hasOwnProperty.call(variables, k))
        .map(([k, v]) => {
          const h = resolve?.(v) ?? null;
          return (
            <p key={k} className="env-inherited">
              <code>{k}</code> = {fieldText(v).text}
              {h && (
                <>
                  {' '}
                  <span className="env-inherited-resolved">{hintLine(h)}</span>
                </>
              )}{' '}
              <span className="field-help">(from {inheritedFrom})</span>
            </p>
          );
        })}
      {Object.entries(variables).map(([k, v]) => (
        <div className="env-row" key={k} data-testid={`inspector.env.${k}`}>
          <Draft
            id={`env-${k}-name`}
            label="Name"
            value={k}
            onCommit={(t) => {
              const to = t.trim();
              if (!ENV_NAME.test(to)) return 'Letters, digits and _, not starting with a digit.';
              if (to !== k && Object.prototype.hasOwnProperty.call(variables, to)) return `${to} is already set.`;
              onRename(k, to);
              return null;
            }}
          />
          <ValueField
            id={`env-${k}-value`}
            label="Value"
            value={v}
            choices={choices}
            field={ENV_FIELD}
            resolve={resolve}
            onSet={(value) => (value === undefined ? onSet(k, '') : onSet(k, value), null)}
          />
          <button type="button" className="param-remove" aria-label={`Remove environment variable ${k}`} onClick={() => onRemove(k)}>
            Remove
          </button>
        </div>
      ))}
      {adding ? (
        <div className="env-add">
          <label htmlFor="env-new-name">New variable</label>
          <input
            id="env-new-name"
            autoFocus
            value={name}
            placeholder="TABLE_NAME"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
              if (e.key === 'Escape') (setAdding(false), setError(null));
            }}
          />
          <button type="button" onClick={add}>
            Add
          </button>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
        </div>
      ) : (
        <button type="button" className="param-add" data-testid="inspector.env.add" onClick={() => setAdding(true)}>
          Add variable
        </button>
      )}
    </div>
  );
}

/** A function's `Layers`: layers of this stack chosen from a list, or an ARN typed in. */
export function Layers({ layers, stackLayers, onAdd, onRemove }: { layers: readonly CfnValue[]; stackLayers: readonly string[]; onAdd(value: CfnValue): void; onRemove(index: number): void }) {
  const [arn, setArn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const used = new Set(layers.map((l) => valueChoiceKey(l)));
  const free = stackLayers.filter((id) => !used.has(`Ref:${id}`));
  return (
    <div className="inspector-group" data-testid="inspector.layers">
      <h3>Layers</h3>
      {layers.length === 0 && <p className="inspector-empty">No layers.</p>}
      <ul className="layer-list">
        {layers.map((l, i) => (
          <li key={i}>
            <code>{fieldText(l).text}</code>
            <button type="button" className="param-remove" aria-label={`Remove layer ${fieldText(l).text}`} onClick={() => onRemove(i)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="value-row" data-testid="inspector.layers.add">
        {free.length > 0 && (
          <select aria-label="Add a layer of this stack" value="" onChange={(e) => e.target.value && onAdd({ Ref: e.target.value })}>
            <option value="">Add a layer of this stack…</option>
            {free.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        )}
        <input
          aria-label="Layer ARN"
          placeholder="arn:aws:lambda:…:layer:name:1"
          value={arn}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setArn(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const a = arn.trim();
            if (!/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:layer:[A-Za-z0-9_-]+:\d+$/.test(a) && !a.includes('${')) return setError('A layer version ARN: arn:aws:lambda:region:account:layer:name:version.');
            setError(null);
            setArn('');
            onAdd(a);
          }}
        />
      </div>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field-help">{free.length > 0 ? 'Choose a layer of this stack, or type' : 'Type'} a layer version ARN and press Enter.</span>
      )}
    </div>
  );
}

/** One setting as YAML: shown as written, applied when it reads as a value. */
export function RawSetting({
  name,
  source,
  hint,
  onSet,
  onRemove,
  onReveal,
}: {
  name: string;
  source: string;
  /** A scalar written with variables: what it resolves to. */
  hint?: ResolvedHint | null;
  onSet(value: CfnValue): void;
  onRemove(): void;
  onReveal(): void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li className="raw-setting" data-testid={`inspector.raw.${name}`}>
      <div className="param-head">
        <button type="button" className="field-ref" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {name}
        </button>
        <button type="button" className="link-button" onClick={onReveal}>
          Show in YAML
        </button>
        <button type="button" className="param-remove" aria-label={`Remove ${name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      {hint && <ResolvedNote hint={hint} />}
      {open && <YamlDraft aria-label={`${name} (YAML)`} source={source} onApply={onSet} minRows={2} maxRows={12} help="Ctrl+Enter or leaving the field applies it; Esc reverts" />}
    </li>
  );
}

/** Adds a setting the form does not have, typed as a name and a YAML value. */
export function AddRawSetting({ taken, onAdd }: { taken: ReadonlySet<string>; onAdd(name: string, value: CfnValue): void }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="param-add" data-testid="inspector.raw.add" onClick={() => setOpen(true)}>
        Add a setting (YAML)
      </button>
    );
  }
  const add = () => {
    const n = name.trim();
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(n)) return setError('A property name: letters and digits.');
    if (taken.has(n)) return setError(`${n} is already set.`);
    const r = parseValueText(value);
    if (!r.ok) return setError(r.message);
    onAdd(n, r.value);
    setOpen(false);
    setName('');
    setValue('');
    setError(null);
  };
  return (
    <div className="raw-add">
      <label htmlFor="raw-new-name">Property</label>
      <input id="raw-new-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Tracing" />
      <label htmlFor="raw-new-value">Value (YAML)</label>
      <textarea id="raw-new-value" className="yaml-field" rows={3} spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} placeholder="Active" />
      <div className="value-row">
        <button type="button" onClick={add}>
          Add
        </button>
        <button type="button" onClick={() => (setOpen(false), setError(null))}>
          Cancel
        </button>
      </div>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The object at `v`, or an empty one. */
export function objectOr(v: CfnValue | undefined): CfnObject {
  return isObject(v) ? v : {};
}
