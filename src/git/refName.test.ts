import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { branchNameProblem, isValidBranchName } from './refName.ts';

/** git's own verdict on `refs/heads/<name>` (argument array, no shell). */
const gitAccepts = (name: string) => spawnSync('git', ['check-ref-format', `refs/heads/${name}`]).status === 0;

const GOOD = ['main', 'feature/topic', 'bob/queue-2', 'release-1.2', 'fix_UPPER', 'a.b/c.d', 'ünïcode', 'x'.repeat(200)];
const BAD = ['', '../main', 'a..b', 'a b', 'x.lock', 'a/x.lock/b', 'a/.hidden', '.a', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[1', 'a\\b', '/a', 'a/', 'a//b', 'a.', 'a@{1}', 'new\nline', 'tab\t', 'del\x7f'];
/** Valid for git but refused here: a leading "-" reads as an option, HEAD and @ are ambiguous. */
const STRICTER = ['-f', '--upload-pack=x', 'HEAD', '@', 'x'.repeat(201)];

test('agrees with git check-ref-format on good and bad names', () => {
  for (const name of GOOD) {
    assert.equal(isValidBranchName(name), true, JSON.stringify(name));
    assert.equal(gitAccepts(name), true, `git accepts ${JSON.stringify(name)}`);
  }
  for (const name of BAD) {
    assert.equal(isValidBranchName(name), false, JSON.stringify(name));
    assert.equal(gitAccepts(name), false, `git refuses ${JSON.stringify(name)}`);
  }
});

test('is stricter than git where a name could be read as an option or HEAD', () => {
  for (const name of STRICTER) assert.equal(isValidBranchName(name), false, JSON.stringify(name));
  assert.match(branchNameProblem('-f') ?? '', /cannot start with "-"/);
});
