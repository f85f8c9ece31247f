/**
 * Why a file was not opened. Stable codes (tests and the UI match on `code`); the message is
 * for people and names the file. Nothing is ever replaced when one of these is returned.
 */
export type OpenProblemCode =
  /** A drop or pick without any file in it (text, a link). */
  | 'FILE_NONE'
  /** More than one template, or several layouts and no template. */
  | 'FILE_TOO_MANY'
  /** Larger than a template may be (CloudFormation's own 1 MB limit). */
  | 'FILE_TOO_BIG'
  /** Nothing in it but whitespace or comments. */
  | 'FILE_EMPTY'
  /** An image, an archive, an executable: bytes that are not text. */
  | 'FILE_BINARY'
  /** Text, but not UTF-8 (UTF-16, Latin-1, broken bytes). */
  | 'FILE_NOT_UTF8'
  /** Readable, but not a CloudFormation, SAM or serverless.yml template. */
  | 'FILE_UNKNOWN_FORMAT'
  /** The browser could not read it (removed since it was picked, no permission). */
  | 'FILE_UNREADABLE';

export interface OpenProblem {
  readonly code: OpenProblemCode;
  readonly message: string;
}

export function openProblem(code: OpenProblemCode, message: string): OpenProblem {
  return { code, message };
}

/** `512 bytes`, `12.5 KB`, `3.2 MB` (1 KB = 1024 bytes, as the limits are written). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < 1024 * 1024) return `${trim(n / 1024)} KB`;
  if (n < 1024 * 1024 * 1024) return `${trim(n / (1024 * 1024))} MB`;
  return `${trim(n / (1024 * 1024 * 1024))} GB`;
}

const trim = (v: number) => (v >= 100 ? Math.round(v).toString() : v.toFixed(1).replace(/\.0$/, ''));
