/**
 * Branch names the engine will create or switch to, checked before any git call with the
 * rules of `git check-ref-format` (for `refs/heads/<name>`), plus two of `--branch`: no
 * leading `-` (it would read as an option to a git command line) and not `HEAD`.
 */
export const MAX_BRANCH_NAME_LENGTH = 200;

/** Why a name is refused, or undefined when it is a valid branch name. */
export function branchNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_BRANCH_NAME_LENGTH) return `is longer than ${MAX_BRANCH_NAME_LENGTH} characters`;
  if (name === 'HEAD' || name === '@') return `cannot be "${name}"`;
  if (name.startsWith('-')) return 'cannot start with "-"';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'cannot contain spaces, control characters or any of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'cannot contain ".."';
  if (name.includes('@{')) return 'cannot contain "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'cannot start or end with "/" or contain "//"';
  if (name.endsWith('.')) return 'cannot end with "."';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return 'no part of it can start with "."';
    if (part.endsWith('.lock')) return 'no part of it can end with ".lock"';
  }
  return undefined;
}

export const isValidBranchName = (name: string): boolean => branchNameProblem(name) === undefined;
