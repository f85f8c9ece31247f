import type { Edit } from '../model/edit/types.ts';
import type { Template } from '../model/template.ts';
import { cloneValue, isObject } from '../model/value.ts';
import type { CfnObject } from '../model/value.ts';
import { stackResources } from '../sidebar/nodeSettings.ts';

/** The type a serverless.yml function is added as (edit/ops/serverless/add.ts puts it in `functions`). */
const FUNCTION_TYPE = 'AWS::Lambda::Function';

export interface CopiedResource {
  readonly id: string;
  /** A resource's `Type`, `Properties` and attributes; a serverless.yml function's settings. */
  readonly definition: CfnObject;
  /** A serverless.yml function (`functions.<id>`), pasted as a new function. */
  readonly function?: true;
}

/**
 * Settings a copied serverless.yml function does not take: its `events` (the copy would be a
 * second consumer of the same queue, a second handler of the same route, which nobody expects
 * from "paste"; wire it to what it should run on) and its `name` (the deployed function name,
 * which must stay unique). Everything else (handler, runtime, memory, environment, layers,
 * role, ...) is what a user copies a function for.
 */
const NOT_COPIED = new Set(['events', 'name']);

/**
 * The selected resources' definitions, as values (their text is written anew in the file's
 * style). A serverless.yml's resources are those of `resources.Resources`, and its functions
 * those of `functions`.
 */
export function copyResources(t: Template, selected: ReadonlySet<string>): CopiedResource[] {
  const resources = stackResources(t.format, t.parsed.value);
  const functions = t.format === 'serverless' && isObject(t.parsed.value?.['functions']) ? t.parsed.value['functions'] : {};
  const out: CopiedResource[] = [];
  for (const id of selected) {
    const def = resources[id];
    const fn = Object.hasOwn(functions, id) ? functions[id] : undefined;
    if (isObject(def) && typeof def['Type'] === 'string') out.push({ id, definition: cloneValue(def) });
    else if (isObject(fn)) out.push({ id, definition: Object.fromEntries(Object.entries(cloneValue(fn) as CfnObject).filter(([k]) => !NOT_COPIED.has(k))), function: true });
  }
  return out;
}

/** Edits adding copies under free names (`OrdersTableCopy`, `OrdersTableCopy2`, ...). */
export function pasteEdits(copied: readonly CopiedResource[], taken: ReadonlySet<string>): { edits: Edit[]; ids: string[] } {
  const used = new Set(taken);
  const edits: Edit[] = [];
  const ids: string[] = [];
  for (const c of copied) {
    // a function's name is at most 64 characters, a logical id 255
    const base = `${c.id}Copy`.slice(0, c.function ? 60 : 250);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}${n}`;
    used.add(id);
    ids.push(id);
    if (c.function) {
      edits.push({ op: 'addResource', resource: id, type: FUNCTION_TYPE, ...(Object.keys(c.definition).length ? { properties: c.definition } : {}) });
      continue;
    }
    const { Type, Properties, ...attributes } = c.definition;
    edits.push({
      op: 'addResource',
      resource: id,
      type: Type as string,
      ...(isObject(Properties) ? { properties: Properties } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
    });
  }
  return { edits, ids };
}
