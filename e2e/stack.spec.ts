import { expect, test } from '@playwright/test';
import { EditorPage, fieldIn } from './pages/EditorPage.ts';
import { insertedLines, resourceBlock } from './pages/yamlText.ts';

test('conditions: add one, rename it, make a resource depend on it; each step changes only its own lines', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const start = await editor.yaml.text();
  expect(start).not.toContain('Conditions:');

  await editor.inspector.openSection('Conditions');
  await editor.inspector.stack().getByTestId('conditions.add').click();
  await editor.yaml.expectContains('Conditions:\n  Condition1: !Equals [!Ref Stage, prod]\n');
  // only the new section's lines were added: every original line is still there, in order
  expect(insertedLines(start, await editor.yaml.text()).filter((l) => l.trim())).toEqual(['Conditions:', '  Condition1: !Equals [!Ref Stage, prod]']);

  const cond = await editor.inspector.entry('conditions.item.Condition1');
  const expr = cond.getByLabel('Expression (YAML)');
  await expr.fill("!Not [!Equals [!Ref Stage, dev]]");
  await expr.press('Control+Enter');
  await editor.yaml.expectContains('  Condition1: !Not [!Equals [!Ref Stage, dev]]\n');

  // a resource is created only when the condition holds
  await editor.canvas.select('ReceiptsBucket');
  await editor.inspector.field('Created when').selectOption('Condition1');
  await editor.yaml.expectText((t) => expect(resourceBlock(t, 'ReceiptsBucket')).toContain('    Condition: Condition1\n'));

  // renaming the condition follows it into the resource
  const named = await editor.inspector.entry('conditions.item.Condition1');
  await fieldIn(named, 'Name').fill('NotDev');
  await fieldIn(named, 'Name').press('Enter');
  await editor.yaml.expectText((t) => {
    expect(t).not.toContain('Condition1');
    expect(t).toContain('  NotDev: !Not [!Equals [!Ref Stage, dev]]\n');
    expect(resourceBlock(t, 'ReceiptsBucket')).toContain('    Condition: NotDev\n');
  });

  // a condition still in use cannot be removed: the reason is shown, nothing changes
  const before = await editor.yaml.text();
  await (await editor.inspector.entry('conditions.item.NotDev')).getByRole('button', { name: 'Remove condition NotDev' }).click();
  await expect(editor.canvas.notice()).toContainText('still used');
  expect(await editor.yaml.text()).toBe(before);
});

test('an environment variable set to a reference chosen from the list', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.yaml.text();
  await editor.canvas.select('GetOrderFunction');
  const env = editor.inspector.root().getByTestId('inspector.env');
  await env.getByTestId('inspector.env.add').click();
  await env.getByLabel('New variable').fill('RECEIPTS');
  await env.getByLabel('New variable').press('Enter');
  const row = env.getByTestId('inspector.env.RECEIPTS');
  await row.getByRole('button', { name: 'Reference' }).click();
  await fieldIn(row, 'Value').selectOption({ label: '!Ref ReceiptsBucket' });
  await editor.yaml.expectText((t) => {
    expect(resourceBlock(t, 'GetOrderFunction')).toMatch(/\n {10}RECEIPTS: !Ref ReceiptsBucket\n/);
    // nothing outside the function changed
    const others = (s: string) => s.replace(resourceBlock(s, 'GetOrderFunction') ?? '', '');
    expect(others(t)).toBe(others(before));
  });
});
