import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { openTemplate } from '../model/template.ts';
import { ADDABLE, addableKinds } from './Palette.tsx';
import { UnwiredPermissions } from './UnwiredPermissions.tsx';

test('the palette of a serverless.yml: functions and plain CloudFormation, no SAM types, no networks', () => {
  const kinds = addableKinds('serverless');
  for (const k of ['function', 'table', 'queue', 'topic', 'object-store', 'stream', 'user-pool'] as const) assert.ok(kinds.includes(k), k);
  for (const k of ['rest-api', 'http-api', 'layer', 'edge-function', 'virtual-network'] as const) assert.ok(!kinds.includes(k), k);
  assert.deepEqual(addableKinds('cloudformation'), [...ADDABLE, 'timer']);
  // a Timer is drawn first and written by its wire, in either format
  assert.ok(kinds.includes('timer'));
});

test('permissions no wire shows are listed with whom they apply to and their text', () => {
  const t = openTemplate(`service: shop
provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: logs:PutLogEvents
          Resource: '*'
functions:
  hello:
    handler: index.hello
  bye:
    handler: index.bye
`);
  assert.equal(t.format, 'serverless');
  assert.ok(t.graph.unwired?.length);
  const html = renderToStaticMarkup(createElement(UnwiredPermissions, { unwired: t.graph.unwired!, parsed: t.parsed, onReveal: () => undefined }));
  assert.match(html, /data-testid="unwired\.panel"/);
  assert.match(html, /data-testid="unwired\.item\.0"/);
  assert.match(html, /Statement for hello, bye/);
  assert.match(html, /Action: logs:PutLogEvents/);
  assert.equal(renderToStaticMarkup(createElement(UnwiredPermissions, { unwired: [], parsed: t.parsed, onReveal: () => undefined })), '');
});
