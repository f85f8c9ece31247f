import { memo } from 'react';
import { keptSections } from '../model/formats/serverless/kept.ts';
import type { CfnObject } from '../model/value.ts';

/*
 * A serverless.yml's plugins and the sections the canvas does not draw (`custom`, `package`,
 * a plugin's `constructs`, `resources.Outputs`, ...): listed so the user sees they are there,
 * and kept byte for byte like the rest of the file.
 * Test ids: `kept.panel`, `kept.plugin.<name>`, `kept.section.<key>`.
 */

interface Props {
  readonly value: CfnObject | null;
  onReveal(path: readonly (string | number)[]): void;
}

function KeptSectionsView({ value, onReveal }: Props) {
  if (!value) return null;
  const { plugins, sections } = keptSections(value);
  if (!plugins.length && !sections.length) return null;
  return (
    <section className="inspector stack-panel" data-testid="kept.panel" aria-label="Kept as written">
      <details>
        <summary className="panel-heading">Kept as written ({plugins.length + sections.length})</summary>
        <p className="inspector-note">Cairn does not draw these; it keeps every character of them. Edit them in the YAML panel.</p>
        {plugins.length > 0 && (
          <>
            <h3 className="kept-heading">Plugins</h3>
            {plugins.map((p) => (
              <div key={p.path.join('.')} className="param-actions kept-row" data-testid={`kept.plugin.${p.name}`}>
                <code className="param-gist">{p.name}</code>
                <button type="button" className="link-button" onClick={() => onReveal(p.path)}>
                  Show in YAML
                </button>
              </div>
            ))}
          </>
        )}
        {sections.length > 0 && (
          <>
            <h3 className="kept-heading">Sections</h3>
            {sections.map((s) => (
              <div key={s.key} className="param-actions kept-row" data-testid={`kept.section.${s.key}`}>
                <span className="param-gist">
                  <code>{s.key}</code>
                  {s.gist && <span className="kept-gist"> {s.gist}</span>}
                </span>
                <button type="button" className="link-button" onClick={() => onReveal(s.path)}>
                  Show in YAML
                </button>
              </div>
            ))}
          </>
        )}
      </details>
    </section>
  );
}

export const KeptSections = memo(KeptSectionsView);
