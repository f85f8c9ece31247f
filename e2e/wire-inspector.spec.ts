import { expect, test } from '@playwright/test';
import { EditorPage, sampleText } from './pages/EditorPage.ts';
import { changedLines, fragmentLine, insertedLines, resourceBlock } from './pages/yamlText.ts';

test('an access wire shows its policy template and env var exactly as the YAML has them', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  await editor.wires.select('CreateOrderFunction', 'access', 'OrdersTable');

  await expect(editor.wire.root()).toBeVisible();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(editor.wire.title()).toHaveText('CreateOrderFunction → OrdersTable');
  // exact text, spaces and line breaks included
  await expect.poll(() => editor.wire.codeText('Policy template DynamoDBCrudPolicy scoped to !Ref OrdersTable')).toBe('- DynamoDBCrudPolicy:\n    TableName: !Ref OrdersTable');
  await expect.poll(() => editor.wire.codeText('Environment variable TABLE_NAME = !Ref OrdersTable')).toBe('TABLE_NAME: !Ref OrdersTable');
  // each piece is in the YAML panel as shown, inside the function's own block
  const yaml = await editor.yaml.text();
  const fn = resourceBlock(yaml, 'CreateOrderFunction')!;
  const codes = await editor.wire.codes();
  expect(codes).toHaveLength(2);
  for (const code of codes) {
    expect(fragmentLine(yaml, code), code).toBeGreaterThan(0);
    expect(fragmentLine(fn, code), code).toBeGreaterThan(0);
  }
  await expect(editor.wire.level('crud')).toBeChecked();
  await expect(editor.wire.level('read')).not.toBeChecked();

  // Show in YAML puts the panel on the piece's own line (there are four TABLE_NAME lines)
  await editor.wire.reveal('Environment variable TABLE_NAME');
  await expect(editor.yaml.revealedLine()).toHaveText('          TABLE_NAME: !Ref OrdersTable');
  expect(await editor.yaml.cursorLine()).toBe(fragmentLine(yaml, 'TABLE_NAME: !Ref OrdersTable') + 1);
  await editor.wire.reveal('Policy template DynamoDBCrudPolicy');
  await expect(editor.yaml.revealedLine()).toHaveText('        - DynamoDBCrudPolicy:');
});

test('read-write to read-only changes exactly the policy line; undo restores the file', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.yaml.text();
  expect(before).toBe(sampleText());

  await editor.wires.select('CreateOrderFunction', 'access', 'OrdersTable');
  await editor.wire.level('read').check();

  await editor.yaml.expectText((t) => {
    expect(changedLines(before, t)).toEqual([{ line: before.split('\n').indexOf('        - DynamoDBCrudPolicy:'), from: '        - DynamoDBCrudPolicy:', to: '        - DynamoDBReadPolicy:' }]);
  });
  await expect(editor.wire.level('read')).toBeChecked();
  await expect.poll(() => editor.wire.codeText(/DynamoDBReadPolicy/)).toBe('- DynamoDBReadPolicy:\n    TableName: !Ref OrdersTable');

  await editor.undo();
  await editor.yaml.expectText((t) => expect(t).toBe(before));
  await expect(editor.wire.level('crud')).toBeChecked();
});

test('a trigger wire: changing its batch size changes that one line', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.yaml.text();

  await editor.wires.select('OrderEventsQueue', 'trigger', 'ProcessOrderFunction');
  await expect(editor.wire.codeOf('Event OrderEvents: SQS, BatchSize 10')).toContainText('Queue: !GetAtt OrderEventsQueue.Arn');
  await expect(editor.wire.setting('OrderEvents', 'BatchSize')).toHaveValue('10');

  await editor.wire.setSetting('OrderEvents', 'BatchSize', '5');

  await editor.yaml.expectText((t) => {
    expect(changedLines(before, t)).toEqual([{ line: before.split('\n').indexOf('            BatchSize: 10'), from: '            BatchSize: 10', to: '            BatchSize: 5' }]);
  });
  await expect(editor.wire.setting('OrderEvents', 'BatchSize')).toHaveValue('5');
  await expect(editor.wire.codeOf(/BatchSize 5/)).toContainText('BatchSize: 5');
});

test('removing a wire from the inspector takes it off the canvas and its YAML out of the function', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.yaml.text();
  const edge = editor.wires.edge('NightlyReportFunction', 'access', 'ReceiptsBucket');

  await editor.wires.select('NightlyReportFunction', 'access', 'ReceiptsBucket');
  await editor.wire.remove();

  await expect(edge).toHaveCount(0);
  await expect(editor.wire.root()).toHaveCount(0);
  await editor.yaml.expectText((t) => {
    const fn = resourceBlock(t, 'NightlyReportFunction')!;
    expect(fn).not.toContain('ReceiptsBucket');
    expect(fn).toContain('- DynamoDBReadPolicy:');
    // only lines went, and only those of this wire
    expect(insertedLines(t, before)).toEqual(['          BUCKET_NAME: !Ref ReceiptsBucket', '        - S3WritePolicy:', '            BucketName: !Ref ReceiptsBucket']);
  });
  await expect(editor.wires.edge('ProcessOrderFunction', 'access', 'ReceiptsBucket')).toHaveCount(1);
});

test('keyboard: a focused wire is selected with Enter and removed with Delete', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  await editor.wires.selectWithKeyboard('OrdersApi', 'trigger', 'GetOrderFunction');
  await expect(editor.wire.title()).toHaveText('OrdersApi → GetOrderFunction');
  await expect(editor.wire.setting('GetOrder', 'Path')).toHaveValue('/orders/{orderId}');

  await editor.pressDelete();

  await expect(editor.wires.edge('OrdersApi', 'trigger', 'GetOrderFunction')).toHaveCount(0);
  await editor.yaml.expectText((t) => expect(resourceBlock(t, 'GetOrderFunction')).not.toContain('Events:'));
  await expect(editor.node('OrdersApi')).toBeVisible();
});

test('a hand-written reference is shown, and offers no options', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  await editor.wires.select('OrderEventsQueue', 'reference', 'OrderEventsDeadLetterQueue');

  await expect.poll(() => editor.wire.codes()).toEqual(['deadLetterTargetArn: !GetAtt OrderEventsDeadLetterQueue.Arn']);
  await expect(page.getByTestId('wire.remove')).toHaveCount(0);
  await expect(page.getByTestId('wire.level')).toHaveCount(0);
  // clicking a node goes back to the node inspector
  await editor.canvas.select('OrdersTable');
  await expect(editor.wire.root()).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toBeVisible();
});
