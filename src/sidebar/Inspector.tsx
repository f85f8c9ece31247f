import { memo } from 'react';
import type { Edit } from '../model/edit/types.ts';
import type { GraphEdge, GraphNode } from '../model/graph/types.ts';
import type { ParsedText } from '../model/yaml/parse.ts';
import { isObject, valueAt } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { KIND_STYLE } from '../canvas/nodes/kindStyle.ts';
import { Draft } from './Draft.tsx';
import { parseField } from './inspectorFields.ts';
import type { FormatId } from '../model/formats/adapter.ts';
import { settingsShape, stackLayers, stackResources } from './nodeSettings.ts';
import { AddRawSetting, EnvironmentVariables, Layers, RawSetting, ValueField, objectOr } from './InspectorParts.tsx';
import type { Resolve } from './InspectorParts.tsx';
import { resolvedHint } from './resolvedHint.ts';
import type { VariableResolver } from '../model/formats/serverless/variables.ts';
import { referenceChoices, sourceOf } from './stackFields.ts';

interface Props {
  readonly node: GraphNode | null;
  /** The node's definition in the file (at its `path`). */
  readonly definition: CfnValue | undefined;
  readonly edges: readonly GraphEdge[];
  /** Values the file gives every function (SAM's `Globals.Function`, a serverless.yml's `provider`). */
  readonly inherited?: CfnObject;
  onEdits(edits: Edit[]): void;
  onRename(from: string, to: string): void;
  /** Show this path of the template in the YAML panel. */
  onReveal(path: readonly (string | number)[]): void;
  /** The whole template: reference choices, conditions, and settings shown as written. */
  readonly parsed: ParsedText;
  readonly format: FormatId;
  /** serverless.yml: resolves variables for the chosen stage; settings written with them show what they come to. */
  readonly resolver?: VariableResolver | null;
}

const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];

export { Draft } from './Draft.tsx';

function InspectorView({ node, definition, edges, inherited, onEdits, onRename, onReveal, parsed, format, resolver = null }: Props) {
  if (!node) {
    return (
      <section className="inspector" data-testid="inspector" aria-label="Inspector">
        <p className="inspector-empty">Select a node to see and change its settings.</p>
      </section>
    );
  }
  const k = KIND_STYLE[node.kind];
  const def = isObject(definition) ? definition : {};
  const shape = settingsShape(format, node);
  const base = shape?.base ?? ['Properties'];
  const props: CfnObject = objectOr(base.length ? valueAt(def, base) : def);
  const fields = shape?.fields ?? [];
  const { environment, layers: layersAt } = shape ?? {};
  const covered = new Set([...fields.map((f) => f.name), ...[environment, layersAt].flatMap((p) => (p ? [String(p[0])] : []))]);
  const others = Object.keys(props).filter((p) => !covered.has(p));
  const editable = shape !== null;
  const wires = edges.filter((e) => e.source === node.id || e.target === node.id);
  const stack = parsed.value ?? {};
  const resources = stackResources(format, parsed.value);
  const choices = referenceChoices(resources, objectOr(stack['Parameters']), node.id);
  const conditions = shape?.attributes ? Object.keys(objectOr(stack['Conditions'])) : [];
  const set = (path: (string | number)[], value: CfnValue | undefined): void => {
    if (value === undefined) {
      if (valueAt(def, path) !== undefined) onEdits([{ op: 'deleteProperty', resource: node.id, path }]);
    } else onEdits([{ op: 'setProperty', resource: node.id, path, value }]);
  };
  /** A setting below `base` (`['Properties', name]` in SAM, `[name]` on a serverless function). */
  const at = (...rest: (string | number)[]) => [...base, ...rest];
  const variables = environment ? objectOr(valueAt(props, environment)) : {};
  const inheritedVariables = environment && inherited ? objectOr(valueAt(inherited, environment)) : {};
  const layerList = layersAt ? valueAt(props, layersAt) : undefined;
  const layers = Array.isArray(layerList) ? layerList : [];
  const resolve: Resolve | undefined = resolver ? (v) => resolvedHint(resolver, v) : undefined;

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
      {!editable && <p className="inspector-note">{node.implicit ? implicitNote(format) : 'Edit this in the YAML panel.'}</p>}
      {editable && (
        <form className="inspector-form" onSubmit={(e) => e.preventDefault()}>
          <Draft
            id="inspector-name"
            label={shape.name.label}
            value={node.id}
            required
            help={shape.name.help}
            onCommit={(t) => {
              const to = t.trim();
              if (!shape.name.pattern.test(to)) return shape.name.message;
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
              inheritedFrom={shape.inheritedFrom}
              resolve={resolve}
              {...(inherited?.[f.name] !== undefined ? { inherited: inherited[f.name] } : {})}
              onSet={(value) => {
                if (typeof value === 'string' || typeof value === 'number' || value === undefined) {
                  const p = parseField(f, value === undefined ? '' : String(value), inherited?.[f.name] !== undefined);
                  if (!p.ok) return p.reason;
                  set(at(f.name), p.value);
                } else set(at(f.name), value);
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
          {shape.attributes && (
          <Draft
            id="inspector-deletion-policy"
            label="When removed from the stack"
            value={typeof def['DeletionPolicy'] === 'string' ? def['DeletionPolicy'] : ''}
            input="select"
            options={['', ...DELETION_POLICIES]}
            help="DeletionPolicy; empty: Delete"
            onCommit={(t) => (set(['DeletionPolicy'], t || undefined), null)}
          />
          )}
        </form>
      )}
      {environment && shape && (
        <EnvironmentVariables
          variables={variables}
          inherited={inheritedVariables}
          inheritedFrom={shape.inheritedFrom}
          choices={choices}
          resolve={resolve}
          onSet={(name, value) => set(at(...environment, name), value)}
          onRemove={(name) => set(at(...environment, name), undefined)}
          onRename={(from, to) => {
            if (from === to) return;
            onEdits([
              { op: 'setProperty', resource: node.id, path: at(...environment, to), value: variables[from]! },
              { op: 'deleteProperty', resource: node.id, path: at(...environment, from) },
            ]);
          }}
        />
      )}
      {layersAt && (
        <Layers
          layers={layers}
          stackLayers={stackLayers(format, parsed.value)}
          onAdd={(value) => set(layers.length ? at(...layersAt, layers.length) : at(...layersAt), layers.length ? value : [value])}
          onRemove={(i) => set(at(...layersAt, i), undefined)}
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
                  source={sourceOf(parsed, [...node.path, ...at(p)])}
                  hint={resolve?.(props[p]) ?? null}
                  onSet={(value) => set(at(p), value)}
                  onRemove={() => set(at(p), undefined)}
                  onReveal={() => onReveal([...node.path, ...at(p)])}
                />
              ))}
            </ul>
          )}
          <AddRawSetting taken={new Set(Object.keys(props))} onAdd={(name, value) => set(at(name), value)} />
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

/** Why an implicit node (made by the transform or the framework) is not edited here. */
function implicitNote(format: FormatId): string {
  return format === 'serverless'
    ? 'Created by the Serverless Framework from the functions\' events: change it through them.'
    : 'Created by the SAM transform: change it through the resources that make it.';
}

export const Inspector = memo(InspectorView);
