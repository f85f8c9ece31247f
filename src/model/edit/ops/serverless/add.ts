/**
 * `addResource` in a serverless.yml: a function goes into `functions` with the framework's own
 * setting names, anything else into `resources.Resources` (created when missing), exactly as
 * given, like SAM's addResource.
 */
import { isMap, isScalar } from 'yaml';
import type { Path } from '../../../diagnostics/types.ts';
import { DEFAULT_RUNTIME, defaultProperties } from '../../../catalog/nodeKinds.ts';
import { isObject, valueAt, valueEquals } from '../../../value.ts';
import type { CfnObject, CfnValue } from '../../../value.ts';
import { EditError, findPair, insertPair, nodeAt, replacePairValue, separatedByBlankLines } from '../../cst.ts';
import type { EditSession } from '../../session.ts';
import { checkLogicalId } from '../common.ts';
import { checkFree, checkFunctionName, FUNCTIONS, hasOwn, isFunctionType, requireAws, RESOURCES } from './service.ts';

const TYPE = /^[A-Za-z0-9]+(::[A-Za-z0-9-]+){2,3}$|^Custom::[A-Za-z0-9_@-]{1,60}$/;

/** Adds `key: value` to the mapping at `mapPath`, creating the missing mappings on the way; blank lines as its neighbours have them. */
export function addEntry(s: EditSession, mapPath: Path, key: string, value: CfnValue): void {
  let at = 0;
  let map = s.root;
  while (at < mapPath.length) {
    const next = nodeAt(s.ctx.doc, mapPath.slice(0, at + 1));
    if (!next || !isMap(next.node) || !next.node.items.length) break;
    map = next.node;
    at++;
  }
  const rest = [...mapPath.slice(at).map(String), key];
  let nested: CfnValue = value;
  for (let i = rest.length - 1; i >= 1; i--) nested = { [rest[i]!]: nested };
  const existing = findPair(map, rest[0]!);
  if (existing) {
    // `functions:` with nothing under it, or `{}`: the new entry becomes its value
    const v = existing.value;
    if (!(v === null || (isScalar(v) && v.value === null) || (isMap(v) && !v.items.length))) {
      throw new EditError('EDIT_PATH_BLOCKED', `'${[...mapPath.slice(0, at), rest[0]].join('.')}' is not a mapping.`, [...mapPath.slice(0, at), rest[0]!]);
    }
    s.apply([replacePairValue(s.ctx, map, existing, nested)]);
    return;
  }
  s.apply([insertPair(s.ctx, map, rest[0]!, nested, { blankLine: separatedByBlankLines(s.text, map) })]);
}

/** A new function's handler, in the layout the framework's templates use for its runtime. */
export function defaultHandler(runtime: string, name: string): string {
  if (/^nodejs/.test(runtime)) return `src/${name}/index.handler`;
  if (/^(python|ruby)/.test(runtime)) return `src/${name}/handler.handler`;
  if (/^go/.test(runtime)) return `bin/${name}`;
  if (/^provided/.test(runtime)) return 'bootstrap';
  if (/^java/.test(runtime)) return `${name.replace(/[^A-Za-z0-9]/g, '').toLowerCase()}.Handler::handleRequest`;
  if (/^dotnet/.test(runtime)) return `${name}::${name}.Function::FunctionHandler`;
  return `src/${name}/index.handler`;
}

/** SAM function properties and the framework's name for each (for a function pasted or added from the palette). */
const SAM_NAMES: Readonly<Record<string, string>> = {
  Runtime: 'runtime',
  MemorySize: 'memorySize',
  Timeout: 'timeout',
  Description: 'description',
  Layers: 'layers',
  Tracing: 'tracing',
  ReservedConcurrentExecutions: 'reservedConcurrency',
  FunctionName: 'name',
  Role: 'role',
  Tags: 'tags',
};

/** The settings of a new function in the framework's own names; the provider's runtime is followed, not repeated. */
export function functionSettings(value: CfnObject, name: string, properties?: CfnObject): CfnObject {
  const provider = valueAt(value, ['provider', 'runtime']);
  const runtime = typeof provider === 'string' ? provider : undefined;
  if (!properties || valueEquals(properties, defaultProperties('function', name)!)) {
    return { handler: defaultHandler(runtime ?? DEFAULT_RUNTIME, name), ...(runtime ? {} : { runtime: DEFAULT_RUNTIME }) };
  }
  const out: CfnObject = {};
  const codeUri = properties['CodeUri'];
  for (const [key, v] of Object.entries(properties)) {
    if (key === 'CodeUri') continue;
    if (key === 'Handler') {
      const dir = typeof codeUri === 'string' ? codeUri.replace(/^\.?\/?$/, '').replace(/\/+$/, '') : '';
      out['handler'] = dir && typeof v === 'string' ? `${dir}/${v}` : v;
    } else if (key === 'Environment') {
      if (isObject(v) && v['Variables'] !== undefined) out['environment'] = v['Variables'];
    } else if (key === 'Architectures') {
      if (Array.isArray(v) && v.length === 1) out['architecture'] = v[0]!;
    } else if (hasOwn(SAM_NAMES, key)) {
      if (!(key === 'Runtime' && v === runtime)) out[SAM_NAMES[key]!] = v;
    } else if (/^[a-z]/.test(key)) out[key] = v;
    else throw new EditError('EDIT_UNSUPPORTED_KEY', `'${key}' has no equivalent in a serverless.yml function; add it in the YAML view.`, [...FUNCTIONS, name, key]);
  }
  if (codeUri !== undefined && properties['Handler'] === undefined) {
    throw new EditError('EDIT_UNSUPPORTED_KEY', "'CodeUri' without 'Handler' has no equivalent in a serverless.yml function.", [...FUNCTIONS, name]);
  }
  return out;
}

export function addResource(s: EditSession, id: string, type: string, properties?: CfnObject, attributes?: CfnObject): void {
  if (typeof type !== 'string' || !TYPE.test(type)) {
    throw new EditError('EDIT_BAD_TYPE', `'${String(type)}' is not a resource type (like AWS::S3::Bucket).`);
  }
  const value = s.value;
  if (isFunctionType(type)) {
    checkFunctionName(id);
    checkFree(value, id);
    if (attributes && Object.keys(attributes).length) {
      throw new EditError('EDIT_UNSUPPORTED_KEY', `A serverless.yml function has no ${Object.keys(attributes).join(', ')}.`, [...FUNCTIONS, id]);
    }
    addEntry(s, FUNCTIONS, id, functionSettings(value, id, properties));
    return;
  }
  checkLogicalId(id);
  checkFree(value, id);
  requireAws(value, 'A CloudFormation resource');
  const resources = valueAt(value, ['resources']);
  if (resources !== undefined && resources !== null && !isObject(resources)) {
    throw new EditError('EDIT_PATH_BLOCKED', '`resources` is not a mapping (a list of files?); add the resource in the YAML view.', ['resources']);
  }
  const body: CfnObject = { Type: type };
  for (const [k, v] of Object.entries(attributes ?? {})) if (k !== 'Type' && k !== 'Properties') body[k] = v;
  if (properties && Object.keys(properties).length) body['Properties'] = properties;
  addEntry(s, RESOURCES, id, body);
}
