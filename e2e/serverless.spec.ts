import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openTemplate } from '../src/model/template.ts';
import { EditorPage } from './pages/EditorPage.ts';
import { changedLines, insertedLines, resourceBlock } from './pages/yamlText.ts';

/** A serverless.yml of the corpus: four functions on HTTP API events, sharing a role that reaches a table. */
const CORPUS_FILE = new URL('../../shared/corpus/serverless/examples__aws-node-http-api-typescript-dynamodb__serverless.yml', import.meta.url);

/** A function's entry under `functions` (its key is two spaces in, as a top-level resource's is). */
const functionBlock = (text: string, name: string) => resourceBlock(text, name) ?? '';

test('a serverless.yml: its functions, events and resources on the canvas; a queue trigger, a table access and a memory setting written in the framework\'s terms', async ({ page }) => {
  test.skip(!existsSync(CORPUS_FILE), 'the corpus (../shared/corpus/serverless) is not on this machine');
  const bytes = readFileSync(CORPUS_FILE);
  const { graph, format } = openTemplate(bytes.toString('utf8'));
  expect(format).toBe('serverless');
  const editor = new EditorPage(page);
  await editor.open();

  await editor.openFiles([{ name: 'serverless.yml', buffer: bytes }]);
  await expect(editor.documentName()).toHaveText('serverless.yml');

  // functions, the framework's HTTP API (made by the events) and the table of resources.Resources
  for (const id of ['create', 'list', 'get', 'update', 'HttpApi', 'TodosDynamoDbTable']) await expect(editor.node(id)).toBeVisible();
  await expect(editor.nodes()).toHaveCount(graph.nodes.length);
  for (const fn of ['create', 'list', 'get', 'update']) {
    await expect(editor.wires.edge('HttpApi', 'trigger', fn)).toHaveCount(1);
    await expect(editor.wires.edge(fn, 'access', 'TodosDynamoDbTable')).toHaveCount(1);
  }
  // only what a serverless.yml can take: no SAM APIs, no networks, no Parameters panel
  await expect(editor.palette.item('function')).toBeVisible();
  await expect(editor.palette.item('rest-api')).toHaveCount(0);
  await expect(editor.palette.item('virtual-network')).toHaveCount(0);
  await expect(editor.inspector.stack()).toHaveCount(0);

  // a new queue lands in resources.Resources; a wire from it to a function is an sqs event
  await editor.palette.add('queue');
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectContains('resources:\n  Resources:', '    Queue1:\n      Type: AWS::SQS::Queue');
  await editor.canvas.fitView();
  await editor.canvas.drawWire('Queue1', 'create');
  await editor.yaml.expectText((t) => {
    const fn = functionBlock(t, 'create');
    expect(fn).toMatch(/\n {6}- sqs:\n {10}arn: !GetAtt Queue1\.Arn\n/);
  });
  await expect(editor.wires.edge('Queue1', 'trigger', 'create')).toHaveCount(1);
  await expect(editor.canvas.notice()).toHaveCount(0);

  // a new table, and an access wire to it: a statement on the shared role scoped to the table, and its name in the environment
  await editor.palette.add('table');
  await expect(editor.node('Table1')).toBeVisible();
  await editor.canvas.fitView();
  const beforeAccess = await editor.yaml.text();
  await editor.canvas.drawWire('create', 'Table1');
  await editor.yaml.expectText((t) => {
    const added = insertedLines(beforeAccess, t).join('\n');
    expect(added).toContain('!GetAtt Table1.Arn');
    expect(added).not.toMatch(/Resource:\s*['"]?\*/);
    expect(added).toMatch(/dynamodb:\w+/);
    // on the role the service's functions share (provider.iam.role.statements), not on one function
    expect(t.slice(0, t.indexOf('\nfunctions:'))).toContain('            - !GetAtt Table1.Arn\n');
    expect(functionBlock(t, 'create')).toMatch(/\n {4}environment:\n {6}TABLE1_NAME: !Ref Table1\n/);
  });
  // the shared role gives every function the access: each draws its wire
  for (const fn of ['create', 'list', 'get', 'update']) await expect(editor.wires.edge(fn, 'access', 'Table1')).toHaveCount(1);
  // the wire inspector says the framework's one role gives every function this access
  await editor.wires.selectWithKeyboard('create', 'access', 'Table1');
  await expect(editor.wire.scope()).toContainText('every function of this service one role');
  // its access level changes the statement's actions in place, keeping its Resource
  await editor.wire.level('read').check();
  await editor.yaml.expectText((t) => {
    const role = t.slice(0, t.indexOf('\nfunctions:'));
    const statement = role.slice(role.lastIndexOf('- Effect: Allow'));
    expect(statement).toContain('!GetAtt Table1.Arn');
    expect(statement).toContain('dynamodb:GetItem');
    expect(statement).not.toContain('dynamodb:PutItem');
  });

  // the inspector edits a function under the framework's names: exactly the one line changes
  await editor.canvas.select('get');
  await expect(editor.inspector.root()).toHaveAttribute('aria-label', 'Inspector: get');
  await expect(editor.inspector.field('Handler')).toHaveValue('todos/get.get');
  const beforeMemory = await editor.yaml.text();
  await editor.inspector.set('Memory (MB)', '512');
  await editor.yaml.expectText((t) => expect(insertedLines(beforeMemory, t)).toEqual(['    memorySize: 512']));
  expect(functionBlock(await editor.yaml.text(), 'get')).toContain('    memorySize: 512\n');
  const before1024 = (await editor.yaml.text()).split('\n');
  await editor.inspector.set('Memory (MB)', '1024');
  await editor.yaml.expectText((t) => {
    const after = t.split('\n');
    expect(after.length).toBe(before1024.length);
    const changed = after.flatMap((l, i) => (l === before1024[i] ? [] : [[before1024[i], l]]));
    expect(changed).toEqual([['    memorySize: 512', '    memorySize: 1024']]);
  });
});

test('a serverless.yml\'s permissions that name nothing in it are listed, not lost: whom they apply to, their text, where they are', async ({ page }) => {
  const file = new URL('../../shared/corpus/serverless/examples__aws-node-text-analysis-via-sns-post-processing__serverless.yml', import.meta.url);
  test.skip(!existsSync(file), 'the corpus (../shared/corpus/serverless) is not on this machine');
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openFiles([{ name: 'serverless.yml', buffer: readFileSync(file) }]);
  await expect(editor.node('addNote')).toBeVisible();

  const item = editor.inspector.unwired().getByTestId('unwired.item.0');
  await expect(item).toContainText('Statement for addNote, analyzeNote');
  await expect(item).toContainText('Resource: "*"');
  await item.getByRole('button', { name: 'Show in YAML' }).click();
  await expect(editor.yaml.revealedLine()).toContainText('- Effect: "Allow"');
});

test('the serverless starter: a function\'s form shows what the provider gives every function', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.gallery.pick('serverless.yml');
  await expect(editor.documentName()).toHaveText('serverless.yml');
  for (const id of ['createOrder', 'getOrder', 'handleOrder', 'OrdersTable', 'OrderJobsQueue', 'HttpApi']) await expect(editor.node(id)).toBeVisible();
  await expect(editor.wires.edge('OrderJobsQueue', 'trigger', 'handleOrder')).toHaveCount(1);

  // the sqs event's settings, under the framework's names: the batch size is that one line
  const before = await editor.yaml.text();
  await editor.wires.selectWithKeyboard('OrderJobsQueue', 'trigger', 'handleOrder');
  await expect(editor.wire.setting('sqs-1', 'batchSize')).toHaveValue('10');
  await editor.wire.setSetting('sqs-1', 'batchSize', '5');
  await editor.yaml.expectText((t) => {
    const line = before.split('\n').indexOf('          batchSize: 10');
    expect(line).toBeGreaterThan(0);
    expect(changedLines(before, t)).toEqual([{ line, from: '          batchSize: 10', to: '          batchSize: 5' }]);
  });

  await editor.canvas.select('handleOrder');
  await expect(editor.inspector.field('Timeout (s)')).toHaveValue('60');
  await expect(editor.inspector.field('Memory (MB)')).toHaveAttribute('placeholder', '256 (from provider)');
  await expect(editor.inspector.root().getByTestId('inspector.env')).toContainText('ORDERS_TABLE_NAME = !Ref OrdersTable (from provider)');
  // the framework's generated API is not edited here
  await editor.canvas.select('HttpApi');
  await expect(editor.inspector.root()).toContainText('Created by the Serverless Framework');
});

test('a serverless.yml: a Timer from the palette is drawn, not written, until a wire to a function makes it a schedule event there', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.gallery.pick('serverless.yml');
  await expect(editor.node('handleOrder')).toBeVisible();
  const before = await editor.yaml.text();

  await editor.palette.add('timer');
  await expect(editor.node('Timer1')).toBeVisible();
  // a Timer has no resource: nothing is written yet, but a reload keeps it on the canvas
  expect(await editor.yaml.text()).toBe(before);
  await editor.reload();
  await expect(editor.node('Timer1')).toBeVisible();
  expect(await editor.yaml.text()).toBe(before);

  await editor.canvas.fitView();
  await editor.canvas.drawWire('Timer1', 'handleOrder');
  await editor.yaml.expectText((t) => expect(insertedLines(before, t)).toEqual(['      - schedule: rate(5 minutes)']));
  expect(functionBlock(await editor.yaml.text(), 'handleOrder')).toContain('          batchSize: 10\n      - schedule: rate(5 minutes)\n');
  // read back: the file's Timer (the function's second event) triggers it, and takes the draft's place
  await expect(editor.wires.edge('handleOrder.1', 'trigger', 'handleOrder')).toHaveCount(1);
  await expect(editor.node('Timer1')).toHaveCount(0);
  await expect(editor.canvas.notice()).toHaveCount(0);

  // a wire from that Timer to another function gives it the same schedule, as its own event
  const beforeCopy = await editor.yaml.text();
  await editor.canvas.fitView();
  await editor.canvas.drawWire('handleOrder.1', 'createOrder');
  await editor.yaml.expectText((t) => expect(insertedLines(beforeCopy, t)).toContain('      - schedule: rate(5 minutes)'));
  expect(functionBlock(await editor.yaml.text(), 'createOrder')).toContain('      - schedule: rate(5 minutes)\n');
  await expect(editor.canvas.notice()).toHaveCount(0);
});

test('a serverless.yml with plugins: what the canvas does not draw is listed and kept; a queue and a table wired to its function are the only change in the download', async ({ page }) => {
  const file = new URL('../../shared/corpus/serverless/examples__aws-ruby-sqs-with-dynamodb__serverless.yml', import.meta.url);
  test.skip(!existsSync(file), 'the corpus (../shared/corpus/serverless) is not on this machine');
  const original = readFileSync(file, 'utf8');
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openFiles([{ name: 'serverless.yml', buffer: Buffer.from(original) }]);
  await expect(editor.node('createLotteryCoupon')).toBeVisible();

  // the lift plugin's constructs, the custom values and both plugins are listed, and shown in the YAML on request
  const kept = await editor.inspector.kept();
  for (const id of ['kept.plugin.serverless-ruby-layer', 'kept.plugin.serverless-lift', 'kept.section.frameworkVersion', 'kept.section.custom']) await expect(kept.getByTestId(id)).toBeVisible();
  await expect(kept.getByTestId('kept.section.constructs')).toContainText('lotteryQueue');
  await kept.getByTestId('kept.section.constructs').getByRole('button', { name: 'Show in YAML' }).click();
  await expect(editor.yaml.revealedLine()).toContainText('constructs:');

  // a queue added with a click lands beside the function, not over it, so both can be wired at once
  await editor.palette.add('queue');
  await expect(editor.node('Queue1')).toBeVisible();
  const [q, f] = [await editor.node('Queue1').boundingBox(), await editor.node('createLotteryCoupon').boundingBox()];
  expect(q && f && (q.x + q.width <= f.x || f.x + f.width <= q.x || q.y + q.height <= f.y || f.y + f.height <= q.y)).toBe(true);
  await editor.canvas.fitView();
  await editor.canvas.drawWire('Queue1', 'createLotteryCoupon');
  await expect(editor.wires.edge('Queue1', 'trigger', 'createLotteryCoupon')).toHaveCount(1);
  // the file's statement already gives it the file's table; a new table gets a statement of its own
  await expect(editor.wires.edge('createLotteryCoupon', 'access', 'Table')).toHaveCount(1);
  await editor.palette.add('table');
  await expect(editor.node('Table1')).toBeVisible();
  await editor.canvas.fitView();
  await editor.canvas.drawWire('createLotteryCoupon', 'Table1');
  await expect(editor.wires.edge('createLotteryCoupon', 'access', 'Table1')).toHaveCount(1);
  await expect(editor.canvas.notice()).toHaveCount(0);

  const { bytes } = await editor.download('download');
  const saved = bytes.toString('utf8');
  // every line of the original is still there, in order; what was added is the queue, its event, the table and its access
  const added = insertedLines(original, saved);
  expect(added.join('\n')).toContain('Queue1:');
  expect(added.join('\n')).toMatch(/- sqs:\n\s+arn: !GetAtt Queue1\.Arn/);
  expect(added.join('\n')).toContain('- !GetAtt Table1.Arn');
  expect(added.join('\n')).toContain('TABLE1_NAME: !Ref Table1');
  expect(added.join('\n')).not.toMatch(/Resource:\s*['"]?\*/);
});
