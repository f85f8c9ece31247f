import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { openTemplate } from '../model/template.ts';
import { isObject } from '../model/value.ts';
import { Inspector } from './Inspector.tsx';
import { ParametersPanel } from './ParametersPanel.tsx';

const TEXT = `Parameters:
  Stage:
    Type: String
    Default: dev
    AllowedValues: [dev, prod]
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Globals:
  Function:
    Runtime: nodejs20.x
    Environment:
      Variables:
        STAGE: !Ref Stage
Resources:
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: layers/deps/
  Orders:
    Type: AWS::DynamoDB::Table
  Fn:
    Type: AWS::Serverless::Function
    Condition: IsProd
    Properties:
      Handler: !Ref Stage
      CodeUri: src/fn/
      Tracing: Active
      Layers: [!Ref Deps]
      Environment:
        Variables:
          TABLE: !Ref Orders
          MODE: fast
Outputs:
  FnArn:
    Value: !GetAtt Fn.Arn
`;

function render(id: string): string {
  const t = openTemplate(TEXT);
  const node = t.graph.nodes.find((n) => n.id === id)!;
  const resources = t.parsed.value!['Resources'];
  const globals = t.parsed.value!['Globals'];
  return renderToStaticMarkup(
    createElement(Inspector, {
      node,
      definition: isObject(resources) ? resources[id] : undefined,
      edges: t.graph.edges,
      ...(isObject(globals) && isObject(globals['Function']) ? { inherited: globals['Function'] } : {}),
      parsed: t.parsed,
      onEdits: () => undefined,
      onRename: () => undefined,
      onReveal: () => undefined,
    }),
  );
}

describe('inspector', () => {
  it('a function: required fields marked, references shown as choices, Globals shown as inherited', () => {
    const html = render('Fn');
    assert.match(html, /aria-label="Inspector: Fn"/);
    // Handler is required and written as a reference: the reference list is selected
    assert.match(html, /<label for="inspector-Handler">Handler<span class="field-required"/);
    assert.match(html, /<option value="Ref:Stage" selected="">!Ref Stage \(parameter\)<\/option>/);
    // Runtime comes from Globals: not required here, shown as inherited
    assert.match(html, /nodejs20\.x \(from Globals\)/);
    assert.doesNotMatch(html, /<label for="inspector-Runtime">Runtime<span class="field-required"/);
    // the function is not offered as a reference to itself
    assert.doesNotMatch(html, /value="Ref:Fn"/);
  });

  it('environment variables: its own (literal and reference) and inherited ones; layers; the condition', () => {
    const html = render('Fn');
    assert.match(html, /data-testid="inspector\.env\.TABLE"/);
    assert.match(html, /data-testid="inspector\.env\.MODE"/);
    assert.match(html, /<code>STAGE<\/code> = !Ref Stage <span class="field-help">\(from Globals\)<\/span>/);
    assert.match(html, /<code>!Ref Deps<\/code>/);
    assert.match(html, /<option value="IsProd" selected="">IsProd<\/option>/);
    // settings the form does not cover are listed for raw YAML editing
    assert.match(html, /data-testid="inspector\.raw\.Tracing"/);
    assert.doesNotMatch(html, /data-testid="inspector\.raw\.Environment"/);
  });

  it('a table has no function sections', () => {
    const html = render('Orders');
    assert.doesNotMatch(html, /inspector\.env/);
    assert.doesNotMatch(html, /inspector\.layers/);
    assert.match(html, /Table name/);
  });
});

describe('stack panel', () => {
  it('lists parameters, outputs and conditions with their gist as written', () => {
    const t = openTemplate(TEXT);
    const html = renderToStaticMarkup(createElement(ParametersPanel, { parsed: t.parsed, template: t.parsed.value, onEdits: () => undefined, onReveal: () => undefined }));
    assert.match(html, /Parameters \(1\)/);
    assert.match(html, /data-testid="parameters\.item\.Stage"/);
    assert.match(html, /String = dev/);
    assert.match(html, /value="dev, prod"/);
    assert.match(html, /data-testid="outputs\.item\.FnArn"[\s\S]*!GetAtt Fn\.Arn/);
    assert.match(html, /<option value="GetAtt:Fn\.Arn" selected="">!GetAtt Fn\.Arn<\/option>/);
    assert.match(html, /data-testid="conditions\.item\.IsProd"[\s\S]*!Equals \[!Ref Stage, prod\]/);
  });
});
