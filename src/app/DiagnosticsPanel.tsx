import { formatPath } from '../model/diagnostics/types.ts';
import type { Diagnostic } from '../model/diagnostics/types.ts';

export function DiagnosticsPanel({ diagnostics, onPick }: { readonly diagnostics: readonly Diagnostic[]; onPick?(d: Diagnostic): void }) {
  return (
    <section className="panel" aria-labelledby="diagnostics-heading" data-testid="diagnostics.panel">
      <h2 id="diagnostics-heading">
        Diagnostics <span className="count">{diagnostics.length}</span>
      </h2>
      {diagnostics.length === 0 ? (
        <p className="empty">No problems found.</p>
      ) : (
        <ul className="items">
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${i}`} className={`item diagnostic severity-${d.severity}`}>
              <span className="severity">{d.severity}</span>
              <code className="item-detail">{d.code}</code>
              <span className="message">{d.message}</span>
              {onPick && d.range ? (
                <button type="button" className="where where-link" onClick={() => onPick(d)}>
                  {where(d)}
                </button>
              ) : (
                <span className="where">{where(d)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function where(d: Diagnostic): string {
  const at = d.path.length > 0 ? formatPath(d.path) : '';
  if (!d.range) return at;
  const pos = `line ${d.range.start.line}, column ${d.range.start.col}`;
  return at ? `${at} (${pos})` : pos;
}
