import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openTemplate } from '../src/model/template.ts';
import { serializeLayout } from '../src/model/layout/sidecar.ts';
import { EditorPage } from './pages/EditorPage.ts';
import { resourceBlock } from './pages/yamlText.ts';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
/** SAM's own example: an API, a function, a user pool and its client (with trailing spaces on a blank line). */
const CORPUS_FILE = 'sam/serverless-application-model__examples__2016-10-31__api_cognito_auth__template.yaml';
// Each test opens two or three documents, and ELK lays each one out in a worker: on two
// shared cores that takes longer than the default 30 s.
test.describe.configure({ timeout: 90_000 });

const starter = (file: string) => readFileSync(new URL(`../public/samples/${file}`, import.meta.url));

test('a starter from the gallery opens with its nodes; Escape closes the gallery', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  await editor.gallery.open();
  await expect(editor.gallery.item('queue-worker.yaml')).toContainText('dead-letter queue');
  await expect(editor.gallery.item('empty.yaml')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor.gallery.root()).toHaveCount(0);
  await expect(editor.gallery.button()).toBeFocused();

  await editor.gallery.pick('queue-worker.yaml');
  await expect(editor.gallery.root()).toHaveCount(0);
  await expect(editor.documentName()).toHaveText('queue-worker.yaml');
  for (const id of ['JobsQueue', 'JobsDeadLetterQueue', 'WorkerFunction', 'DeadLetterAlarm']) await expect(editor.node(id)).toBeVisible();
  await expect(editor.nodes()).toHaveCount(4);
  await editor.yaml.expectText((t) => expect(t).toBe(starter('queue-worker.yaml').toString('utf8')));
});

test('Tab stays inside the gallery', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.gallery.open();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 3 ? 'Tab' : 'Shift+Tab');
    expect(await editor.gallery.root().evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
});

test('a corpus template opens through the file input with its nodes and wires, and downloads byte for byte', async ({ page }) => {
  test.skip(!existsSync(CORPUS), 'the corpus (../shared/corpus) is not on this machine');
  const bytes = readFileSync(new URL(CORPUS_FILE, CORPUS));
  const { graph } = openTemplate(bytes.toString('utf8'));
  const editor = new EditorPage(page);
  await editor.open();

  await editor.openFiles([{ name: 'template.yaml', buffer: bytes }]);

  await expect(editor.documentName()).toHaveText('template.yaml');
  for (const n of graph.nodes) await expect(editor.node(n.id)).toBeVisible();
  await expect(editor.nodes()).toHaveCount(graph.nodes.length);
  await expect(editor.canvas.wires()).toHaveCount(graph.edges.filter((e) => e.kind !== 'containment').length);
  expect(graph.edges.length).toBeGreaterThanOrEqual(4);
  const downloaded = await editor.download('download');
  expect(downloaded.name).toBe('template.yaml');
  expect(downloaded.bytes.equals(bytes)).toBe(true);
});

test('a template dropped with its layout opens with the nodes where the layout put them', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const layout = serializeLayout({
    version: 1,
    nodes: { ItemsApi: { x: 0, y: 0 }, ItemsTable: { x: 600, y: 120 }, ReadItemsFunction: { x: 300, y: -60 }, WriteItemsFunction: { x: 300, y: 180 } },
  });

  await editor.dropFiles(
    [
      { name: 'rest-api-crud.yaml', buffer: starter('rest-api-crud.yaml') },
      { name: 'rest-api-crud.yaml.cairn.json', buffer: Buffer.from(layout) },
    ],
    editor.canvas.root(),
    async () => {
      await expect(editor.dropZone()).toBeVisible();
      await expect(editor.dropZone()).toContainText('Drop to open');
    },
  );

  await expect(editor.dropZone()).toHaveCount(0);
  await expect(editor.documentName()).toHaveText('rest-api-crud.yaml');
  await expect(editor.node('ItemsTable')).toBeVisible();
  await expect(editor.nodes()).toHaveCount(4);
  const saved = await editor.download('download-layout');
  expect(saved.name).toBe('rest-api-crud.yaml.cairn.json');
  expect(saved.bytes.toString('utf8')).toBe(layout);
});

test('opening another document with unsaved changes asks first: cancel, download, discard', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.palette.add('topic');
  await editor.yaml.expectContains('  Topic1:');

  // Cancel: nothing changes
  await editor.gallery.pick('empty.yaml');
  await expect(editor.unsaved.root()).toBeVisible();
  await expect(editor.unsaved.answer('download')).toBeFocused();
  await editor.unsaved.answer('cancel').click();
  await expect(editor.unsaved.root()).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(editor.gallery.root()).toHaveCount(0);
  await expect(editor.node('Topic1')).toBeVisible();

  // Download, then open: the work is in the file, and the new document is open
  const text = await editor.yaml.text();
  await editor.gallery.pick('empty.yaml');
  const kept = await editor.downloadBy(editor.unsaved.answer('download'));
  expect(kept.name).toBe('orders-api.yaml');
  expect(kept.bytes.toString('utf8')).toBe(text);
  await expect(editor.documentName()).toHaveText('empty.yaml');
  await expect(editor.nodes()).toHaveCount(0);

  // Discard: asked again only once there are new changes
  await editor.palette.add('queue');
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.gallery.pick('scheduled-job.yaml');
  await editor.unsaved.answer('discard').click();
  await expect(editor.documentName()).toHaveText('scheduled-job.yaml');
  await expect(editor.node('Queue1')).toHaveCount(0);
  await expect(editor.node('DailyReportFunction')).toBeVisible();

  // a document just opened has nothing to lose: no question
  await editor.gallery.pick('queue-worker.yaml');
  await expect(editor.documentName()).toHaveText('queue-worker.yaml');
  await expect(editor.unsaved.root()).toHaveCount(0);
});

test('a binary or oversized file is refused with its code, and the open document stays as it was', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.palette.add('queue');
  await editor.yaml.expectContains('  Queue1:');
  const before = await editor.yaml.text();

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await editor.openFiles([{ name: 'diagram.png', buffer: png, mimeType: 'image/png' }]);
  await expect(editor.openError()).toContainText('FILE_BINARY');
  await expect(editor.openError()).toContainText('“diagram.png” is a PNG image');

  await editor.dropFiles([{ name: 'huge.yaml', buffer: Buffer.alloc(1024 * 1024 + 1, 'a') }]);
  await expect(editor.openError()).toContainText('FILE_TOO_BIG');
  await expect(editor.openError()).toContainText('up to 1 MB');

  await editor.openFiles([{ name: 'package.json', buffer: Buffer.from('{"name": "app", "version": "1.0.0"}') }]);
  await expect(editor.openError()).toContainText('FILE_UNKNOWN_FORMAT');

  await expect(editor.unsaved.root()).toHaveCount(0);
  await expect(editor.documentName()).toHaveText('orders-api.yaml');
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectText((t) => expect(t).toBe(before));
});

test('YAML that does not parse opens anyway: the panel shows it, the canvas and a notice say why', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const broken = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: [oops\n';

  await editor.openFiles([{ name: 'broken.yaml', buffer: Buffer.from(broken) }]);

  await expect(editor.documentName()).toHaveText('broken.yaml');
  await editor.yaml.expectText((t) => expect(t).toBe(broken));
  await expect(editor.openNotice()).toContainText('does not parse');
  await expect(editor.canvas.staleBanner()).toContainText('fix it in the YAML panel');
  await expect(editor.nodes()).toHaveCount(0);
});

test('the resource picker finds a type by words and adds it with Enter, or by dragging it onto the canvas', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();

  await editor.picker.open();
  await editor.picker.search('sqs q');
  await expect(editor.picker.items().first()).toHaveAttribute('data-testid', 'resource-picker.item.AWS::SQS::Queue');
  await expect(editor.picker.item('AWS::SQS::Queue')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(editor.picker.item('AWS::SQS::Queue')).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');

  await expect(editor.picker.root()).toHaveCount(0);
  await expect(editor.node('Queue1')).toBeVisible();
  await editor.yaml.expectText((t) => expect(resourceBlock(t, 'Queue1')?.trimEnd()).toBe('  Queue1:\n    Type: AWS::SQS::Queue'));

  await editor.picker.open();
  await editor.picker.search('EventBus');
  await expect(editor.picker.item('AWS::Events::EventBus')).toContainText('Requires Name');
  await editor.picker.dragOntoCanvas('AWS::Events::EventBus');
  await expect(editor.node('EventBus1')).toBeVisible();
  await editor.yaml.expectText((t) => expect(resourceBlock(t, 'EventBus1')).toContain('Name: !Sub ${AWS::StackName}-EventBus1'));

  // a type whose required properties have no obvious value: added honestly, and what is missing is said
  await editor.picker.open();
  await editor.picker.search('pipes pipe');
  await page.keyboard.press('Enter');
  await expect(editor.node('Pipe1')).toBeVisible();
  await expect(editor.canvas.hint()).toContainText('It still needs RoleArn, Source, Target');
  await expect(editor.canvas.notice()).toHaveCount(0);
  await expect(page.getByTestId('inspector.required')).toContainText('Still needs RoleArn, Source, Target');
  await editor.yaml.expectText((t) => expect(resourceBlock(t, 'Pipe1')?.trimEnd()).toBe('  Pipe1:\n    Type: AWS::Pipes::Pipe'));
});

test('Ctrl+S downloads the template and counts it as saved: the next document opens without a question', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.palette.add('queue');
  await editor.yaml.expectContains('  Queue1:');
  const text = await editor.yaml.text();

  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toBe('orders-api.yaml');
  expect(readFileSync((await download.path())!, 'utf8')).toBe(text);

  await editor.gallery.pick('empty.yaml');
  await expect(editor.documentName()).toHaveText('empty.yaml');
  await expect(editor.unsaved.root()).toHaveCount(0);
});

test('a hostile file name is shown and downloaded as plain, safe text', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  const dialogs: string[] = [];
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));

  await editor.openFiles([{ name: '<img src=x onerror=alert(1)>\u202eLMAY.yaml', buffer: starter('empty.yaml') }]);

  await expect(editor.documentName()).toHaveText('_img src=x onerror=alert(1)_LMAY.yaml');
  const saved = await editor.download('download');
  expect(saved.bytes.equals(starter('empty.yaml'))).toBe(true);
  expect(saved.name).not.toContain('\u202e');
  expect(dialogs, 'no script ran').toEqual([]);
});
