import { createContext, memo, useContext, useState } from 'react';
import type { Edit } from '../model/edit/types.ts';
import type { ParsedText } from '../model/yaml/parse.ts';
import { isObject } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { Draft } from './Draft.tsx';
import { YamlDraft } from './YamlDraft.tsx';
import { fieldText } from './inspectorFields.ts';
import { PARAMETER_TYPES, referenceChoices, referenceValue, freeName, sourceOf, valueChoiceKey } from './stackFields.ts';

/*
 * The stack's own sections: Parameters, Outputs and Conditions.
 * Test ids: `parameters.panel` (the panel), `parameters.item.<Name>`, `parameters.add`,
 * `outputs.item.<Name>`, `outputs.add`, `conditions.item.<Name>`, `conditions.add`.
 */

interface Props {
  readonly parsed: ParsedText;
  readonly template: CfnObject | null;
  onEdits(edits: Edit[]): void;
  onReveal(path: readonly (string | number)[]): void;
  /** Every section and entry starts open (a rendering of the whole panel, e.g. in tests). */
  readonly open?: boolean;
}

const StartOpen = createContext(false);

const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

function section(template: CfnObject | null, name: string): CfnObject {
  const v = template?.[name];
  return isObject(v) ? v : {};
}

/**
 * A `<details>` whose content exists only while it is open: a closed Outputs section of a
 * 500-resource stack would otherwise build (and rebuild on every edit) a reference list of
 * 500 options per output that nobody sees.
 */
function Disclosure({ className, testId, summary, children }: { className?: string; testId?: string; summary: React.ReactNode; children: () => React.ReactNode }) {
  const [open, setOpen] = useState(useContext(StartOpen));
  return (
    <details className={className} data-testid={testId} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {summary}
      {open && children()}
    </details>
  );
}

/** One entry: a line with its name and gist; opened, its form (built only while open). */
function Entry({ testId, name, summary, what, onReveal, onRemove, children }: { testId: string; name: string; summary: string; what: string; onReveal(): void; onRemove(): void; children: () => React.ReactNode }) {
  return (
    <Disclosure
      className="param"
      testId={testId}
      summary={
        <summary className="param-summary">
          <span className="param-name">{name}</span>
          <span className="param-gist">{summary}</span>
        </summary>
      }
    >
      {() => (
        <div className="param-body">
          <div className="param-actions">
            <button type="button" className="link-button" onClick={onReveal}>
              Show in YAML
            </button>
            <button type="button" className="param-remove" aria-label={`Remove ${what} ${name}`} onClick={onRemove}>
              Remove
            </button>
          </div>
          {children()}
        </div>
      )}
    </Disclosure>
  );
}

function Parameter({ name, def, onEdits, onReveal }: { name: string; def: CfnObject; onEdits: Props['onEdits']; onReveal: Props['onReveal'] }) {
  const type = typeof def['Type'] === 'string' ? def['Type'] : '';
  const dflt = fieldText(def['Default']);
  const description = fieldText(def['Description']);
  const allowed = Array.isArray(def['AllowedValues']) && def['AllowedValues'].every((v) => typeof v !== 'object') ? def['AllowedValues'] : undefined;
  const set = (field: string, value: CfnValue | undefined): null => {
    if (value === undefined) {
      // removing one field of a parameter: the whole entry without it
      if (def[field] === undefined) return null;
      const rest: CfnObject = {};
      for (const [k, v] of Object.entries(def)) if (k !== field) rest[k] = v;
      onEdits([{ op: 'setParameter', name, value: rest }]);
    } else onEdits([{ op: 'setParameter', name, path: [field], value }]);
    return null;
  };
  return (
    <Entry testId={`parameters.item.${name}`} name={name} summary={`${type}${dflt.text ? ` = ${dflt.text}` : ''}`} onReveal={() => onReveal(['Parameters', name])} onRemove={() => onEdits([{ op: 'removeParameter', name }])} what="parameter">
      {() => (
        <>
          <Draft
            id={`param-${name}-name`}
            label="Name"
            value={name}
            required
            help="every Ref and ${...} follows a rename"
            onCommit={(t) => {
              const to = t.trim();
              if (!LOGICAL_ID.test(to)) return 'Use letters and digits only.';
              onEdits([{ op: 'renameParameter', name, to }]);
              return null;
            }}
          />
          <Draft id={`param-${name}-type`} label="Type" value={type} input="select" options={PARAMETER_TYPES} required onCommit={(t) => set('Type', t)} />
          {dflt.editable ? (
            <Draft
              id={`param-${name}-default`}
              label="Default"
              value={dflt.text}
              onCommit={(t) => {
                const v = t.trim();
                if (v === '') return set('Default', undefined);
                if (allowed && !allowed.map(String).includes(v)) return `Allowed values: ${allowed.join(', ')}.`;
                return set('Default', type === 'Number' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
              }}
            />
          ) : (
            <span className="inspector-type">Default: {dflt.text}</span>
          )}
          {description.editable && <Draft id={`param-${name}-description`} label="Description" value={description.text} onCommit={(t) => set('Description', t.trim() || undefined)} />}
          {(allowed || def['AllowedValues'] === undefined) && (
            <Draft
              id={`param-${name}-allowed`}
              label="Allowed values"
              value={(allowed ?? []).join(', ')}
              help="comma-separated; empty allows any value"
              onCommit={(t) => {
                const values = t.split(',').map((v) => v.trim()).filter(Boolean);
                if (!values.length) return set('AllowedValues', undefined);
                if (dflt.text && dflt.editable && !values.includes(dflt.text)) return `The default (${dflt.text}) must be one of them.`;
                return set('AllowedValues', values.map((v) => (type === 'Number' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
              }}
            />
          )}
        </>
      )}
    </Entry>
  );
}

function Output({ name, def, choices: choicesOf, onEdits, onReveal }: { name: string; def: CfnObject; choices: () => readonly { key: string; label: string; value: CfnValue }[]; onEdits: Props['onEdits']; onReveal: Props['onReveal'] }) {
  const current = valueChoiceKey(def['Value']);
  const known = () => choicesOf().some((c) => c.key === current);
  const description = fieldText(def['Description']);
  const exportName = isObject(def['Export']) ? fieldText(def['Export']['Name']) : { text: '', editable: true };
  return (
    <Entry testId={`outputs.item.${name}`} name={name} summary={fieldText(def['Value']).text} onReveal={() => onReveal(['Outputs', name])} onRemove={() => onEdits([{ op: 'removeOutput', name }])} what="output">
      {() => (
        <>
          <Draft
            id={`output-${name}-name`}
            label="Name"
            value={name}
            required
            onCommit={(t) => {
              const to = t.trim();
              if (!LOGICAL_ID.test(to)) return 'Use letters and digits only.';
              onEdits([{ op: 'renameOutput', name, to }]);
              return null;
            }}
          />
          <div className="field">
            <label htmlFor={`output-${name}-value`}>Value</label>
            <select
              id={`output-${name}-value`}
              value={known() ? current : '(written)'}
              onChange={(e) => {
                const c = choicesOf().find((x) => x.key === e.target.value);
                if (c) onEdits([{ op: 'setOutput', name, path: ['Value'], value: c.value }]);
              }}
            >
              {!known() && <option value="(written)">{fieldText(def['Value']).text || '(not set)'}</option>}
              {choicesOf().map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {description.editable && (
            <Draft
              id={`output-${name}-description`}
              label="Description"
              value={description.text}
              onCommit={(t) => {
                const v = t.trim();
                if (v) onEdits([{ op: 'setOutput', name, path: ['Description'], value: v }]);
                else if (def['Description'] !== undefined) return 'To remove the description, delete its line in the YAML panel.';
                return null;
              }}
            />
          )}
          {exportName.editable ? (
            <Draft
              id={`output-${name}-export`}
              label="Export name"
              value={exportName.text}
              help="for Fn::ImportValue in other stacks"
              onCommit={(t) => {
                const v = t.trim();
                if (v) onEdits([{ op: 'setOutput', name, path: ['Export', 'Name'], value: v }]);
                else if (def['Export'] !== undefined) return 'To stop exporting, delete the Export lines in the YAML panel.';
                return null;
              }}
            />
          ) : (
            <span className="inspector-type">Export: {exportName.text}</span>
          )}
        </>
      )}
    </Entry>
  );
}

function Condition({ name, source, onEdits, onReveal }: { name: string; source: string; onEdits: Props['onEdits']; onReveal: Props['onReveal'] }) {
  const id = `condition-${name}-value`;
  return (
    <Entry testId={`conditions.item.${name}`} name={name} summary={source.split('\n')[0]!} onReveal={() => onReveal(['Conditions', name])} onRemove={() => onEdits([{ op: 'removeCondition', name }])} what="condition">
      {() => (
        <>
          <Draft
            id={`condition-${name}-name`}
            label="Name"
            value={name}
            required
            help="resources, outputs and Fn::If follow a rename"
            onCommit={(t) => {
              const to = t.trim();
              if (!LOGICAL_ID.test(to)) return 'Use letters and digits only.';
              onEdits([{ op: 'renameCondition', name, to }]);
              return null;
            }}
          />
          <div className="field">
            <label htmlFor={id}>Expression (YAML)</label>
            <YamlDraft
              id={id}
              source={source}
              minRows={1}
              maxRows={8}
              help="e.g. !Equals [!Ref Stage, prod]; Ctrl+Enter or leaving the field applies it"
              onApply={(value) => onEdits([{ op: 'setCondition', name, value }])}
            />
          </div>
        </>
      )}
    </Entry>
  );
}

/** Parameters, Outputs and Conditions: each entry's everyday fields, the rest through the YAML panel. */
function ParametersPanelView({ parsed, template, onEdits, onReveal, open = false }: Props) {
  const params = section(template, 'Parameters');
  const outputs = section(template, 'Outputs');
  const conditions = section(template, 'Conditions');
  const resources = section(template, 'Resources');
  let choices: ReturnType<typeof referenceChoices> | undefined;
  const choicesOf = () => (choices ??= referenceChoices(resources, params));
  const firstResource = Object.keys(resources)[0];
  return (
    <StartOpen.Provider value={open}>
      <section className="inspector stack-panel" data-testid="parameters.panel" aria-label="Parameters, outputs and conditions">
        <Disclosure summary={<summary className="panel-heading">Parameters ({Object.keys(params).length})</summary>}>
          {() => (
            <>
              {Object.entries(params).map(([name, def]) => (
                <Parameter key={name} name={name} def={isObject(def) ? def : {}} onEdits={onEdits} onReveal={onReveal} />
              ))}
              <button
                type="button"
                className="param-add"
                data-testid="parameters.add"
                onClick={() => onEdits([{ op: 'setParameter', name: freeName('Parameter', new Set([...Object.keys(params), ...Object.keys(resources)])), value: { Type: 'String' } }])}
              >
                Add parameter
              </button>
            </>
          )}
        </Disclosure>
        <Disclosure summary={<summary className="panel-heading">Outputs ({Object.keys(outputs).length})</summary>}>
          {() => (
            <>
              {Object.entries(outputs).map(([name, def]) => (
                <Output key={name} name={name} def={isObject(def) ? def : {}} choices={choicesOf} onEdits={onEdits} onReveal={onReveal} />
              ))}
              <button
                type="button"
                className="param-add"
                data-testid="outputs.add"
                disabled={!firstResource}
                title={firstResource ? undefined : 'Add a resource first: an output reports one'}
                onClick={() => firstResource && onEdits([{ op: 'setOutput', name: freeName(`${firstResource}Output`, new Set(Object.keys(outputs))), value: { Value: referenceValue(firstResource) } }])}
              >
                Add output
              </button>
            </>
          )}
        </Disclosure>
        <Disclosure summary={<summary className="panel-heading">Conditions ({Object.keys(conditions).length})</summary>}>
          {() => (
            <>
              {Object.keys(conditions).map((name) => (
                <Condition key={name} name={name} source={sourceOf(parsed, ['Conditions', name])} onEdits={onEdits} onReveal={onReveal} />
              ))}
              <button
                type="button"
                className="param-add"
                data-testid="conditions.add"
                onClick={() => {
                  const param = Object.keys(params)[0];
                  const value = { 'Fn::Equals': [param ? { Ref: param } : { Ref: 'AWS::Region' }, param ? 'prod' : 'us-east-1'] };
                  onEdits([{ op: 'setCondition', name: freeName('Condition', new Set(Object.keys(conditions))), value }]);
                }}
              >
                Add condition
              </button>
            </>
          )}
        </Disclosure>
      </section>
    </StartOpen.Provider>
  );
}

export const ParametersPanel = memo(ParametersPanelView);
