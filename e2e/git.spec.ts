import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, BrowserContext } from '@playwright/test';
import { watchPageHealth } from './fixtures/pageHealth.ts';
import { cliClone, createStack, git, renameStack, serverBranches, serverFile, StackPage, TEMPLATE, uniqueStack } from './pages/StackPage.ts';

// Two browser windows (contexts: separate storage, separate git working copies) on one branch
// of a stack the e2e server hosts; the git command line as a third party.
test.describe.configure({ timeout: 90_000 });

const opened: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

async function window(browser: Browser, stack: string): Promise<StackPage> {
  const context = await browser.newContext();
  opened.push(context);
  const page = await context.newPage();
  const s = new StackPage(page, stack);
  await s.openStack();
  return s;
}

test('the Stacks dialog creates a stack from a starter and opens it from git', async ({ page, baseURL }) => {
  const health = watchPageHealth(page);
  const name = uniqueStack('created');
  await page.goto('/');
  await page.getByTestId('app.stacks').click();
  await page.getByTestId('stacks.new-name').fill(name);
  await page.getByTestId('stacks.new-starter').selectOption('orders-api.yaml');
  await page.getByTestId('stacks.create').click();
  await page.waitForURL(`**/?stack=${name}`);
  const s = new StackPage(page, name);
  await s.waitUntilOpen();
  await expect(s.node('OrdersTable')).toBeVisible();
  await expect(s.branch()).toHaveText('main');
  await expect(s.dirty()).toHaveAttribute('data-dirty', 'false');
  await expect(page.getByTestId('stack.name')).toContainText(name);
  // the same stack is listed, with its clone URL
  await page.getByTestId('app.stacks').click();
  await expect(page.getByTestId('stacks.item').filter({ hasText: name })).toBeVisible();
  expect(serverBranches(baseURL!, name)).toEqual(['main']);
  expect(health.problems()).toEqual([]);
});

test('one window pushes, the other shows who moved the branch and refreshes to it', async ({ browser, request, baseURL }) => {
  const stack = uniqueStack('two');
  await createStack(request, baseURL!, stack);
  const a = await window(browser, stack);
  const b = await window(browser, stack);

  await a.palette.add('topic');
  await expect(a.node('Topic1')).toBeVisible();
  await a.expectDirty();
  await a.commit('Add a topic for order events', { author: 'Ada Lovelace' });
  await expect(a.notice()).toContainText('Pushed');
  await expect(a.dirty()).toHaveAttribute('data-dirty', 'false');
  await expect(a.banner(), 'our own push raises no banner').toBeHidden();

  await expect(b.banner()).toBeVisible();
  await expect(b.banner()).toHaveAttribute('data-kind', 'moved');
  await expect(b.banner()).toContainText('Add a topic for order events');
  await expect(b.banner()).toContainText('Ada Lovelace');
  await expect(b.node('Topic1')).toHaveCount(0);
  await b.banner().getByTestId('git.remote-changed.refresh').click();
  await expect(b.banner()).toBeHidden();
  await expect(b.node('Topic1')).toBeVisible();
  await b.yaml.expectContains('  Topic1:');
  await expect(b.dirty()).toHaveAttribute('data-dirty', 'false');
});

test('Refresh with uncommitted edits asks first; moving them to a new branch keeps them', async ({ browser, request, baseURL }) => {
  const stack = uniqueStack('ask');
  await createStack(request, baseURL!, stack);
  const a = await window(browser, stack);
  const b = await window(browser, stack);

  await b.palette.add('queue');
  await expect(b.node('Queue1')).toBeVisible();
  await b.expectDirty();

  await a.palette.add('topic');
  await a.expectDirty();
  await a.commit('Topic from A', { author: 'Ada Lovelace' });

  await expect(b.banner()).toContainText('Topic from A');
  await b.banner().getByTestId('git.remote-changed.refresh').click();
  const confirm = b.banner().getByTestId('git.remote-changed.confirm');
  await expect(confirm).toContainText('uncommitted edits');
  await expect(b.node('Queue1'), 'nothing is dropped by asking').toBeVisible();
  await b.moveToNewBranch(`${'queue-work'}`);
  await expect(b.branch()).toHaveText('queue-work');
  await expect(b.node('Queue1')).toBeVisible();
  await expect(b.dirty()).toHaveAttribute('data-dirty', 'true');
  await b.commit('Queue from B', { author: 'Bob Builder' });
  await expect(b.notice()).toContainText('Pushed');

  expect(serverBranches(baseURL!, stack).sort()).toEqual(['main', 'queue-work']);
  expect(serverFile(baseURL!, stack, 'queue-work')).toContain('  Queue1:');
  expect(serverFile(baseURL!, stack, 'queue-work')).not.toContain('  Topic1:');
  expect(serverFile(baseURL!, stack, 'main')).toContain('  Topic1:');
  expect(serverFile(baseURL!, stack, 'main')).not.toContain('  Queue1:');
});

test('a push race: exactly one push wins, the loser is told and its commit ends up on a new branch', async ({ browser, request, baseURL }) => {
  const stack = uniqueStack('race');
  await createStack(request, baseURL!, stack);
  const a = await window(browser, stack);
  const b = await window(browser, stack);
  await a.palette.add('topic');
  await b.palette.add('queue');
  await a.expectDirty();
  await b.expectDirty();
  await a.commit('Topic, racing', { push: false, author: 'Ada Lovelace' });
  await b.commit('Queue, racing', { push: false, author: 'Bob Builder' });
  await expect(a.page.getByTestId('git.ahead')).toBeVisible();
  await expect(b.page.getByTestId('git.ahead')).toBeVisible();

  await Promise.all([a.push(), b.push()]);
  // one side says Pushed, the other shows the refused push
  const said = async (s: StackPage) => ({
    pushed: (await s.notice().count()) > 0 && (await s.notice().innerText()).includes('Pushed'),
    refused: (await s.banner().count()) > 0 && (await s.banner().getAttribute('data-kind')) === 'rejected',
  });
  await expect(async () => {
    const [x, y] = [await said(a), await said(b)];
    expect([x.pushed, y.pushed].filter(Boolean)).toHaveLength(1);
    expect([x.refused, y.refused].filter(Boolean)).toHaveLength(1);
  }).toPass({ timeout: 20_000 });
  const aWon = await a.notice().isVisible();
  const [winner, loser] = aWon ? [a, b] : [b, a];
  const [winnerNode, loserNode] = aWon ? ['Topic1', 'Queue1'] : ['Queue1', 'Topic1'];
  await expect(winner.notice()).toContainText('Pushed');
  await expect(loser.banner()).toHaveAttribute('data-kind', 'rejected');
  await expect(loser.banner()).toContainText('Your push was refused');
  await expect(loser.banner()).toContainText(aWon ? 'Topic, racing' : 'Queue, racing');

  await loser.moveToNewBranch();
  await expect(loser.branch()).not.toHaveText('main');
  const moved = (await loser.branch().innerText()).trim();
  expect(moved).toMatch(/^main-edits(-\d+)?$/);
  const main = serverFile(baseURL!, stack, 'main');
  expect(main).toContain(`  ${winnerNode}:`);
  expect(main).not.toContain(`  ${loserNode}:`);
  expect(serverFile(baseURL!, stack, moved)).toContain(`  ${loserNode}:`);
  // and no commit was dropped: both messages are on the server
  const clone = cliClone(baseURL!, stack);
  try {
    git(['fetch', '--quiet', 'origin', moved], clone.dir);
    const all = git(['log', '--format=%s', 'origin/main', 'FETCH_HEAD'], clone.dir);
    expect(all).toContain('Topic, racing');
    expect(all).toContain('Queue, racing');
  } finally {
    clone.dispose();
  }
});

test('a git push from a terminal raises the banner with its author and message', async ({ page, request, baseURL }) => {
  const stack = uniqueStack('terminal');
  await createStack(request, baseURL!, stack);
  const s = new StackPage(page, stack);
  await s.openStack();
  const clone = cliClone(baseURL!, stack);
  try {
    appendFileSync(join(clone.dir, TEMPLATE), '# tuned from the terminal\n');
    git(['commit', '--quiet', '-am', 'Tune from the terminal'], clone.dir);
    git(['push', '--quiet', 'origin', 'main'], clone.dir);
    const oid = git(['rev-parse', 'HEAD'], clone.dir).trim();
    await expect(s.banner()).toBeVisible();
    await expect(s.banner()).toContainText('Tune from the terminal');
    await expect(s.banner()).toContainText('Terminal Tess');
    await expect(s.banner()).toHaveAttribute('data-oid', oid);
    await s.banner().getByTestId('git.remote-changed.refresh').click();
    await s.yaml.expectContains('# tuned from the terminal');
  } finally {
    clone.dispose();
  }
});

test('a reload keeps uncommitted edits, even ones made a moment before it', async ({ page, request, baseURL }) => {
  const stack = uniqueStack('reload');
  await createStack(request, baseURL!, stack);
  const s = new StackPage(page, stack);
  await s.openStack();
  await s.palette.add('topic');
  await s.expectDirty();
  // the next edit is typed and the page reloaded at once, before its write is due
  await s.yaml.cursorAfterResources();
  await s.yaml.insert('\n  # typed just before the reload');
  await page.reload();
  await s.waitUntilOpen();
  await expect(s.node('Topic1')).toBeVisible();
  await s.yaml.expectContains('  Topic1:', '  # typed just before the reload');
  await s.expectDirty();
  await s.commit('Keep what was typed');
  expect(serverFile(baseURL!, stack, 'main')).toContain('  # typed just before the reload');
});

test("a closed tab's uncommitted edits are there when the stack is opened in a new tab", async ({ browser, request, baseURL }) => {
  const stack = uniqueStack('closed');
  await createStack(request, baseURL!, stack);
  const first = await window(browser, stack);
  await first.palette.add('queue');
  await first.expectDirty();
  const context = first.page.context();
  await first.page.close();
  const again = new StackPage(await context.newPage(), stack);
  await again.openStack();
  await expect(again.node('Queue1')).toBeVisible();
  await expect(again.dirty()).toHaveAttribute('data-dirty', 'true');
  // a second tab open beside it gets a working copy of its own: the server's head
  const beside = new StackPage(await context.newPage(), stack);
  await beside.openStack();
  await expect(beside.node('Queue1')).toHaveCount(0);
  await expect(beside.dirty()).toHaveAttribute('data-dirty', 'false');
});

test('Create branch carries the uncommitted edits onto a new branch and pushes it', async ({ page, request, baseURL }) => {
  const stack = uniqueStack('branch');
  await createStack(request, baseURL!, stack);
  const s = new StackPage(page, stack);
  await s.openStack();
  await s.palette.add('queue');
  await s.expectDirty();
  await s.createBranch('feature-queue');
  await expect(s.branch()).toHaveText('feature-queue');
  await expect(s.node('Queue1')).toBeVisible();
  await expect(s.dirty()).toHaveAttribute('data-dirty', 'true');
  expect(serverBranches(baseURL!, stack).sort()).toEqual(['feature-queue', 'main']);
  await s.commit('Queue on its own branch');
  expect(serverFile(baseURL!, stack, 'feature-queue')).toContain('  Queue1:');
  expect(serverFile(baseURL!, stack, 'main')).not.toContain('  Queue1:');

  // back to main: its text, without the queue; the history says what happened
  await s.branch().click();
  await page.locator('[data-testid="git.branch-item"][data-branch="main"]').click();
  await expect(s.branch()).toHaveText('main');
  await expect(s.node('Queue1')).toHaveCount(0);
  await s.branch().click();
  await page.locator('[data-testid="git.branch-item"][data-branch="feature-queue"]').click();
  await expect(s.node('Queue1')).toBeVisible();
  await page.getByTestId('git.history').click();
  await expect(page.getByTestId('git.history-item').first()).toContainText('Queue on its own branch');
});

test('a commit that adds an AWS secret key is refused, naming the line; nothing is committed', async ({ page, request, baseURL }) => {
  const stack = uniqueStack('secret');
  await createStack(request, baseURL!, stack);
  const s = new StackPage(page, stack);
  await s.openStack();
  await s.yaml.cursorAfterResources();
  // an access key id pattern (not the documented EXAMPLE one)
  await s.yaml.insert('\n  # key: AKIAQWERTYUIOPASDFGH');
  await s.expectDirty();
  await page.getByTestId('git.commit').click();
  const dialog = page.getByTestId('git.commit-dialog');
  await dialog.getByTestId('git.commit-message').fill('Oops');
  await dialog.getByTestId('git.author-name').fill('Ada Lovelace');
  await dialog.getByTestId('git.author-email').fill('ada@example.com');
  await dialog.getByTestId('git.commit-push').click();
  await expect(dialog.getByTestId('git.commit-problem')).toContainText('SECRET_IN_CHANGES');
  await expect(dialog.getByTestId('git.commit-problem')).toContainText(TEMPLATE);
  expect(serverFile(baseURL!, stack, 'main')).not.toContain('AKIA');
});

test('a stack renamed on the server: the open editor stops watching and says why, and keeps what was typed', async ({ page, request, baseURL }) => {
  const stack = uniqueStack('renamed');
  await createStack(request, baseURL!, stack);
  const s = new StackPage(page, stack);
  await s.openStack();
  await s.palette.add('queue');
  await s.expectDirty();
  await renameStack(request, baseURL!, stack, `${stack}-new`);
  const live = page.getByTestId('git.live');
  await expect(live).toHaveAttribute('data-state', 'gone');
  await expect(live).toContainText(`Not watching: this stack was renamed to ${stack}-new on the server`);
  await expect(s.node('Queue1')).toBeVisible();
  // the uncommitted edit comes along to the stack under its new name
  await page.getByTestId('git.gone.open').click();
  await expect(page).toHaveURL(new RegExp(`\\?stack=${stack}-new$`));
  const renamed = new StackPage(page, `${stack}-new`);
  await renamed.waitUntilOpen();
  await expect(renamed.node('Queue1')).toBeVisible();
  await renamed.expectDirty();
  await renamed.commit('Add a queue');
  expect(serverFile(baseURL!, `${stack}-new`, 'main')).toContain('Queue1:');
});
