import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseText } from '../yaml/parse.ts';
import { dedentFragment, fragmentAt } from './fragment.ts';

const YAML = `Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          TABLE_NAME: !Ref Table   # where the code finds it
      Policies:
        - DynamoDBCrudPolicy:
            TableName: !Ref Table
        - !Ref ManagedPolicy
        - {SQSSendMessagePolicy: {QueueName: !GetAtt Q.QueueName}}
      Layers: [!Ref LayerA, !Ref LayerB]
`;

describe('fragmentAt', () => {
  const p = parseText(YAML);

  test('a mapping entry: from its key to the end of its value, without the trailing comment', () => {
    const f = fragmentAt(p, ['Resources', 'Fn', 'Properties', 'Environment', 'Variables', 'TABLE_NAME'])!;
    assert.equal(f.text, 'TABLE_NAME: !Ref Table');
    assert.equal(f.range.start.line, 7);
    assert.equal(f.range.end.line, 7);
    assert.equal(f.column, 10);
    assert.equal(f.exact, true);
  });

  test('a block list item: from its dash, over every line of it', () => {
    const f = fragmentAt(p, ['Resources', 'Fn', 'Properties', 'Policies', 0])!;
    assert.equal(f.text, '- DynamoDBCrudPolicy:\n            TableName: !Ref Table');
    assert.deepEqual([f.range.start.line, f.range.end.line], [9, 10]);
    assert.equal(dedentFragment(f), '- DynamoDBCrudPolicy:\n    TableName: !Ref Table');
  });

  test('a tagged list item keeps its tag; a flow item is shown as written', () => {
    assert.equal(fragmentAt(p, ['Resources', 'Fn', 'Properties', 'Policies', 1])!.text, '- !Ref ManagedPolicy');
    assert.equal(fragmentAt(p, ['Resources', 'Fn', 'Properties', 'Policies', 2])!.text, '- {SQSSendMessagePolicy: {QueueName: !GetAtt Q.QueueName}}');
    assert.equal(fragmentAt(p, ['Resources', 'Fn', 'Properties', 'Layers', 1])!.text, '!Ref LayerB');
  });

  test('a path the file does not write shows the nearest ancestor, and says so', () => {
    const f = fragmentAt(p, ['Resources', 'Fn', 'Properties', 'Environment', 'Variables', 'MISSING'])!;
    assert.equal(f.exact, false);
    assert.deepEqual(f.path, ['Resources', 'Fn', 'Properties', 'Environment', 'Variables']);
    assert.ok(f.text.startsWith('Variables:\n'));
    assert.equal(fragmentAt(p, ['Nothing', 'Here']), null);
    assert.equal(fragmentAt(parseText(': : :\n'), ['Resources', 'X']), null);
  });

  test('JSON templates: the entry with its quotes, commas left out', () => {
    const json = `{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Serverless::Function",\n      "Properties": {\n        "Policies": [\n          {\n            "DynamoDBReadPolicy": {"TableName": {"Ref": "T"}}\n          }\n        ]\n      }\n    }\n  }\n}\n`;
    const pj = parseText(json);
    assert.equal(fragmentAt(pj, ['Resources', 'Fn', 'Type'])!.text, '"Type": "AWS::Serverless::Function"');
    const item = fragmentAt(pj, ['Resources', 'Fn', 'Properties', 'Policies', 0])!;
    assert.equal(item.text, '{\n            "DynamoDBReadPolicy": {"TableName": {"Ref": "T"}}\n          }');
    assert.equal(dedentFragment(item), '{\n  "DynamoDBReadPolicy": {"TableName": {"Ref": "T"}}\n}');
  });

  test('CRLF text: the fragment is the bytes as written, dedented lines without the CR', () => {
    const crlf = YAML.replace(/\n/g, '\r\n');
    const f = fragmentAt(parseText(crlf), ['Resources', 'Fn', 'Properties', 'Policies', 0])!;
    assert.equal(f.text, '- DynamoDBCrudPolicy:\r\n            TableName: !Ref Table');
    assert.equal(dedentFragment(f), '- DynamoDBCrudPolicy:\n    TableName: !Ref Table');
  });
});
