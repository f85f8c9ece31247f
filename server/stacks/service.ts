import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { SAMPLE_FILE } from '../../src/protocol/samples.ts';
import type { CreateStackRequest, ImportStackRequest, RefChange, StackInfo, StackRecord } from '../../src/protocol/stacks.ts';
import { checkStackName, checkTemplatePath, resolveInside } from '../git/names.ts';
import { buildHookProgram, commitFirstFile, commitInfo, initBareRepo, prepareRepo, readRefs } from '../git/repo.ts';
import type { HookProgram, RefState } from '../git/repo.ts';
import { git, runGit } from '../git/run.ts';
import { problem } from '../http/problems.ts';
import type { Problem } from '../http/problems.ts';
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
}

const notFound = (name: string) => problem(404, 'STACK_NOT_FOUND', `There is no stack named '${name}'.`);
const exists = (name: string) => problem(409, 'STACK_EXISTS', `A stack or repository named '${name}' already exists.`);

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

  private constructor(
    private readonly reposDir: string,
    private readonly file: string,
    private readonly options: StackServiceOptions,
    private readonly hook: HookProgram,
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
    const service = new StackService(join(data, 'repos'), file, options, hook, (await readStackFile(file)).stacks);
    for (const repo of new Set(service.stacks.map((s) => s.repo))) {
      const dir = await service.repoPath(repo);
      if (dir) await prepareRepo(dir, hook).catch((e: Error) => options.log(`cairn: cannot prepare repository ${repo}: ${e.message}`));
    }
    return service;
  }

  list(): StackInfo[] {
    return [...this.stacks].sort((a, b) => a.name.localeCompare(b.name)).map(info);
  }

  get(name: string): StackInfo | null {
    const s = this.stacks.find((x) => x.name === name);
    return s ? info(s) : null;
  }

  /** The repository directory of a stack, checked to be a real path inside the data directory. */
  async repoDirOf(name: string): Promise<string | null> {
    const s = this.stacks.find((x) => x.name === name);
    return s ? this.repoPath(s.repo) : null;
  }

  create(req: Partial<CreateStackRequest>): Promise<Result<StackInfo>> {
    return this.exclusive(async () => {
      const invalid = checkStackName(req.name) ?? checkTemplatePath(req.template ?? DEFAULT_TEMPLATE);
      if (invalid) return fail(invalid);
      const name = req.name!;
      const template = req.template ?? DEFAULT_TEMPLATE;
      if (this.taken(name)) return fail(exists(name));
      if (req.shareWith !== undefined) {
        const other = this.stacks.find((s) => s.name === req.shareWith);
        if (!other) return fail(notFound(String(req.shareWith)));
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
      if (newName === name) return ok(info(s));
      if (this.stacks.some((x) => x.name === newName)) return fail(exists(newName));
      let repo = s.repo;
      // the repository follows the name when it is this stack's alone and the name is free
      if (repo === name && !this.stacks.some((x) => x !== s && x.repo === repo)) {
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
      return ok(info(renamed));
    });
  }

  /** Forgets the stack; deletes its repository when no other stack uses it. */
  remove(name: string): Promise<Result<null>> {
    return this.exclusive(async () => {
      const s = this.stacks.find((x) => x.name === name);
      if (!s) return fail(notFound(name));
      await this.save(this.stacks.filter((x) => x !== s));
      if (!this.stacks.some((x) => x.repo === s.repo)) {
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
    const dir = s && (await this.repoPath(s.repo));
    if (!s || !dir) return;
    await this.perRepo(s.repo, async () => {
      if (!this.knownRefs.has(s.repo)) this.knownRefs.set(s.repo, await readRefs(dir));
    });
  }

  /** Call when a receive-pack has finished: announces every ref that moved since last time. */
  async afterReceive(name: string): Promise<RefChange[]> {
    const s = this.stacks.find((x) => x.name === name);
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
          const change: RefChange = { stack: stack.name, ref, oldOid, newOid, author: head?.author ?? '', message: head?.message ?? '', time: head?.time ?? '' };
          changes.push(change);
          this.events.emit(stack.name, change);
        }
      }
      return changes;
    });
  }

  /** Ref changes of one stack as they happen; returns the unsubscribe function. */
  subscribe(name: string, listener: (change: RefChange) => void): () => void {
    this.events.on(name, listener);
    return () => this.events.off(name, listener);
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
    return info(record);
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

function info(s: StackRecord): StackInfo {
  return { ...s, gitPath: `/git/${s.name}.git` };
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
