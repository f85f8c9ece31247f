import type { Edit } from '../model/edit/types.ts';
import type { Template } from '../model/template.ts';
import { cloneValue, isObject } from '../model/value.ts';
import type { CfnObject } from '../model/value.ts';
import { stackResources } from '../sidebar/nodeSettings.ts';

export interface CopiedResource {
  readonly id: string;
  readonly definition: CfnObject;
}

/**
 * The selected resources' definitions, as values (their text is written anew in the file's
 * style). A serverless.yml's resources are those of `resources.Resources`; its functions are
 * not copied (their entries are the framework's, not CloudFormation's).
 */
export function copyResources(t: Template, selected: ReadonlySet<string>): CopiedResource[] {
  const resources = stackResources(t.format, t.parsed.value);
  const out: CopiedResource[] = [];
  for (const id of selected) {
    const def = resources[id];
    if (isObject(def) && typeof def['Type'] === 'string') out.push({ id, definition: cloneValue(def) });
  }
  return out;
}

/** Edits adding copies under free names (`OrdersTableCopy`, `OrdersTableCopy2`, ...). */
export function pasteEdits(copied: readonly CopiedResource[], taken: ReadonlySet<string>): { edits: Edit[]; ids: string[] } {
  const used = new Set(taken);
  const edits: Edit[] = [];
  const ids: string[] = [];
  for (const c of copied) {
    const base = `${c.id}Copy`.slice(0, 250);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}${n}`;
    used.add(id);
    ids.push(id);
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
