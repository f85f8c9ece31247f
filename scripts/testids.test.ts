import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** `canvas.node.${data.id}` and `canvas.node.<LogicalId>` both become `canvas.node.*`. */
const shape = (id: string) => id.replace(/\$\{[^}]*\}/g, '*').replace(/<[^>]+>/g, '*');

test('every data-testid in the app is documented in docs/testids.md, and the page names no id the app lacks', () => {
  const inCode = new Set<string>();
  let all = '';
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    all += text;
    for (const m of text.matchAll(/(?:data-testid|testId)=(?:"([^"]+)"|\{`([^`]+)`\})/g)) inCode.add(shape(m[1] ?? m[2]!));
    // a choice between literals: data-testid={error ? 'app.error' : 'app.notice'}
    for (const m of text.matchAll(/(?:data-testid|testId)=\{([^`}][^}]*)\}/g)) for (const q of m[1]!.matchAll(/'([a-z][\w-]*\.[\w.-]+)'/g)) inCode.add(q[1]!);
  }
  const doc = readFileSync(join(root, 'docs', 'testids.md'), 'utf8');
  const inDoc = new Set([...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => shape(m[1]!)));
  assert.ok(inCode.size > 20, `found only ${inCode.size} ids in src/`);
  assert.deepEqual([...inCode].filter((id) => !inDoc.has(id)).sort(), [], 'ids used in src/ but not documented');
  // ids made by helper functions (`canvas.edge.${...}`) are found by their literal prefix
  const used = (id: string) => inCode.has(id) || all.includes(id.split('*')[0]!.replace(/\.$/, '.'));
  assert.deepEqual([...inDoc].filter((id) => !used(id)).sort(), [], 'ids documented but not used in src/');
});
