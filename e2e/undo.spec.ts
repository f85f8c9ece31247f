import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';

test('Ctrl+Z removes an added node from canvas and YAML; Ctrl+Shift+Z brings it back', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const original = await editor.yaml.text();

  await editor.palette.add('queue');
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectContains('  Queue1:');
  const added = await editor.yaml.text();

  await editor.undo();
  await expect(editor.node('Queue1')).toHaveCount(0);
  await editor.yaml.expectText((t) => expect(t).toBe(original));

  await editor.redo();
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectText((t) => expect(t).toBe(added));
});

test('Delete on a selected node removes the resource and its wires from the YAML', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.yaml.expectContains('  ReceiptsBucket:', 'BucketName: !Ref ReceiptsBucket', 'BUCKET_NAME: !Ref ReceiptsBucket');

  await editor.canvas.select('ReceiptsBucket');
  await editor.pressDelete();

  await expect(editor.node('ReceiptsBucket')).toHaveCount(0);
  await editor.yaml.expectText((t) => expect(t).not.toContain('ReceiptsBucket'));
  await expect(editor.node('ProcessOrderFunction')).toBeVisible();
  await expect(editor.node('NightlyReportFunction')).toBeVisible();
});
