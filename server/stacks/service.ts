import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { SAMPLE_FILE } from '../../src/protocol/samples.ts';
import type { CreateStackRequest, ImportStackRequest, RefChange, StackInfo, StackRecord, UpdateStackRequest } from '../../src/protocol/stacks.ts';
import { checkStackName, checkTemplatePath, resolveInside } from '../git/names.ts';
import { buildHookProgram, commitFirstFile, commitInfo, initBareRepo, prepareRepo, readRefs } from '../git/repo.ts';
import type { HookProgram, RefState } from '../git/repo.ts';
import { git, runGit } from '../git/run.ts';
import { problem } from '../http/problems.ts';
import type { Problem } from '../http/problems.ts';
import { lsRemote } from '../remotes/client.ts';
import { SecretStore } from '../remotes/secrets.ts';
import type { RemoteSecrets } from '../remotes/secrets.ts';
import { checkRemoteUrl } from '../remotes/url.ts';
import { readStackFile, writeStackFile } from './metadata.ts';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(p: Problem): Result<T> => ({ ok: false, problem: p });

export const DEFAULT_TEMPLATE = 'template.yaml';
/** Looked for, in order, at the head of an imported repository when no template is named. */
const TEMPLATE_GUESSES = ['template.yaml', 'template.yml', 'serverless.yml', 'serverless.yaml', 'template.json'];
const CLONE_TIMEOUT_MS = 120_000;
/** Only http and https for a URL import: no `ext::`, `file::`, ssh or git transports. */
const URL_TRANSPORTS = ['-c', 'protocol.allow=never', '-c', 'protocol.https.allow=always', '-c', 'protocol.http.allow=always'];
const PATH_TRANSPORTS = ['-c', 'protocol.allow=never', '-c', 'protocol.file.allow=always'];

export interface StackServiceOptions {
  readonly dataDir: string;
  readonly samplesDir: string;
  readonly log: (line: string) => void;
  /**
   * How often external stacks' remotes are polled for ref changes (ms): 45 s by default,
   * each tick jittered by up to a quarter; 0 turns polling off.
   */
  readonly pollIntervalMs?: number;
}

export const DEFAULT_POLL_MS = 45_000;
/** Remotes polled at once. */
const POLL_CONCURRENCY = 4;
const MAX_TOKEN = 4096;
const MAX_USERNAME = 256;
const MAX_WEBHOOK_SECRET = 1024;
/** How long creating an external stack waits for the remote's refs (its baseline). */
const SEED_TIMEOUT_MS = 5_000;

const notFound = (name: string) => problem(404, 'STACK_NOT_FOUND', `There is no stack named '${name}'.`);
const exists = (name: string) => problem(409, 'STACK_EXISTS', `A stack or repository named '${name}' already exists.`);
/** The event, on the ref-change emitter, that a stack's name stopped naming it. */
const goneEvent = (name: string) => `\u0000gone\u0000${name}`;

/**
 * The stacks in a data directory: `<data>/stacks.json` (metadata) and `<data>/repos/<repo>.git`
 * (bare repositories). Metadata changes run one at a time; ref announcements per repository
 * run one at a time too, so two racing pushes are each announced once.
 */
export class StackService {
  private stacks: StackRecord[];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly refQueues = new Map<string, Promise<unknown>>();
  private readonly knownRefs = new Map<string, RefState>();
  private readonly events = new EventEmitter();
  /** Per external stack: the last polling outcome ('ok' or a problem code), to log changes only. */
  private readonly pollState = new Map<string, string>();
  private pollTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  private constructor(
    private readonly reposDir: string,
    private readonly file: string,
    private readonly options: StackServiceOptions,
    private readonly hook: HookProgram,
    private readonly secrets: SecretStore,
    stacks: readonly StackRecord[],
  ) {
    this.stacks = [...stacks];
    this.events.setMaxListeners(0);
  }

  /** Creates the data directory if needed and refreshes every repository's hooks. */
  static async open(options: StackServiceOptions): Promise<StackService> {
    await mkdir(join(options.dataDir, 'repos'), { recursive: true, mode: 0o700 });
    const data = await realpath(options.dataDir);
    const file = join(data, 'stacks.json');
    const hook = await buildHookProgram(join(data, 'hooks', 'pre-receive.mjs'));
    if (hook.typescript) options.log('cairn: esbuild is not available; the pre-receive hook loads TypeScript through tsx (slower pushes)');
    const secrets = await SecretStore.open(join(data, 'secrets.json'));
    const service = new StackService(join(data, 'repos'), file, options, hook, secrets, (await readStackFile(file)).stacks);
    for (const repo of new Set(service.stacks.filter((s) => !s.remote).map((s) => s.repo))) {
      const dir = await service.repoPath(repo);
      if (dir) await prepareRepo(dir, hook).catch((e: Error) => options.log(`cairn: cannot prepare repository ${repo}: ${e.message}`));
    }
    return service;
  }

  list(): StackInfo[] {
    return [...this.stacks].sort((a, b) => a.name.localeCompare(b.name)).map((s) => this.info(s));
  }

  get(name: string): StackInfo | null {
    const s = this.stacks.find((x) => x.name === name);
    return s ? this.info(s) : null;
  }

  /** The repository directory of a (local) stack, checked to be a real path inside the data directory. */
  async repoDirOf(name: string): Promise<string | null> {
    const s = this.stacks.find((x) => x.name === name);
    return s && !s.remote ? this.repoPath(s.repo) : null;
  }

  /** An external stack's remote URL and secrets (for the relay only); null for a local stack. */
  remoteOf(name: string): { readonly url: string; readonly secrets: RemoteSecrets } | null {
    const s = this.stacks.find((x) => x.name === name);
    return s?.remote ? { url: s.remote.url, secrets: this.secrets.get(name) } : null;
  }

  create(req: Partial<CreateStackRequest>): Promise<Result<StackInfo>> {
    return this.exclusive(async () => {
      const invalid = checkStackName(req.name) ?? checkTemplatePath(req.template ?? DEFAULT_TEMPLATE);
      if (invalid) return fail(invalid);
      const name = req.name!;
      const template = req.template ?? DEFAULT_TEMPLATE;
      if (this.taken(name)) return fail(exists(name));
      if (req.remote !== undefined) return this.createExternal(name, template, req);
      if (req.shareWith !== undefined) {
        const other = this.stacks.find((s) => s.name === req.shareWith);
        if (!other) return fail(notFound(String(req.shareWith)));
        if (other.remote) return fail(problem(400, 'STACK_IS_EXTERNAL', `Stack '${other.name}' lives on an external host: create another external stack with its URL instead.`));
        if (this.stacks.some((s) => s.repo === other.repo && s.template === template)) {
          return fail(problem(409, 'STACK_EXISTS', `Stack '${other.name}' already has ${template} in that repository.`));
        }
        return ok(await this.add({ name, repo: other.repo, template, createdAt: new Date().toISOString() }));
      }
      let content: string | null = null;
      if (req.starter !== undefined) {
        content = await this.readStarter(req.starter);
        if (content === null) return fail(problem(404, 'STARTER_NOT_FOUND', `There is no starter named '${String(req.starter)}'.`));
      }
      const dir = await this.repoPath(name);
      if (!dir || (await present(dir))) return fail(exists(name));
      await initBareRepo(dir, this.hook);
      try {
        if (content !== null) await commitFirstFile(dir, template, content, `Create ${name} from the ${req.starter} starter`);
        return ok(await this.add({ name, repo: name, template, createdAt: new Date().toISOString() }));
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    });
  }

  /**
   * An external stack: no local repository (`repo` only reserves the name); the token and
   * webhook secret go to secrets.json. Its refs as they are now become the baseline that
   * later changes are announced against (when the remote can be reached).
   */
  private async createExternal(name: string, template: string, req: Partial<CreateStackRequest>): Promise<Result<StackInfo>> {
    const remote: unknown = req.remote;
    if (typeof remote !== 'object' || remote === null || Array.isArray(remote)) return fail(problem(400, 'REMOTE_INVALID', '"remote" must be an object: { url, token?, username?, webhookSecret? }.'));
    if (req.starter !== undefined || req.shareWith !== undefined) return fail(problem(400, 'REMOTE_INVALID', 'An external stack takes neither "starter" nor "shareWith".'));
    const r = remote as Record<string, unknown>;
    const unknownKey = Object.keys(r).find((k) => !['url', 'token', 'username', 'webhookSecret'].includes(k));
    if (unknownKey !== undefined) return fail(problem(400, 'REMOTE_INVALID', `"remote" has no field '${unknownKey}'.`));
    const checked = checkRemoteUrl(r.url);
    if ('problem' in checked) return fail(checked.problem);
    const secrets = checkSecrets(r, {});
    if (!secrets.ok) return secrets;
    const dir = await this.repoPath(name);
    if (!dir || (await present(dir))) return fail(exists(name));
    await this.secrets.set(name, secrets.value);
    try {
      const info = await this.add({ name, repo: name, template, createdAt: new Date().toISOString(), remote: { url: checked.url } });
      await this.perRepo(name, () => this.seedRemote(name, SEED_TIMEOUT_MS)).catch(() => undefined);
      return ok(info);
    } catch (e) {
      await this.secrets.remove(name);
      throw e;
    }
  }

  /**
   * `PATCH /api/stacks/<name>`: sets or removes (null) an external stack's token, username
   * or webhook secret, then renames it when `name` is given.
   */
  async update(name: string, req: Partial<UpdateStackRequest>): Promise<Result<StackInfo>> {
    const keys = ['token', 'username', 'webhookSecret'] as const;
    if (keys.some((k) => req[k] !== undefined)) {
      const changed = await this.exclusive(async (): Promise<Result<null>> => {
        const s = this.stacks.find((x) => x.name === name);
        if (!s) return fail(notFound(name));
        if (!s.remote) return fail(problem(400, 'STACK_NOT_EXTERNAL', `Stack '${name}' is hosted here: it has no remote token or webhook secret.`));
        const next = checkSecrets(req as Record<string, unknown>, this.secrets.get(name));
        if (!next.ok) return next;
        await this.secrets.set(name, next.value);
        this.pollState.delete(name);
        return ok(null);
      });
      if (!changed.ok) return changed;
      if (req.name === undefined) {
        const info = this.get(name);
        return info ? ok(info) : fail(notFound(name));
      }
    }
    return this.rename(name, req.name);
  }

  /**
   * Clones a repository (bare) from an http(s) URL, or from a local path when `allowPath`
   * (the request asked for a path import explicitly). User values follow `--`.
   */
  async importFrom(req: Partial<ImportStackRequest>): Promise<Result<StackInfo>> {
    const invalid = checkStackName(req.name) ?? (req.template === undefined ? null : checkTemplatePath(req.template));
    if (invalid) return fail(invalid);
    const name = req.name!;
    const source = this.importSource(req);
    if (!source.ok) return source;
    if (this.taken(name)) return fail(exists(name));
    const temp = join(this.reposDir, `.import-${randomBytes(8).toString('hex')}.git`);
    try {
      const cloned = await runGit([...source.value.config, 'clone', '--bare', '--quiet', ...source.value.flags, '--', source.value.from, temp], {
        timeoutMs: CLONE_TIMEOUT_MS,
      });
      if (cloned.code !== 0) {
        // git may echo the URL, with any user:password in it
        this.options.log(`cairn: import of ${name} failed: ${cloned.stderr.trim().slice(0, 500).replace(/\/\/[^/@\s]*@/g, '//***@')}`);
        return fail(problem(502, 'IMPORT_FAILED', 'The repository could not be cloned (is it reachable, and a git repository?).'));
      }
      await git(['--git-dir', temp, 'remote', 'remove', 'origin']).catch(() => '');
      await prepareRepo(temp, this.hook);
      const template = req.template ?? (await guessTemplate(temp));
      return await this.exclusive(async () => {
        const dir = await this.repoPath(name);
        if (this.taken(name) || !dir || (await present(dir))) return fail<StackInfo>(exists(name));
        await rename(temp, dir);
        return ok(await this.add({ name, repo: name, template, createdAt: new Date().toISOString() }));
      });
    } finally {
      await rm(temp, { recursive: true, force: true });
    }
  }

  rename(name: string, to: unknown): Promise<Result<StackInfo>> {
    return this.exclusive(async () => {
      const invalid = checkStackName(to);
      if (invalid) return fail(invalid);
      const newName = to as string;
      const s = this.stacks.find((x) => x.name === name);
      if (!s) return fail(notFound(name));
      if (newName === name) return ok(this.info(s));
      if (this.stacks.some((x) => x.name === newName)) return fail(exists(newName));
      let repo = s.repo;
      if (s.remote) {
        // nothing on disk: the reserved name, the secrets and the known refs follow
        if (this.taken(newName)) return fail(exists(newName));
        await this.secrets.rename(name, newName);
        repo = newName;
        const refs = this.knownRefs.get(name);
        this.knownRefs.delete(name);
        if (refs) this.knownRefs.set(newName, refs);
        this.pollState.delete(name);
      } else if (repo === name && !this.stacks.some((x) => x !== s && x.repo === repo)) {
        // the repository follows the name when it is this stack's alone and the name is free
        const from = await this.repoPath(repo);
        const dest = await this.repoPath(newName);
        if (!from || !dest || (await present(dest))) return fail(exists(newName));
        await rename(from, dest);
        repo = newName;
        const refs = this.knownRefs.get(name);
        this.knownRefs.delete(name);
        if (refs) this.knownRefs.set(newName, refs);
      }
      const renamed = { ...s, name: newName, repo };
      await this.save(this.stacks.map((x) => (x === s ? renamed : x)));
      this.events.emit(goneEvent(name), newName);
      return ok(this.info(renamed));
    });
  }

  /** Forgets the stack; deletes its repository when no other stack uses it. */
  remove(name: string): Promise<Result<null>> {
    return this.exclusive(async () => {
      const s = this.stacks.find((x) => x.name === name);
      if (!s) return fail(notFound(name));
      await this.save(this.stacks.filter((x) => x !== s));
      this.events.emit(goneEvent(name));
      if (s.remote) {
        await this.secrets.remove(name);
        this.knownRefs.delete(s.repo);
        this.pollState.delete(name);
      } else if (!this.stacks.some((x) => x.repo === s.repo)) {
        const dir = await this.repoPath(s.repo);
        if (dir) await rm(dir, { recursive: true, force: true });
        this.knownRefs.delete(s.repo);
      }
      return ok(null);
    });
  }

  /** Call before a receive-pack runs: remembers the refs as they were, if not known yet. */
  async beforeReceive(name: string): Promise<void> {
    const s = this.stacks.find((x) => x.name === name);
    if (s?.remote) return this.perRepo(s.repo, () => this.seedRemote(name));
    const dir = s && !s.remote && (await this.repoPath(s.repo));
    if (!s || !dir) return;
    await this.perRepo(s.repo, async () => {
      if (!this.knownRefs.has(s.repo)) this.knownRefs.set(s.repo, await readRefs(dir));
    });
  }

  /** Call when a receive-pack has finished: announces every ref that moved since last time. */
  async afterReceive(name: string): Promise<RefChange[]> {
    const s = this.stacks.find((x) => x.name === name);
    if (s?.remote) {
      const r = await this.refreshRemote(name, 'push');
      return r.ok ? r.value : [];
    }
    const dir = s && (await this.repoPath(s.repo));
    if (!s || !dir) return [];
    return this.perRepo(s.repo, async () => {
      const before = this.knownRefs.get(s.repo) ?? {};
      const after = await readRefs(dir);
      this.knownRefs.set(s.repo, after);
      const changes: RefChange[] = [];
      for (const [ref, newOid] of Object.entries(after)) {
        const oldOid = before[ref] ?? '0'.repeat(newOid.length);
        if (oldOid === newOid) continue;
        const head = await commitInfo(dir, newOid);
        const sharing = this.stacks.filter((x) => x.repo === s.repo);
        for (const stack of sharing) {
          const change: RefChange = { stack: stack.name, ref, oldOid, newOid, author: head?.author ?? '', message: head?.message ?? '', time: head?.time ?? '', via: 'push' };
          changes.push(change);
          this.events.emit(stack.name, change);
        }
      }
      return changes;
    });
  }

  /**
   * An external stack: lists the remote's refs (ls-remote in Node, with the token) and
   * announces every ref that moved since last time, once (one refresh per stack at a time).
   * The first successful listing only sets the baseline. A ref deleted on the remote is
   * announced with `newOid` all zeros (a local stack's pushes cannot delete).
   */
  refreshRemote(name: string, via: 'push' | 'webhook' | 'poll'): Promise<Result<RefChange[]>> {
    const s = this.stacks.find((x) => x.name === name);
    if (!s?.remote) return Promise.resolve(fail(problem(400, 'STACK_NOT_EXTERNAL', `Stack '${name}' is not an external stack.`)));
    const key = s.repo;
    return this.perRepo(key, async () => {
      const current = this.stacks.find((x) => x.name === name);
      if (!current?.remote) return ok([]);
      const listed = await lsRemote(current.remote.url, this.secrets.get(name));
      if (!listed.ok) return listed;
      const before = this.knownRefs.get(key);
      this.knownRefs.set(key, listed.value);
      const changes: RefChange[] = [];
      if (!before) return ok(changes);
      for (const [ref, newOid] of Object.entries(listed.value)) {
        const oldOid = before[ref] ?? '0'.repeat(newOid.length);
        if (oldOid === newOid) continue;
        // author, message and time are unknown here: the browser reads them from the commit
        const change: RefChange = { stack: name, ref, oldOid, newOid, author: '', message: '', time: '', via };
        changes.push(change);
        this.events.emit(name, change);
      }
      for (const [ref, oldOid] of Object.entries(before)) {
        if (ref in listed.value) continue;
        const change: RefChange = { stack: name, ref, oldOid, newOid: '0'.repeat(oldOid.length), author: '', message: '', time: '', via };
        changes.push(change);
        this.events.emit(name, change);
      }
      return ok(changes);
    });
  }

  /** The webhook secret of an external stack (for the webhook route only). */
  webhookSecretOf(name: string): string | null {
    const s = this.stacks.find((x) => x.name === name);
    return s?.remote ? (this.secrets.get(name).webhookSecret ?? null) : null;
  }

  /**
   * Polls every external stack's remote every `pollIntervalMs` (jittered), a few at a time.
   * The timer is unref'd; `stop()` ends it. A stack's polling errors are logged when its
   * state changes (ok -> failing, one failure -> another), not on every tick.
   */
  startPolling(): void {
    const every = this.options.pollIntervalMs ?? DEFAULT_POLL_MS;
    if (every <= 0 || this.pollTimer || this.stopped) return;
    const schedule = (delay: number) => {
      if (this.stopped) return;
      this.pollTimer = setTimeout(() => {
        void this.pollOnce().finally(() => schedule(every * (0.75 + Math.random() * 0.5)));
      }, delay);
      this.pollTimer.unref();
    };
    // the first round soon after start: it sets the baselines
    schedule(Math.min(every, 1000) * Math.random());
  }

  /** Stops polling (server close). */
  stop(): void {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /** One polling round over every external stack, POLL_CONCURRENCY at a time. */
  async pollOnce(): Promise<void> {
    const names = this.stacks.filter((s) => s.remote).map((s) => s.name);
    let next = 0;
    const worker = async () => {
      while (next < names.length && !this.stopped) {
        const name = names[next++]!;
        const r = await this.refreshRemote(name, 'poll').catch((e: Error) => fail<RefChange[]>(problem(500, 'INTERNAL', e.message)));
        if (!this.stacks.some((s) => s.name === name)) continue;
        const state = r.ok ? 'ok' : r.problem.code;
        const was = this.pollState.get(name);
        if (state !== was) {
          this.pollState.set(name, state);
          if (!r.ok) this.options.log(`cairn: polling ${name}'s remote failed: ${r.problem.code}: ${r.problem.message}`);
          else if (was !== undefined) this.options.log(`cairn: polling ${name}'s remote works again`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(POLL_CONCURRENCY, names.length) }, worker));
  }

  /** Remembers an external stack's refs if none are known yet (the baseline for announcements). */
  private async seedRemote(name: string, timeoutMs?: number): Promise<void> {
    const s = this.stacks.find((x) => x.name === name);
    if (!s?.remote || this.knownRefs.has(s.repo)) return;
    const listed = await lsRemote(s.remote.url, this.secrets.get(name), timeoutMs);
    if (listed.ok && !this.knownRefs.has(s.repo)) this.knownRefs.set(s.repo, listed.value);
  }

  /**
   * Ref changes of one stack as they happen; returns the unsubscribe function. `onGone` is
   * called when the stack is renamed (with its new name) or removed: the name no longer means
   * this stack (a new stack may take it), so its watchers are to stop, not to hear another
   * stack's changes.
   */
  subscribe(name: string, listener: (change: RefChange) => void, onGone: (renamedTo?: string) => void = () => undefined): () => void {
    this.events.on(name, listener);
    this.events.on(goneEvent(name), onGone);
    return () => {
      this.events.off(name, listener);
      this.events.off(goneEvent(name), onGone);
    };
  }

  /** How many listeners a stack has (the event streams open on it). */
  watchers(name: string): number {
    return this.events.listenerCount(name);
  }

  private importSource(req: Partial<ImportStackRequest>): Result<{ from: string; config: string[]; flags: string[] }> {
    const bad = (m: string) => fail<{ from: string; config: string[]; flags: string[] }>(problem(400, 'IMPORT_SOURCE_INVALID', m));
    if ((req.url === undefined) === (req.path === undefined)) return bad('Give exactly one of "url" (http or https) and "path" (a local repository).');
    if (req.url !== undefined) {
      let url: URL;
      try {
        url = new URL(String(req.url));
      } catch {
        return bad('"url" is not a URL.');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad('Only http and https URLs can be imported.');
      if (/[\0\s]/.test(String(req.url))) return bad('"url" may not contain spaces or NUL.');
      return ok({ from: url.href, config: URL_TRANSPORTS, flags: [] });
    }
    const path = req.path;
    if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0') || path.includes('::')) return bad('"path" must be an absolute local path.');
    // --no-local: copy objects through git's file transport instead of hard links (nothing
    // in the source, e.g. a symlinked objects directory, is followed)
    return ok({ from: path, config: PATH_TRANSPORTS, flags: ['--no-local'] });
  }

  private async readStarter(starter: unknown): Promise<string | null> {
    if (typeof starter !== 'string' || !SAMPLE_FILE.test(starter) || starter === 'manifest.json') return null;
    const dir = await realpath(this.options.samplesDir).catch(() => null);
    const file = dir && (await resolveInside(dir, starter));
    if (!file) return null;
    return readFile(file, 'utf8').catch(() => null);
  }

  private taken(name: string): boolean {
    return this.stacks.some((s) => s.name === name || s.repo === name);
  }

  private repoPath(repo: string): Promise<string | null> {
    return checkStackName(repo) ? Promise.resolve(null) : resolveInside(this.reposDir, `${repo}.git`);
  }

  private async add(record: StackRecord): Promise<StackInfo> {
    await this.save([...this.stacks, record]);
    return this.info(record);
  }

  private info(s: StackRecord): StackInfo {
    const base = { name: s.name, repo: s.repo, template: s.template, createdAt: s.createdAt, gitPath: `/git/${s.name}.git` };
    if (!s.remote) return base;
    const secrets = this.secrets.get(s.name);
    return {
      ...base,
      remote: { url: s.remote.url, hasToken: secrets.token !== undefined, hasWebhookSecret: secrets.webhookSecret !== undefined, webhookPath: `/api/webhooks/${s.name}` },
    };
  }

  private async save(stacks: StackRecord[]): Promise<void> {
    await writeStackFile(this.file, { version: 1, stacks });
    this.stacks = stacks;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private perRepo<T>(repo: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.refQueues.get(repo) ?? Promise.resolve()).then(fn, fn);
    this.refQueues.set(repo, run.catch(() => undefined));
    return run;
  }
}

/**
 * The secrets a request sets on top of `current`: a string sets, `null` removes, absent
 * keeps. Tokens and usernames are single-line printable text (they go into a header).
 */
function checkSecrets(r: Record<string, unknown>, current: RemoteSecrets): Result<RemoteSecrets> {
  const next: { token?: string; username?: string; webhookSecret?: string } = { ...current };
  const limits = { token: MAX_TOKEN, username: MAX_USERNAME, webhookSecret: MAX_WEBHOOK_SECRET } as const;
  for (const key of ['token', 'username', 'webhookSecret'] as const) {
    const v = r[key];
    if (v === undefined) continue;
    if (v === null) {
      delete next[key];
      continue;
    }
    // the token and username go into a header: printable ASCII without spaces; the webhook
    // secret is only hashed: any text without control characters
    const allowed = key === 'webhookSecret' ? /^[^\0-\x1f\x7f]+$/ : /^[\x21-\x7e]+$/;
    const fine = typeof v === 'string' && v.length > 0 && v.length <= limits[key] && allowed.test(v) && !(key === 'username' && v.includes(':'));
    if (!fine) {
      const what = key === 'webhookSecret' ? 'characters without control characters' : `printable ASCII characters without spaces${key === 'username' ? ' or ":"' : ''}`;
      return fail(problem(400, 'REMOTE_INVALID', `"${key}" must be 1 to ${limits[key]} ${what}, or null to remove it.`));
    }
    next[key] = v;
  }
  return ok(next);
}

async function present(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
  );
}

async function guessTemplate(dir: string): Promise<string> {
  const r = await runGit(['--git-dir', dir, 'ls-tree', '--name-only', 'HEAD']);
  const names = new Set(r.code === 0 ? r.stdout.split('\n') : []);
  return TEMPLATE_GUESSES.find((t) => names.has(t)) ?? TEMPLATE_GUESSES[0]!;
}
