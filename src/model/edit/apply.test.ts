import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdit, applyEdits } from './apply.ts';
import type { Edit } from './types.ts';
import { openTemplate } from '../template.ts';
import { changedWindow } from '../testing/oracle.ts';

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Orders service # trailing

Parameters:
  Stage:
    Type: String
    Default: dev

Resources:
  # Handles orders
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler   # aligned comment
      Runtime: nodejs20.x
      Timeout: 3
      Environment:
        Variables:
          STAGE: !Ref Stage

  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      TableName: !Sub '\${AWS::StackName}-\${Stage}-orders'

Outputs:
  TableArn:
    Value: !GetAtt OrdersTable.Arn
`;

function ok(text: string, edit: Edit | Edit[]): string {
  const r = applyEdits(text, Array.isArray(edit) ? edit : [edit]);
  if (!r.ok) assert.fail(r.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n'));
  return r.text;
}

function fails(text: string, edit: Edit, code: string): void {
  const r = applyEdit(text, edit);
  assert.equal(r.ok, false, 'expected the edit to be refused');
  if (!r.ok) assert.equal(r.diagnostics[0]!.code, code);
}

/** Lines added and removed, as a compact diff for exact expectations. */
function diff(before: string, after: string): { removed: string[]; added: string[] } {
  const w = changedWindow(before, after);
  if (!w) return { removed: [], added: [] };
  return { removed: before.split('\n').slice(w.start, w.endBefore), added: after.split('\n').slice(w.start, w.endAfter) };
}

describe('setProperty / deleteProperty', () => {
  test('replacing a scalar changes one line and keeps its comment', () => {
    const out = ok(SAM, { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'Handler'], value: 'app.main' });
    assert.deepEqual(diff(SAM, out), { removed: ['      Handler: index.handler   # aligned comment'], added: ['      Handler: app.main   # aligned comment'] });
  });

  test('a new property is appended to its mapping in the file style', () => {
    const out = ok(SAM, { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'MemorySize'], value: 512 });
    assert.deepEqual(diff(SAM, out), { removed: [], added: ['      MemorySize: 512'] });
  });

  test('missing intermediate mappings are created in one block', () => {
    const out = ok(SAM, { op: 'setProperty', resource: 'OrdersTable', path: ['Properties', 'StreamSpecification', 'StreamViewType'], value: 'NEW_IMAGE' });
    assert.deepEqual(diff(SAM, out).added, ['      StreamSpecification:', '        StreamViewType: NEW_IMAGE']);
  });

  test('values that would change type are quoted; intrinsics use the short form', () => {
    const out = ok(SAM, [
      { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'Description'], value: '054676820928' },
      { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'Role'], value: { 'Fn::GetAtt': ['Role', 'Arn'] } },
      { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'CodeUri'], value: { 'Fn::Sub': 's3://${Bucket}/code.zip' } },
    ]);
    assert.deepEqual(diff(SAM, out).added, ["      Description: '054676820928'", '      Role: !GetAtt Role.Arn', '      CodeUri: !Sub s3://${Bucket}/code.zip']);
    assert.equal((openTemplate(out).parsed.value!['Resources'] as Record<string, { Properties: Record<string, unknown> }>)['OrdersFunction']!.Properties['Description'], '054676820928');
  });

  test('a tagged value replaced by a literal loses its tag', () => {
    const out = ok(SAM, { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'Environment', 'Variables', 'STAGE'], value: 'prod' });
    assert.deepEqual(diff(SAM, out), { removed: ['          STAGE: !Ref Stage'], added: ['          STAGE: prod'] });
  });

  test('deleting a property removes its lines; deleting the last one removes the empty parent', () => {
    const out = ok(SAM, { op: 'deleteProperty', resource: 'OrdersFunction', path: ['Properties', 'Environment', 'Variables', 'STAGE'] });
    assert.deepEqual(diff(SAM, out), { removed: ['      Environment:', '        Variables:', '          STAGE: !Ref Stage'], added: [] });
  });

  test('list items are addressed by index', () => {
    const text = 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Layers:\n        - !Ref A\n        - !Ref B\n';
    assert.equal(ok(text, { op: 'setProperty', resource: 'F', path: ['Properties', 'Layers', 1], value: { Ref: 'C' } }), text.replace('!Ref B', '!Ref C'));
    assert.equal(ok(text, { op: 'setProperty', resource: 'F', path: ['Properties', 'Layers', 2], value: { Ref: 'C' } }), text + '        - !Ref C\n');
    assert.equal(ok(text, { op: 'deleteProperty', resource: 'F', path: ['Properties', 'Layers', 0] }), text.replace('        - !Ref A\n', ''));
  });

  test('refusals have codes and change nothing', () => {
    fails(SAM, { op: 'setProperty', resource: 'Nope', path: ['Properties', 'X'], value: 1 }, 'EDIT_NO_SUCH_RESOURCE');
    fails(SAM, { op: 'deleteProperty', resource: 'OrdersFunction', path: ['Type'] }, 'EDIT_BAD_PATH');
    fails(SAM, { op: 'setProperty', resource: 'OrdersFunction', path: ['Properties', 'Handler', 'X'], value: 1 }, 'EDIT_PATH_BLOCKED');
    fails(SAM, { op: 'setProperty', resource: 'OrdersFunction', path: [], value: 1 }, 'EDIT_BAD_PATH');
    fails('Resources: [1, 2\n', { op: 'addResource', resource: 'A', type: 'AWS::SQS::Queue' }, 'EDIT_TEMPLATE_UNREADABLE');
    fails(SAM, { op: 'bogus' } as unknown as Edit, 'EDIT_UNKNOWN_OP');
  });
});

describe('an empty flow mapping under a block key', () => {
  const EMPTY = `AWSTemplateFormatVersion: '2010-09-09'
Description: A new stack.

# Add nodes from the palette
Resources: {}
`;

  test('its first entry is written as a block under the key, changing only that line', () => {
    const out = ok(EMPTY, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 60 } });
    assert.equal(out, EMPTY.replace('Resources: {}\n', 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n'));
    assert.deepEqual(diff(EMPTY, out).removed, ['Resources: {}']);
    // and the next one follows it as in any block of resources (set apart by a blank line)
    const two = ok(out, { op: 'addResource', resource: 'Topic', type: 'AWS::SNS::Topic' });
    assert.ok(two.endsWith('      VisibilityTimeout: 60\n\n  Topic:\n    Type: AWS::SNS::Topic\n'), two);
  });

  test("a comment after the braces moves up to the key's line", () => {
    const text = EMPTY.replace('Resources: {}', 'Resources: {}   # none yet');
    const out = ok(text, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' });
    assert.deepEqual(diff(text, out), { removed: ['Resources: {}   # none yet'], added: ['Resources: # none yet', '  Jobs:', '    Type: AWS::SQS::Queue'] });
  });

  test('the indentation is the key\'s own plus the file\'s step, deeper down too', () => {
    const text = `Resources:
    Fn:
        Type: AWS::Serverless::Function
        Properties:
            Environment:
                Variables: {}
`;
    const out = ok(text, { op: 'setProperty', resource: 'Fn', path: ['Properties', 'Environment', 'Variables', 'STAGE'], value: 'dev' });
    assert.deepEqual(diff(text, out), { removed: ['                Variables: {}'], added: ['                Variables:', '                    STAGE: dev'] });
  });

  test('inside a flow collection, or with a tag on the braces, the entry stays in flow style', () => {
    const flow = `Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties: {Tags: {}}
`;
    const out = ok(flow, { op: 'setProperty', resource: 'Q', path: ['Properties', 'Tags', 'Team'], value: 'web' });
    assert.deepEqual(diff(flow, out), { removed: ['    Properties: {Tags: {}}'], added: ['    Properties: {Tags: {Team: web}}'] });
    const tagged = EMPTY.replace('Resources: {}', 'Resources: !Custom {}');
    const t = applyEdits(tagged, [{ op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' }]);
    if (t.ok) assert.ok(t.text.includes('Resources: !Custom {Jobs: {Type: AWS::SQS::Queue}}'), t.text);
  });
});

describe('addResource / removeResource / renameResource', () => {
  test('a new resource follows the blank-line separation of its neighbours', () => {
    const out = ok(SAM, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 60 } });
    assert.equal(out, SAM.replace("-orders'\n", "-orders'\n\n  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 60\n"));
  });

  test('names are validated and must be free', () => {
    fails(SAM, { op: 'addResource', resource: 'Bad-Name', type: 'AWS::SQS::Queue' }, 'EDIT_BAD_NAME');
    fails(SAM, { op: 'addResource', resource: 'OrdersTable', type: 'AWS::SQS::Queue' }, 'EDIT_NAME_TAKEN');
    fails(SAM, { op: 'addResource', resource: 'Stage', type: 'AWS::SQS::Queue' }, 'EDIT_NAME_TAKEN');
    fails(SAM, { op: 'addResource', resource: 'Q', type: '../../etc' }, 'EDIT_BAD_TYPE');
    fails(SAM, { op: 'renameResource', resource: 'OrdersTable', to: 'OrdersFunction' }, 'EDIT_NAME_TAKEN');
  });

  test('rename updates Ref, GetAtt (both forms), Sub, DependsOn and Outputs, and nothing else', () => {
    const text = `Resources:
  Table:
    Type: AWS::DynamoDB::Table
  TableX:
    Type: AWS::SQS::Queue
    DependsOn: [Table, Other]
    Properties:
      A: !Ref Table
      B: !GetAtt Table.StreamArn
      C: !GetAtt [Table, Arn]
      D: !Sub 'arn:\${Table}/\${Table.Arn}/\${TableX}/\${!Table}'
      E: {"Fn::GetAtt": "Table.Arn"}
      F: !Sub ['\${Table}', {Table: x}]
      G: Table
Outputs:
  O:
    Value: {Ref: Table}
`;
    const out = ok(text, { op: 'renameResource', resource: 'Table', to: 'Orders' });
    assert.equal(
      out,
      `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
  TableX:
    Type: AWS::SQS::Queue
    DependsOn: [Orders, Other]
    Properties:
      A: !Ref Orders
      B: !GetAtt Orders.StreamArn
      C: !GetAtt [Orders, Arn]
      D: !Sub 'arn:\${Orders}/\${Orders.Arn}/\${TableX}/\${!Table}'
      E: {"Fn::GetAtt": "Orders.Arn"}
      F: !Sub ['\${Table}', {Table: x}]
      G: Table
Outputs:
  O:
    Value: {Ref: Orders}
`,
    );
  });

  test('remove takes the wires that only it needed and leaves other references for the diagnostics', () => {
    const text = ok(SAM, [
      { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' },
      { op: 'connect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access' },
      { op: 'connect', source: 'Jobs', target: 'OrdersFunction', kind: 'trigger' },
    ]);
    const out = ok(text, { op: 'removeResource', resource: 'OrdersTable' });
    assert.ok(!out.includes('OrdersTable'), out);
    assert.ok(out.includes('JobsEvent'));
    assert.ok(out.includes('STAGE: !Ref Stage'));
    assert.ok(!out.includes('TableArn:'), 'the output that reported the table goes too');
    const back = ok(out, { op: 'removeResource', resource: 'Jobs' });
    assert.ok(!back.includes('Jobs') && !back.includes('Events:'), back);
  });

  test('DependsOn naming a removed resource is removed, a list keeps its other names', () => {
    const text = 'Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n  C:\n    Type: AWS::SQS::Queue\n    DependsOn:\n      - A\n      - B\n';
    assert.equal(ok(text, { op: 'removeResource', resource: 'A' }), 'Resources:\n  B:\n    Type: AWS::SQS::Queue\n  C:\n    Type: AWS::SQS::Queue\n    DependsOn:\n      - B\n');
  });
});

describe('connect / disconnect', () => {
  const withQueue = ok(SAM, { op: 'addResource', resource: 'Jobs', type: 'AWS::SQS::Queue' });

  test('access: a policy template scoped to the table and env vars naming it', () => {
    const out = ok(SAM, { op: 'connect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access' });
    assert.deepEqual(diff(SAM, out).added, [
      '          ORDERS_TABLE_NAME: !Ref OrdersTable',
      '          ORDERS_TABLE_ARN: !GetAtt OrdersTable.Arn',
      '      Policies:',
      '        - DynamoDBCrudPolicy:',
      '            TableName: !Ref OrdersTable',
    ]);
    const g = openTemplate(out).graph;
    assert.ok(g.edges.some((e) => e.source === 'OrdersFunction' && e.target === 'OrdersTable' && e.kind === 'access'));
    fails(out, { op: 'connect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access' }, 'WIRE_EXISTS');
  });

  test('access at read level uses the read-only template', () => {
    const out = ok(SAM, { op: 'connect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access', level: 'read' });
    assert.ok(out.includes('- DynamoDBReadPolicy:'));
  });

  test('access then disconnect gives back the original text', () => {
    const out = ok(SAM, { op: 'connect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access' });
    assert.equal(ok(out, { op: 'disconnect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access' }), SAM);
  });

  test('trigger: an SQS event on the function; disconnect removes it', () => {
    const out = ok(withQueue, { op: 'connect', source: 'Jobs', target: 'OrdersFunction', kind: 'trigger' });
    assert.deepEqual(diff(withQueue, out).added, ['      Events:', '        JobsEvent:', '          Type: SQS', '          Properties:', '            Queue: !GetAtt Jobs.Arn', '            BatchSize: 10']);
    assert.equal(ok(out, { op: 'disconnect', source: 'Jobs', target: 'OrdersFunction', kind: 'trigger' }), withQueue);
  });

  test('trigger from an event bus: an EventBridgeRule event naming the bus, read back as the wire', () => {
    const withBus = ok(SAM, { op: 'addResource', resource: 'Bus', type: 'AWS::Events::EventBus', properties: { Name: 'orders' } });
    const out = ok(withBus, { op: 'connect', source: 'Bus', target: 'OrdersFunction', kind: 'trigger' });
    assert.deepEqual(diff(withBus, out).added, ['      Events:', '        BusEvent:', '          Type: EventBridgeRule', '          Properties:', '            EventBusName: !Ref Bus', '            Pattern:', '              source:', '                - my.app']);
    assert.ok(openTemplate(out).graph.edges.some((e) => e.source === 'Bus' && e.target === 'OrdersFunction' && e.kind === 'trigger'));
    assert.equal(ok(out, { op: 'disconnect', source: 'Bus', target: 'OrdersFunction', kind: 'trigger' }), withBus);
  });

  test('trigger from a new Timer: a Schedule event named after it, read back as that Timer', () => {
    const out = ok(SAM, { op: 'connect', source: 'Timer1', target: 'OrdersFunction', kind: 'trigger', newSource: 'timer' });
    assert.deepEqual(diff(SAM, out).added, ['      Events:', '        Timer1:', '          Type: Schedule', '          Properties:', '            Schedule: rate(5 minutes)']);
    assert.ok(openTemplate(out).graph.edges.some((e) => e.source === 'OrdersFunction.Timer1' && e.target === 'OrdersFunction' && e.kind === 'trigger'));
    fails(SAM, { op: 'connect', source: 'Timer1', target: 'OrdersFunction', kind: 'trigger' }, 'EDIT_NO_SUCH_RESOURCE');
  });

  test('trigger from a table turns on its stream', () => {
    const out = ok(SAM, { op: 'connect', source: 'OrdersTable', target: 'OrdersFunction', kind: 'trigger' });
    assert.ok(out.includes('StreamSpecification:'));
    assert.ok(out.includes('Stream: !GetAtt OrdersTable.StreamArn'));
  });

  test('wires that cannot exist are refused with the reason', () => {
    const r = applyEdit(SAM, { op: 'connect', source: 'OrdersTable', target: 'OrdersFunction', kind: 'access' });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.diagnostics[0]!.code, 'WIRE_NOT_ALLOWED');
      assert.match(r.diagnostics[0]!.message, /only Functions/);
    }
    fails(withQueue, { op: 'connect', source: 'OrdersFunction', target: 'Jobs', kind: 'trigger' }, 'WIRE_NOT_ALLOWED');
    fails(SAM, { op: 'disconnect', source: 'OrdersFunction', target: 'OrdersTable', kind: 'access' }, 'WIRE_NOT_FOUND');
  });
});

describe('parameters and outputs', () => {
  test('set, rename (with references) and remove', () => {
    let out = ok(SAM, { op: 'setParameter', name: 'Stage', path: ['Default'], value: 'prod' });
    assert.deepEqual(diff(SAM, out), { removed: ['    Default: dev'], added: ['    Default: prod'] });
    out = ok(SAM, { op: 'renameParameter', name: 'Stage', to: 'Env' });
    assert.ok(out.includes('STAGE: !Ref Env') && out.includes('${AWS::StackName}-${Env}-orders') && out.includes('  Env:\n'));
    fails(SAM, { op: 'removeParameter', name: 'Stage' }, 'EDIT_IN_USE');
    out = ok(SAM, { op: 'setParameter', name: 'Retention', value: { Type: 'Number', Default: 7 } });
    assert.deepEqual(diff(SAM, out).added, ['  Retention:', '    Type: Number', '    Default: 7']);
    out = ok(SAM, { op: 'removeOutput', name: 'TableArn' });
    assert.ok(!out.includes('Outputs:'));
    out = ok(SAM, { op: 'setOutput', name: 'Fn', value: { Value: { Ref: 'OrdersFunction' } } });
    assert.ok(out.endsWith('  Fn:\n    Value: !Ref OrdersFunction\n'));
  });
});

/** Line-by-line changes of an edit that keeps the line count (renames). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(a.length, b.length);
  const at = a.map((_, i) => i).filter((i) => a[i] !== b[i]);
  return { removed: at.map((i) => a[i]!), added: at.map((i) => b[i]!) };
}

describe('conditions', () => {
  const COND = `Parameters:
  Stage:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsEu:
    Fn::Equals: [!Ref 'AWS::Region', eu-west-1]
  ProdInEu: !And [!Condition IsProd, {Condition: IsEu}]
Resources:
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Condition: IsProd # only in prod
    Properties:
      Threshold: !If [IsProd, 10, 100]
      Period:
        Fn::If:
          - IsEu
          - 60
          - 300
Outputs:
  AlarmName:
    Condition: ProdInEu
    Value: !Ref Alarm
`;
  test('rename follows every use: attributes, Fn::If (both forms), Condition inside conditions', () => {
    const out = ok(COND, { op: 'renameCondition', name: 'IsProd', to: 'IsProduction' });
    assert.deepEqual(changedLines(COND, out), {
      removed: ['  IsProd: !Equals [!Ref Stage, prod]', '  ProdInEu: !And [!Condition IsProd, {Condition: IsEu}]', '    Condition: IsProd # only in prod', '      Threshold: !If [IsProd, 10, 100]'],
      added: ['  IsProduction: !Equals [!Ref Stage, prod]', '  ProdInEu: !And [!Condition IsProduction, {Condition: IsEu}]', '    Condition: IsProduction # only in prod', '      Threshold: !If [IsProduction, 10, 100]'],
    });
    const eu = ok(COND, { op: 'renameCondition', name: 'IsEu', to: 'InEurope' });
    assert.deepEqual(changedLines(COND, eu).added, ['  InEurope:', '  ProdInEu: !And [!Condition IsProd, {Condition: InEurope}]', '          - InEurope']);
  });
  test('remove is refused while the condition is used, and allowed once it is not', () => {
    fails(COND, { op: 'removeCondition', name: 'IsEu' }, 'EDIT_IN_USE');
    fails(COND, { op: 'removeCondition', name: 'Nope' }, 'EDIT_NOT_FOUND');
    const noOutput = ok(COND, { op: 'removeOutput', name: 'AlarmName' });
    const out = ok(noOutput, { op: 'removeCondition', name: 'ProdInEu' });
    assert.deepEqual(diff(noOutput, out), { removed: ['  ProdInEu: !And [!Condition IsProd, {Condition: IsEu}]'], added: [] });
  });
  test('set adds a condition in the file style, or replaces one', () => {
    let out = ok(COND, { op: 'setCondition', name: 'IsDev', value: { 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] } });
    assert.deepEqual(diff(COND, out), { removed: [], added: ['  IsDev: !Equals [!Ref Stage, dev]'] });
    out = ok(COND, { op: 'setCondition', name: 'IsProd', value: { 'Fn::Equals': [{ Ref: 'Stage' }, 'production'] } });
    assert.equal(diff(COND, out).removed.length, 1);
    assert.ok(out.includes('IsProd: !Equals [!Ref Stage, production]'), out);
    const bare = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    out = ok(bare, { op: 'setCondition', name: 'Always', value: { 'Fn::Equals': ['a', 'a'] } });
    assert.equal(openTemplate(out).parsed.diagnostics.filter((d) => d.severity === 'error').length, 0);
    assert.ok(/Conditions:\n {2}Always: /.test(out), out);
    fails(COND, { op: 'setCondition', name: 'bad name', value: true }, 'EDIT_BAD_NAME');
  });
});

describe('the file style is kept', () => {
  test('CRLF line endings and a missing final newline', () => {
    const text = 'Resources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n      DelaySeconds: 1';
    const out = ok(text, [
      { op: 'setProperty', resource: 'Q', path: ['Properties', 'Tags'], value: [{ Key: 'a', Value: 'b' }] },
      { op: 'addResource', resource: 'T', type: 'AWS::SNS::Topic' },
    ]);
    assert.equal(out, 'Resources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n      DelaySeconds: 1\r\n      Tags:\r\n        - Key: a\r\n          Value: b\r\n  T:\r\n    Type: AWS::SNS::Topic');
  });

  test('flush sequences, four-space indent and long-form intrinsics', () => {
    const text = 'Resources:\n    F:\n        Type: AWS::Serverless::Function\n        Properties:\n            Layers:\n            - Ref: L\n';
    const out = ok(text, [
      { op: 'setProperty', resource: 'F', path: ['Properties', 'Tags'], value: { a: { 'Fn::Sub': '${AWS::Region}' } } },
      { op: 'setProperty', resource: 'F', path: ['Properties', 'Policies'], value: ['P1', { S3ReadPolicy: { BucketName: { Ref: 'B' } } }] },
    ]);
    assert.equal(
      out,
      text +
        '            Tags:\n                a:\n                    Fn::Sub: ${AWS::Region}\n            Policies:\n            - P1\n            - S3ReadPolicy:\n                  BucketName:\n                      Ref: B\n',
    );
  });

  test('JSON stays JSON with its own indentation', () => {
    const text = '{\n    "Resources": {\n        "Q": {\n            "Type": "AWS::SQS::Queue"\n        }\n    }\n}\n';
    const out = ok(text, [
      { op: 'setProperty', resource: 'Q', path: ['Properties', 'DelaySeconds'], value: 5 },
      { op: 'addResource', resource: 'T', type: 'AWS::SNS::Topic', properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}' } } },
    ]);
    assert.deepEqual(JSON.parse(out), {
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: 5 } }, T: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}' } } } },
    });
    assert.ok(out.includes('\n            "Type": "AWS::SQS::Queue",\n            "Properties": {\n                "DelaySeconds": 5\n            }'));
  });

  test('flow mappings stay flow', () => {
    const text = 'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {DelaySeconds: 1}}\n';
    assert.equal(ok(text, { op: 'setProperty', resource: 'Q', path: ['Properties', 'X'], value: [1, 'a b'] }), 'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {DelaySeconds: 1, X: [1, a b]}}\n');
    assert.equal(ok(text, { op: 'deleteProperty', resource: 'Q', path: ['Properties', 'DelaySeconds'] }), 'Resources:\n  Q: {Type: AWS::SQS::Queue}\n');
  });

  test('multi-line strings become literal blocks', () => {
    const text = 'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: x\n';
    const out = ok(text, { op: 'setProperty', resource: 'F', path: ['Properties', 'InlineCode'], value: 'line 1\nline 2\n' });
    assert.equal(out, text + '      InlineCode: |\n        line 1\n        line 2\n');
  });
});
