import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Files below `dir` whose name matches `pattern`, skipping node_modules and dot folders. */
export function sourceFiles(dir, pattern, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, pattern, out);
    else if (pattern.test(e.name)) out.push(p);
  }
  return out;
}
