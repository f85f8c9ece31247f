import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Diagnostic } from '../model/diagnostics/types.ts';
import type { GraphEdge, GraphNode } from '../model/graph/types.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { EdgeList } from './EdgeList.tsx';
import { NodeList } from './NodeList.tsx';

const nodes: GraphNode[] = [
  { id: 'OrdersTable', type: 'AWS::DynamoDB::Table', kind: 'table', path: ['Resources', 'OrdersTable'] },
  { id: 'CreateOrderFunction', type: 'AWS::Serverless::Function', kind: 'function', path: ['Resources', 'CreateOrderFunction'] },
];
const edges: GraphEdge[] = [
  { id: 'e1', source: 'CreateOrderFunction', target: 'OrdersTable', kind: 'access', sources: [] },
];
const diagnostics: Diagnostic[] = [
  {
    code: 'YAML_SYNTAX',
    severity: 'error',
    message: 'Unexpected <token> & more',
    path: ['Resources', 'Fn'],
    range: { start: { line: 3, col: 5, offset: 20 }, end: { line: 3, col: 9, offset: 24 } },
  },
];

describe('graph lists', () => {
  it('gives each node a dotted test id', () => {
    const html = renderToStaticMarkup(createElement(NodeList, { nodes }));
    assert.match(html, /data-testid="graph\.node\.OrdersTable"/);
    assert.match(html, /data-testid="graph\.node\.CreateOrderFunction"/);
    assert.match(html, /AWS::DynamoDB::Table/);
  });

  it('gives each wire a test id of source, kind and target', () => {
    const html = renderToStaticMarkup(createElement(EdgeList, { edges }));
    assert.match(html, /data-testid="graph\.edge\.CreateOrderFunction\.access\.OrdersTable"/);
  });

  it('lists diagnostics with code, severity and position, escaping the message', () => {
    const html = renderToStaticMarkup(createElement(DiagnosticsPanel, { diagnostics }));
    assert.match(html, /data-testid="diagnostics\.panel"/);
    assert.match(html, /YAML_SYNTAX/);
    assert.match(html, /Unexpected &lt;token&gt; &amp; more/);
    assert.match(html, /Resources\.Fn \(line 3, column 5\)/);
  });

  it('says so when there is nothing to list', () => {
    assert.match(renderToStaticMarkup(createElement(NodeList, { nodes: [] })), /No nodes found/);
    assert.match(renderToStaticMarkup(createElement(DiagnosticsPanel, { diagnostics: [] })), /No problems found/);
  });
});
