import { expect, test } from '@playwright/test';
import { EditorPage, sampleText } from './pages/EditorPage.ts';
import { insertedLines } from './pages/yamlText.ts';

test('a palette add changes nothing but the new resource\'s own lines', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const original = sampleText();
  // The panel opens on the file's bytes (LF here; CodeMirror reports lines joined by \n).
  expect(await editor.yaml.text()).toBe(original.replace(/\r\n?/g, '\n'));

  await editor.palette.add('queue');
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectContains('  Queue1:');

  const after = await editor.yaml.text();
  const added = insertedLines(original, after);
  // Only the new resource's lines: its key, then lines indented under it, plus at most one blank separator.
  const nonBlank = added.filter((l) => l.trim() !== '');
  expect(nonBlank[0]).toBe('  Queue1:');
  for (const l of nonBlank.slice(1)) expect(l, 'a line of Queue1').toMatch(/^ {4,}\S/);
  expect(nonBlank).toContain('    Type: AWS::SQS::Queue');
  expect(added.length - nonBlank.length, 'blank lines added').toBeLessThanOrEqual(1);
  // And the new lines sit together, as one block.
  const a = after.split('\n');
  const start = a.indexOf('  Queue1:');
  expect(a.slice(start, start + nonBlank.length)).toEqual(nonBlank);
});
