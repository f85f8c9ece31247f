import { memo } from 'react';
import type { Edit } from '../model/edit/types.ts';
import type { GraphEdge, GraphNode } from '../model/graph/types.ts';
import type { ParsedText } from '../model/yaml/parse.ts';
import { isObject, valueAt } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { KIND_STYLE } from '../canvas/nodes/kindStyle.ts';
import { Draft } from './Draft.tsx';
import { FIELDS, parseField } from './inspectorFields.ts';
import { AddRawSetting, EnvironmentVariables, Layers, RawSetting, ValueField, objectOr } from './InspectorParts.tsx';
import { referenceChoices, sourceOf } from './stackFields.ts';

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
  /** The whole template: reference choices, conditions, and settings shown as written. */
  readonly parsed: ParsedText;
}

const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];
const LAYER_TYPES = new Set(['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion']);
const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

export { Draft } from './Draft.tsx';

function InspectorView({ node, definition, edges, inherited, onEdits, onRename, onReveal, parsed }: Props) {
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
  const isFunction = FUNCTION_TYPES.has(node.type);
  const covered = new Set([...fields.map((f) => f.name), ...(isFunction ? ['Environment', 'Layers'] : [])]);
  const others = Object.keys(props).filter((p) => !covered.has(p));
  const editable = !node.implicit && node.path.length === 2 && node.path[0] === 'Resources';
  const wires = edges.filter((e) => e.source === node.id || e.target === node.id);
  const stack = parsed.value ?? {};
  const resources = objectOr(stack['Resources']);
  const choices = referenceChoices(
    Object.fromEntries(Object.entries(resources).filter(([id]) => id !== node.id)),
    objectOr(stack['Parameters']),
  );
  const conditions = Object.keys(objectOr(stack['Conditions']));
  const set = (path: (string | number)[], value: CfnValue | undefined): void => {
    if (value === undefined) {
      if (valueAt(def, path) !== undefined) onEdits([{ op: 'deleteProperty', resource: node.id, path }]);
    } else onEdits([{ op: 'setProperty', resource: node.id, path, value }]);
  };
  const variables = objectOr(objectOr(props['Environment'])['Variables']);
  const inheritedVariables = objectOr(objectOr(inherited?.['Environment'])['Variables']);
  const layers = Array.isArray(props['Layers']) ? props['Layers'] : [];
  const stackLayers = Object.entries(resources)
    .filter(([, r]) => isObject(r) && typeof r['Type'] === 'string' && LAYER_TYPES.has(r['Type']))
    .map(([id]) => id);

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
          {fields.map((f) => (
            <ValueField
              key={f.name}
              id={`inspector-${f.name}`}
              label={f.label}
              value={props[f.name]}
              choices={choices}
              field={f}
              {...(inherited?.[f.name] !== undefined ? { inherited: inherited[f.name] } : {})}
              onSet={(value) => {
                if (typeof value === 'string' || typeof value === 'number' || value === undefined) {
                  const p = parseField(f, value === undefined ? '' : String(value), inherited?.[f.name] !== undefined);
                  if (!p.ok) return p.reason;
                  set(['Properties', f.name], p.value);
                } else set(['Properties', f.name], value);
                return null;
              }}
            />
          ))}
          {conditions.length > 0 && (
            <Draft
              id="inspector-condition"
              label="Created when"
              value={typeof def['Condition'] === 'string' ? def['Condition'] : ''}
              input="select"
              options={['', ...conditions]}
              help="a condition of the stack; empty: always"
              onCommit={(t) => (set(['Condition'], t || undefined), null)}
            />
          )}
          <Draft
            id="inspector-deletion-policy"
            label="When removed from the stack"
            value={typeof def['DeletionPolicy'] === 'string' ? def['DeletionPolicy'] : ''}
            input="select"
            options={['', ...DELETION_POLICIES]}
            help="DeletionPolicy; empty: Delete"
            onCommit={(t) => (set(['DeletionPolicy'], t || undefined), null)}
          />
        </form>
      )}
      {editable && isFunction && (
        <EnvironmentVariables
          variables={variables}
          inherited={inheritedVariables}
          choices={choices}
          onSet={(name, value) => set(['Properties', 'Environment', 'Variables', name], value)}
          onRemove={(name) => set(['Properties', 'Environment', 'Variables', name], undefined)}
          onRename={(from, to) => {
            if (from === to) return;
            onEdits([
              { op: 'setProperty', resource: node.id, path: ['Properties', 'Environment', 'Variables', to], value: variables[from]! },
              { op: 'deleteProperty', resource: node.id, path: ['Properties', 'Environment', 'Variables', from] },
            ]);
          }}
        />
      )}
      {editable && isFunction && (
        <Layers
          layers={layers}
          stackLayers={stackLayers}
          onAdd={(value) => set(layers.length ? ['Properties', 'Layers', layers.length] : ['Properties', 'Layers'], layers.length ? value : [value])}
          onRemove={(i) => set(['Properties', 'Layers', i], undefined)}
        />
      )}
      {editable && (
        <div className="inspector-others">
          <h3>Other settings</h3>
          {others.length > 0 && (
            <ul className="raw-settings">
              {others.map((p) => (
                <RawSetting
                  key={p}
                  name={p}
                  source={sourceOf(parsed, [...node.path, 'Properties', p])}
                  onSet={(value) => set(['Properties', p], value)}
                  onRemove={() => set(['Properties', p], undefined)}
                  onReveal={() => onReveal([...node.path, 'Properties', p])}
                />
              ))}
            </ul>
          )}
          <AddRawSetting taken={new Set(Object.keys(props))} onAdd={(name, value) => set(['Properties', name], value)} />
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
