import { openProblem } from './problems.ts';
import type { OpenProblem } from './problems.ts';
import { quoted } from './names.ts';

/** Signatures of common binary files a user might drop by mistake. */
const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** How far binary detection looks: enough to catch any real binary, cheap for 1 MB of text. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Refuses bytes that are not UTF-8 text before anything tries to decode or parse them: known
 * binary signatures, UTF-16/32 (by their byte order mark), and NUL bytes or a run of control
 * characters, which no template contains. Returns null for bytes worth decoding.
 */
export function sniffBytes(name: string, bytes: Uint8Array): OpenProblem | null {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return openProblem('FILE_NOT_UTF8', `${quoted(name)} is UTF-32 text; save it as UTF-8 and open it again.`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return openProblem('FILE_NOT_UTF8', `${quoted(name)} is UTF-16 text; save it as UTF-8 and open it again.`);
  }
  for (const [what, sig] of MAGIC) {
    if (startsWith(bytes, sig)) return openProblem('FILE_BINARY', `${quoted(name)} is ${what}, not a template.`);
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return openProblem('FILE_BINARY', `${quoted(name)} is not a text file (it holds NUL bytes).`);
    // tab, line feed, form feed and carriage return are text; other C0 controls are not
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) controls++;
  }
  if (controls > 8 && controls * 100 > n) return openProblem('FILE_BINARY', `${quoted(name)} is not a text file (it is full of control characters).`);
  return null;
}
