/**
 * Where a node's settings live in its file and which form edits them, for both formats: a SAM
 * resource (`Resources.X`, settings under `Properties`), a serverless.yml function
 * (`functions.x`, settings at the top of its entry under the framework's names) and a
 * serverless.yml resource (`resources.Resources.X`, as in SAM).
 */
import type { Path } from '../model/diagnostics/types.ts';
import type { FormatId } from '../model/formats/adapter.ts';
import { FUNCTION_NAME } from '../model/edit/ops/serverless/service.ts';
import { layerLogicalId } from '../model/formats/serverless/logicalIds.ts';
import type { GraphNode } from '../model/graph/types.ts';
import { isObject, valueAt } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { FIELDS, SERVERLESS_FUNCTION_FIELDS } from './inspectorFields.ts';
import type { Field } from './inspectorFields.ts';

export interface SettingsShape {
  /** Where the form's settings are, below the node's definition (`['Properties']`; `[]` for a serverless function). */
  readonly base: Path;
  readonly fields: readonly Field[];
  /** Below `base`: the function's environment variables and layers (functions only). */
  readonly environment?: Path;
  readonly layers?: Path;
  /** Where what a function inherits is written (`Globals`, `provider`). */
  readonly inheritedFrom: string;
  /** CloudFormation resource attributes (`Condition`, `DeletionPolicy`) apply. */
  readonly attributes: boolean;
  /** The node's name: what it is called and which names are allowed. */
  readonly name: { readonly label: string; readonly help: string; readonly pattern: RegExp; readonly message: string };
}

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
const LAYER_TYPES = new Set(['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion']);

const LOGICAL_ID = { label: 'Logical id', help: 'letters and digits; every reference follows a rename', pattern: /^[A-Za-z0-9]{1,255}$/, message: 'Use letters and digits only.' };
const FUNCTION_KEY = { label: 'Function name', help: 'letters, digits, - and _; references follow a rename', pattern: FUNCTION_NAME, message: 'Use letters, digits, - and _ (at most 64).' };

const isFunction = (node: GraphNode) => FUNCTION_TYPES.has(node.type);

/** How the inspector edits `node`, or null when it is not edited there (implicit, a layer of `layers:`, a derived node). */
export function settingsShape(format: FormatId, node: GraphNode): SettingsShape | null {
  if (node.implicit) return null;
  const p = node.path;
  if (format === 'serverless') {
    if (p.length === 2 && p[0] === 'functions') {
      return { base: [], fields: SERVERLESS_FUNCTION_FIELDS, environment: ['environment'], layers: ['layers'], inheritedFrom: 'provider', attributes: false, name: FUNCTION_KEY };
    }
    if (!(p.length === 3 && p[0] === 'resources' && p[1] === 'Resources')) return null;
  } else if (!(p.length === 2 && p[0] === 'Resources')) return null;
  const fn = isFunction(node) ? { environment: ['Environment', 'Variables'], layers: ['Layers'] } : {};
  return { base: ['Properties'], fields: FIELDS[node.kind] ?? [], ...fn, inheritedFrom: 'Globals', attributes: true, name: LOGICAL_ID };
}

/** The node's definition in the file (its own `path`), for either format. */
export function definitionOf(value: CfnObject | null, node: GraphNode | null): CfnValue | undefined {
  return value && node?.path.length ? valueAt(value, node.path) : undefined;
}

/**
 * What a function inherits, in the same terms as its own settings (below `base`): SAM's
 * `Globals.Function`, or a serverless.yml's `provider` (runtime, memorySize, environment, ...).
 */
export function inheritedOf(format: FormatId, value: CfnObject | null, node: GraphNode | null): CfnObject | undefined {
  if (!value || !node || !isFunction(node)) return undefined;
  const v = format === 'serverless' ? value['provider'] : valueAt(value, ['Globals', 'Function']);
  return isObject(v) ? v : undefined;
}

/** The stack's resources (what settings may name): `Resources`, or a serverless.yml's `resources.Resources`. */
export function stackResources(format: FormatId, value: CfnObject | null): CfnObject {
  const v = value ? valueAt(value, format === 'serverless' ? ['resources', 'Resources'] : ['Resources']) : undefined;
  return isObject(v) ? v : {};
}

/** Layers of the stack a function may use, by the logical id a `Ref` names. */
export function stackLayers(format: FormatId, value: CfnObject | null): string[] {
  const resources = Object.entries(stackResources(format, value))
    .filter(([, r]) => isObject(r) && typeof r['Type'] === 'string' && LAYER_TYPES.has(r['Type']))
    .map(([id]) => id);
  const own = format === 'serverless' && value && isObject(value['layers']) ? Object.keys(value['layers']).map(layerLogicalId) : [];
  return [...own, ...resources];
}
