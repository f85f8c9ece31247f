import { parseText } from './parse.ts';
import type { Parsed } from './parse.ts';

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

