import { Parsed, parseText } from './parse.ts';
import type { ReadState } from './parse.ts';

const cache = new Map<string, Parsed>();
const CACHE_SIZE = 4;

/** Parses `text`, reusing the parse of a text seen recently (the editor edits what it just read). */
export function parseCached(text: string): Parsed {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseText(text);
  cache.set(text, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/** Records a parse made another way (a local re-parse after an edit). */
export function rememberParsed(parsed: Parsed): Parsed {
  cache.delete(parsed.text);
  cache.set(parsed.text, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

/** Records what another thread read of `text` (readAhead.ts): its tree is built when first asked for. */
export function primeParse(text: string, read: ReadState): Parsed {
  return rememberParsed(Parsed.fromRead(text, read));
}
