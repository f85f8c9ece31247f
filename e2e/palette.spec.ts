import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';
import { resourceBlock } from './pages/yamlText.ts';

test('clicking the queue item adds Queue1 to the canvas and the YAML', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await expect(editor.node('Queue1')).toHaveCount(0);

  await editor.palette.add('queue');

  await expect(editor.node('Queue1')).toBeVisible();
  // "Keyboard and click: add the kind at the centre of the view" (Palette): it must be in view.
  await expect.poll(() => editor.canvas.isInView(editor.node('Queue1')), 'Queue1 lies inside the visible canvas').toBe(true);
  await editor.yaml.expectText((t) => {
    const block = resourceBlock(t, 'Queue1');
    expect(block, 'Queue1 is a resource').not.toBeNull();
    expect(block).toContain('Type: AWS::SQS::Queue');
  });
});

test('dragging the table item onto the canvas adds Table1, billed per request', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await expect(editor.node('Table1')).toHaveCount(0);

  await editor.palette.dragOntoCanvas('table');

  await expect(editor.node('Table1')).toBeVisible();
  await editor.yaml.expectText((t) => {
    const block = resourceBlock(t, 'Table1');
    expect(block, 'Table1 is a resource').not.toBeNull();
    expect(block).toContain('Type: AWS::DynamoDB::Table');
    expect(block).toContain('BillingMode: PAY_PER_REQUEST');
  });
});
