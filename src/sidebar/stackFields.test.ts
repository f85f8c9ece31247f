import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseText } from '../model/yaml/parse.ts';
import { parseValueText } from '../model/yaml/fragment.ts';
import { freeName, referenceChoices, sourceOf, valueChoiceKey } from './stackFields.ts';

const TEXT = `Parameters:
  Stage: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]   # production only
  Both:
    Fn::And:
      - !Condition IsProd
      - !Not [!Equals [!Ref 'AWS::Region', us-east-1]]
Resources:
  Q:
    Type: AWS::SQS::Queue
`;

test('a condition shows as written and reads back to the same value', () => {
  const parsed = parseText(TEXT);
  assert.equal(sourceOf(parsed, ['Conditions', 'IsProd']), '!Equals [!Ref Stage, prod]');
  const both = sourceOf(parsed, ['Conditions', 'Both']);
  assert.equal(both, "Fn::And:\n  - !Condition IsProd\n  - !Not [!Equals [!Ref 'AWS::Region', us-east-1]]");
  const back = parseValueText(both);
  assert.ok(back.ok);
  if (back.ok) assert.deepEqual(back.value, parsed.value!['Conditions']!['Both' as never]);
  assert.equal(sourceOf(parsed, ['Conditions', 'Missing']), '');
});

test('reference choices name every resource and parameter; values map back to their choice', () => {
  const parsed = parseText(TEXT);
  const choices = referenceChoices(parsed.value!['Resources'] as never, parsed.value!['Parameters'] as never);
  assert.deepEqual(choices.map((c) => c.label), ['!Ref Q', '!GetAtt Q.Arn', '!GetAtt Q.QueueName', '!Ref Stage (parameter)']);
  assert.equal(valueChoiceKey({ 'Fn::GetAtt': 'Q.Arn' }), 'GetAtt:Q.Arn');
  assert.equal(valueChoiceKey({ 'Fn::GetAtt': ['Q', 'Arn'] }), 'GetAtt:Q.Arn');
  assert.equal(valueChoiceKey({ 'Fn::Sub': '${Q}' }), '');
  assert.equal(valueChoiceKey('literal'), '');
  assert.equal(freeName('Condition', new Set(['Condition1', 'Condition2'])), 'Condition3');
});

test('reference choices: the same list while names and types stay; a new one when they change; one id left out', () => {
  const q = { Type: 'AWS::SQS::Queue' };
  const first = referenceChoices({ Q: q, T: { Type: 'AWS::SNS::Topic' } }, { Stage: {} });
  // another template value (an edit elsewhere), the same names and types
  assert.equal(referenceChoices({ Q: { ...q, Properties: { DelaySeconds: 5 } }, T: { Type: 'AWS::SNS::Topic' } }, { Stage: {} }), first);
  const retyped = referenceChoices({ Q: q, T: { Type: 'AWS::SQS::Queue' } }, { Stage: {} });
  assert.notEqual(retyped, first);
  assert.ok(retyped.some((c) => c.label === '!GetAtt T.QueueName'));
  const without = referenceChoices({ Q: q, T: { Type: 'AWS::SQS::Queue' } }, { Stage: {} }, 'Q');
  assert.deepEqual(without.map((c) => c.label), ['!Ref T', '!GetAtt T.Arn', '!GetAtt T.QueueName', '!Ref Stage (parameter)']);
});
