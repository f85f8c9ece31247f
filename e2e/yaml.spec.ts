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
