import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { variableResolver } from '../model/formats/serverless/variables.ts';
import { openTemplate } from '../model/template.ts';
import { Inspector } from './Inspector.tsx';
import { definitionOf, inheritedOf } from './nodeSettings.ts';
import { hintLine, resolvedHint } from './resolvedHint.ts';

const FILE = {
  service: 'orders',
  provider: { name: 'aws', stage: "${opt:stage, 'dev'}" },
  custom: { limits: { a: 1 } },
};

test('a value with variables: what it comes to, and what cannot be resolved with why', () => {
  const dev = variableResolver(FILE);
  const cases: Array<[unknown, ReturnType<typeof resolvedHint>]> = [
    ['plain', null],
    [5, null],
    ['${self:service}-${sls:stage}', { text: 'orders-dev', unresolved: [] }],
    ['${ssm:/orders/key}', { text: null, unresolved: [{ raw: '${ssm:/orders/key}', why: 'read from AWS or a file when deployed' }] }],
    ['${sls:stage}/${env:TOKEN}', { text: 'dev/${env:TOKEN}', unresolved: [{ raw: '${env:TOKEN}', why: 'no value given: add it under Env values' }] }],
    ['${self:custom.nope}', { text: null, unresolved: [{ raw: '${self:custom.nope}', why: 'nothing gives it a value for stage dev' }] }],
    ['${self:custom.limits}', { text: '{"a":1}', unresolved: [] }],
  ];
  for (const [v, want] of cases) assert.deepEqual(resolvedHint(dev, v as never), want, String(v));
  assert.equal(resolvedHint(null, '${sls:stage}'), null, 'no resolver: not a serverless.yml');
  const prod = variableResolver(FILE, { stage: 'prod', env: { TOKEN: 't' } });
  assert.deepEqual(resolvedHint(prod, '${sls:stage}/${env:TOKEN}'), { text: 'prod/t', unresolved: [] });
  assert.equal(hintLine({ text: 'dev/${env:T}', unresolved: [{ raw: '${env:T}', why: '' }] }), '→ dev/${env:T}; unresolved: ${env:T}');
});

const SERVICE = `service: orders
provider:
  name: aws
  memorySize: \${param:memory, 256}
  environment:
    LEVEL: \${env:LOG_LEVEL, 'info'}
functions:
  hello:
    handler: index.hello
    description: Hello on \${sls:stage}
    name: \${self:service}-\${sls:stage}-hello
    environment:
      KEY: \${ssm:/orders/key}
`;

function render(stage: string): string {
  const t = openTemplate(SERVICE, { variables: { stage } });
  const node = t.graph.nodes.find((n) => n.id === 'hello')!;
  const inherited = inheritedOf(t.format, t.parsed.value, node);
  return renderToStaticMarkup(
    createElement(Inspector, {
      node,
      definition: definitionOf(t.parsed.value, node),
      edges: t.graph.edges,
      ...(inherited ? { inherited } : {}),
      parsed: t.parsed,
      format: t.format,
      resolver: variableResolver(t.parsed.value!, t.variables),
      onEdits: () => undefined,
      onRename: () => undefined,
      onReveal: () => undefined,
    }),
  );
}

test('the inspector keeps the written text in the field and shows what it resolves to for the stage', () => {
  const html = render('prod');
  // the field edits what is written
  assert.match(html, /id="inspector-description"[^>]*value="Hello on \$\{sls:stage\}"/);
  assert.match(html, /id="inspector-description-note"><div class="field-resolved"><span class="resolved-value"[^>]*>→ <code>Hello on prod<\/code>/);
  // a raw setting, an inherited value and an inherited variable
  assert.match(html, /<code>orders-prod-hello<\/code>/);
  assert.ok(html.includes('placeholder="${param:memory, 256} → 256 (from provider)"'));
  assert.ok(html.includes('→ info'));
  // what needs AWS is shown as written, with why
  assert.match(html, /unresolved: <code>\$\{ssm:\/orders\/key\}<\/code>/);
  assert.match(render('dev'), /<code>Hello on dev<\/code>/);
});
