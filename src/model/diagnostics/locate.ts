import { isPair } from 'yaml';
import type { Path, SourceRange } from './types.ts';
import type { ParsedText } from '../yaml/parse.ts';
import { nodeAt } from '../yaml/nav.ts';
import { contentEnd } from '../edit/cst.ts';

/**
 * Finds the source range of the value at `path` (or of its key). Falls back to the nearest
 * ancestor that exists, so a "missing property" points at the resource that lacks it.
 */
export function locate(parsed: ParsedText, path: Path, key = false): SourceRange | null {
  const doc = parsed.doc;
  if (!doc) return null;
  for (let n = path.length; n >= 0; n--) {
    const found = nodeAt(doc, path.slice(0, n));
    if (!found) continue;
    const exact = n === path.length;
    const target = (key || !exact) && found.pair ? found.pair.key : found.node;
    const r = (target as { range?: [number, number, number] | null } | null)?.range;
    if (!r) {
      if (found.pair && isPair(found.pair)) {
        const kr = (found.pair.key as { range?: [number, number, number] }).range;
        if (kr) return parsed.lines.range(kr[0], kr[1]);
      }
      continue;
    }
    let end = r[1];
    try {
      end = contentEnd(parsed.text, target);
    } catch {
      // a node without source ranges: use what the parser gave
    }
    return parsed.lines.range(r[0], Math.max(r[0], end));
  }
  return null;
}
