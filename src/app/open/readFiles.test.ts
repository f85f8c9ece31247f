import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFiles } from './readFiles.ts';

const file = (name: string, content: string | Uint8Array<ArrayBuffer>) => new File([content], name);
const TEMPLATE = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';

describe('readFiles', () => {
  it('reads a template and its layout', async () => {
    const r = await readFiles([file('stack.yaml', TEMPLATE), file('stack.yaml.cairn.json', '{"version":1,"nodes":{"Q":{"x":10,"y":20}}}')]);
    assert.deepEqual(r, { ok: true, kind: 'template', name: 'stack.yaml', text: TEMPLATE, layout: { Q: { x: 10, y: 20 } }, notes: [] });
  });

  it('keeps the bytes as they are: BOM, CRLF, no final newline', async () => {
    const text = '\uFEFFResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue';
    const r = await readFiles([file('t.yaml', new TextEncoder().encode(text))]);
    assert.ok(r.ok && r.kind === 'template');
    assert.equal(r.text, text);
    assert.deepEqual(new TextEncoder().encode(r.text), new TextEncoder().encode(text));
  });

  it('opens YAML that does not parse, with its error', async () => {
    const r = await readFiles([file('broken.yaml', 'Resources:\n  Q: [\n')]);
    assert.ok(r.ok && r.kind === 'template' && r.error);
    assert.equal(r.error.severity, 'error');
  });

  it('refuses with a code, and reads nothing of a file that is too big', async () => {
    const code = async (files: File[]) => {
      const r = await readFiles(files);
      return r.ok ? 'ok' : r.problem.code;
    };
    const huge = file('huge.yaml', 'a');
    Object.defineProperty(huge, 'size', { value: 2 * 1024 ** 3 });
    Object.defineProperty(huge, 'arrayBuffer', { value: () => assert.fail('a file over the limit is never read') });
    assert.equal(await code([huge]), 'FILE_TOO_BIG');
    assert.equal(await code([file('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))]), 'FILE_BINARY');
    assert.equal(await code([file('latin1.yaml', new Uint8Array([0x52, 0x3a, 0x20, 0xe9, 0x0a]))]), 'FILE_NOT_UTF8');
    assert.equal(await code([file('package.json', '{"name":"x"}')]), 'FILE_UNKNOWN_FORMAT');
    assert.equal(await code([file('a.yaml', TEMPLATE), file('b.yaml', TEMPLATE)]), 'FILE_TOO_MANY');
    assert.equal(await code([]), 'FILE_NONE');
  });

  it('still opens the template when its layout is unreadable, and says so', async () => {
    const r = await readFiles([file('t.yaml', TEMPLATE), file('t.yaml.cairn.json', new Uint8Array([0, 1, 2]))]);
    assert.ok(r.ok && r.kind === 'template');
    assert.equal(r.layout, undefined);
    assert.match(r.notes[0]!, /Ignored the layout: .*not a text file/);
    const bad = await readFiles([file('t.yaml', TEMPLATE), file('t.yaml.cairn.json', '{"version":1,"nodes":{"Q":{"x":"a","y":1},"R":{"x":1,"y":2}}}')]);
    assert.ok(bad.ok && bad.kind === 'template');
    assert.deepEqual(bad.layout, { R: { x: 1, y: 2 } });
    assert.match(bad.notes[0]!, /Ignored the position of 'Q'/);
  });

  it('reads a layout alone', async () => {
    const r = await readFiles([file('t.yaml.cairn.json', '{"version":1,"nodes":{"Q":{"x":1,"y":2}}}')]);
    assert.deepEqual(r, { ok: true, kind: 'layout', name: 't.yaml.cairn.json', layout: { Q: { x: 1, y: 2 } }, notes: [] });
  });

  it('shows a hostile name safely', async () => {
    const r = await readFiles([file('../../\u202egnp.yaml', TEMPLATE)]);
    assert.ok(r.ok && r.kind === 'template');
    assert.equal(r.name, 'gnp.yaml');
  });
});
