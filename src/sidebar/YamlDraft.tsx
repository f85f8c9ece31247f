import { useEffect, useState } from 'react';
import { parseValueText } from '../model/yaml/fragment.ts';
import type { CfnValue } from '../model/value.ts';

/**
 * A value edited as YAML: shown as written (`source`), applied on Ctrl+Enter or blur when it
 * reads as a value (`parseValueText`), reverted by Escape; a refusal is shown with its line.
 */
export function YamlDraft({ source, onApply, help, maxRows, minRows, ...field }: {
  source: string;
  onApply(value: CfnValue): void;
  /** Shown under the field while there is no error. */
  help: string;
  maxRows: number;
  minRows: number;
  id?: string;
  'aria-label'?: string;
}) {
  const [draft, setDraft] = useState(source);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(source);
    setError(null);
  }, [source]);
  const commit = () => {
    if (draft === source) return;
    const r = parseValueText(draft);
    if (!r.ok) return setError(r.message);
    setError(null);
    onApply(r.value);
  };
  return (
    <>
      <textarea
        {...field}
        className="yaml-field"
        spellCheck={false}
        rows={Math.min(maxRows, Math.max(minRows, draft.split('\n').length))}
        value={draft}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          if (e.key === 'Escape') (setDraft(source), setError(null));
        }}
      />
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field-help">{help}</span>
      )}
    </>
  );
}
