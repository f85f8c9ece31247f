import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { openTemplate } from '../model/template.ts';
import { definitionOf, inheritedOf } from './nodeSettings.ts';
import { Inspector } from './Inspector.tsx';
import { ParametersPanel } from './ParametersPanel.tsx';
import { variableResolver } from '../model/formats/serverless/variables.ts';
import type { VariableOptions } from '../model/formats/serverless/variables.ts';

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

/** The inspector as drawn for node `id`; with `variables`, a serverless.yml's settings are shown resolved for them. */
function render(id: string, text = TEXT, variables?: VariableOptions): string {
  const t = openTemplate(text, variables ? { variables } : {});
  const node = t.graph.nodes.find((n) => n.id === id)!;
  const inherited = inheritedOf(t.format, t.parsed.value, node);
  return renderToStaticMarkup(
    createElement(Inspector, {
      node,
      definition: definitionOf(t.parsed.value, node),
      edges: t.graph.edges,
      ...(inherited ? { inherited } : {}),
      parsed: t.parsed,
      format: t.format,
      ...(variables && t.parsed.value ? { resolver: variableResolver(t.parsed.value, variables) } : {}),
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
    // the stack's only layer is used already: what is left is typing an ARN, and the form says how
    assert.match(html, /<span class="field-help">Type a layer version ARN and press Enter\.<\/span>/);
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

const SERVERLESS = `service: shop
provider:
  name: aws
  runtime: nodejs20.x
  memorySize: 512
  environment:
    STAGE: \${sls:stage}
functions:
  hello:
    handler: src/hello/index.handler
    timeout: 10
    tracing: Active
    layers:
      - arn:aws:lambda:us-east-1:123456789012:layer:deps:1
    environment:
      JOBS_QUEUE_URL: !Ref Jobs
resources:
  Resources:
    Jobs:
      Type: AWS::SQS::Queue
      DeletionPolicy: Retain
      Properties:
        VisibilityTimeout: 60
        RedrivePolicy: {maxReceiveCount: 3}
`;

describe('inspector on a serverless.yml', () => {
  it('a function: the framework\'s names, provider values inherited, env and layers, the rest raw', () => {
    const html = render('hello', SERVERLESS);
    assert.match(html, /<label for="inspector-name">Function name/);
    assert.match(html, /id="inspector-handler"[^>]*value="src\/hello\/index\.handler"/);
    assert.match(html, /id="inspector-timeout"[^>]*value="10"/);
    assert.match(html, /512 \(from provider\)/);
    assert.match(html, /nodejs20\.x \(from provider\)/);
    assert.match(html, /data-testid="inspector\.env\.JOBS_QUEUE_URL"/);
    assert.match(html, /<code>STAGE<\/code> = \$\{sls:stage\} <span class="field-help">\(from provider\)<\/span>/);
    assert.match(html, /layer:deps:1<\/code>/);
    assert.match(html, /data-testid="inspector\.raw\.tracing"/);
    for (const covered of ['handler', 'environment', 'layers']) assert.doesNotMatch(html, new RegExp(`inspector\\.raw\\.${covered}"`));
    // a function of the framework has no CloudFormation resource attributes
    assert.doesNotMatch(html, /inspector-deletion-policy/);
  });

  it('a resource of resources.Resources: the same form as in SAM', () => {
    const html = render('Jobs', SERVERLESS);
    assert.match(html, /<label for="inspector-name">Logical id/);
    assert.match(html, /id="inspector-VisibilityTimeout"[^>]*value="60"/);
    assert.match(html, /<option value="Retain" selected="">Retain<\/option>/);
    assert.match(html, /data-testid="inspector\.raw\.RedrivePolicy"/);
  });
});

describe('stack panel', () => {
  it('lists parameters, outputs and conditions with their gist as written', () => {
    const t = openTemplate(TEXT);
    const html = renderToStaticMarkup(createElement(ParametersPanel, { parsed: t.parsed, template: t.parsed.value, onEdits: () => undefined, onReveal: () => undefined, open: true }));
    assert.match(html, /Parameters \(1\)/);
    assert.match(html, /data-testid="parameters\.item\.Stage"/);
    assert.match(html, /String = dev/);
    assert.match(html, /value="dev, prod"/);
    assert.match(html, /data-testid="outputs\.item\.FnArn"[\s\S]*!GetAtt Fn\.Arn/);
    assert.match(html, /<option value="GetAtt:Fn\.Arn" selected="">!GetAtt Fn\.Arn<\/option>/);
    assert.match(html, /data-testid="conditions\.item\.IsProd"[\s\S]*!Equals \[!Ref Stage, prod\]/);
  });

  it('builds nothing inside a closed section: only the headings, with their counts', () => {
    const t = openTemplate(TEXT);
    const html = renderToStaticMarkup(createElement(ParametersPanel, { parsed: t.parsed, template: t.parsed.value, onEdits: () => undefined, onReveal: () => undefined }));
    assert.match(html, /Parameters \(1\)[\s\S]*Outputs \(1\)[\s\S]*Conditions \(1\)/);
    assert.doesNotMatch(html, /<option|parameters\.item|outputs\.item|conditions\.item/);
  });
});

const STAGED = `service: orders
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

describe('inspector on a serverless.yml, for a stage', () => {
  it('keeps the written text in the field and shows what it resolves to under it', () => {
    const html = render('hello', STAGED, { stage: 'prod' });
    // the field edits what is written
    assert.match(html, /id="inspector-description"[^>]*value="Hello on \$\{sls:stage\}"/);
    assert.match(html, /id="inspector-description-note"><div class="field-resolved"><span class="resolved-value"[^>]*>→ <code>Hello on prod<\/code>/);
    // a raw setting, an inherited value and an inherited variable
    assert.match(html, /<code>orders-prod-hello<\/code>/);
    assert.ok(html.includes('placeholder="${param:memory, 256} → 256 (from provider)"'));
    assert.ok(html.includes('→ info'));
    // what needs AWS is shown as written, with why
    assert.match(html, /unresolved: <code>\$\{ssm:\/orders\/key\}<\/code>/);
    assert.match(render('hello', STAGED, { stage: 'dev' }), /<code>Hello on dev<\/code>/);
    // without a resolver (no stage given to the form) nothing is resolved
    assert.doesNotMatch(render('hello', STAGED), /field-resolved/);
  });
});
