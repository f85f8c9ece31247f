import { expect, test } from '@playwright/test';
import { EditorPage, sampleText } from './pages/EditorPage.ts';

test('download gives the template byte for byte; export gives an SVG of every node and a PNG', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  const yaml = await editor.download('download');
  expect(yaml.name).toBe('orders-api.yaml');
  expect(yaml.bytes.toString('utf8')).toBe(sampleText());

  const svg = await editor.download('export-svg');
  expect(svg.name).toBe('orders-api.svg');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  for (const id of ['OrdersApi', 'CreateOrderFunction', 'OrdersTable', 'ReceiptsBucket']) expect(text).toContain(`data-node="${id}"`);

  const png = await editor.download('export-png');
  expect(png.name).toBe('orders-api.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
});
