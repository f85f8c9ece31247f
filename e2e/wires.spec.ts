import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';
import { resourceBlock } from './pages/yamlText.ts';

test('a wire from a new queue to a function writes an SQS event on the function', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.palette.add('queue');
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectContains('  Queue1:');
  // The new node may land outside the view (see palette.spec.ts): bring it in, as a user would.
  await editor.canvas.fitView();

  await editor.canvas.drawWire('Queue1', 'GetOrderFunction');

  await editor.yaml.expectText((t) => {
    const fn = resourceBlock(t, 'GetOrderFunction') ?? '';
    const events = fn.slice(fn.indexOf('      Events:'));
    expect(fn).toContain('      Events:');
    expect(events).toContain('Queue: !GetAtt Queue1.Arn');
  });
  await expect(editor.canvas.notice()).toHaveCount(0);
});

test('a wire from a function to a bucket grants S3 access and passes the bucket name', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = resourceBlock(await editor.yaml.text(), 'GetOrderFunction') ?? '';
  expect(before).not.toContain('ReceiptsBucket');

  await editor.canvas.drawWire('GetOrderFunction', 'ReceiptsBucket');

  await editor.yaml.expectText((t) => {
    const fn = resourceBlock(t, 'GetOrderFunction') ?? '';
    expect(fn).toMatch(/- S3\w*Policy:\n\s+BucketName: !Ref ReceiptsBucket\n/);
    expect(fn).toMatch(/RECEIPTS_BUCKET_NAME: !Ref ReceiptsBucket\n/);
  });
});

test('a wire between a table and a bucket is refused with the reason, and the YAML stays as it was', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.yaml.text();

  await editor.canvas.drawWire('OrdersTable', 'ReceiptsBucket');

  await expect(editor.canvas.notice()).toBeVisible();
  await expect(editor.canvas.notice()).toHaveRole('alert');
  await expect(editor.canvas.notice()).toHaveText(/\w{3,}.*\w{3,}/);
  await expect(editor.canvas.wireQuestion()).toHaveCount(0);
  expect(await editor.yaml.text()).toBe(before);
});
