import { useEffect, useState } from 'react';
import type { Field } from './inspectorFields.ts';

/** Commits on Enter or blur, reverts on Escape; shows why a value is refused. */
export function Draft({ id, label, value, onCommit, input = 'text', options, required, help, inherited, labelExtra, note }: {
  id: string;
  /** Shown under the field: what a value written with variables comes to (its element's id is `<id>-note`). */
  note?: React.ReactNode;
  /** Shown at the end of the label line (a literal/reference switch). */
  labelExtra?: React.ReactNode;
  label: string;
  value: string;
  /** The inherited value's note, e.g. `nodejs20.x (from Globals)`. */
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
      <div className="field-head">
        <label htmlFor={id}>
          {label}
          {required && <span className="field-required" aria-label="required"> *</span>}
        </label>
        {labelExtra}
      </div>
      {input === 'select' ? (
        <select id={id} value={draft} onChange={(e) => (setDraft(e.target.value), commit(e.target.value))}>
          {!options?.includes(draft) && <option value={draft}>{draft || (inherited ?? '(not set)')}</option>}
          {options?.map((o) => (
            <option key={o} value={o}>
              {o || '(not set)'}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="text"
          inputMode={input === 'number' ? 'numeric' : undefined}
          value={draft}
          placeholder={inherited}
          aria-invalid={error ? true : undefined}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(draft);
            if (e.key === 'Escape') (setDraft(value), setError(null));
          }}
        />
      )}
      {note && <div id={`${id}-note`}>{note}</div>}
      {help && !error && <span className="field-help">{help}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
