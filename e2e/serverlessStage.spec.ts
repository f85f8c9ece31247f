import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';

/** The serverless starter as shipped: `stage: ${opt:stage, 'dev'}`, `${sls:stage}` in a function's environment and the table's name, `${env:LOG_LEVEL, 'info'}` on the provider. */
const STARTER = readFileSync(new URL('../public/samples/serverless.yml', import.meta.url), 'utf8');

test('a serverless.yml is shown resolved for the chosen stage and env values, which survive a reload and never change the file', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  // a SAM template has no stage picker
  await expect(editor.stage.root()).toHaveCount(0);
  await editor.gallery.pick('serverless.yml');
  await expect(editor.node('handleOrder')).toBeVisible();
  await expect(editor.yaml.textbox()).toBeVisible();
  await editor.yaml.expectText((t) => expect(t).toBe(STARTER));

  // the file's own stage (`${opt:stage, 'dev'}` with no --stage) and the framework's default region
  await expect(editor.stage.stage()).toHaveValue('dev');
  await expect(editor.stage.region()).toHaveValue('us-east-1');

  // the field keeps what is written; what it comes to is shown under it
  await editor.canvas.select('handleOrder');
  await expect(editor.inspector.field('Value')).toHaveValue('${sls:stage}');
  await expect(editor.inspector.resolved('env-STAGE-value')).toHaveText('→ dev');
  await expect(editor.inspector.root().getByTestId('inspector.env')).toContainText("LOG_LEVEL = ${env:LOG_LEVEL, 'info'} → info (from provider)");

  await editor.stage.choose('prod');
  await expect(editor.stage.stage()).toHaveValue('prod');
  await expect(editor.inspector.resolved('env-STAGE-value')).toHaveText('→ prod');
  await expect(editor.inspector.field('Value')).toHaveValue('${sls:stage}');
  await editor.canvas.select('OrdersTable');
  await expect(editor.inspector.field('Table name')).toHaveValue('${self:service}-${sls:stage}');
  await expect(editor.inspector.resolved('inspector-TableName')).toHaveText('→ orders-prod');

  // ${env:LOG_LEVEL} takes the value given, in place of its fallback
  await editor.stage.setEnv('LOG_LEVEL', 'debug');
  await editor.canvas.select('handleOrder');
  await expect(editor.inspector.root().getByTestId('inspector.env')).toContainText("LOG_LEVEL = ${env:LOG_LEVEL, 'info'} → debug (from provider)");

  // choosing a stage is not an edit: the YAML and the downloaded file are the starter's bytes
  await editor.yaml.expectText((t) => expect(t).toBe(STARTER));
  const saved = await editor.download('download');
  expect(saved.bytes.toString('utf8')).toBe(STARTER);

  // a reload keeps the stage and the env value (they live in the browser with the work)
  await editor.reload();
  await expect(editor.stage.stage()).toHaveValue('prod');
  await expect(editor.stage.env()).toHaveAttribute('open', '');
  await expect(page.getByTestId('stage.env.LOG_LEVEL').getByLabel('Value of LOG_LEVEL')).toHaveValue('debug');
  await editor.canvas.select('handleOrder');
  await expect(editor.inspector.resolved('env-STAGE-value')).toHaveText('→ prod');
  await expect(editor.inspector.root().getByTestId('inspector.env')).toContainText('→ debug (from provider)');
  await editor.yaml.expectText((t) => expect(t).toBe(STARTER));

  // back to the file's default: an empty stage
  await editor.stage.choose('');
  await expect(editor.stage.stage()).toHaveValue('dev');
  await expect(editor.inspector.resolved('env-STAGE-value')).toHaveText('→ dev');
  await editor.yaml.expectText((t) => expect(t).toBe(STARTER));
});
