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

  // drawn in the browser, every node's id and type line ends inside its box (12 px short of
  // its right edge), as on the canvas; a cut one ends in an ellipsis
  const view = await page.context().newPage();
  await view.setContent(text);
  const lines = await view.evaluate(`[...document.querySelectorAll('g[data-node]')].flatMap((g) => {
    const box = g.querySelector('rect');
    const texts = [...g.querySelectorAll('text')].slice(1);
    return texts.map((t) => ({ node: g.dataset.node, text: t.textContent, right: t.getBBox().x + t.getComputedTextLength(), limit: box.x.baseVal.value + box.width.baseVal.value - 12 }));
  })`) as Array<{ node: string; text: string; right: number; limit: number }>;
  expect(lines.length).toBeGreaterThan(10);
  for (const l of lines) expect(l.right, `${l.node}: "${l.text}"`).toBeLessThanOrEqual(l.limit + 0.5);
  // and each kind's glyph (CRON, SQS, ...) inside its coloured box
  const glyphs = await view.evaluate(`[...document.querySelectorAll('g[data-node]')].filter((g) => g.querySelectorAll('rect').length === 3).map((g) => {
    const box = g.querySelectorAll('rect')[2];
    return { node: g.dataset.node, width: g.querySelector('text').getComputedTextLength(), room: box.width.baseVal.value - 4 };
  })`) as Array<{ node: string; width: number; room: number }>;
  expect(glyphs.length).toBeGreaterThan(5);
  for (const g of glyphs) expect(g.width, g.node).toBeLessThanOrEqual(g.room);
  await view.close();
});
