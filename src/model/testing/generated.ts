import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A file from `generated/` (made by scripts/build-spec.mjs at `npm install`), built first when
 * an install skipped that step. For tests only: the model itself never reads files.
 */
export function readGenerated(name: 'spec.json' | 'resource-types.json'): unknown {
  const path = `${ROOT}generated/${name}`;
  if (!existsSync(path)) execFileSync(process.execPath, [`${ROOT}scripts/build-spec.mjs`], { cwd: ROOT, stdio: 'ignore' });
  return JSON.parse(readFileSync(path, 'utf8'));
}
