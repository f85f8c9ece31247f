import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGenerated } from '../testing/generated.ts';
import { createSpec } from './spec.ts';
import { createResourceTypeList, docsUrl } from './resourceTypes.ts';
import { searchResourceTypes } from './searchTypes.ts';

const list = createResourceTypeList(readGenerated('resource-types.json'));
const top = (q: string, n = 1) => searchResourceTypes(list.entries, q, n).map((e) => e.type);

describe('the resource type list', () => {
  it('has every type of the resource specification, with its required properties', () => {
    const spec = createSpec(readGenerated('spec.json'));
    assert.deepEqual(list.entries.map((e) => e.type), [...spec.typeNames()]);
    for (const e of list.entries) {
      const required = [...spec.type(e.type)!.properties].filter(([, p]) => p.required).map(([n]) => n);
      assert.deepEqual([...e.required].sort(), required.sort(), e.type);
    }
    assert.deepEqual(list.get('AWS::Events::EventBus')?.required, ['Name']);
    assert.deepEqual(list.get('AWS::SQS::Queue')?.required, []);
    assert.equal(list.get('AWS::SQS::Queue')?.description, 'Creates an Amazon SQS standard or FIFO queue.');
    assert.ok(list.get('AWS::Serverless::Function')?.description);
  });

  it('refuses a file that is not one', () => {
    for (const bad of [null, {}, { format: 'cairn-resource-types/1', types: {} }, { format: 'cairn-resource-types/1', types: [['../x', [], '']] }, { format: 'cairn-resource-types/1', types: [['AWS::A::B', [1], '']] }]) {
      assert.throws(() => createResourceTypeList(bad), (e: { code?: string }) => e.code === 'RESOURCE_TYPES_INVALID');
    }
  });
});

describe('searchResourceTypes', () => {
  it('finds types by service and name words, best first', () => {
    assert.deepEqual(top('sqs q'), ['AWS::SQS::Queue']);
    assert.deepEqual(top('EventBus'), ['AWS::Events::EventBus']);
    assert.deepEqual(top('event bus'), ['AWS::Events::EventBus']);
    assert.deepEqual(top('AWS::SQS::Queue'), ['AWS::SQS::Queue']);
    assert.deepEqual(top('aws::sqs::queuepolicy'), ['AWS::SQS::QueuePolicy']);
    assert.deepEqual(top('bucket'), ['AWS::S3::Bucket']);
    assert.deepEqual(top('lambda fn'), ['AWS::Lambda::Function']);
    assert.deepEqual(top('state machine'), ['AWS::Serverless::StateMachine']);
    assert.ok(top('eb', 10).includes('AWS::Events::EventBus'), top('eb', 10).join());
    assert.ok(top('pipe', 3).includes('AWS::Pipes::Pipe'));
  });

  it('needs every word to fit, and caps the answer', () => {
    assert.deepEqual(top('sqs zzzz', 10), []);
    assert.equal(searchResourceTypes(list.entries, 'a', 20).length, 20);
    assert.equal(searchResourceTypes(list.entries, '   ', 5).length, 5);
  });

  it('is fast enough to run on every key press', () => {
    const started = performance.now();
    for (const q of ['s', 'sq', 'sqs', 'sqs q', 'sqs qu', 'e', 'ev', 'eve', 'even', 'event']) searchResourceTypes(list.entries, q);
    assert.ok(performance.now() - started < 200);
  });
});

describe('docsUrl', () => {
  it('names the reference page of AWS and SAM types', () => {
    assert.equal(docsUrl('AWS::SQS::Queue'), 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html');
    assert.equal(docsUrl('AWS::Serverless::HttpApi'), 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-httpapi.html');
    assert.equal(docsUrl('Alexa::ASK::Skill'), null);
  });
});
