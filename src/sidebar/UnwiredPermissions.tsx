import { memo } from 'react';
import type { UnwiredPermission } from '../model/graph/types.ts';
import type { ParsedText } from '../model/yaml/parse.ts';
import { sourceOf } from './stackFields.ts';

/*
 * Permissions no wire shows (`Graph.unwired`: a statement on `'*'` or on an ARN outside the
 * stack, a managed policy), listed so that they are not invisible.
 * Test ids: `unwired.panel`, `unwired.item.<i>` (from 0, in the file's order).
 */

interface Props {
  readonly unwired: readonly UnwiredPermission[];
  readonly parsed: ParsedText;
  onReveal(path: readonly (string | number)[]): void;
}

const WHAT: Record<UnwiredPermission['via'], string> = { statement: 'Statement', 'managed-policy': 'Managed policy' };

function UnwiredPermissionsView({ unwired, parsed, onReveal }: Props) {
  if (!unwired.length) return null;
  return (
    <section className="inspector stack-panel" data-testid="unwired.panel" aria-label="Permissions not drawn">
      <details open>
        <summary className="panel-heading">Permissions not drawn ({unwired.length})</summary>
        <p className="inspector-note">These name nothing in this file (a wildcard, another stack's ARN), so no wire shows them.</p>
        {unwired.map((u, i) => (
          <div key={i} className="param unwired" data-testid={`unwired.item.${i}`}>
            <div className="param-actions">
              <span className="param-gist">
                {WHAT[u.via]} for {u.principals.length ? u.principals.join(', ') : 'no function'}
              </span>
              <button type="button" className="link-button" onClick={() => onReveal(u.path)}>
                Show in YAML
              </button>
            </div>
            <pre className="wire-code">
              <code>{sourceOf(parsed, u.path)}</code>
            </pre>
          </div>
        ))}
      </details>
    </section>
  );
}

export const UnwiredPermissions = memo(UnwiredPermissionsView);
