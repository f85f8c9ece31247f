import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyTemplate } from './classify.ts';
import { displayName, quoted } from './names.ts';
import { MAX_LAYOUT_BYTES, planFiles } from './plan.ts';
import { formatBytes } from './problems.ts';
import { sniffBytes } from './sniff.ts';

const f = (name: string, size = 10) => ({ name, size });
const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('planFiles', () => {
  it('opens one template with its own layout', () => {
    const p = planFiles([f('template.yaml.cairn.json'), f('template.yaml')]);
    assert.ok(p.ok);
    assert.equal(p.template?.name, 'template.yaml');
    assert.equal(p.layout?.name, 'template.yaml.cairn.json');
    assert.deepEqual(p.notes, []);
  });

  it('takes a lone layout under another name as the template\'s, and ignores extra ones', () => {
    const one = planFiles([f('a.yaml'), f('b.yaml.cairn.json')]);
    assert.ok(one.ok && one.layout?.name === 'b.yaml.cairn.json');
    const two = planFiles([f('a.yaml'), f('a.yaml.cairn.json'), f('b.yaml.cairn.json')]);
    assert.ok(two.ok);
    assert.equal(two.layout?.name, 'a.yaml.cairn.json');
    assert.equal(two.notes.length, 1);
    assert.match(two.notes[0]!, /b\.yaml\.cairn\.json/);
  });

  it('opens a layout alone (for the open template)', () => {
    const p = planFiles([f('x.yaml.cairn.json')]);
    assert.ok(p.ok && p.template === null && p.layout?.name === 'x.yaml.cairn.json');
  });

  it('refuses by code: nothing, too many, too big, empty', () => {
    const code = (files: { name: string; size: number }[]) => {
      const p = planFiles(files);
      return p.ok ? 'ok' : p.problem.code;
    };
    assert.equal(code([]), 'FILE_NONE');
    assert.equal(code([f('a.yaml'), f('b.yaml')]), 'FILE_TOO_MANY');
    assert.equal(code([f('a.cairn.json'), f('b.cairn.json')]), 'FILE_TOO_MANY');
    assert.equal(code([f('a.yaml', 1024 * 1024 + 1)]), 'FILE_TOO_BIG');
    assert.equal(code([f('a.yaml', 1024 * 1024)]), 'ok');
    assert.equal(code([f('a.yaml', 5 * 1024 ** 3)]), 'FILE_TOO_BIG');
    assert.equal(code([f('a.yaml', 0)]), 'FILE_EMPTY');
    assert.equal(code([f('a.yaml.cairn.json', MAX_LAYOUT_BYTES + 1)]), 'FILE_TOO_BIG');
  });

  it('drops an oversized layout but still opens its template', () => {
    const p = planFiles([f('a.yaml'), f('a.yaml.cairn.json', MAX_LAYOUT_BYTES + 1)]);
    assert.ok(p.ok && p.template && !p.layout);
    assert.match(p.notes[0]!, /Ignored the layout/);
  });

  it('says how big and how much is allowed', () => {
    const p = planFiles([f('big.yaml', 3 * 1024 * 1024 + 300 * 1024)]);
    assert.ok(!p.ok);
    assert.match(p.problem.message, /“big\.yaml” is 3\.3 MB; Cairn opens templates up to 1 MB/);
  });
});

describe('sniffBytes', () => {
  it('lets UTF-8 text through, with or without a BOM, with tabs and CRLF', () => {
    assert.equal(sniffBytes('t.yaml', utf8('Resources:\r\n\tA: 1\n')), null);
    assert.equal(sniffBytes('t.yaml', bytes(0xef, 0xbb, 0xbf, 0x41)), null);
    assert.equal(sniffBytes('t.yaml', utf8('Description: ünïcödé ✓ 🚀\n')), null);
  });

  it('refuses binaries and other encodings by code', () => {
    const code = (b: Uint8Array) => sniffBytes('x', b)?.code ?? 'ok';
    assert.equal(code(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), 'FILE_BINARY');
    assert.equal(code(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2)), 'FILE_BINARY');
    assert.equal(code(bytes(0x41, 0x42, 0x00, 0x43)), 'FILE_BINARY');
    assert.equal(code(new Uint8Array(200).fill(0x01)), 'FILE_BINARY');
    assert.equal(code(bytes(0xff, 0xfe, 0x41, 0x00)), 'FILE_NOT_UTF8');
    assert.equal(code(bytes(0xfe, 0xff, 0x00, 0x41)), 'FILE_NOT_UTF8');
    assert.equal(code(bytes(0xff, 0xfe, 0x00, 0x00)), 'FILE_NOT_UTF8');
  });

  it('names what the binary is', () => {
    assert.match(sniffBytes('photo.yaml', bytes(0xff, 0xd8, 0xff, 0xe0))!.message, /“photo\.yaml” is a JPEG image/);
  });
});

describe('classifyTemplate', () => {
  it('accepts SAM, CloudFormation JSON and serverless.yml', () => {
    assert.deepEqual(classifyTemplate('a.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n'), { ok: true, syntax: 'yaml', parses: true });
    assert.deepEqual(classifyTemplate('a.json', '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}'), { ok: true, syntax: 'json', parses: true });
    assert.ok(classifyTemplate('serverless.yml', 'service: x\nprovider:\n  name: aws\n').ok);
  });

  it('opens YAML that does not parse, with its first error', () => {
    const c = classifyTemplate('broken.yaml', 'Resources:\n  A: [1, 2\n  B: x\n');
    assert.ok(c.ok && !c.parses);
    assert.equal(c.error.severity, 'error');
    assert.ok(c.error.range);
  });

  it('refuses text that parses but is not a template', () => {
    const code = (text: string) => {
      const c = classifyTemplate('x', text);
      return c.ok ? 'ok' : c.problem.code;
    };
    assert.equal(code('{"name": "my-app", "version": "1.0.0"}'), 'FILE_UNKNOWN_FORMAT');
    assert.equal(code('- a\n- b\n'), 'FILE_UNKNOWN_FORMAT');
    assert.equal(code('Just some notes about the stack\n'), 'FILE_UNKNOWN_FORMAT');
    assert.equal(code('# only a comment\n\n'), 'FILE_EMPTY');
    assert.equal(code('   \n'), 'FILE_EMPTY');
  });

  it('lists the keys it found, cut short and without control characters', () => {
    const c = classifyTemplate('package.json', `{"name": "x", "\u202e${'k'.repeat(80)}": 1}`);
    assert.ok(!c.ok);
    assert.match(c.problem.message, /its keys: name, \?k{39}…/);
  });
});

describe('displayName', () => {
  it('keeps ordinary names as they are', () => {
    assert.equal(displayName('template.yaml'), 'template.yaml');
    assert.equal(displayName('my stack (v2).yml'), 'my stack (v2).yml');
  });

  it('drops paths, controls, bidi overrides and leading dots; never empty', () => {
    assert.equal(displayName('../../etc/passwd'), 'passwd');
    assert.equal(displayName('C:\\Users\\me\\t.yaml'), 't.yaml');
    assert.equal(displayName('evil\u202eLMAY.exe'), 'evilLMAY.exe');
    assert.equal(displayName('a\u0000b\nc.yaml'), 'abc.yaml');
    assert.equal(displayName('.hidden.yaml'), 'hidden.yaml');
    assert.equal(displayName('<script>.yaml'), '_script_.yaml');
    assert.equal(displayName(''), 'template.yaml');
    assert.equal(displayName('\u202e'), 'template.yaml');
  });

  it('cuts long names and keeps the extension', () => {
    const n = displayName(`${'a'.repeat(500)}.yaml`);
    assert.equal(n.length, 120);
    assert.ok(n.endsWith('.yaml'));
    assert.ok(quoted(`${'b'.repeat(500)}.yaml`).length < 64);
  });
});

describe('formatBytes', () => {
  it('reads like the limits are written', () => {
    assert.equal(formatBytes(1), '1 byte');
    assert.equal(formatBytes(512), '512 bytes');
    assert.equal(formatBytes(1024 * 1024), '1 MB');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(5 * 1024 ** 3), '5 GB');
  });
});
