import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { openTemplate } from '../template.ts';
import { sameGraph } from './equal.ts';

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      MemorySize: 128
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Orders
`;

test('a property edit leaves the graph the same; a new wire or node does not', () => {
  const base = openTemplate(TEMPLATE).graph;
  assert.equal(sameGraph(base, openTemplate(TEMPLATE.replace('MemorySize: 128', 'MemorySize: 256')).graph), true);
  assert.equal(sameGraph(base, openTemplate(TEMPLATE.replace('DynamoDBCrudPolicy', 'DynamoDBReadPolicy')).graph), false, 'the wire grants something else: its inspector shows it');
  assert.equal(sameGraph(base, openTemplate(TEMPLATE.replace('      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Orders\n', '')).graph), false, 'the wire is gone');
  assert.equal(sameGraph(base, openTemplate(`${TEMPLATE}  Queue:\n    Type: AWS::SQS::Queue\n`).graph), false, 'a new node');
  assert.equal(sameGraph(base, openTemplate(TEMPLATE.replaceAll('Orders', 'Sales')).graph), false, 'a rename');
  // a wire whose text moved (another policy before it) has a new path: the inspector must follow
  const moved = TEMPLATE.replace('      Policies:\n', '      Policies:\n        - AWSLambdaBasicExecutionRole\n');
  assert.equal(sameGraph(base, openTemplate(moved).graph), false, 'a source path changed');
});
