// The git engine against real git: bare repositories served by `git http-backend` over smart
// HTTP, driven through isomorphic-git's node http client on node:fs in temp dirs. No mocks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'isomorphic-git/http/node';
import type { PromiseFsClient } from 'isomorphic-git';
import { createGitEngine, type GitEngine } from './engine.ts';
import type { GitResult } from './errors.ts';
import { cliPush, gitCli, startGitHttpServer, type GitHttpServer } from './testing/gitHttpServer.ts';

const TEMPLATE = 'template.yaml';
const SEED = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
const ALICE = { name: 'Alice', email: 'alice@example.com' };
const BOB = { name: 'Bob', email: 'bob@example.com' };

let server: GitHttpServer;
const dirs: string[] = [];
let repoCount = 0;

before(async () => {
  server = await startGitHttpServer();
});
after(async () => {
  await server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function newRepo(files: Record<string, string> = { [TEMPLATE]: SEED, 'README.md': 'stack\n' }): string {
  const name = `stack${++repoCount}`;
  server.createRepo(name, files);
  return name;
}

function workingCopy(name: string): { engine: GitEngine; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-wc-'));
  dirs.push(dir);
  return { engine: createGitEngine({ fs: nodeFs as unknown as PromiseFsClient, http, dir, url: server.url(name) }), dir };
}

function value<T>(r: GitResult<T>): T {
  if (!r.ok) assert.fail(`expected ok, got ${r.code}: ${r.message}`);
  return r.value;
}

const remoteLog = (name: string, branch: string) => gitCli(['--git-dir', server.repoPath(name), 'log', '--format=%H %an %s', branch]).trim().split('\n');
const remoteFile = (name: string, branch: string, path: string) => gitCli(['--git-dir', server.repoPath(name), 'show', `${branch}:${path}`]);
const remoteHead = (name: string, branch: string) => gitCli(['--git-dir', server.repoPath(name), 'rev-parse', branch]).trim();

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  console.log(`  [timing] ${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return r;
}

async function openWithEdit(name: string, text: string) {
  const wc = workingCopy(name);
  value(await wc.engine.open());
  value(await wc.engine.writeFile(TEMPLATE, text));
  return wc;
}

describe('git engine over smart HTTP', () => {
  test('clone, edit, commit, push; a second working copy sees the change after fetch', async () => {
    const name = newRepo();
    const a = workingCopy(name);
    const opened = value(await timed('shallow clone', () => a.engine.open()));
    assert.equal(opened.branch, 'main');
    assert.equal(opened.dirty, false);
    assert.equal(opened.relation, 'same');
    assert.equal(opened.head, remoteHead(name, 'main'));
    assert.equal(readFileSync(join(a.dir, '.git', 'shallow'), 'utf8').trim(), opened.head);
    assert.equal(value(await a.engine.readFile(TEMPLATE)), SEED);

    const b = workingCopy(name);
    value(await b.engine.open());

    const edited = SEED + '  Topic:\n    Type: AWS::SNS::Topic\n';
    value(await a.engine.writeFile(TEMPLATE, edited));
    const dirty = value(await a.engine.status());
    assert.equal(dirty.dirty, true);
    assert.deepEqual(dirty.changed, [TEMPLATE]);

    const { oid } = value(await timed('commit', () => a.engine.commit({ message: 'Add a topic', author: ALICE })));
    assert.equal(value(await a.engine.status()).relation, 'ahead');
    assert.equal(value(await a.engine.status()).dirty, false);
    assert.equal(value(await timed('push', () => a.engine.push())).oid, oid);
    assert.equal(remoteHead(name, 'main'), oid);
    assert.equal(remoteFile(name, 'main', TEMPLATE), edited);
    assert.equal(value(await a.engine.status()).relation, 'same');

    const fetched = value(await timed('no-op-ish fetch', () => b.engine.fetch()));
    assert.equal(fetched.relation, 'behind');
    assert.equal(fetched.remoteHead, oid);
    const pulled = value(await b.engine.pull());
    assert.equal(pulled.head, oid);
    assert.equal(pulled.relation, 'same');
    assert.equal(value(await b.engine.readFile(TEMPLATE)), edited);

    const log = value(await b.engine.log({ limit: 5 }));
    assert.deepEqual(
      log.map((c) => [c.message.trim(), c.author.name]),
      [
        ['Add a topic', 'Alice'],
        ['Initial stack', 'Seed'],
      ],
    );
  });

  test('nothing to commit, missing author and unknown files are coded failures', async () => {
    const name = newRepo();
    const { engine } = workingCopy(name);
    const notOpen = await engine.status();
    assert.equal(notOpen.ok ? 'ok' : notOpen.code, 'NOT_OPEN');
    value(await engine.open());
    const nothing = await engine.commit({ message: 'x', author: ALICE });
    assert.equal(nothing.ok ? 'ok' : nothing.code, 'NOTHING_TO_COMMIT');
    value(await engine.writeFile(TEMPLATE, 'x: 1\n'));
    const noAuthor = await engine.commit({ message: 'x', author: { name: '', email: '' } });
    assert.equal(noAuthor.ok ? 'ok' : noAuthor.code, 'AUTHOR_REQUIRED');
    const missing = await engine.readFile('nope.yaml');
    assert.equal(missing.ok ? 'ok' : missing.code, 'FILE_NOT_FOUND');
    for (const path of ['../outside.yaml', '.git/config', '/etc/passwd', 'a//b']) {
      const r = await engine.writeFile(path, 'x');
      assert.equal(r.ok ? 'ok' : r.code, 'PATH_INVALID', path);
    }
    const gone = workingCopy('no-such-stack');
    const r = await gone.engine.open();
    assert.equal(r.ok ? 'ok' : r.code, 'REPO_NOT_FOUND');
  });

  test('a commit that adds an AWS key is refused naming file and line, and nothing is committed; the documented EXAMPLE key and a key already in the file are not this commit\'s', async () => {
    // the key is built here so that this file itself holds none
    const key = ['AKIA', 'Z7QW3X9P2L5M8N4R'].join('');
    const name = newRepo({ [TEMPLATE]: SEED, 'old.env': `LEGACY=${key}\n` });
    const { engine } = workingCopy(name);
    value(await engine.open());
    const before = value(await engine.status());
    value(await engine.writeFile(TEMPLATE, `${SEED}  # access: ${key}\n`));
    const refused = await engine.commit({ message: 'add key', author: ALICE });
    assert.equal(refused.ok ? 'ok' : refused.code, 'SECRET_IN_CHANGES');
    assert.ok(!refused.ok && refused.message.includes(`${TEMPLATE}:5:`), refused.ok ? '' : refused.message);
    assert.ok(!refused.ok && !refused.message.includes(key), 'the key itself is never repeated');
    assert.equal(value(await engine.status()).head, before.head, 'nothing committed');
    // the documented example key, and a line the head already has, are let through
    value(await engine.writeFile(TEMPLATE, `${SEED}  # example: AKIAIOSFODNN7EXAMPLE\n`));
    value(await engine.writeFile('old.env', `LEGACY=${key}\nMORE=1\n`));
    value(await engine.commit({ message: 'example key only', author: ALICE }));
  });

  test('push race: the loser gets PUSH_REJECTED and moveToNewBranch keeps its commit on a new remote branch', async () => {
    const name = newRepo();
    const a = await openWithEdit(name, SEED + '  A:\n    Type: AWS::SNS::Topic\n');
    const b = await openWithEdit(name, SEED + '  B:\n    Type: AWS::SQS::Queue\n');
    const aCommit = value(await a.engine.commit({ message: 'A adds a topic', author: ALICE })).oid;
    const bCommit = value(await b.engine.commit({ message: 'B adds a queue', author: BOB })).oid;

    value(await a.engine.push());
    const rejected = await timed('rejected push', () => b.engine.push());
    assert.equal(rejected.ok, false);
    if (rejected.ok) return;
    assert.equal(rejected.code, 'PUSH_REJECTED');
    assert.equal(rejected.data?.branch, 'main');
    assert.equal(rejected.data?.head, bCommit);
    assert.equal(rejected.data?.libraryCode, 'PushRejectedError');
    assert.equal(rejected.data?.reason, 'not-fast-forward');

    // B keeps typing after the rejection: the uncommitted edit moves too.
    value(await b.engine.writeFile('notes.md', 'unsaved\n'));
    const moved = value(await timed('move to new branch', () => b.engine.moveToNewBranch('bob/queue')));
    assert.equal(moved.branch, 'bob/queue');
    assert.equal(moved.head, bCommit);
    assert.equal(moved.relation, 'same');
    assert.deepEqual(moved.changed, ['notes.md']);

    assert.deepEqual(remoteLog(name, 'main').map((l) => l.split(' ')[0]).slice(0, 1), [aCommit]);
    assert.deepEqual(remoteLog(name, 'bob/queue').map((l) => l.split(' ')[0]).slice(0, 1), [bCommit]);
    assert.match(remoteLog(name, 'bob/queue')[0] ?? '', / Bob B adds a queue$/);
    assert.equal(gitCli(['--git-dir', server.repoPath(name), 'cat-file', '-t', aCommit]).trim(), 'commit');
    assert.equal(gitCli(['--git-dir', server.repoPath(name), 'cat-file', '-t', bCommit]).trim(), 'commit');
    // B's old local main went back to the server's head, so switching to it is clean.
    const back = value(await b.engine.switchBranch('main', { edits: 'leave' }));
    assert.equal(back.head, value(await b.engine.status()).remoteHead);
  });

  test('a push that loses at the server (GitPushError) is PUSH_REJECTED too', async () => {
    const name = newRepo();
    const a = await openWithEdit(name, SEED + '# a\n');
    const aCommit = value(await a.engine.commit({ message: 'A', author: ALICE })).oid;
    // A terminal push lands while A's push is between ref discovery and upload: a pre-receive
    // hook makes the server side of A's push push first.
    const bare = server.repoPath(name);
    const hook = join(bare, 'hooks', 'pre-receive');
    const other = mkdtempSync(join(tmpdir(), 'cairn-git-racer-'));
    dirs.push(other);
    gitCli(['clone', '--quiet', '--', bare, other]);
    writeFileSync(join(other, 'README.md'), 'terminal\n');
    gitCli(['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-am', 'terminal'], other);
    const terminal = gitCli(['rev-parse', 'HEAD'], other).trim();
    writeFileSync(hook, `#!/bin/sh\nunset GIT_DIR GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES GIT_PUSH_OPTION_COUNT\nrm -f "$0"\ncd ${JSON.stringify(other)} && git push --quiet origin main >/dev/null 2>&1\nexit 0\n`, { mode: 0o755 });
    const r = await a.engine.push();
    assert.equal(r.ok ? 'ok' : r.code, 'PUSH_REJECTED');
    assert.equal(r.ok ? '' : r.data?.libraryCode, 'GitPushError');
    assert.equal(remoteHead(name, 'main'), terminal);
    value(await a.engine.moveToNewBranch('alice/late'));
    assert.equal(remoteHead(name, 'alice/late'), aCommit);
  });

  test('createBranch carries uncommitted edits and unpushed commits, like checkout -b, and pushes', async () => {
    const name = newRepo();
    const wc = await openWithEdit(name, SEED + '# committed\n');
    const local = value(await wc.engine.commit({ message: 'local only', author: ALICE })).oid;
    value(await wc.engine.writeFile(TEMPLATE, SEED + '# committed\n# typing\n'));
    const base = remoteHead(name, 'main');

    const created = value(await wc.engine.createBranch('feature/topic'));
    assert.equal(created.branch, 'feature/topic');
    assert.equal(created.head, local);
    assert.equal(created.dirty, true);
    assert.deepEqual(created.changed, [TEMPLATE]);
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED + '# committed\n# typing\n');
    assert.equal(remoteHead(name, 'feature/topic'), local);
    assert.equal(remoteHead(name, 'main'), base);

    const again = await wc.engine.createBranch('feature/topic');
    assert.equal(again.ok ? 'ok' : again.code, 'BRANCH_EXISTS');
    const branches = value(await wc.engine.listBranches());
    assert.deepEqual(
      branches.map((b) => [b.name, b.current]),
      [
        ['feature/topic', true],
        ['main', false],
      ],
    );
  });

  test('switch branch carrying edits, and leaving them (they come back on return)', async () => {
    const name = newRepo();
    cliPushBranch(name, 'staging');
    const wc = await openWithEdit(name, SEED + '# draft\n');

    const left = value(await wc.engine.switchBranch('staging', { edits: 'leave' }));
    assert.deepEqual(left.carried, []);
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED);
    assert.equal(value(await wc.engine.readFile('staging.txt')), 'staging\n');
    assert.equal(value(await wc.engine.status()).dirty, false);

    const back = value(await wc.engine.switchBranch('main', { edits: 'leave' }));
    assert.deepEqual(back.restored, [TEMPLATE]);
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED + '# draft\n');
    assert.equal(existsSync(join(wc.dir, 'staging.txt')), false);

    const carried = value(await wc.engine.switchBranch('staging', { edits: 'carry' }));
    assert.deepEqual(carried.carried, [TEMPLATE]);
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED + '# draft\n');
    assert.deepEqual(value(await wc.engine.status()).changed, [TEMPLATE]);
    const home = value(await wc.engine.switchBranch('main', { edits: 'carry' }));
    assert.deepEqual(home.restored, []);
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED + '# draft\n');

    const unknown = await wc.engine.switchBranch('no-such-branch', { edits: 'carry' });
    assert.equal(unknown.ok ? 'ok' : unknown.code, 'BRANCH_NOT_FOUND');
  });

  test('carrying edits onto a branch that changed the same file is refused, nothing touched', async () => {
    const name = newRepo();
    cliPushBranch(name, 'other');
    cliPush(server, name, 'other', { [TEMPLATE]: SEED + '# other\n' }, 'other edits the template');
    const wc = await openWithEdit(name, SEED + '# mine\n');
    const r = await wc.engine.switchBranch('other', { edits: 'carry' });
    assert.equal(r.ok ? 'ok' : r.code, 'EDITS_CONFLICT');
    assert.deepEqual(r.ok ? [] : r.data?.paths, [TEMPLATE]);
    const st = value(await wc.engine.status());
    assert.equal(st.branch, 'main');
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED + '# mine\n');
  });

  test('refresh resets to the remote head, refusing while there are edits or unpushed commits', async () => {
    const name = newRepo();
    const wc = workingCopy(name);
    value(await wc.engine.open());
    const terminal = cliPush(server, name, 'main', { [TEMPLATE]: SEED + '# from a terminal\n' }, 'terminal push');
    value(await wc.engine.writeFile(TEMPLATE, SEED + '# mine\n'));

    const dirty = await wc.engine.refresh();
    assert.equal(dirty.ok ? 'ok' : dirty.code, 'DIRTY_WORKTREE');
    value(await wc.engine.commit({ message: 'mine', author: ALICE }));
    const unpushed = await wc.engine.refresh();
    assert.equal(unpushed.ok ? 'ok' : unpushed.code, 'UNPUSHED_COMMITS');
    const diverged = await wc.engine.pull();
    assert.equal(diverged.ok ? 'ok' : diverged.code, 'NOT_FAST_FORWARD');

    value(await wc.engine.writeFile('scratch.txt', 'new file\n'));
    const fresh = value(await wc.engine.refresh({ discard: true }));
    assert.equal(fresh.head, terminal);
    assert.equal(fresh.relation, 'same');
    assert.equal(fresh.dirty, false);
    assert.equal(value(await wc.engine.readFile(TEMPLATE)), SEED + '# from a terminal\n');
    assert.equal(existsSync(join(wc.dir, 'scratch.txt')), false);
  });

  test('reopening a cached clone fetches and keeps uncommitted edits', async () => {
    const name = newRepo();
    const wc = await openWithEdit(name, SEED + '# unsaved\n');
    const moved = cliPush(server, name, 'main', { 'README.md': 'changed\n' }, 'readme');
    const again = createGitEngine({ fs: nodeFs as unknown as PromiseFsClient, http, dir: wc.dir, url: server.url(name) });
    const st = value(await again.open());
    assert.equal(st.remoteHead, moved);
    assert.equal(st.relation, 'behind');
    assert.deepEqual(st.changed, [TEMPLATE]);
    const pulled = value(await again.pull());
    assert.equal(pulled.head, moved);
    assert.equal(value(await again.readFile(TEMPLATE)), SEED + '# unsaved\n');
    assert.equal(value(await again.readFile('README.md')), 'changed\n');
  });

  test('an empty repository opens on main, and the first commit creates the branch', async () => {
    const name = `empty${++repoCount}`;
    server.createEmptyRepo(name);
    const a = workingCopy(name);
    const opened = value(await a.engine.open());
    assert.deepEqual([opened.branch, opened.head, opened.remoteHead, opened.relation, opened.dirty], ['main', null, null, 'no-remote', false]);
    value(await a.engine.writeFile('stacks/orders/template.yaml', SEED));
    assert.deepEqual(value(await a.engine.status()).changed, ['stacks/orders/template.yaml']);
    const reopened = value(await createGitEngine({ fs: nodeFs as unknown as PromiseFsClient, http, dir: a.dir, url: server.url(name) }).open());
    assert.deepEqual(reopened.changed, ['stacks/orders/template.yaml']);
    const { oid } = value(await a.engine.commit({ message: 'First stack', author: ALICE }));
    value(await a.engine.push());
    assert.equal(remoteHead(name, 'main'), oid);
    assert.equal(remoteFile(name, 'main', 'stacks/orders/template.yaml'), SEED);
    const b = workingCopy(name);
    assert.equal(value(await b.engine.open()).head, oid);
    assert.equal(value(await b.engine.readFile('stacks/orders/template.yaml')), SEED);
  });

  test('figures: open a 1,000-commit repository and commit + push, against native git (printed, not asserted)', async () => {
    const name = `big${++repoCount}`;
    server.createEmptyRepo(name);
    let stream = '';
    for (let i = 1; i <= 1000; i++) {
      const text = `${SEED}# revision ${i}\n`;
      stream += `commit refs/heads/main\ncommitter Seed <seed@example.com> ${1_700_000_000 + i} +0000\ndata ${String(i).length + 1}\nc${i}\nM 100644 inline ${TEMPLATE}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    }
    const imported = spawnSync('git', ['--git-dir', server.repoPath(name), 'fast-import', '--quiet'], { input: stream });
    assert.equal(imported.status, 0, String(imported.stderr));
    assert.equal(gitCli(['--git-dir', server.repoPath(name), 'rev-list', '--count', 'main']).trim(), '1000');

    const native = mkdtempSync(join(tmpdir(), 'cairn-native-'));
    dirs.push(native);
    // Async spawn: the server answering this clone runs on this event loop.
    const run = (args: string[], cwd?: string) =>
      new Promise<void>((resolve, reject) => {
        const child = spawn('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', HOME: tmpdir() } });
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`git ${args.join(' ')}: ${code}`))));
      });
    const t0 = performance.now();
    await run(['clone', '--quiet', '--depth', '1', '--', server.url(name), native]);
    const nativeClone = performance.now() - t0;
    writeFileSync(join(native, TEMPLATE), SEED + '# native edit\n');
    const t1 = performance.now();
    await run(['-c', 'user.name=N', '-c', 'user.email=n@example.com', 'commit', '--quiet', '-am', 'native'], native);
    await run(['push', '--quiet', 'origin', 'main'], native);
    const nativePush = performance.now() - t1;

    const wc = workingCopy(name);
    const t2 = performance.now();
    const opened = value(await wc.engine.open());
    const engineClone = performance.now() - t2;
    assert.equal(opened.head, remoteHead(name, 'main'));
    // depth 1 has one commit: log deepens the clone to show ten.
    const t4 = performance.now();
    const log = value(await wc.engine.log({ limit: 10 }));
    console.log(`  [timing] log 10 on a depth-1 clone (deepens): ${(performance.now() - t4).toFixed(0)} ms`);
    assert.deepEqual(
      log.map((c) => c.message.trim()),
      ['native', ...Array.from({ length: 9 }, (_, i) => `c${1000 - i}`)],
    );
    value(await wc.engine.writeFile(TEMPLATE, SEED + '# engine edit\n'));
    const t3 = performance.now();
    value(await wc.engine.commit({ message: 'engine', author: ALICE }));
    value(await wc.engine.push());
    const enginePush = performance.now() - t3;
    assert.equal(gitCli(['--git-dir', server.repoPath(name), 'rev-list', '--count', 'main']).trim(), '1002');
    const row = (label: string, ours: number, theirs: number) =>
      console.log(`  [timing] ${label}: engine ${ours.toFixed(0)} ms, native git ${theirs.toFixed(0)} ms (${(ours / theirs).toFixed(2)}x)`);
    row('open 1,000-commit repo (depth 1)', engineClone, nativeClone);
    row('commit + push one edit', enginePush, nativePush);
  });

  test('hostile branch names are refused before any git call', async () => {
    const name = newRepo();
    const wc = workingCopy(name);
    value(await wc.engine.open());
    const hostile = ['', '-f', '--upload-pack=touch x', '../main', 'a..b', 'a b', 'x.lock', 'a/.hidden', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[1', 'a\\b', '/a', 'a/', 'a//b', 'a.', '@', 'a@{1}', 'HEAD', 'new\nline', 'nul\0', 'x'.repeat(201)];
    for (const n of hostile) {
      for (const r of [await wc.engine.createBranch(n), await wc.engine.switchBranch(n, { edits: 'carry' })]) {
        assert.equal(r.ok ? 'ok' : r.code, 'BRANCH_NAME_INVALID', JSON.stringify(n));
      }
    }
    assert.deepEqual(gitCli(['--git-dir', server.repoPath(name), 'for-each-ref', '--format=%(refname)']).trim().split('\n'), ['refs/heads/main']);
  });
});

function cliPushBranch(name: string, branch: string) {
  const work = mkdtempSync(join(tmpdir(), 'cairn-git-cli-'));
  dirs.push(work);
  gitCli(['clone', '--quiet', '--', server.repoPath(name), work]);
  gitCli(['switch', '--quiet', '-c', branch], work);
  writeFileSync(join(work, `${branch}.txt`), `${branch}\n`);
  gitCli(['add', '-A'], work);
  gitCli(['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', `${branch} starts`], work);
  gitCli(['push', '--quiet', 'origin', branch], work);
}
