import { memo } from 'react';
import type { Edit } from '../model/edit/types.ts';
import { isObject } from '../model/value.ts';
import type { CfnObject } from '../model/value.ts';
import { Draft } from './Inspector.tsx';
import { fieldText } from './inspectorFields.ts';

interface Props {
  readonly template: CfnObject | null;
  onEdits(edits: Edit[]): void;
  onReveal(path: readonly (string | number)[]): void;
}

function freeName(taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`Parameter${n}`)) n++;
  return `Parameter${n}`;
}

/** The stack's Parameters (type and default editable) and Outputs (shown, edited as YAML). */
function ParametersPanelView({ template, onEdits, onReveal }: Props) {
  const params = isObject(template?.['Parameters']) ? (template!['Parameters'] as CfnObject) : {};
  const outputs = isObject(template?.['Outputs']) ? (template!['Outputs'] as CfnObject) : {};
  const resources = isObject(template?.['Resources']) ? (template!['Resources'] as CfnObject) : {};
  const taken = new Set([...Object.keys(params), ...Object.keys(resources)]);
  return (
    <section className="inspector" data-testid="parameters.panel" aria-label="Parameters and outputs">
      <h3 className="panel-heading">Parameters</h3>
      {Object.keys(params).length === 0 && <p className="inspector-empty">No parameters.</p>}
      {Object.entries(params).map(([name, def]) => {
        const d = isObject(def) ? def : {};
        const dflt = fieldText(d['Default']);
        return (
          <div className="param" key={name} data-testid={`parameters.item.${name}`}>
            <div className="param-head">
              <button type="button" className="field-ref" onClick={() => onReveal(['Parameters', name])}>
                {name}
              </button>
              <span className="inspector-type">{typeof d['Type'] === 'string' ? d['Type'] : ''}</span>
              <button type="button" className="param-remove" aria-label={`Remove parameter ${name}`} onClick={() => onEdits([{ op: 'removeParameter', name }])}>
                Remove
              </button>
            </div>
            {dflt.editable ? (
              <Draft
                id={`param-${name}-default`}
                label="Default"
                value={dflt.text}
                onCommit={(t) => {
                  const v = t.trim();
                  if (v === '') return d['Default'] === undefined ? null : 'To remove the default, delete its line in the YAML panel.';
                  onEdits([{ op: 'setParameter', name, path: ['Default'], value: d['Type'] === 'Number' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v }]);
                  return null;
                }}
              />
            ) : (
              <span className="inspector-type">Default: {dflt.text}</span>
            )}
          </div>
        );
      })}
      <button type="button" className="param-add" data-testid="parameters.add" onClick={() => onEdits([{ op: 'setParameter', name: freeName(taken), value: { Type: 'String' } }])}>
        Add parameter
      </button>
      <h3 className="panel-heading">Outputs</h3>
      {Object.keys(outputs).length === 0 && <p className="inspector-empty">No outputs.</p>}
      <ul className="outputs">
        {Object.entries(outputs).map(([name, def]) => (
          <li key={name}>
            <button type="button" className="field-ref" onClick={() => onReveal(['Outputs', name])}>
              {name}
            </button>{' '}
            <span className="inspector-type">{fieldText(isObject(def) ? def['Value'] : undefined).text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ParametersPanel = memo(ParametersPanelView);
