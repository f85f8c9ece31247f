import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';
import { resourceBlock } from './pages/yamlText.ts';

const EMPTY = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Drawn in Cairn

Resources:
`;

test('draw API -> Function -> Table on an empty canvas: the YAML has the event, a policy scoped to the table and env vars', async ({ page }) => {
  // three drops and two wires, each waiting for the canvas to settle: more than the default 30 s on two busy cores
  test.setTimeout(90_000);
  const editor = new EditorPage(page);
  await editor.open();
  await editor.yaml.replaceAll(EMPTY);
  await expect(editor.nodes()).toHaveCount(0);

  await editor.palette.dragOntoCanvas('http-api', { x: 0.15, y: 0.4 });
  await editor.palette.dragOntoCanvas('function', { x: 0.45, y: 0.4 });
  await editor.palette.dragOntoCanvas('table', { x: 0.75, y: 0.4 });
  await expect(editor.nodes()).toHaveCount(3);
  await expect(editor.node('HTTPAPI1')).toBeVisible();

  await editor.canvas.drawWire('HTTPAPI1', 'Function1');
  await editor.canvas.drawWire('Function1', 'Table1');
  await expect(editor.canvas.notice()).toHaveCount(0);
  await expect(editor.canvas.root().locator('.react-flow__edge')).toHaveCount(2);

  await editor.yaml.expectText((t) => {
    // the file starts exactly as it was: nothing above Resources changed
    expect(t.startsWith(EMPTY)).toBe(true);
    const fn = resourceBlock(t, 'Function1') ?? '';
    expect(fn).toContain('    Type: AWS::Serverless::Function\n');
    // the API triggers the function: an HttpApi event naming this API
    expect(fn).toMatch(/\n {6}Events:\n {8}\w+:\n {10}Type: HttpApi\n {10}Properties:\n {12}ApiId: !Ref HTTPAPI1\n/);
    // access to the table: a policy template scoped to that one table, never '*'
    expect(fn).toMatch(/\n {6}Policies:\n {8}- DynamoDB\w+Policy:\n {12}TableName: !Ref Table1\n/);
    expect(fn).not.toContain("'*'");
    // and the function is told where the table is
    expect(fn).toMatch(/\n {10}TABLE1_\w*NAME: !Ref Table1\n/);
    expect(resourceBlock(t, 'HTTPAPI1')).toContain('Type: AWS::Serverless::HttpApi');
    expect(resourceBlock(t, 'Table1')).toContain('Type: AWS::DynamoDB::Table');
  });
});

test('renaming a resource in the inspector updates every reference and keeps its wires', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const before = await editor.yaml.text();
  const mentions = before.split('OrdersTable').length - 1;
  expect(mentions).toBeGreaterThan(3);
  const wires = await editor.canvas.root().locator('.react-flow__edge').count();

  await editor.canvas.select('OrdersTable');
  await editor.inspector.set('Logical id', 'Orders');

  await expect(editor.node('Orders')).toBeVisible();
  await expect(editor.node('OrdersTable')).toHaveCount(0);
  await editor.yaml.expectText((t) => {
    // no reference to the old id is left (an output merely named OrdersTableName stays)
    expect(t).not.toMatch(/(Ref|GetAtt) OrdersTable\b|\$\{OrdersTable[}.]|^ {2}OrdersTable:/m);
    // every line that changed named the table, and now names it by its new id
    const a = before.split('\n');
    const b = t.split('\n');
    expect(b.length).toBe(a.length);
    const changed = a.map((line, i) => [line, b[i]!] as const).filter(([x, y]) => x !== y);
    expect(changed.length).toBeGreaterThan(3);
    for (const [x, y] of changed) expect(y).toBe(x.replaceAll('OrdersTable', 'Orders'));
  });
  await expect(editor.canvas.root().locator('.react-flow__edge')).toHaveCount(wires);
  await expect(editor.inspector.root()).toHaveAttribute('aria-label', 'Inspector: Orders');
});

test('on the Empty stack starter, dropped nodes stay where they were dropped and Resources becomes a block', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.gallery.pick('empty.yaml');
  await expect(editor.nodes()).toHaveCount(0);
  await editor.yaml.expectContains('Resources: {}');
  const view = () => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const before = await view();

  const canvas = (await editor.canvas.root().boundingBox())!;
  const drop = { x: canvas.x + canvas.width * 0.3, y: canvas.y + canvas.height * 0.3 };
  await editor.palette.dropAt('function', drop);
  await expect(editor.node('Function1')).toBeVisible();
  // the view neither moved nor zoomed in on the first node: it is under the point it was dropped at
  await page.waitForTimeout(400);
  expect(await view()).toBe(before);
  const box = (await editor.node('Function1').boundingBox())!;
  expect(drop.x).toBeGreaterThanOrEqual(box.x - 2);
  expect(drop.x).toBeLessThanOrEqual(box.x + box.width + 2);
  expect(drop.y).toBeGreaterThanOrEqual(box.y - 2);
  expect(drop.y).toBeLessThanOrEqual(box.y + box.height + 2);

  // `Resources: {}` turned into a block holding the new resource; nothing above it changed
  await editor.yaml.expectText((t) => {
    expect(t).not.toContain('Resources: {');
    expect(t).toContain('\nResources:\n  Function1:\n    Type: AWS::Serverless::Function\n');
    expect(t.startsWith("AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nDescription: A new stack.\n")).toBe(true);
  });
});
