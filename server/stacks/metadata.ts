import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { StackRecord } from '../../src/protocol/stacks.ts';

/**
 * Stack metadata on disk: one JSON file, replaced atomically (write a temporary file, then
 * rename over the old one), so a crash leaves either the old or the new version.
 * better-sqlite3 is the intended store; it is not installed yet, and this file is small.
 */
export interface StackFile {
  readonly version: 1;
  readonly stacks: readonly StackRecord[];
}

export async function readStackFile(file: string): Promise<StackFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, stacks: [] };
    throw e;
  }
  const value = JSON.parse(text) as Partial<StackFile>;
  if (value.version !== 1 || !Array.isArray(value.stacks)) throw new Error(`${file}: not a Cairn stack file (version 1)`);
  return { version: 1, stacks: value.stacks };
}

export async function writeStackFile(file: string, content: StackFile): Promise<void> {
  await writeJsonFile(file, content);
}

/** Writes JSON to `file` atomically (temporary file with mode 0600, then rename). */
export async function writeJsonFile(file: string, content: unknown): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flush: true });
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
