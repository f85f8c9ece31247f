import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdit } from '../edit/apply.ts';
import { createResourceTypeList } from '../spec/resourceTypes.ts';
import { createSpec } from '../spec/spec.ts';
import { openTemplate } from '../template.ts';
import { validateTemplate } from '../validate.ts';
import { readGenerated } from '../testing/generated.ts';
import { OBVIOUS, planNewResource } from './resourceDefaults.ts';

const types = createResourceTypeList(readGenerated('resource-types.json'));
const spec = createSpec(readGenerated('spec.json'));
const plan = (type: string, id = 'New1') => planNewResource(type, id, types.get(type)!.required);

describe('planNewResource', () => {
  it('uses the palette\'s defaults for the types a palette kind writes', () => {
    assert.deepEqual(plan('AWS::SQS::Queue'), { properties: {}, filled: [], missing: [] });
    const table = plan('AWS::DynamoDB::Table');
    assert.equal(table.properties['BillingMode'], 'PAY_PER_REQUEST');
    assert.deepEqual(table.missing, []);
    assert.deepEqual(plan('AWS::Serverless::Api').properties, { StageName: 'Prod' });
  });

  it('fills a required property only when its value is obvious, and lists the rest', () => {
    assert.deepEqual(plan('AWS::Events::EventBus', 'Bus1'), { properties: { Name: { 'Fn::Sub': '${AWS::StackName}-Bus1' } }, filled: ['Name'], missing: [] });
    assert.deepEqual(plan('AWS::Pipes::Pipe'), { properties: {}, filled: [], missing: ['RoleArn', 'Source', 'Target'] });
    assert.deepEqual(plan('AWS::Lambda::Permission').missing, ['FunctionName', 'Principal']);
  });

  it('writes obvious values only for required properties the type has, and nothing the specification refuses', () => {
    for (const type of Object.keys(OBVIOUS)) {
      const p = plan(type, 'New1');
      for (const k of Object.keys(p.properties)) assert.ok(types.get(type)!.required.includes(k), `${type}.${k} is not required`);
      const r = applyEdit('Resources: {}\n', { op: 'addResource', resource: 'New1', type, properties: p.properties });
      assert.ok(r.ok, type);
      const found = validateTemplate(openTemplate(r.text), { spec }).filter((d) => d.severity === 'error');
      assert.deepEqual(found.map((d) => d.code), p.missing.map(() => 'MISSING_REQUIRED_PROPERTY'), type);
    }
  });
});
