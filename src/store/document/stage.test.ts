import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStore } from '../store.ts';
import { diagnose } from './diagnose.ts';
import { documentOpened, editsApplied, textEdited } from './slice.ts';
import { selectGraph, selectTemplate, selectVariableOptions } from './selectors.ts';
import { NO_STAGE, envValueRemoved, envValueSet, parseStage, regionChosen, stageChosen } from './stage.ts';
import { envNamesIn, selectEnvNamesUsed, selectResolver, selectStageChoices } from './stageSelectors.ts';

const SERVICE = `service: orders
provider:
  name: aws
  stage: \${opt:stage, 'dev'}
  region: \${param:region, 'eu-west-1'}
params:
  prod:
    queueName: orders-live
  staging:
    region: eu-central-1
custom:
  table: \${self:service}-\${sls:stage}
functions:
  hello:
    handler: index.hello
    environment:
      TABLE: \${self:custom.table}
      LEVEL: \${env:LOG_LEVEL}
      QUEUE: \${param:queueName}
      KEY: \${ssm:/orders/key}
`;

const CFN = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';

function opened(text = SERVICE) {
  const store = createStore();
  store.dispatch(documentOpened({ name: 'serverless.yml', text }));
  return store;
}

test('the stage, region and env values are chosen, cleared back to the defaults, and never touch the text', () => {
  const store = opened();
  store.dispatch(stageChosen(' prod '));
  store.dispatch(regionChosen('us-west-2'));
  store.dispatch(envValueSet({ name: 'LOG_LEVEL', value: 'debug' }));
  store.dispatch(envValueSet({ name: '1bad', value: 'x' }));
  assert.deepEqual(store.getState().stage, { stage: 'prod', region: 'us-west-2', env: { LOG_LEVEL: 'debug' } });
  assert.deepEqual(selectVariableOptions(store.getState()), { stage: 'prod', region: 'us-west-2', env: { LOG_LEVEL: 'debug' } });
  assert.equal(store.getState().document.text, SERVICE);
  assert.equal(store.getState().document.revision, 1, 'choosing a stage is not an edit: nothing to undo');
  store.dispatch(stageChosen(''));
  store.dispatch(regionChosen(null));
  store.dispatch(envValueRemoved('LOG_LEVEL'));
  assert.deepEqual(store.getState().stage, NO_STAGE);
  assert.deepEqual(selectVariableOptions(store.getState()), { env: {} });
});

test('a document opens with the stage kept for it, or with the file\'s defaults', () => {
  const store = opened();
  store.dispatch(stageChosen('prod'));
  store.dispatch(documentOpened({ name: 'other.yml', text: SERVICE }));
  assert.deepEqual(store.getState().stage, NO_STAGE);
  store.dispatch(documentOpened({ name: 'serverless.yml', text: SERVICE, stage: { stage: 'staging', region: null, env: { A: '1' } } }));
  assert.deepEqual(store.getState().stage, { stage: 'staging', region: null, env: { A: '1' } });
});

test('a stored stage is read back defensively', () => {
  assert.deepEqual(parseStage(null), NO_STAGE);
  assert.deepEqual(parseStage({ stage: 5, region: '  ', env: ['x'] }), NO_STAGE);
  assert.deepEqual(parseStage({ stage: 'prod', region: 'eu-west-1', env: { OK: 'v', 'bad name': 'v', N: 3 } }), { stage: 'prod', region: 'eu-west-1', env: { OK: 'v' } });
});

test('a serverless.yml is resolved for the chosen stage from the cached parse; its text never changes', () => {
  const store = opened();
  const dev = selectTemplate(store.getState());
  assert.equal(dev.variables?.stage, undefined);
  const resolver = selectResolver(store.getState())!;
  assert.equal(resolver.stage, 'dev');
  assert.equal(resolver.resolve('${self:custom.table}').value, 'orders-dev');

  store.dispatch(stageChosen('prod'));
  const prod = selectTemplate(store.getState());
  assert.notEqual(prod, dev, 'a new template for the new stage');
  assert.equal(prod.parsed, dev.parsed, 'the YAML is not parsed again');
  assert.equal(prod.text, SERVICE);
  assert.equal(selectResolver(store.getState())!.resolve('${self:custom.table}').value, 'orders-prod');
  assert.equal(selectResolver(store.getState())!.resolve('${param:queueName}').value, 'orders-live');
  // same stage again: the same template (nothing is rebuilt)
  assert.equal(selectTemplate(store.getState()), prod);
  // an unrelated graph: the same graph object across stages (nothing on the canvas to redraw)
  assert.equal(selectGraph(store.getState()), dev.graph);
});

test('a SAM template is not opened again when the stage changes', () => {
  const store = opened(CFN);
  const before = selectTemplate(store.getState());
  store.dispatch(stageChosen('prod'));
  store.dispatch(envValueSet({ name: 'X', value: '1' }));
  assert.equal(selectTemplate(store.getState()), before);
  assert.equal(selectResolver(store.getState()), null);
  assert.equal(selectStageChoices(store.getState()), null);
  assert.deepEqual(selectEnvNamesUsed(store.getState()), []);
});

test('env values resolve ${env:NAME}; what needs AWS stays as written', () => {
  const store = opened();
  assert.deepEqual(selectResolver(store.getState())!.resolve('${env:LOG_LEVEL}').unresolved.map((u) => u.reason), ['missing']);
  store.dispatch(envValueSet({ name: 'LOG_LEVEL', value: 'debug' }));
  const r = selectResolver(store.getState())!;
  assert.equal(r.resolve('${env:LOG_LEVEL}').value, 'debug');
  assert.deepEqual(r.resolve('${ssm:/orders/key}'), { value: '${ssm:/orders/key}', unresolved: [{ raw: '${ssm:/orders/key}', source: 'ssm', reason: 'external' }] });
});

test('the stage picker offers the default stage and the stages of params:, and says what the defaults are', () => {
  const store = opened();
  assert.deepEqual(selectStageChoices(store.getState()), { stage: 'dev', region: 'eu-west-1', defaultStage: 'dev', defaultRegion: 'eu-west-1', stages: ['dev', 'prod', 'staging'] });
  store.dispatch(stageChosen('staging'));
  // params.staging.region gives provider.region its value for that stage
  assert.deepEqual(selectStageChoices(store.getState()), { stage: 'staging', region: 'eu-central-1', defaultStage: 'dev', defaultRegion: 'eu-west-1', stages: ['dev', 'prod', 'staging'] });
  store.dispatch(stageChosen('qa'));
  store.dispatch(regionChosen('us-east-2'));
  assert.deepEqual(selectStageChoices(store.getState()), { stage: 'qa', region: 'us-east-2', defaultStage: 'dev', defaultRegion: 'eu-west-1', stages: ['dev', 'prod', 'staging', 'qa'] });
});

test('the env names a file uses are listed once, in the order written', () => {
  assert.deepEqual(envNamesIn({ a: '${env:B}-${env:A}', b: ['${env:B}', { c: 'x ${env:C, "d"}' }], d: 5 }), ['B', 'A', 'C']);
  assert.deepEqual(selectEnvNamesUsed(opened().getState()), ['LOG_LEVEL']);
});

test('SLS_UNRESOLVED_VARIABLE is worked out for the chosen stage', () => {
  const store = opened();
  const codes = () =>
    diagnose(selectTemplate(store.getState()))
      .diagnostics.filter((d) => d.code === 'SLS_UNRESOLVED_VARIABLE')
      .map((d) => d.message.slice(0, d.message.indexOf(': ')));
  // dev has no queueName in params
  assert.deepEqual(codes(), ['${param:queueName} does not resolve for stage dev']);
  store.dispatch(stageChosen('prod'));
  assert.deepEqual(codes(), []);
  store.dispatch(stageChosen('staging'));
  assert.deepEqual(codes(), ['${param:queueName} does not resolve for stage staging']);
  // an edit keeps the chosen stage
  store.dispatch(editsApplied([{ op: 'setProperty', resource: 'hello', path: ['memorySize'], value: 512 }]));
  assert.equal(selectTemplate(store.getState()).variables?.stage, 'staging');
  assert.deepEqual(codes(), ['${param:queueName} does not resolve for stage staging']);
});

test('the env names are not looked for again when only the stage changes', () => {
  // a text of its own: the caches hold nothing of it from the tests above
  const store = opened(`${SERVICE}# env names\n`);
  const first = selectEnvNamesUsed(store.getState());
  store.dispatch(stageChosen('prod'));
  assert.equal(selectEnvNamesUsed(store.getState()), first);
});

test('while the YAML does not parse, the stage picker and the resolver keep the last text that did', () => {
  const store = opened();
  store.dispatch(stageChosen('prod'));
  store.dispatch(textEdited(`${SERVICE}functions: [\n`));
  assert.equal(selectTemplate(store.getState()).parsed.blocked, true);
  assert.equal(selectStageChoices(store.getState())?.stage, 'prod');
  assert.equal(selectResolver(store.getState())?.resolve('${self:custom.table}').value, 'orders-prod');
});
