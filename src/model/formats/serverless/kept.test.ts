import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keptSections } from './kept.ts';
import { openTemplate } from '../../template.ts';

test('kept: plugins by name and every section the canvas does not draw, in the file order', () => {
  const { parsed } = openTemplate(`service: lottery
frameworkVersion: "3"
provider:
  name: aws
constructs:
  lotteryQueue:
    type: queue
functions:
  worker:
    handler: h.run
plugins:
  - serverless-ruby-layer
  - serverless-lift
custom:
  tableName: \${self:service}-\${sls:stage}
  alertEmail: mail@example.com
resources:
  Resources:
    Table:
      Type: AWS::DynamoDB::Table
  Outputs:
    TableName:
      Value: !Ref Table
`);
  const kept = keptSections(parsed.value!);
  assert.deepEqual(kept.plugins, [
    { name: 'serverless-ruby-layer', path: ['plugins', 0] },
    { name: 'serverless-lift', path: ['plugins', 1] },
  ]);
  assert.deepEqual(kept.sections, [
    { key: 'frameworkVersion', path: ['frameworkVersion'], gist: '3' },
    { key: 'constructs', path: ['constructs'], gist: 'lotteryQueue' },
    { key: 'custom', path: ['custom'], gist: 'tableName, alertEmail' },
    { key: 'resources.Outputs', path: ['resources', 'Outputs'], gist: 'TableName' },
  ]);
});

test('kept: the long form of plugins (modules), and long gists cut to one line', () => {
  const many = Array.from({ length: 30 }, (_, i) => `key${i}: ${i}`).join('\n  ');
  const { parsed } = openTemplate(`service: s\nprovider: {name: aws}\nplugins:\n  localPath: ./plugins\n  modules:\n    - my-plugin\ncustom:\n  ${many}\n`);
  const kept = keptSections(parsed.value!);
  assert.deepEqual(kept.plugins, [{ name: 'my-plugin', path: ['plugins', 'modules', 0] }]);
  const custom = kept.sections.find((s) => s.key === 'custom')!;
  assert.ok(custom.gist.length <= 80 && custom.gist.endsWith('…') && custom.gist.startsWith('key0, key1'));
});
