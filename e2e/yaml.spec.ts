import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';

test('a resource typed in the YAML panel appears on the canvas', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await expect(editor.node('TypedQueue')).toHaveCount(0);

  await editor.yaml.cursorAfterResources();
  await editor.yaml.insert('\n  TypedQueue:\n    Type: AWS::SQS::Queue');

  await expect(editor.node('TypedQueue')).toBeVisible();
  await expect(editor.canvas.staleBanner()).toHaveCount(0);
});

test('YAML that does not parse keeps every node; fixing it updates the canvas again', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const ids = await editor.nodes().evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(ids.length).toBeGreaterThan(5);

  await editor.yaml.cursorAfterResources();
  await editor.yaml.insert('\n  Broken: [');

  await expect(editor.canvas.staleBanner()).toBeVisible();
  await expect(editor.nodes()).toHaveCount(ids.length);
  for (const id of ids) await expect(page.getByTestId(id!)).toBeVisible();
  await expect(editor.node('Broken')).toHaveCount(0);

  // Fix it: `Broken` becomes a queue.
  await page.keyboard.press('Backspace');
  await editor.yaml.insert('\n    Type: AWS::SQS::Queue');

  await expect(editor.canvas.staleBanner()).toHaveCount(0);
  await expect(editor.node('Broken')).toBeVisible();
  await expect(editor.nodes()).toHaveCount(ids.length + 1);
});

test('a reference typed to nothing is a diagnostic: listed, badged on its node, and it jumps to the line; fixing it clears it', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await expect(editor.diagnostics()).toContainText('No problems found.');

  await editor.yaml.cursorAfterResources();
  await editor.yaml.insert('\n  TypedQueue:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy: {deadLetterTargetArn: !GetAtt Nowhere.Arn, maxReceiveCount: 3}');

  await expect(editor.node('TypedQueue')).toBeVisible();
  await expect(editor.diagnostics()).toContainText('DANGLING_REFERENCE');
  await expect(editor.diagnostics()).toContainText('Nowhere');
  await expect(page.getByTestId('canvas.node.TypedQueue.diagnostics')).toHaveText('1');
  await editor.diagnostics().getByRole('button', { name: /TypedQueue/ }).click();
  await expect(editor.yaml.revealedLine()).toContainText('Nowhere.Arn');

  await editor.yaml.replaceAll((await editor.yaml.text()).replace('!GetAtt Nowhere.Arn', '!GetAtt TypedQueue.Arn'));
  await expect(editor.diagnostics()).toContainText('No problems found.');
  await expect(page.getByTestId('canvas.node.TypedQueue.diagnostics')).toHaveCount(0);
});

test('the divider between the canvas and the YAML panel resizes both, by mouse and by keys, and the width survives a reload', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const canvasWidth = async () => (await editor.canvas.root().boundingBox())!.width;
  const panel0 = await editor.yaml.width();
  const canvas0 = await canvasWidth();
  const divider = editor.yaml.divider();
  await expect(divider).toHaveAttribute('aria-valuenow', '57');

  // dragged 120 px to the left: the panel takes what the canvas gives up
  await editor.yaml.dragDivider(-120);
  await expect.poll(() => editor.yaml.width()).toBeGreaterThan(panel0 + 100);
  const panel1 = await editor.yaml.width();
  expect(panel1).toBeLessThan(panel0 + 140);
  expect(Math.abs(canvas0 - (await canvasWidth()) - (panel1 - panel0))).toBeLessThan(3);
  const after = Number(await divider.getAttribute('aria-valuenow'));
  expect(after).toBeLessThan(57);
  // the canvas still draws the stack in its new width
  await expect(editor.nodes().first()).toBeVisible();

  // keys: focused, each arrow moves it a step; End narrows the panel as far as it goes
  await divider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(divider).toHaveAttribute('aria-valuenow', String(after + 5));
  await page.keyboard.press('End');
  await expect(divider).toHaveAttribute('aria-valuenow', '80');
  const narrow = await editor.yaml.width();
  expect(narrow).toBeLessThan(panel0 - 50);

  // kept across a reload
  await editor.reload();
  await expect(editor.yaml.divider()).toHaveAttribute('aria-valuenow', '80');
  expect(Math.abs((await editor.yaml.width()) - narrow)).toBeLessThan(3);

  // a double click puts it back
  await editor.yaml.divider().dblclick();
  await expect(editor.yaml.divider()).toHaveAttribute('aria-valuenow', '57');
  await expect.poll(() => editor.yaml.width()).toBeGreaterThan(panel0 - 3);
});

test.describe('where the YAML panel starts', () => {
  // a user who has never shown or hidden the panel (the suite's own storage keeps it open)
  test.use({ storageState: { cookies: [], origins: [] } });

  test('beside the canvas on a wide window, one click away on a narrower one, and a choice once made is kept', async ({ page, browser, baseURL }) => {
    const editor = new EditorPage(page);
    // 1280 px: the canvas alone, and the button offers the panel
    await editor.goto();
    await editor.waitForStack();
    const toggle = page.getByTestId('toolbar.toggle-yaml');
    await expect(toggle).toHaveText('Show YAML');
    await expect(editor.yaml.textbox()).toHaveCount(0);
    // and CodeMirror is not even mounted until the panel first shows (once the page has
    // loaded everything it asks for: the panel's chunk would have arrived by then)
    await page.waitForLoadState('networkidle');
    await expect(editor.yaml.root()).toHaveCount(0);
    const alone = (await editor.canvas.root().boundingBox())!.width;
    // "Show in YAML" opens the hidden panel at that setting, for this once
    await editor.canvas.select('OrdersApi');
    await editor.inspector.root().getByRole('button', { name: /Show in YAML/ }).first().click();
    await expect(editor.yaml.textbox()).toBeVisible();
    await expect(toggle).toHaveText('Hide YAML');
    await expect.poll(() => editor.yaml.cursorLine()).toBeGreaterThan(30);
    await page.reload();
    await expect(toggle).toHaveText('Show YAML');
    await expect(editor.yaml.textbox()).toHaveCount(0);
    // the toggle is a choice, and it is kept
    await toggle.click();
    await expect(editor.yaml.textbox()).toBeVisible();
    expect((await editor.canvas.root().boundingBox())!.width).toBeLessThan(alone * 0.7);
    // the choice is the user's from now on, on this window size too
    await page.reload();
    await expect(editor.yaml.textbox()).toBeVisible();
    await expect(toggle).toHaveText('Hide YAML');

    // 1700 px: the panel is there from the start
    const wide = await browser.newContext({ viewport: { width: 1700, height: 900 }, baseURL: baseURL! });
    try {
      const other = new EditorPage(await wide.newPage());
      await other.open();
      await expect(other.page.getByTestId('toolbar.toggle-yaml')).toHaveText('Hide YAML');
    } finally {
      await wide.close();
    }
  });
});
