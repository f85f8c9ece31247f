// The editor's stack session against real git: the same engine the git worker runs (on
// node:fs here), bare repositories served by `git http-backend`. No mocks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'isomorphic-git/http/node';
import type { PromiseFsClient } from 'isomorphic-git';
import { createGitEngine } from '../../git/engine.ts';
import { cliPush, gitCli, startGitHttpServer, type GitHttpServer } from '../../git/testing/gitHttpServer.ts';
import type { RefChange } from '../../protocol/stacks.ts';
import { hasUnpushed, StackSession, suggestBranchName } from './session.ts';
import type { SavedWork } from '../../store/persistence/workInProgress.ts';

const TEMPLATE = 'template.yaml';
const SEED = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n';
const ALICE = { name: 'Alice', email: 'alice@example.com' };
const BOB = { name: 'Bob', email: 'bob@example.com' };

let server: GitHttpServer;
const dirs: string[] = [];
let count = 0;

before(async () => {
  server = await startGitHttpServer();
});
after(async () => {
  await server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function newRepo(files: Record<string, string> = { [TEMPLATE]: SEED }): string {
  const name = `session${++count}`;
  server.createRepo(name, files);
  return name;
}

function session(name: string, restore?: () => Promise<SavedWork | null>): StackSession {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-session-'));
  dirs.push(dir);
  const engine = createGitEngine({ fs: nodeFs as unknown as PromiseFsClient, http, dir, url: server.url(name) });
  return new StackSession(engine, { template: TEMPLATE, delayMs: 5, ...(restore ? { restore } : {}) });
}

const remoteHead = (name: string, branch = 'main') => gitCli(['--git-dir', server.repoPath(name), 'rev-parse', branch]).trim();
const remoteFile = (name: string, branch: string, path: string) => gitCli(['--git-dir', server.repoPath(name), 'show', `${branch}:${path}`]);
const settle = () => new Promise((r) => setTimeout(r, 30));

function refChange(name: string, oid: string, author = 'Seed <seed@example.com>', message = 'From a terminal'): RefChange {
  return { stack: name, ref: 'refs/heads/main', oldOid: '', newOid: oid, author, message, time: new Date().toISOString() };
}

describe('stack session', () => {
  test('opens the template, writes edits to the working copy, commits and pushes them', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    assert.equal(s.getState().phase, 'ready');
    assert.equal(s.getState().doc?.text, SEED);
    assert.equal(s.getState().status?.dirty, false);
    s.edited(SEED + '  Topic:\n    Type: AWS::SNS::Topic\n', null);
    assert.equal(s.getState().saving, true);
    await s.flush();
    assert.equal(s.getState().saving, false);
    assert.deepEqual(s.getState().status?.changed, [TEMPLATE]);
    const r = await s.commit('Add a topic', ALICE, { push: true });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(remoteHead(name), r.value.oid);
    assert.ok(remoteFile(name, 'main', TEMPLATE).includes('Topic:'));
    assert.equal(s.getState().status?.dirty, false);
    assert.equal(s.getState().status?.relation, 'same');
    assert.match(s.getState().notice ?? '', /Pushed/);
  });

  test('an edit made during an operation waits for it; the operation writes queued edits first', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    s.edited(SEED + '# one\n', null);
    // commit at once: the queued write lands before the commit
    const r = await s.commit('Typed and committed at once', ALICE);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(s.getState().status?.relation, 'ahead');
    const busy = s.push();
    const second = await s.commit('meanwhile', ALICE);
    assert.equal(second.ok, false);
    assert.equal(!second.ok && second.code, 'BUSY');
    assert.ok((await busy).ok);
    assert.ok(remoteFile(name, 'main', TEMPLATE).endsWith('# one\n'));
  });

  test('the branch moves elsewhere: the banner names the new head at once; refresh asks first when there are edits', async () => {
    const name = newRepo({ [TEMPLATE]: SEED, 'README.md': 'stack\n' });
    const s = session(name);
    await s.open();
    const key = s.getState().doc?.key;
    s.edited(SEED + '# mine\n', null);
    await s.flush();
    const theirs = cliPush(server, name, 'main', { 'README.md': 'their words\n' }, 'From a terminal');
    const change = refChange(name, theirs);
    const shown = s.onRefChange(change);
    // the banner is up before the fetch finishes, from the announcement alone
    assert.equal(s.getState().remote?.oid, theirs);
    assert.equal(s.getState().remote?.message, 'From a terminal');
    await shown;
    assert.equal(s.getState().remote?.kind, 'moved');
    assert.equal(s.getState().status?.relation, 'behind');
    const refused = await s.refresh();
    assert.equal(!refused.ok && refused.code, 'DIRTY_WORKTREE');
    const moved = await s.moveToNewBranch('main-edits');
    assert.ok(moved.ok, JSON.stringify(moved));
    assert.equal(s.getState().remote, null);
    assert.equal(s.getState().status?.branch, 'main-edits');
    assert.equal(s.getState().doc?.key, key, 'the editor keeps its document');
    assert.deepEqual(s.getState().status?.changed, [TEMPLATE], 'the edits are still in the working tree');
    assert.equal(remoteHead(name, 'main-edits'), remoteHead(name, 'main~1'), 'the new branch starts where the edits were made');
    assert.equal(remoteHead(name), theirs);
  });

  test('refresh with nothing local loads the new head into the editor', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    const key = s.getState().doc?.key;
    const theirs = cliPush(server, name, 'main', { [TEMPLATE]: SEED + '# theirs\n' }, 'Their change');
    await s.onRefChange(refChange(name, theirs));
    assert.equal(s.getState().remote?.oid, theirs);
    const r = await s.refresh();
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(s.getState().remote, null);
    assert.notEqual(s.getState().doc?.key, key);
    assert.equal(s.getState().doc?.text, SEED + '# theirs\n');
  });

  test('the branch deleted on the remote: a banner that says so, the edits kept; a push makes it again and puts the banner away', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    s.edited(SEED + '# mine\n', null);
    const head = remoteHead(name);
    // another branch going away is none of this tab's business
    await s.onRefChange({ ...refChange(name, '0'.repeat(40)), ref: 'refs/heads/topic', oldOid: head });
    assert.equal(s.getState().remote, null);
    gitCli(['--git-dir', server.repoPath(name), 'update-ref', '-d', 'refs/heads/main']);
    await s.onRefChange({ ...refChange(name, '0'.repeat(40), '', ''), oldOid: head });
    assert.deepEqual(s.getState().remote, { kind: 'deleted', branch: 'main', oid: '', author: null, message: null, time: null });
    await s.flush();
    assert.deepEqual(s.getState().status?.changed, [TEMPLATE], 'the edits are still in the working tree');
    s.dismissRemote();
    assert.equal(s.getState().remote, null);
    await s.onRefChange({ ...refChange(name, '0'.repeat(40), '', ''), oldOid: head });
    const r = await s.commit('Mine', ALICE, { push: true });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(s.getState().remote, null);
    assert.equal(remoteFile(name, 'main', TEMPLATE), SEED + '# mine\n');
  });

  test('our own push announced back shows no banner', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    s.edited(SEED + '# own\n', null);
    const r = await s.commit('Own change', ALICE, { push: true });
    assert.ok(r.ok);
    await s.onRefChange(refChange(name, r.value.oid, 'Alice <alice@example.com>', 'Own change'));
    assert.equal(s.getState().remote, null);
  });

  test('a push race: the loser sees the winner on the banner and keeps its commit on a new branch', async () => {
    const name = newRepo();
    const a = session(name);
    const b = session(name);
    await Promise.all([a.open(), b.open()]);
    a.edited(SEED + '# a\n', null);
    b.edited(SEED + '# b\n', null);
    const ra = await a.commit('From A', ALICE, { push: true });
    assert.ok(ra.ok);
    const rb = await b.commit('From B', BOB, { push: true });
    assert.equal(!rb.ok && rb.code, 'PUSH_REJECTED');
    const banner = b.getState().remote;
    assert.equal(banner?.kind, 'rejected');
    assert.equal(banner?.oid, ra.value.oid);
    assert.equal(banner?.author, 'Alice <alice@example.com>');
    assert.equal(banner?.message, 'From A');
    const taken = new Set((await b.branches()).ok ? ['main'] : []);
    const moved = await b.moveToNewBranch(suggestBranchName('main', taken));
    assert.ok(moved.ok, JSON.stringify(moved));
    assert.equal(remoteFile(name, 'main-edits', TEMPLATE), SEED + '# b\n');
    assert.equal(remoteFile(name, 'main', TEMPLATE), SEED + '# a\n');
    assert.equal(gitCli(['--git-dir', server.repoPath(name), 'log', '-1', '--format=%s', 'main-edits']).trim(), 'From B');
  });

  test('reopening prefers the browser copy of the same commit (the last keystrokes) and writes it', async () => {
    const name = newRepo();
    const first = session(name);
    await first.open();
    const head = first.getState().status?.head ?? null;
    const work: SavedWork = { version: 1, name: TEMPLATE, text: SEED + '# typed just before the tab closed\n', savedAt: '', base: { branch: 'main', head } };
    const s = session(name, async () => work);
    await s.open();
    assert.equal(s.getState().doc?.text, work.text);
    assert.equal(s.getState().restored, true);
    assert.deepEqual(s.getState().status?.changed, [TEMPLATE], 'written to the working copy');
    // a copy made on another commit is not trusted over the working copy
    const stale = session(name, async () => ({ ...work, base: { branch: 'main', head: 'b'.repeat(40) } }));
    await stale.open();
    assert.equal(stale.getState().doc?.text, SEED);
    assert.equal(stale.getState().restored, false);
  });

  test('the layout file is written once a person places nodes, not for automatic layout alone', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    const layout = '{\n  "version": 1,\n  "nodes": {\n    "Queue": {"x":10,"y":20}\n  }\n}\n';
    s.edited(SEED, layout, false);
    await s.flush();
    assert.equal(s.getState().status?.dirty, false, 'opening and laying out changes nothing');
    s.edited(SEED, layout.replace('10', '40'), true);
    await s.flush();
    assert.deepEqual(s.getState().status?.changed, [`${TEMPLATE}.cairn.json`]);
  });

  test('opening a clean copy that fell behind catches up; an empty repository opens with an empty document', async () => {
    const name = newRepo();
    const s = session(name);
    await s.open();
    cliPush(server, name, 'main', { [TEMPLATE]: SEED + '# later\n' }, 'Later');
    const again = new StackSession(
      createGitEngine({ fs: nodeFs as unknown as PromiseFsClient, http, dir: dirs[dirs.length - 1]!, url: server.url(name) }),
      { template: TEMPLATE, delayMs: 5 },
    );
    await again.open();
    assert.equal(again.getState().doc?.text, SEED + '# later\n');
    assert.equal(again.getState().remote, null);
    const empty = `empty${++count}`;
    server.createEmptyRepo(empty);
    const e = session(empty);
    await e.open();
    assert.equal(e.getState().phase, 'ready');
    assert.equal(e.getState().doc?.text, '');
    e.edited(SEED, null);
    const r = await e.commit('First', ALICE, { push: true });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(remoteFile(empty, 'main', TEMPLATE), SEED);
    await settle();
  });

  test('unpushed: ahead, diverged, or a first commit the server has no branch for', () => {
    const st = (relation: 'same' | 'ahead' | 'behind' | 'diverged' | 'no-remote', head: string | null = 'a'.repeat(40)) => ({ branch: 'main', head, remoteHead: null, relation, dirty: false, changed: [] });
    assert.deepEqual(['same', 'ahead', 'behind', 'diverged', 'no-remote'].map((r) => hasUnpushed(st(r as 'same'))), [false, true, false, true, true]);
    assert.equal(hasUnpushed(st('no-remote', null)), false, 'an empty repository has nothing to push');
  });

  test('branch names for moved work avoid the ones taken', () => {
    assert.equal(suggestBranchName('main', new Set(['main'])), 'main-edits');
    assert.equal(suggestBranchName('main', new Set(['main-edits', 'main-edits-2'])), 'main-edits-3');
    assert.equal(suggestBranchName('main-edits', new Set(['main-edits'])), 'main-edits-2');
  });
});
