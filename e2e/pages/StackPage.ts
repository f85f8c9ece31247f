import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { EditorPage } from './EditorPage.ts';

/** How long opening a stack (clone in the git worker, then layout) may take on two busy cores. */
const OPEN_TIMEOUT = 30_000;

export const TEMPLATE = 'template.yaml';

/** A stack name of this test's own (stacks are shared by the e2e server's data directory). */
export function uniqueStack(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/** The headers the API asks of a page's own requests: the CSRF token the page carries, and the origin. */
async function apiHeaders(request: APIRequestContext, baseURL: string): Promise<Record<string, string>> {
  const html = await (await request.get('/')).text();
  const token = /<meta name="cairn-csrf" content="([0-9a-f]+)"\s*\/?>/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token in the page');
  return { 'x-cairn-csrf': token, origin: baseURL };
}

/** Creates a stack through the API, as the app does (same origin, the page's CSRF token). */
export async function createStack(request: APIRequestContext, baseURL: string, name: string, starter = 'orders-api.yaml'): Promise<void> {
  const res = await request.post('/api/stacks', { headers: await apiHeaders(request, baseURL), data: { name, starter } });
  expect(res.status(), await res.text()).toBe(201);
}

/** Renames a stack through the API, as another tab or a script would. */
export async function renameStack(request: APIRequestContext, baseURL: string, name: string, to: string): Promise<void> {
  const res = await request.patch(`/api/stacks/${encodeURIComponent(name)}`, { headers: await apiHeaders(request, baseURL), data: { name: to } });
  expect(res.status(), await res.text()).toBe(200);
}

/** The git command line, with an author, never a shell. */
export function git(args: readonly string[], cwd?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_TERMINAL_PROMPT: '0',
      GIT_AUTHOR_NAME: 'Terminal Tess',
      GIT_AUTHOR_EMAIL: 'tess@example.com',
      GIT_COMMITTER_NAME: 'Terminal Tess',
      GIT_COMMITTER_EMAIL: 'tess@example.com',
    },
  });
}

/** A terminal clone of a stack; `dispose()` removes it. */
export function cliClone(baseURL: string, stack: string): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-e2e-clone-'));
  git(['clone', '--quiet', '--', `${baseURL}/git/${stack}.git`, dir]);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The server's copy of a file on a branch (a fresh shallow clone). */
export function serverFile(baseURL: string, stack: string, branch: string, path = TEMPLATE): string {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-e2e-peek-'));
  try {
    git(['clone', '--quiet', '--depth', '1', '--branch', branch, '--', `${baseURL}/git/${stack}.git`, dir]);
    return git(['show', `HEAD:${path}`], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function serverBranches(baseURL: string, stack: string): string[] {
  return git(['ls-remote', '--heads', '--', `${baseURL}/git/${stack}.git`])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\trefs/heads/')[1] ?? '');
}

/** The editor on a stack (`/?stack=<name>`): the editor page plus the git bar and banner. */
export class StackPage extends EditorPage {
  constructor(
    page: Page,
    readonly stack: string,
  ) {
    super(page);
  }

  async openStack(): Promise<void> {
    await this.page.goto(`/?stack=${encodeURIComponent(this.stack)}`);
    await this.waitUntilOpen();
  }

  async waitUntilOpen(): Promise<void> {
    await expect(this.page.locator('.editor[data-laid-out="true"]')).toBeVisible({ timeout: OPEN_TIMEOUT });
    await expect(this.bar().getByTestId('git.branch')).toBeVisible();
    // watching for ref changes before the test pushes anything
    await expect(this.page.getByTestId('git.live')).toHaveAttribute('data-state', 'live');
  }

  bar(): Locator {
    return this.page.getByTestId('git.bar');
  }

  branch(): Locator {
    return this.page.getByTestId('git.branch');
  }

  dirty(): Locator {
    return this.page.getByTestId('git.dirty');
  }

  /** Waits until the edits are written to the working copy and seen as uncommitted. */
  async expectDirty(): Promise<void> {
    await expect(this.dirty()).toHaveAttribute('data-dirty', 'true');
    await expect(this.dirty()).not.toHaveText('Saving…');
  }

  notice(): Locator {
    return this.page.getByTestId('git.notice');
  }

  problem(): Locator {
    return this.page.getByTestId('git.problem');
  }

  banner(): Locator {
    return this.page.getByTestId('git.remote-changed');
  }

  /** Commit… with a message (and the author, the first time in this browser). */
  async commit(message: string, opts: { push?: boolean; author?: string } = {}): Promise<void> {
    await this.page.getByTestId('git.commit').click();
    const dialog = this.page.getByTestId('git.commit-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('git.commit-message').fill(message);
    const name = dialog.getByTestId('git.author-name');
    if (await name.isVisible()) {
      const who = opts.author ?? 'Ada Lovelace';
      await name.fill(who);
      await dialog.getByTestId('git.author-email').fill(`${who.split(' ')[0]!.toLowerCase()}@example.com`);
    }
    await dialog.getByTestId(opts.push === false ? 'git.commit-submit' : 'git.commit-push').click();
    await expect(dialog).toBeHidden();
  }

  async push(): Promise<void> {
    await this.page.getByTestId('git.push').click();
  }

  /** Banner: Move my changes to a new branch (named, or the suggested name). */
  async moveToNewBranch(name?: string): Promise<void> {
    const banner = this.banner();
    if (await banner.getByTestId('git.remote-changed.move').isVisible()) await banner.getByTestId('git.remote-changed.move').click();
    else await banner.getByTestId('git.remote-changed.move-first').click();
    const input = banner.getByTestId('git.move-branch-name');
    await expect(input).toBeVisible();
    if (name) await input.fill(name);
    else await expect(input).not.toHaveValue('');
    await banner.getByTestId('git.move-branch-submit').click();
    await expect(banner).toBeHidden();
  }

  async createBranch(name: string): Promise<void> {
    await this.branch().click();
    await this.page.getByTestId('git.create-branch').click();
    await this.page.getByTestId('git.new-branch-name').fill(name);
    await this.page.getByTestId('git.new-branch-submit').click();
    await expect(this.page.getByTestId('git.create-dialog')).toBeHidden();
  }
}
