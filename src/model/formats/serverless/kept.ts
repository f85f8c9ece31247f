/**
 * What a serverless.yml holds that the canvas does not draw: its plugins and the sections Cairn
 * reads for nothing it shows (`custom`, `package`, a plugin's `constructs` or `stepFunctions`,
 * `resources.Outputs`, ...). They are kept byte for byte like everything else; this list is how
 * the editor shows that they are there (issue 4: "listed and kept").
 */
import type { Path } from '../../diagnostics/types.ts';
import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';

/** Top-level sections drawn on the canvas or read for what it shows (the stage picker reads `params`). */
export const DRAWN_SECTIONS: ReadonlySet<string> = new Set(['service', 'provider', 'functions', 'resources', 'layers', 'params', 'plugins']);
/** Keys of `resources` drawn on the canvas. */
const DRAWN_RESOURCES = new Set(['Resources']);

export interface KeptSection {
  /** The key as written (`custom`, `resources.Outputs`). */
  readonly key: string;
  readonly path: Path;
  /** One line: its own keys, or its value when it is a scalar. */
  readonly gist: string;
}

export interface Kept {
  /** Plugin names, in the file's order, with where each is written. */
  readonly plugins: readonly { readonly name: string; readonly path: Path }[];
  readonly sections: readonly KeptSection[];
}

const MAX_GIST = 80;

function gistOf(v: CfnValue | undefined): string {
  let s: string;
  if (isObject(v)) s = Object.keys(v).join(', ');
  else if (Array.isArray(v)) s = `${v.length} item${v.length === 1 ? '' : 's'}`;
  else s = v === null || v === undefined ? '' : String(v);
  return s.length > MAX_GIST ? `${s.slice(0, MAX_GIST - 1)}…` : s;
}

/** The plugins and undrawn sections of a serverless.yml's value, in the file's order. */
export function keptSections(value: CfnObject): Kept {
  const raw = value['plugins'];
  const base: Path = isObject(raw) ? ['plugins', 'modules'] : ['plugins'];
  const list: CfnValue[] = Array.isArray(raw) ? raw : isObject(raw) && Array.isArray(raw['modules']) ? raw['modules'] : [];
  const plugins = list.flatMap((p, i) => (typeof p === 'string' ? [{ name: p, path: [...base, i] }] : []));
  const sections: KeptSection[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'resources' && isObject(v)) {
      for (const [k, rv] of Object.entries(v)) if (!DRAWN_RESOURCES.has(k)) sections.push({ key: `resources.${k}`, path: ['resources', k], gist: gistOf(rv) });
      continue;
    }
    if (!DRAWN_SECTIONS.has(key)) sections.push({ key, path: [key], gist: gistOf(v) });
  }
  return { plugins, sections };
}
