import { isAlias, isMap, isSeq } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import type { Path } from '../diagnostics/types.ts';
import { keyString } from '../value.ts';

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) if (keyString(item.key) === key) return item as Pair;
  return undefined;
}

/** Navigates maps and sequences along `path`; returns the node (or undefined) and its parent. */
export function nodeAt(doc: Document.Parsed, path: Path): { node: unknown; parent: unknown; pair?: Pair } | undefined {
  let node: unknown = doc.contents;
  let parent: unknown = doc;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node) && typeof seg === 'string') {
      const p = findPair(node, seg);
      if (!p) return undefined;
      parent = node;
      pair = p;
      node = p.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      if (seg < 0 || seg >= node.items.length) return undefined;
      parent = node;
      pair = undefined;
      node = node.items[seg];
    } else {
      return undefined;
    }
  }
  return pair ? { node, parent, pair } : { node, parent };
}

