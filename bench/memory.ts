/**
 * One memory measurement in a fresh process (`--expose-gc`): the heap kept by N parses of one
 * text, either as bare `yaml` Documents or as opened Cairn templates. A fresh process keeps
 * one side's garbage and caches out of the other's figure. Prints bytes per copy.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { openTemplate } from '../src/model/template.ts';
import { CFN_TAGS } from '../src/model/yaml/tags.ts';

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc!;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const copies = 6;
const texts = Array.from({ length: copies }, (_, i) => `${text}\n# copy ${i}\n`);
// warm both code paths so lazily built tables are not counted
parseDocument(`${text}\n# warm\n`, { customTags: [...CFN_TAGS] });
openTemplate(`${text}\n# warm 2\n`);
const h0 = heap();
const keep: unknown[] = texts.map((t) => (mode === 'doc' ? parseDocument(t, { customTags: [...CFN_TAGS] }) : openTemplate(t)));
const bytes = (heap() - h0) / copies;
process.stdout.write(`${Math.round(bytes)} ${keep.length}\n`);
