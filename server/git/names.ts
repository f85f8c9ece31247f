import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { problem } from '../http/problems.ts';
import type { Problem } from '../http/problems.ts';

/**
 * A stack or repository name: it becomes a directory name and part of `/git/<name>.git`.
 * Lower-case letters, digits, `.`, `_`, `-`; starts with a letter or digit; no `..`; does
 * not end in `.git`, `.lock` or `.` (git and URL look-alikes).
 */
export const STACK_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export function checkStackName(name: unknown): Problem | null {
  if (typeof name === 'string' && STACK_NAME.test(name) && !name.includes('..') && !/(?:\.git|\.lock|\.)$/.test(name)) return null;
  return problem(400, 'STACK_NAME_INVALID', 'A stack name is 1 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.');
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/;

/** The template's path inside the repository: relative, `/`-separated, no `..`, a YAML or JSON file. */
export function checkTemplatePath(path: unknown): Problem | null {
  if (typeof path === 'string' && path.length <= 255 && /\.(?:ya?ml|json)$/.test(path)) {
    const segments = path.split('/');
    if (segments.every((s) => SEGMENT.test(s) && !s.includes('..'))) return null;
  }
  return problem(400, 'TEMPLATE_PATH_INVALID', 'A template path is a relative path to a .yaml, .yml or .json file, without ".." or a leading "/".');
}

/**
 * `root/name` if it resolves inside `root` (itself a real path) without going through a
 * symlink; null otherwise. A path that does not exist yet is fine (about to be created).
 */
export async function resolveInside(root: string, name: string): Promise<string | null> {
  if (name.includes('\0') || name.includes('/') || name.includes('\\')) return null;
  const path = join(root, name);
  if (!path.startsWith(root + sep)) return null;
  try {
    return (await realpath(path)) === path ? path : null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? path : null;
  }
}
