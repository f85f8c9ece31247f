import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ok, refused } from '../../../testing/edits.ts';

const SERVICE = `service: orders
provider:
  name: aws
functions:
  create:
    handler: create.handler # entry
    environment:
      STAGE: \${sls:stage}
  list: {handler: list.handler}
resources:
  Resources:
    Orders:
      Type: AWS::DynamoDB::Table
      Properties:
        BillingMode: PAY_PER_REQUEST
`;

test("a function's settings are its keys under functions.<name>", () => {
  assert.equal(
    ok(SERVICE, [
      { op: 'setProperty', resource: 'create', path: ['memorySize'], value: 512 },
      { op: 'setProperty', resource: 'create', path: ['environment', 'TABLE'], value: '${self:custom.table}' },
    ]),
    SERVICE.replace('      STAGE: ${sls:stage}\n', '      STAGE: ${sls:stage}\n      TABLE: ${self:custom.table}\n    memorySize: 512\n'),
  );
  assert.equal(
    ok(SERVICE, { op: 'setProperty', resource: 'list', path: ['environment', 'TABLE'], value: '${self:custom.table}' }),
    SERVICE.replace('  list: {handler: list.handler}', "  list: {handler: list.handler, environment: {TABLE: '${self:custom.table}'}}"),
  );
  assert.equal(ok(SERVICE, { op: 'deleteProperty', resource: 'create', path: ['environment', 'STAGE'] }), SERVICE.replace('    environment:\n      STAGE: ${sls:stage}\n', ''));
});

test("a resource's properties are under Properties, as in SAM", () => {
  assert.equal(
    ok(SERVICE, { op: 'setProperty', resource: 'Orders', path: ['Properties', 'TableClass'], value: 'STANDARD' }),
    SERVICE + '        TableClass: STANDARD\n',
  );
  refused(SERVICE, { op: 'deleteProperty', resource: 'Orders', path: ['Type'] }, 'EDIT_BAD_PATH');
  refused(SERVICE, { op: 'setProperty', resource: 'nope', path: ['timeout'], value: 3 }, 'EDIT_NO_SUCH_RESOURCE');
  refused(SERVICE, { op: 'setParameter', name: 'Stage', value: { Type: 'String' } }, 'EDIT_UNSUPPORTED_FORMAT');
});
