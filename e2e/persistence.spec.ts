import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';

test('a reload keeps unsaved work: the text and the new node', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.palette.add('topic');
  await expect(editor.node('Topic1')).toBeVisible();
  await editor.yaml.expectContains('  Topic1:');
  const text = await editor.yaml.text();

  await editor.reload();
  await expect(editor.restoredNotice()).toBeVisible();
  await expect(editor.node('Topic1')).toBeVisible();
  await editor.yaml.expectText((t) => expect(t).toBe(text));

  await editor.openSampleInstead();
  await expect(editor.node('Topic1')).toHaveCount(0);
});
