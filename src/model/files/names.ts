/** The longest file name Cairn shows or downloads under (most file systems stop at 255 bytes). */
export const MAX_NAME_LENGTH = 120;

const FALLBACK = 'template.yaml';

/**
 * A file name that is safe to show and to download under: the last path segment, without
 * control characters, bidirectional overrides (which can make `evil.exe` read as `exe.live`),
 * characters file systems refuse, or leading dots; cut to `MAX_NAME_LENGTH` with its extension
 * kept. Never empty.
 */
export function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  let name = base
    // C0/C1 controls, bidi embeddings/overrides/isolates, zero-width and BOM characters
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '');
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  return name || FALLBACK;
}

/** Quotes a name for a message, cut short so that a hostile name cannot flood the screen. */
export function quoted(name: string): string {
  const n = displayName(name);
  return `“${n.length > 60 ? `${n.slice(0, 40)}…${n.slice(-16)}` : n}”`;
}
