import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSamTemplate } from './generate.ts';
import { editableLines, editTemplate, historyStream } from './gitHistory.ts';

const TEMPLATE = generateSamTemplate(50);

function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  assert.equal(x.length, y.length);
  return x.flatMap((l, i) => (l === y[i] ? [] : [i]));
}

describe('bench git history', () => {
  it('every edit changes exactly one line, cycling through the editable lines', () => {
    const k = editableLines(TEMPLATE);
    assert.ok(k >= 10, `only ${k} editable lines`);
    let text = TEMPLATE;
    const seen = new Set<number>();
    for (let n = 0; n < 3 * k; n++) {
      const next = editTemplate(text, n);
      const changed = changedLines(text, next);
      assert.equal(changed.length, 1, `edit ${n}`);
      assert.match(next.split('\n')[changed[0]!]!, new RegExp(`: ${1000 + n}$`));
      seen.add(changed[0]!);
      text = next;
    }
    assert.equal(seen.size, k);
    assert.throws(() => editTemplate('Resources: {}\n', 0), /no editable line/);
  });

  it('refuses bad counts and paths', () => {
    assert.throws(() => historyStream({ template: TEMPLATE, path: 'template.yaml', commits: 0 }), /commits/);
    assert.throws(() => historyStream({ template: TEMPLATE, path: 'a\nb', commits: 1 }), /plain path/);
  });

  it('git fast-import builds the history: n commits, one line each, ending at `last`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cairn-history-'));
    try {
      const git = (args: string[], input?: Buffer) => {
        const r = spawnSync('git', args, { cwd: dir, input, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      git(['init', '--quiet', '--bare', '-b', 'main']);
      const { stream, last } = historyStream({ template: TEMPLATE, path: 'template.yaml', commits: 25 });
      git(['fast-import', '--quiet', '--done'], stream);
      assert.equal(git(['rev-list', '--count', 'main']).trim(), '25');
      assert.equal(git(['show', 'main:template.yaml']), last);
      assert.equal(git(['show', 'main~24:template.yaml']), TEMPLATE);
      const stat = git(['log', '--format=', '--numstat', 'main~24..main']).trim().split('\n');
      assert.equal(stat.length, 24);
      for (const line of stat) assert.equal(line, '1\t1\ttemplate.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
