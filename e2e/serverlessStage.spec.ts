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

/** A service whose stages are in `params:`: a value only prod gives, and one only AWS can give. */
const PARAMS = `service: shop
provider:
  name: aws
  runtime: nodejs22.x
params:
  default:
    tableSuffix: test
    batch: 5
  prod:
    tableSuffix: live
    alarmEmail: ops@example.com
    batch: 50
functions:
  notify:
    handler: src/notify.handler
    environment:
      ALARM_EMAIL: \${param:alarmEmail}
      TABLE: \${self:service}-\${param:tableSuffix}
      API_KEY: \${ssm:/shop/api-key}
    events:
      - sqs:
          arn: !GetAtt Alarms.Arn
          batchSize: \${param:batch}
resources:
  Resources:
    Alarms:
      Type: AWS::SQS::Queue
`;

test('the stages of params: are offered; a variable only one stage gives is unresolved, and a diagnostic, for the others', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.open();
  await editor.openFiles([{ name: 'serverless.yml', buffer: Buffer.from(PARAMS) }]);
  await expect(editor.node('notify')).toBeVisible();
  await expect(editor.stage.stage()).toHaveValue('dev');
  await expect(editor.stage.stageChoice('dev')).toHaveAttribute('aria-pressed', 'true');
  await expect(editor.stage.stageChoice('prod')).toHaveAttribute('aria-pressed', 'false');

  await editor.canvas.select('notify');
  await expect(editor.inspector.resolved('env-ALARM_EMAIL-value')).toContainText('unresolved: ${param:alarmEmail} (nothing in the file gives it a value for stage dev)');
  await expect(editor.inspector.resolved('env-TABLE-value')).toHaveText('→ shop-test');
  await expect(editor.inspector.resolved('env-API_KEY-value')).toHaveText('unresolved: ${ssm:/shop/api-key} (read from AWS or a file when deployed)');
  await expect(editor.diagnostics()).toContainText('${param:alarmEmail} does not resolve for stage dev');

  await editor.stage.stageChoice('prod').click();
  await expect(editor.stage.stage()).toHaveValue('prod');
  await expect(editor.inspector.resolved('env-ALARM_EMAIL-value')).toHaveText('→ ops@example.com');
  await expect(editor.inspector.resolved('env-TABLE-value')).toHaveText('→ shop-live');
  await expect(editor.inspector.resolved('env-API_KEY-value')).toContainText('unresolved: ${ssm:/shop/api-key}');
  await expect(editor.diagnostics()).not.toContainText('SLS_UNRESOLVED_VARIABLE');

  // a trigger's event settings too: the field keeps the text, the note says what it is for prod
  await editor.wires.selectWithKeyboard('Alarms', 'trigger', 'notify');
  await expect(editor.wire.setting('sqs-1', 'batchSize')).toHaveValue('${param:batch}');
  await expect(editor.wire.resolved('sqs-1', 'batchSize')).toHaveText('→ 50');

  // a stage the file does not name, typed
  await editor.stage.choose('qa');
  await expect(editor.diagnostics()).toContainText('${param:alarmEmail} does not resolve for stage qa');
  await editor.yaml.expectText((t) => expect(t).toBe(PARAMS));
});
