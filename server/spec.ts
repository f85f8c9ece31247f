import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSpec } from '../src/model/spec/spec.ts';
import type { DetailedResourceSpec } from '../src/model/spec/spec.ts';

/** Project root, from this file's place (server/spec.ts). */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SPEC_PATH = fileURLToPath(new URL('../generated/spec.json', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('../scripts/build-spec.mjs', import.meta.url));

let cached: DetailedResourceSpec | undefined;

/**
 * The CloudFormation resource specification, read once from `generated/spec.json`. When the
 * file is missing (an install that skipped `prepare`), it is built first by
 * scripts/build-spec.mjs. Throws when it cannot be built or is malformed (`SPEC_INVALID`).
 */
export function loadSpec(): DetailedResourceSpec {
  if (cached) return cached;
  if (!existsSync(SPEC_PATH)) {
    try {
      execFileSync(process.execPath, [BUILD_SCRIPT], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`cannot build ${SPEC_PATH}: ${stderr || (e instanceof Error ? e.message : String(e))}`);
    }
  }
  cached = createSpec(JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as unknown);
  return cached;
}
