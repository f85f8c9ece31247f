import type { Author } from '../../git/engine.ts';

/** The commit author, kept in this browser (never sent anywhere but into commits). */
const KEY = 'cairn.author';

export function readAuthor(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): Author | null {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<Author> | null;
    if (v && typeof v.name === 'string' && typeof v.email === 'string' && v.name.trim() && v.email.trim()) return { name: v.name, email: v.email };
  } catch {
    // a damaged value is asked for again
  }
  return null;
}

export function writeAuthor(author: Author, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ name: author.name.trim(), email: author.email.trim() }));
  } catch {
    // private mode: asked again next time
  }
}

/** Why an author cannot sign a commit, or null. */
export function authorProblem(author: Author): string | null {
  if (!author.name.trim()) return 'Enter your name.';
  if (/[<>\n]/.test(author.name)) return 'A name cannot contain <, > or a line break.';
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(author.email.trim())) return 'Enter an email address such as ada@example.com.';
  return null;
}

function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
