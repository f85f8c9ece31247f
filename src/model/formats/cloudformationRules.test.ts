import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Rule } from '../diagnostics/rule.ts';
import { CLOUDFORMATION_RULES } from './cloudformationRules.ts';
import { SERVERLESS_RULES } from './serverlessRules.ts';

test('rules: ids are unique, upper snake case, with a description', () => {
  const ids = CLOUDFORMATION_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of CLOUDFORMATION_RULES) {
    assert.match(r.id, /^[A-Z][A-Z0-9_]+$/);
    assert.ok(r.description.length > 10, r.id);
  }
});

test('rules: every rule file is registered for SAM / CloudFormation', async () => {
  const dir = new URL('../diagnostics/rules/', import.meta.url);
  const registered = new Set<Rule>(CLOUDFORMATION_RULES);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    for (const [name, v] of Object.entries(mod)) {
      const rule = v as Partial<Rule>;
      if (rule && typeof rule === 'object' && typeof rule.check === 'function' && typeof rule.id === 'string') {
        assert.ok(registered.has(rule as Rule), `${file}: ${name} (${rule.id}) is not in CLOUDFORMATION_RULES`);
      }
    }
  }
});

test('rules: serverless.yml gets a subset, and its own rules (SLS_*)', () => {
  const all = new Set(CLOUDFORMATION_RULES);
  for (const r of SERVERLESS_RULES) assert.ok(all.has(r) || r.id.startsWith('SLS_'), r.id);
  const ids = SERVERLESS_RULES.map((r) => r.id);
  for (const skipped of ['DANGLING_REFERENCE', 'UNKNOWN_ATTRIBUTE', 'RESOURCE_MISSING_TYPE', 'MISSING_REQUIRED_PROPERTY']) assert.ok(!ids.includes(skipped), skipped);
});
