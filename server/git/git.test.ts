import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gitCli, startTestServer } from '../stacks/testing.ts';
import type { TestServer } from '../stacks/testing.ts';

let s: TestServer;
let work: string;

before(async () => {
  s = await startTestServer({ maxGitBody: 2 * 1024 * 1024 });
  work = join(s.root, 'work');
  await mkdir(work);
});
after(() => s.close());

async function ok(args: string[], cwd = work, env: Record<string, string> = {}) {
  const r = await gitCli(args, cwd, env);
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r;
}

async function commitFile(dir: string, file: string, content: string, message: string) {
  await mkdir(join(dir, file, '..'), { recursive: true });
  await writeFile(join(dir, file), content);
  await ok(['add', '--', file], dir);
  await ok(['commit', '--quiet', '-m', message], dir);
}

describe('git smart HTTP', () => {
  it('clones a stack made from a starter, pushes, and fetches (protocol v2 and v0)', async () => {
    const created = await s.api('POST', '/api/stacks', { name: 'orders', starter: 'rest-api-crud.yaml' });
    assert.equal(created.status, 201, created.body);
    assert.equal(created.json.gitPath, '/git/orders.git');

    const a = join(work, 'orders-a');
    await ok(['clone', '--quiet', '--', s.gitUrl('orders'), a]);
    const starter = await readFile(new URL('../../public/samples/rest-api-crud.yaml', import.meta.url), 'utf8');
    assert.equal(await readFile(join(a, 'template.yaml'), 'utf8'), starter);

    await commitFile(a, 'template.yaml', `${starter}# edited\n`, 'Edit the template');
    await ok(['push', '--quiet', 'origin', 'main'], a);

    const b = join(work, 'orders-b');
    await ok(['-c', 'protocol.version=0', 'clone', '--quiet', '--', s.gitUrl('orders'), b]);
    assert.match(await readFile(join(b, 'template.yaml'), 'utf8'), /# edited\n$/);
    await commitFile(b, 'README.md', 'hi\n', 'Add a readme');
    await ok(['push', '--quiet', 'origin', 'HEAD:refs/heads/feature'], b);
    await ok(['fetch', '--quiet', 'origin'], a);
    const log = await ok(['log', '--format=%s', 'origin/feature'], a);
    assert.deepEqual(log.stdout.trim().split('\n'), ['Add a readme', 'Edit the template', 'Create orders from the rest-api-crud.yaml starter']);
  });

  it('refuses a non-fast-forward push and a branch deletion; the refs stay', async () => {
    const a = join(work, 'orders-a');
    const before = (await ok(['ls-remote', '--', s.gitUrl('orders')], a)).stdout;
    await ok(['reset', '--quiet', '--hard', 'HEAD~1'], a);
    await commitFile(a, 'other.txt', 'x\n', 'Diverge');
    const forced = await gitCli(['push', '--force', 'origin', 'main'], a);
    assert.notEqual(forced.code, 0);
    assert.match(forced.stderr, /non-fast-forward|denying non-fast-forward/);
    const deleted = await gitCli(['push', 'origin', '--delete', 'feature'], a);
    assert.notEqual(deleted.code, 0);
    assert.match(deleted.stderr, /deletion prohibited|denying ref deletion/);
    assert.equal((await ok(['ls-remote', '--', s.gitUrl('orders')], a)).stdout, before);
  });

  it('pushes into an empty stack', async () => {
    assert.equal((await s.api('POST', '/api/stacks', { name: 'empty' })).status, 201);
    const dir = join(work, 'empty');
    await ok(['clone', '--quiet', '--', s.gitUrl('empty'), dir]);
    await commitFile(dir, 'template.yaml', 'Resources: {}\n', 'First');
    await ok(['push', '--quiet', 'origin', 'HEAD:main'], dir);
    assert.match((await ok(['ls-remote', '--', s.gitUrl('empty')], dir)).stdout, /refs\/heads\/main/);
  });

  it('refuses a push whose body is over the cap with 413', async () => {
    const dir = join(work, 'empty');
    // random bytes do not compress: the pack is about as large as the file
    const { randomBytes } = await import('node:crypto');
    await writeFile(join(dir, 'big.bin'), randomBytes(3 * 1024 * 1024));
    await ok(['add', 'big.bin'], dir);
    await ok(['commit', '--quiet', '-m', 'Big'], dir);
    const r = await gitCli(['push', 'origin', 'HEAD:main'], dir);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /413/);
    const direct = await s.send('POST', '/git/empty.git/git-receive-pack', { 'content-type': 'application/x-git-receive-pack-request', 'content-length': String(3 * 1024 * 1024) });
    assert.equal(direct.status, 413);
    assert.equal(JSON.parse(direct.body).code, 'BODY_TOO_LARGE');
  });

  it('refuses a push that adds an AWS key, naming file and line; allows the EXAMPLE key', async () => {
    const dir = join(work, 'secrets');
    await ok(['clone', '--quiet', '--', s.gitUrl('orders'), dir]);
    await commitFile(dir, 'docs.md', 'Example: AKIAIOSFODNN7EXAMPLE\n', 'Document the example key');
    await ok(['push', '--quiet', 'origin', 'HEAD:main'], dir);
    await commitFile(dir, 'config/dev.env', 'REGION=eu-west-1\nAWS_ACCESS_KEY_ID=AKIAZ3MSJV4WWNXKFH7Q\n', 'Add dev config');
    await commitFile(dir, 'later.txt', 'nothing\n', 'A later commit');
    const before = (await ok(['ls-remote', '--', s.gitUrl('orders'), 'refs/heads/main'], dir)).stdout;
    const r = await gitCli(['push', 'origin', 'HEAD:main'], dir);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /pre-receive hook declined/);
    assert.match(r.stderr, /config\/dev\.env:2:19: aws-access-key-id AKIA\*+FH7Q/);
    assert.doesNotMatch(r.stderr, /AKIAZ3MSJV4WWNXKFH7Q/);
    assert.equal((await ok(['ls-remote', '--', s.gitUrl('orders'), 'refs/heads/main'], dir)).stdout, before);
    // the hook runs the bundled JavaScript, not TypeScript through tsx
    const hook = await readFile(join(s.dataDir, 'repos', 'orders.git', 'hooks', 'pre-receive'), 'utf8');
    assert.match(hook, /hooks\/pre-receive\.mjs/);
    assert.doesNotMatch(hook, /tsx/);
    // the same commits on a new branch are refused too
    assert.notEqual((await gitCli(['push', 'origin', 'HEAD:refs/heads/sneaky'], dir)).code, 0);
  });

  it('scans what a merge commit itself adds: a key written while resolving a merge is refused, a clean merge goes through', async () => {
    const dir = join(work, 'merges');
    await ok(['clone', '--quiet', '--', s.gitUrl('orders'), dir]);
    await ok(['checkout', '--quiet', '-b', 'side'], dir);
    await commitFile(dir, 'side.txt', 'side\n', 'Side work');
    await ok(['checkout', '--quiet', 'main'], dir);
    await commitFile(dir, 'main.txt', 'main\n', 'Main work');
    // the merge brings a line in neither parent: the key
    await ok(['merge', '--quiet', '--no-ff', '--no-commit', 'side'], dir);
    await writeFile(join(dir, 'side.txt'), 'side\nAWS_ACCESS_KEY_ID=AKIAZ3MSJV4WWNXKFH7Q\n');
    await ok(['add', 'side.txt'], dir);
    await ok(['commit', '--quiet', '--no-edit'], dir);
    const before = (await ok(['ls-remote', '--', s.gitUrl('orders'), 'refs/heads/main'], dir)).stdout;
    const r = await gitCli(['push', 'origin', 'HEAD:main'], dir);
    assert.notEqual(r.code, 0, 'a merge that adds a key was accepted');
    assert.match(r.stderr, /side\.txt:2:19: aws-access-key-id AKIA\*+FH7Q/);
    assert.equal((await ok(['ls-remote', '--', s.gitUrl('orders'), 'refs/heads/main'], dir)).stdout, before);
    // the same merge without the key is accepted
    await ok(['reset', '--quiet', '--hard', 'HEAD~1'], dir);
    await ok(['merge', '--quiet', '--no-ff', '--no-edit', 'side'], dir);
    await ok(['push', '--quiet', 'origin', 'HEAD:main'], dir);
  });

  it('serves only the smart protocol routes, for known stacks, with the right content types', async () => {
    const cases: Array<[string, string, Record<string, string>, number, string]> = [
      ['GET', '/git/orders.git/info/refs', {}, 403, 'GIT_SERVICE_INVALID'],
      ['GET', '/git/orders.git/info/refs?service=git-upload-archive', {}, 403, 'GIT_SERVICE_INVALID'],
      ['GET', '/git/orders.git/HEAD', {}, 404, 'NOT_FOUND'],
      ['GET', '/git/orders.git/objects/info/packs', {}, 404, 'NOT_FOUND'],
      ['GET', '/git/orders.git/config', {}, 404, 'NOT_FOUND'],
      ['GET', '/git/nope.git/info/refs?service=git-upload-pack', {}, 404, 'STACK_NOT_FOUND'],
      ['POST', '/git/orders.git/git-upload-pack', { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['GET', '/git/orders.git/git-upload-pack', {}, 405, 'METHOD_NOT_ALLOWED'],
    ];
    for (const [method, path, headers, status, code] of cases) {
      const r = await s.send(method, path, headers);
      assert.equal(r.status, status, `${method} ${path}`);
      assert.equal(JSON.parse(r.body).code, code, `${method} ${path}`);
    }
  });

  it('refuses hostile stack names in git URLs', async () => {
    const paths = [
      '/git/..%2f..%2fetc.git/info/refs?service=git-upload-pack',
      '/git/%2e%2e.git/info/refs?service=git-upload-pack',
      '//etc/x.git/info/refs?service=git-upload-pack',
      '/git//etc.git/info/refs?service=git-upload-pack',
      '/git/a/../../b.git/info/refs?service=git-upload-pack',
      '/git/..git/info/refs?service=git-upload-pack',
      '/git/C:%5C.git/info/refs?service=git-upload-pack',
      '/git/orders%00.git/info/refs?service=git-upload-pack',
      '/git/-h.git/info/refs?service=git-upload-pack',
      '/git/ORDERS.git/info/refs?service=git-upload-pack',
    ];
    for (const path of paths) {
      const r = await s.send('GET', path);
      assert.ok(r.status === 400 || r.status === 404, `${path}: ${r.status}`);
      assert.doesNotMatch(r.body, /root:|\[core\]/);
    }
  });

  it('refuses a repository that became a symlink out of the data directory', async () => {
    const { rename, symlink } = await import('node:fs/promises');
    assert.equal((await s.api('POST', '/api/stacks', { name: 'linked' })).status, 201);
    const repo = join(s.dataDir, 'repos', 'linked.git');
    await rename(repo, join(s.root, 'outside.git'));
    await symlink(join(s.root, 'outside.git'), repo);
    const r = await s.send('GET', '/git/linked.git/info/refs?service=git-upload-pack');
    assert.equal(r.status, 404);
  });
});

describe('git under load and odd encodings', () => {
  it('answers a gzip-encoded upload-pack request (http-backend inflates it)', async () => {
    const { gzipSync } = await import('node:zlib');
    const head = (await ok(['ls-remote', '--', s.gitUrl('orders'), 'refs/heads/main'])).stdout.slice(0, 40);
    const pkt = (line: string) => `${(line.length + 4).toString(16).padStart(4, '0')}${line}`;
    const body = gzipSync(`${pkt(`want ${head} ofs-delta\n`)}0000${pkt('done\n')}`);
    const r = await new Promise<{ status: number; type: string | undefined; pack: boolean }>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          { host: '127.0.0.1', port: s.port, method: 'POST', path: '/git/orders.git/git-upload-pack', agent: false, setHost: false,
            headers: { host: s.host, 'content-type': 'application/x-git-upload-pack-request', 'content-encoding': 'gzip', 'content-length': body.length } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], pack: Buffer.concat(chunks).includes('PACK') }));
          },
        );
        req.on('error', reject);
        req.end(body);
      }, reject);
    });
    assert.deepEqual(r, { status: 200, type: 'application/x-git-upload-pack-result', pack: true });
  });

  it('50 rounds of two clones racing to push one branch: exactly one wins each round, nothing is lost, a force push is refused', async () => {
    assert.equal((await s.api('POST', '/api/stacks', { name: 'race', starter: 'empty.yaml' })).status, 201);
    const a = join(work, 'race-a');
    const b = join(work, 'race-b');
    await Promise.all([ok(['clone', '--quiet', '--', s.gitUrl('race'), a]), ok(['clone', '--quiet', '--', s.gitUrl('race'), b])]);
    // each clone edits a file of its own, added in one first commit, so a round is `commit -am`
    await Promise.all([writeFile(join(a, 'a.txt'), 'start\n'), writeFile(join(a, 'b.txt'), 'start\n')]);
    await ok(['add', 'a.txt', 'b.txt'], a);
    await ok(['commit', '--quiet', '-m', 'Add the files the race edits'], a);
    await ok(['push', '--quiet', 'origin', 'HEAD:main'], a);
    await ok(['pull', '--quiet', '--ff-only', 'origin', 'main'], b);
    const rounds = 50;
    const kept: string[] = [];
    const winners: string[] = [];
    const announced: string[] = [];
    const stop = s.running.stacks.subscribe('race', (c) => announced.push(`${c.ref} ${c.newOid}`));
    const edit = async (dir: string, file: string, i: number) => {
      await writeFile(join(dir, file), `${i}\n`);
      await ok(['commit', '--quiet', '-am', `${file} ${i}`], dir);
      return (await ok(['rev-parse', 'HEAD'], dir)).stdout.trim();
    };
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) {
      // the pair's commits are made side by side; the pushes start together
      const heads = await Promise.all([edit(a, 'a.txt', i), edit(b, 'b.txt', i)]);
      kept.push(...heads);
      const [ra, rb] = await Promise.all([gitCli(['push', 'origin', 'HEAD:main'], a), gitCli(['push', 'origin', 'HEAD:main'], b)]);
      assert.equal([ra, rb].filter((r) => r.code === 0).length, 1, `round ${i}: ${ra.stderr} ${rb.stderr}`);
      const [winner, loser] = ra.code === 0 ? [a, b] : [b, a];
      winners.push(heads[ra.code === 0 ? 0 : 1]!);
      // the loser keeps its commit on a branch of its own (pushed below, all in one push) and
      // takes the winner's head, which is the server's main, from the winner's clone (a local
      // fetch: no server round trip, to keep the rounds short)
      await ok(['branch', `conflict/${i}`], loser);
      await ok(['fetch', '--quiet', winner, 'HEAD'], loser);
      await ok(['reset', '--quiet', '--hard', 'FETCH_HEAD'], loser);
    }
    await Promise.all([a, b].map((dir) => ok(['push', '--quiet', 'origin', 'refs/heads/conflict/*:refs/heads/conflict/*'], dir)));
    const raced = performance.now() - t0;
    const remote = join(s.dataDir, 'repos', 'race.git');
    const mainHead = (await ok(['--git-dir', remote, 'rev-parse', 'main'], work)).stdout.trim();
    // every commit made in the race is on some branch of the server
    const onBranches = new Set((await ok(['--git-dir', remote, 'rev-list', '--branches'], work)).stdout.trim().split('\n'));
    assert.equal(kept.length, 2 * rounds);
    for (const oid of kept) assert.ok(onBranches.has(oid), `${oid} is on no branch`);
    // main is the winners, in the order they won, on the first two commits: nothing lost, nothing rewritten
    const mainLog = (await ok(['--git-dir', remote, 'rev-list', '--reverse', 'main'], work)).stdout.trim().split('\n');
    assert.equal(mainLog.length, rounds + 2);
    assert.deepEqual(mainLog.slice(2), winners);
    // every winning push and every conflict branch announced exactly once
    for (let i = 0; i < 100 && announced.length < 2 * rounds; i++) await new Promise((r) => setTimeout(r, 20));
    const mainEvents = announced.filter((e) => e.startsWith('refs/heads/main '));
    assert.equal(mainEvents.length, rounds);
    assert.equal(new Set(mainEvents).size, rounds);
    assert.equal(announced.length, 2 * rounds);

    // a rewritten history (the last commit amended) pushed with --force is refused; main stays
    await ok(['commit', '--quiet', '--amend', '-m', 'Rewritten'], a);
    const forced = await gitCli(['push', '--force', 'origin', 'HEAD:main'], a);
    assert.notEqual(forced.code, 0);
    assert.match(forced.stderr, /non-fast-forward/);
    assert.equal((await ok(['--git-dir', remote, 'rev-parse', 'main'], work)).stdout.trim(), mainHead);
    assert.equal((await ok(['ls-remote', '--', s.gitUrl('race'), 'refs/heads/main'], a)).stdout.slice(0, 40), mainHead);
    await new Promise((r) => setTimeout(r, 100));
    stop();
    assert.equal(announced.length, 2 * rounds, 'the refused force push announced nothing');
    console.log(`  [timing] ${rounds} racing rounds: ${(raced / 1000).toFixed(1)} s`);
  });
});

describe('hostile ref names', () => {
  it('pushes branches named like shell or options as plain names; nothing runs', async () => {
    const dir = join(work, 'orders-b');
    // refnames cannot hold spaces; ${IFS} stands in for one in a shell
    const names = ['$(touch${IFS}PWNED)', ';touch${IFS}PWNED', '`touch${IFS}PWNED`', 'x--upload-pack=touch${IFS}PWNED', '$(id)', '-h'];
    const announced: string[] = [];
    const stop = s.running.stacks.subscribe('orders', (c) => announced.push(c.ref));
    for (const name of names) {
      const r = await gitCli(['push', '--quiet', 'origin', `HEAD:refs/heads/${name}`], dir);
      assert.equal(r.code, 0, `${name}: ${r.stderr}`);
    }
    // the announcement follows the client's exit by a few milliseconds
    for (let i = 0; i < 100 && announced.length < names.length; i++) await new Promise((r) => setTimeout(r, 20));
    stop();
    assert.deepEqual(announced, names.map((n) => `refs/heads/${n}`));
    const { readdir } = await import('node:fs/promises');
    for (const place of [dir, s.dataDir, join(s.dataDir, 'repos', 'orders.git'), process.cwd()]) {
      assert.ok(!(await readdir(place)).includes('PWNED'), place);
    }
  });
});

describe('git routes and the guard', () => {
  const refs = '/git/orders.git/info/refs?service=git-receive-pack';
  const pack = '/git/orders.git/git-receive-pack';
  const packType = { 'content-type': 'application/x-git-receive-pack-request' };

  it('serves every loopback spelling of the Host, refuses others', async () => {
    for (const host of [s.host, `127.0.0.1:${s.port}`, `[::1]:${s.port}`]) {
      assert.equal((await s.send('GET', refs, { host })).status, 200, host);
    }
    for (const host of ['evil.example', `evil.example:${s.port}`, 'localhost']) {
      const r = await s.send('GET', refs, { host });
      assert.equal(r.status, 403, host);
      assert.equal(JSON.parse(r.body).code, 'HOST_NOT_ALLOWED');
    }
  });

  it('lets git clients (no Origin, no token) push, but refuses a foreign or null Origin', async () => {
    for (const origin of ['https://evil.example', 'null', `http://localhost:${s.port + 1}`]) {
      for (const [method, path, headers] of [['GET', refs, {}], ['POST', pack, packType]] as const) {
        const r = await s.send(method, path, { ...headers, origin });
        assert.equal(r.status, 403, `${method} ${origin}`);
        assert.equal(JSON.parse(r.body).code, 'ORIGIN_NOT_ALLOWED');
      }
    }
    const crossSite = await s.send('POST', pack, { ...packType, 'sec-fetch-site': 'cross-site' });
    assert.equal(JSON.parse(crossSite.body).code, 'CROSS_SITE_REQUEST');
  });

  it('never answers with Access-Control-Allow-Origin', async () => {
    const r = await s.send('GET', refs, { origin: s.origin });
    assert.equal(r.status, 200);
    assert.equal(r.headers['access-control-allow-origin'], undefined);
    assert.equal(r.headers['content-type'], 'application/x-git-receive-pack-advertisement');
  });
});
