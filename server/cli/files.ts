import { readFile, writeFile, rename } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

export class FileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a template as text, refusing what is not UTF-8 (a BOM is kept as part of the text). */
export async function readTemplate(path: string): Promise<{ bytes: Buffer; text: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new FileError(err.code === 'ENOENT' ? 'FILE_NOT_FOUND' : err.code === 'EISDIR' ? 'FILE_IS_DIRECTORY' : 'FILE_UNREADABLE', err.message);
  }
  try {
    return { bytes, text: decoder.decode(bytes) };
  } catch {
    throw new FileError('FILE_NOT_UTF8', 'not valid UTF-8 text');
  }
}

export function encode(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** Writes through a temporary file and a rename, so a crash never leaves half a template. */
export async function writeTemplate(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.cairn-${process.pid}.tmp`);
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}
