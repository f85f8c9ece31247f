import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Diagnostic } from '../model/diagnostics/types.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';

const diagnostics: Diagnostic[] = [
  {
    code: 'YAML_SYNTAX',
    severity: 'error',
    message: 'Unexpected <token> & more',
    path: ['Resources', 'Fn'],
    range: { start: { line: 3, col: 5, offset: 20 }, end: { line: 3, col: 9, offset: 24 } },
  },
];

describe('diagnostics panel', () => {
  it('lists diagnostics with code, severity and position, escaping the message', () => {
    const html = renderToStaticMarkup(createElement(DiagnosticsPanel, { diagnostics }));
    assert.match(html, /data-testid="diagnostics\.panel"/);
    assert.match(html, /YAML_SYNTAX/);
    assert.match(html, /Unexpected &lt;token&gt; &amp; more/);
    assert.match(html, /Resources\.Fn \(line 3, column 5\)/);
  });

  it('says so when there is nothing to list', () => {
    assert.match(renderToStaticMarkup(createElement(DiagnosticsPanel, { diagnostics: [] })), /No problems found/);
  });
});
