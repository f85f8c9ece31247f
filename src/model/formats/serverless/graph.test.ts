import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTemplate } from '../../template.ts';
import type { Graph } from '../../graph/types.ts';
import { SERVERLESS_EVENT_TYPES } from './events.ts';

const HEAD = 'service: shop\nprovider:\n  name: aws\n';

function graph(body: string, head = HEAD): Graph {
  const t = openTemplate(head + body);
  assert.equal(t.format, 'serverless', t.diagnostics.map((d) => d.message).join('; '));
  return t.graph;
}

const RESOURCES = `resources:
  Resources:
    Jobs: {Type: AWS::SQS::Queue}
    Alerts: {Type: AWS::SNS::Topic, Properties: {TopicName: shop-alerts}}
    Orders:
      Type: AWS::DynamoDB::Table
      Properties: {TableName: 'orders-\${sls:stage}', StreamSpecification: {StreamViewType: NEW_IMAGE}}
    Clicks: {Type: AWS::Kinesis::Stream}
    Bus: {Type: AWS::Events::EventBus, Properties: {Name: shop-bus}}
    Listener: {Type: AWS::ElasticLoadBalancingV2::Listener}
    Uploads: {Type: AWS::S3::Bucket, Properties: {BucketName: shop-uploads}}
`;

/** The trigger into `fn` from each source, as `source <- path`. */
function triggers(g: Graph, fn = 'f'): string[] {
  return g.edges.filter((e) => e.kind === 'trigger' && e.target === fn).flatMap((e) => e.sources.map((s) => `${e.source} <- ${s.path.join('.')} (${s.name})`));
}

function node(g: Graph, id: string) {
  const n = g.nodes.find((x) => x.id === id);
  assert.ok(n, `no node ${id}: ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
}

test('graph: functions, layers and resources', () => {
  const g = graph(`functions:\n  f: {handler: h.f, layers: [{Ref: FfmpegLambdaLayer}]}\nlayers:\n  ffmpeg: {path: layer}\n${RESOURCES}`);
  assert.deepEqual(node(g, 'f'), { id: 'f', type: 'AWS::Lambda::Function', kind: 'function', path: ['functions', 'f'] });
  assert.deepEqual(node(g, 'FfmpegLambdaLayer'), { id: 'FfmpegLambdaLayer', type: 'AWS::Lambda::LayerVersion', kind: 'layer', path: ['layers', 'ffmpeg'] });
  assert.deepEqual(node(g, 'Jobs'), { id: 'Jobs', type: 'AWS::SQS::Queue', kind: 'queue', path: ['resources', 'Resources', 'Jobs'] });
  assert.equal(node(g, 'Orders').kind, 'table');
  const ref = g.edges.find((e) => e.source === 'f' && e.target === 'FfmpegLambdaLayer');
  assert.deepEqual(ref?.sources, [{ via: 'ref', path: ['functions', 'f', 'layers', 0] }]);
});

test('graph: an override of a generated function is not a node of its own', () => {
  const g = graph(`functions:\n  hello: {handler: h.f}\nresources:\n  Resources:\n    HelloLambdaFunction: {Properties: {Timeout: 3}}\n`);
  assert.deepEqual(g.nodes.map((n) => n.id), ['hello']);
});

test('graph: http, httpApi and websocket events come from the implicit APIs', () => {
  const g = graph(`functions:\n  f:\n    events:\n      - http: GET /\n      - httpApi: {path: /x, method: get}\n      - websocket: {route: $connect}\n`);
  assert.deepEqual(triggers(g), [
    'ApiGatewayRestApi <- functions.f.events.0.http (http)',
    'HttpApi <- functions.f.events.1.httpApi (httpApi)',
    'WebsocketsApi <- functions.f.events.2.websocket (websocket)',
  ]);
  assert.deepEqual(node(g, 'ApiGatewayRestApi'), { id: 'ApiGatewayRestApi', type: 'AWS::ApiGateway::RestApi', kind: 'rest-api', path: [], implicit: true });
  assert.equal(node(g, 'HttpApi').kind, 'http-api');
  assert.equal(node(g, 'WebsocketsApi').kind, 'resource');
  const existing = graph(`functions:\n  f:\n    events:\n      - http: GET /\n`, `${HEAD}  apiGateway:\n    restApiId: abc123\n`);
  assert.deepEqual(triggers(existing), ['rest-api:abc123 <- functions.f.events.0.http (http)']);
  assert.equal(node(existing, 'rest-api:abc123').kind, 'existing');
});

test('graph: sqs, stream, alb, msk events from stack resources in every form', () => {
  const g = graph(`functions:
  f:
    events:
      - sqs: {arn: {Fn::GetAtt: [Jobs, Arn]}}
      - sqs: \${self:resources.Resources.Jobs.Arn}
      - stream: {type: dynamodb, arn: !GetAtt Orders.StreamArn}
      - stream: {type: kinesis, arn: {Fn::Join: ['', ['arn:aws:kinesis:', {Ref: AWS::Region}, ':1:stream/', {Ref: Clicks}]]}}
      - alb: {listenerArn: !Ref Listener, priority: 1, conditions: {path: /}}
${RESOURCES}`);
  assert.deepEqual(triggers(g), [
    'Jobs <- functions.f.events.0.sqs (sqs)',
    'Jobs <- functions.f.events.1.sqs (sqs)',
    'Orders <- functions.f.events.2.stream (stream)',
    'Clicks <- functions.f.events.3.stream (stream)',
    'Listener <- functions.f.events.4.alb (alb)',
  ]);
});

test('graph: literal ARNs are Existing nodes; names of stack resources match', () => {
  const g = graph(`functions:
  f:
    events:
      - sqs: arn:aws:sqs:us-east-1:123456789012:other
      - stream: arn:aws:kinesis:us-east-1:1:stream/outside
      - sns: arn:aws:sns:us-east-1:1:shop-alerts
      - msk: {arn: {Fn::ImportValue: Cluster}, topic: t}
${RESOURCES}`);
  assert.deepEqual(triggers(g), [
    'arn:aws:sqs:us-east-1:123456789012:other <- functions.f.events.0.sqs (sqs)',
    'arn:aws:kinesis:us-east-1:1:stream/outside <- functions.f.events.1.stream (stream)',
    'Alerts <- functions.f.events.2.sns (sns)',
    'import:Cluster <- functions.f.events.3.msk (msk)',
  ]);
  assert.deepEqual(node(g, 'arn:aws:sqs:us-east-1:123456789012:other'), {
    id: 'arn:aws:sqs:us-east-1:123456789012:other', type: 'Cairn::Existing', kind: 'existing', path: ['functions', 'f', 'events', 0, 'sqs'], implicit: true,
  });
});

test('graph: sns and s3 names create topics and buckets; existing buckets are Existing', () => {
  const g = graph(`custom:\n  bucket: photos-\${sls:stage}
functions:
  f:
    events:
      - sns: new-orders
      - sns: {topicName: audit, arn: !Ref Alerts}
      - s3: \${self:custom.bucket}
      - s3: {bucket: legacy, existing: true}
      - s3: {bucket: shop-uploads, existing: true}
${RESOURCES}`);
  assert.deepEqual(triggers(g), [
    'SNSTopicNeworders <- functions.f.events.0.sns (sns)',
    'Alerts <- functions.f.events.1.sns (sns)',
    'S3BucketPhotosdev <- functions.f.events.2.s3 (s3)',
    'arn:aws:s3:::legacy <- functions.f.events.3.s3 (s3)',
    'Uploads <- functions.f.events.4.s3 (s3)',
  ]);
  assert.deepEqual(node(g, 'S3BucketPhotosdev'), { id: 'S3BucketPhotosdev', type: 'AWS::S3::Bucket', kind: 'object-store', path: ['functions', 'f', 'events', 2, 's3'], implicit: true });
  assert.equal(node(g, 'SNSTopicNeworders').kind, 'topic');
  const prod = openTemplate(HEAD + 'custom:\n  bucket: photos-${sls:stage}\nfunctions:\n  f: {events: [{s3: "${self:custom.bucket}"}]}\n', { variables: { stage: 'prod' } });
  assert.ok(prod.graph.nodes.some((n) => n.id === 'S3BucketPhotosprod'));
  // a resource overriding the created bucket is that bucket
  const over = graph(`functions:\n  f: {events: [{s3: photos}]}\nresources:\n  Resources:\n    S3BucketPhotos: {Type: AWS::S3::Bucket}\n`);
  assert.deepEqual(triggers(over), ['S3BucketPhotos <- functions.f.events.0.s3 (s3)']);
  assert.equal(node(over, 'S3BucketPhotos').implicit, undefined);
});

test('graph: schedule, eventBridge, cloudwatchEvent, cognitoUserPool, cloudwatchLog', () => {
  const g = graph(`functions:
  f:
    events:
      - schedule: rate(1 hour)
      - schedule: {rate: [cron(0 1 * * ? *)], name: nightly}
      - eventBridge: {schedule: rate(5 minutes)}
      - eventBridge: {pattern: {source: [aws.s3]}}
      - eventBridge: {eventBus: shop-bus, pattern: {source: [x]}}
      - eventBridge: {eventBus: orders-bus, pattern: {source: [x]}}
      - eventBridge: {eventBus: arn:aws:events:us-east-1:1:event-bus/theirs, pattern: {source: [x]}}
      - cloudwatchEvent: {event: {source: [aws.ec2]}}
      - cognitoUserPool: {pool: my-users, trigger: PreSignUp}
      - cognitoUserPool: {pool: theirs, trigger: PreSignUp, existing: true}
      - cloudwatchLog: /aws/lambda/other
      - alexaSkill
${RESOURCES}`);
  assert.deepEqual(triggers(g), [
    'f.0 <- functions.f.events.0.schedule (schedule)',
    'f.nightly <- functions.f.events.1.schedule (schedule)',
    'f.2 <- functions.f.events.2.eventBridge (eventBridge)',
    'event-bus:default <- functions.f.events.3.eventBridge (eventBridge)',
    'event-bus:default <- functions.f.events.7.cloudwatchEvent (cloudwatchEvent)',
    'Bus <- functions.f.events.4.eventBridge (eventBridge)',
    'OrdersDashbusEventBridgeEventBus <- functions.f.events.5.eventBridge (eventBridge)',
    'arn:aws:events:us-east-1:1:event-bus/theirs <- functions.f.events.6.eventBridge (eventBridge)',
    'CognitoUserPoolMyusers <- functions.f.events.8.cognitoUserPool (cognitoUserPool)',
    'user-pool:theirs <- functions.f.events.9.cognitoUserPool (cognitoUserPool)',
    'log-group:/aws/lambda/other <- functions.f.events.10.cloudwatchLog (cloudwatchLog)',
    'alexa-skill:any <- functions.f.events.11 (alexaSkill)',
  ]);
  assert.deepEqual(node(g, 'f.nightly'), { id: 'f.nightly', type: 'Cairn::Timer', kind: 'timer', path: ['functions', 'f', 'events', 1, 'schedule'] });
  assert.equal(node(g, 'CognitoUserPoolMyusers').kind, 'user-pool');
});

test('graph: IAM statements of the provider role, legacy statements and per-function roles', () => {
  const g = graph(`  iam:
    role:
      statements:
        - {Effect: Allow, Action: [sqs:SendMessage], Resource: {Fn::GetAtt: [Jobs, Arn]}}
        - {Effect: Allow, Action: ['s3:*'], Resource: ['*']}
        - {Effect: Deny, Action: ['dynamodb:*'], Resource: !GetAtt Orders.Arn}
      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
  iamRoleStatements:
    - {Effect: Allow, Action: [dynamodb:GetItem], Resource: 'arn:aws:dynamodb:*:*:table/orders-\${sls:stage}'}
functions:
  a: {handler: a.h}
  b:
    handler: b.h
    iamRoleStatements:
      - {Effect: Allow, Action: [sns:Publish], Resource: !Ref Alerts}
      - {Effect: Allow, Action: [lambda:InvokeFunction], Resource: 'arn:aws:lambda:*:*:function:shop-dev-a'}
      - {Effect: Allow, Action: [ses:SendEmail], Resource: 'arn:aws:ses:*:*:identity/x'}
  c: {handler: c.h, role: arn:aws:iam::1:role/own}
${RESOURCES}`);
  const access = g.edges.filter((e) => e.kind === 'access').map((e) => `${e.source}->${e.target} ${e.sources.map((s) => s.path.join('.')).join(' ')}`);
  assert.deepEqual(access.sort(), [
    'a->Jobs provider.iam.role.statements.0',
    'a->Orders provider.iamRoleStatements.0',
    'b->Alerts functions.b.iamRoleStatements.0',
    'b->a functions.b.iamRoleStatements.1',
  ]);
  assert.deepEqual(g.unwired, [
    { via: 'statement', path: ['functions', 'b', 'iamRoleStatements', 2], principals: ['b'] },
    { via: 'statement', path: ['provider', 'iam', 'role', 'statements', 1], principals: ['a'] },
    { via: 'managed-policy', path: ['provider', 'iam', 'role', 'managedPolicies', 0], principals: ['a'] },
  ]);
  // with the plugin's inherit flag, b shares the provider's role too
  const inherit = graph(`  iam:\n    role:\n      statements:\n        - {Effect: Allow, Action: [sqs:SendMessage], Resource: !GetAtt Jobs.Arn}\nfunctions:\n  b: {iamRoleStatementsInherit: true, iamRoleStatements: []}\n${RESOURCES}`);
  assert.ok(inherit.edges.some((e) => e.id === 'b-access-Jobs'));
});

test('graph: environment variables naming stack resources are env sources on the access wire', () => {
  const g = graph(`  environment:
    QUEUE_URL: !Ref Jobs
    TABLE: orders-\${sls:stage}
    STAGE: \${sls:stage}
functions:
  a: {handler: a.h}
  b: {handler: b.h, environment: {QUEUE_URL: other, BUCKET: '\${self:resources.Resources.Uploads.Properties.BucketName}'}}
${RESOURCES}`);
  const env = g.edges.filter((e) => e.kind === 'access').map((e) => `${e.source}->${e.target} ${e.sources.map((s) => `${s.via}:${s.name}@${s.path.join('.')}`).join(' ')}`);
  assert.deepEqual(env.sort(), [
    'a->Jobs env:QUEUE_URL@provider.environment.QUEUE_URL',
    'a->Orders env:TABLE@provider.environment.TABLE',
    'b->Orders env:TABLE@provider.environment.TABLE',
    'b->Uploads env:BUCKET@functions.b.environment.BUCKET',
  ]);
});

test('graph: a function in the stack subnets of one VPC is drawn inside it', () => {
  const g = graph(`  vpc:
    subnetIds: [!Ref SubnetA, !Ref SubnetB]
    securityGroupIds: [!Ref Sg]
functions:
  a: {handler: a.h}
  b: {handler: b.h, vpc: {subnetIds: [subnet-123]}}
resources:
  Resources:
    Net: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
    SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net}}
    SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Net}}
    Sg: {Type: AWS::EC2::SecurityGroup, Properties: {VpcId: !Ref Net}}
`);
  assert.equal(node(g, 'a').parent, 'Net');
  assert.equal(node(g, 'b').parent, undefined);
  assert.deepEqual(g.edges.find((e) => e.id === 'Net-containment-a')?.sources, [{ via: 'vpc', path: ['provider', 'vpc'] }]);
  const order = g.nodes.map((n) => n.id);
  assert.ok(order.indexOf('Net') < order.indexOf('a'));
});

test('graph: references between resources and generated functions', () => {
  const g = graph(`functions:\n  worker: {handler: w.h}\nresources:\n  Resources:\n    Perm: {Type: AWS::Lambda::Permission, Properties: {FunctionName: !GetAtt WorkerLambdaFunction.Arn}}\n`);
  assert.deepEqual(g.edges.find((e) => e.source === 'Perm')?.target, 'worker');
});

test('graph: layer ARNs from outside the stack are Existing nodes the functions refer to, one per ARN', () => {
  const g = graph(`  region: eu-west-1
  layers:
    - arn:aws:lambda:us-east-1:123456789012:layer:shared:3
    - !Ref FfmpegLambdaLayer
functions:
  a: {handler: a.h}
  b: {handler: b.h}
  c:
    handler: c.h
    layers:
      - arn:aws:lambda:us-east-1:123456789012:layer:shared:3
      - 'arn:aws:lambda:\${self:provider.region}:123456789012:layer:sharp:1'
      - \${self:custom.insightsLayer}
      - !Sub arn:aws:lambda:\${AWS::Region}:580247275435:layer:LambdaInsightsExtension:38
      - \${ssm:/layers/unknown}
custom:
  insightsLayer: arn:aws:lambda:eu-west-1:1:layer:insights:2
layers:
  ffmpeg: {path: layer}
`);
  const refs = g.edges.filter((e) => e.kind === 'reference').map((e) => `${e.source}->${e.target} ${e.sources.map((s) => `${s.via}@${s.path.join('.')}`).join(' ')}`);
  assert.deepEqual(refs.sort(), [
    'a->FfmpegLambdaLayer ref@provider.layers.1',
    'a->arn:aws:lambda:us-east-1:123456789012:layer:shared:3 property@provider.layers.0',
    'b->FfmpegLambdaLayer ref@provider.layers.1',
    'b->arn:aws:lambda:us-east-1:123456789012:layer:shared:3 property@provider.layers.0',
    'c->${self:custom.insightsLayer} property@functions.c.layers.2',
    'c->arn:aws:lambda:${AWS::Region}:580247275435:layer:LambdaInsightsExtension:38 property@functions.c.layers.3',
    'c->arn:aws:lambda:${self:provider.region}:123456789012:layer:sharp:1 property@functions.c.layers.1',
    'c->arn:aws:lambda:us-east-1:123456789012:layer:shared:3 property@functions.c.layers.0',
  ]);
  assert.deepEqual(node(g, 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3'), {
    id: 'arn:aws:lambda:us-east-1:123456789012:layer:shared:3', type: 'Cairn::Existing', kind: 'existing', path: ['provider', 'layers', 0], implicit: true,
  });
  assert.equal(g.nodes.filter((n) => n.kind === 'existing').length, 4);
  assert.equal(node(g, 'FfmpegLambdaLayer').kind, 'layer');
});

test('graph: kafka, msk, activemq, rabbitmq, alexa, iot, iotFleetProvisioning and cloudFront events', () => {
  const g = graph(`functions:
  f:
    events:
      - kafka: {topic: orders, bootstrapServers: [b-1.kafka.example.com:9092, b-2.kafka.example.com:9092], accessConfigurations: {saslScram512Auth: arn:aws:secretsmanager:us-east-1:1:secret:k}}
      - kafka: {topic: audit, bootstrapServers: '\${self:custom.brokers}'}
      - kafka: {topic: lonely}
      - kafka: {topic: t, arn: arn:aws:kafka:us-east-1:1:cluster/shop/abc}
      - msk: {arn: arn:aws:kafka:us-east-1:1:cluster/shop/abc, topic: t}
      - activemq: {arn: arn:aws:mq:us-east-1:1:broker:shop:b-1, queue: jobs, basicAuthArn: arn:aws:secretsmanager:us-east-1:1:secret:mq}
      - rabbitmq: {arn: !GetAtt Broker.Arn, queue: jobs, basicAuthArn: arn:aws:secretsmanager:us-east-1:1:secret:mq}
      - alexaSkill: amzn1.ask.skill.1111
      - alexaSkill: {appId: amzn1.ask.skill.1111, enabled: false}
      - alexaSmartHome: {appId: amzn1.ask.skill.2222}
      - iot: {sql: "SELECT * FROM 'telemetry'"}
      - iot: {sql: "SELECT * FROM 'alarms'", name: alarms}
      - iotFleetProvisioning: {templateBody: '\${file(template.json)}', provisioningRoleArn: arn:aws:iam::1:role/p}
      - cloudFront: {eventType: viewer-request, origin: s3://bucket.s3.amazonaws.com/files}
  g:
    events:
      - cloudFront: {eventType: origin-response, origin: s3://bucket.s3.amazonaws.com/files, pathPattern: /img/*}
      - iot: {sql: "SELECT * FROM 'g'"}
custom:
  brokers: broker.internal:9092
resources:
  Resources:
    Broker: {Type: AWS::AmazonMQ::Broker}
`);
  assert.deepEqual(triggers(g), [
    'kafka:b-1.kafka.example.com:9092,b-2.kafka.example.com:9092 <- functions.f.events.0.kafka (kafka)',
    'kafka:\${self:custom.brokers} <- functions.f.events.1.kafka (kafka)',
    'kafka-topic:lonely <- functions.f.events.2.kafka (kafka)',
    'arn:aws:kafka:us-east-1:1:cluster/shop/abc <- functions.f.events.3.kafka (kafka)',
    'arn:aws:kafka:us-east-1:1:cluster/shop/abc <- functions.f.events.4.msk (msk)',
    'arn:aws:mq:us-east-1:1:broker:shop:b-1 <- functions.f.events.5.activemq (activemq)',
    'Broker <- functions.f.events.6.rabbitmq (rabbitmq)',
    'alexa-skill:amzn1.ask.skill.1111 <- functions.f.events.7.alexaSkill (alexaSkill)',
    'alexa-skill:amzn1.ask.skill.1111 <- functions.f.events.8.alexaSkill (alexaSkill)',
    'alexa-skill:amzn1.ask.skill.2222 <- functions.f.events.9.alexaSmartHome (alexaSmartHome)',
    'FIotTopicRule1 <- functions.f.events.10.iot (iot)',
    'FIotTopicRule2 <- functions.f.events.11.iot (iot)',
    'FIotProvisioningTemplate <- functions.f.events.12.iotFleetProvisioning (iotFleetProvisioning)',
    'CloudFrontDistribution <- functions.f.events.13.cloudFront (cloudFront)',
  ]);
  assert.deepEqual(triggers(g, 'g'), ['CloudFrontDistribution <- functions.g.events.0.cloudFront (cloudFront)', 'GIotTopicRule1 <- functions.g.events.1.iot (iot)']);
  assert.deepEqual(node(g, 'CloudFrontDistribution'), {
    id: 'CloudFrontDistribution', type: 'AWS::CloudFront::Distribution', kind: 'cdn', path: ['functions', 'f', 'events', 13, 'cloudFront'], implicit: true,
  });
  assert.deepEqual(node(g, 'FIotTopicRule1'), { id: 'FIotTopicRule1', type: 'AWS::IoT::TopicRule', kind: 'resource', path: ['functions', 'f', 'events', 10, 'iot'], implicit: true });
  assert.equal(node(g, 'FIotProvisioningTemplate').type, 'AWS::IoT::ProvisioningTemplate');
  for (const id of ['kafka:b-1.kafka.example.com:9092,b-2.kafka.example.com:9092', 'arn:aws:mq:us-east-1:1:broker:shop:b-1', 'alexa-skill:amzn1.ask.skill.2222']) assert.equal(node(g, id).kind, 'existing');
  // a topic ARN from outside the stack, as a string or under arn, is an Existing node
  const sns = graph(`functions:\n  f:\n    events:\n      - sns: arn:aws:sns:us-east-1:1:theirs\n      - sns: {arn: arn:aws:sns:us-east-1:1:theirs, topicName: theirs}\n`);
  assert.deepEqual(triggers(sns), ['arn:aws:sns:us-east-1:1:theirs <- functions.f.events.0.sns (sns)', 'arn:aws:sns:us-east-1:1:theirs <- functions.f.events.1.sns (sns)']);
  assert.equal(node(sns, 'arn:aws:sns:us-east-1:1:theirs').kind, 'existing');
  // a resource overriding the generated topic rule is that rule
  const over = graph(`functions:\n  f: {events: [{iot: {sql: x}}]}\nresources:\n  Resources:\n    FIotTopicRule1: {Type: AWS::IoT::TopicRule, Properties: {RuleName: r}}\n`);
  assert.deepEqual(triggers(over), ['FIotTopicRule1 <- functions.f.events.0.iot (iot)']);
  assert.equal(node(over, 'FIotTopicRule1').implicit, undefined);
});

test('graph: every event type the framework knows draws a trigger wire', () => {
  const body: Record<string, string> = {
    http: 'GET /', httpApi: '{path: /x, method: get}', websocket: '{route: $connect}', s3: 'photos', schedule: 'rate(1 hour)', sns: 'news',
    sqs: 'arn:aws:sqs:us-east-1:1:q', stream: 'arn:aws:kinesis:us-east-1:1:stream/s', kafka: '{topic: t, bootstrapServers: [h:9092]}',
    msk: '{arn: arn:aws:kafka:us-east-1:1:cluster/c/1, topic: t}', activemq: '{arn: arn:aws:mq:us-east-1:1:broker:b:1, queue: q}',
    rabbitmq: '{arn: arn:aws:mq:us-east-1:1:broker:r:1, queue: q}', alexaSkill: 'amzn1.ask.skill.1', alexaSmartHome: 'amzn1.ask.skill.2',
    iot: '{sql: x}', iotFleetProvisioning: '{templateBody: {}, provisioningRoleArn: arn:aws:iam::1:role/r}', cloudwatchEvent: '{event: {source: [x]}}',
    cloudwatchLog: '/aws/lambda/x', cognitoUserPool: '{pool: users, trigger: PreSignUp}', eventBridge: '{pattern: {source: [x]}}',
    alb: '{listenerArn: arn:aws:elasticloadbalancing:us-east-1:1:listener/app/a/1/2, priority: 1, conditions: {path: /}}',
    cloudFront: '{eventType: viewer-request, origin: https://example.com}',
  };
  assert.deepEqual(Object.keys(body).sort(), [...SERVERLESS_EVENT_TYPES].sort());
  for (const [type, b] of Object.entries(body)) {
    const g = graph(`functions:\n  f:\n    events:\n      - ${type}: ${b}\n`);
    assert.equal(triggers(g).length, 1, `${type}: ${triggers(g).join('; ')}`);
  }
});

const ROLES = `resources:
  Resources:
    Jobs: {Type: AWS::SQS::Queue}
    Orders: {Type: AWS::DynamoDB::Table}
    Alerts: {Type: AWS::SNS::Topic}
    AppRole:
      Type: AWS::IAM::Role
      Properties:
        AssumeRolePolicyDocument: {}
        ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
        Policies:
          - PolicyName: app
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: [sqs:SendMessage], Resource: !GetAtt Jobs.Arn}
                - {Effect: Allow, Action: [logs:PutLogEvents], Resource: '*'}
    WorkerRole:
      Type: AWS::IAM::Role
      Properties:
        Policies:
          - PolicyName: worker
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: [dynamodb:GetItem], Resource: {Fn::GetAtt: [Orders, Arn]}}
    WorkerExtra:
      Type: AWS::IAM::Policy
      Properties:
        Roles: [!Ref WorkerRole]
        PolicyDocument:
          Statement:
            - {Effect: Allow, Action: [sns:Publish], Resource: !Ref Alerts}
`;
const accessOf = (g: Graph) => g.edges.filter((e) => e.kind === 'access').map((e) => `${e.source}->${e.target} ${e.sources.map((s) => s.path.join('.')).join(' ')}`).sort();

test('graph: a custom role in resources gives the functions using it the access its policies grant', () => {
  const role = 'resources.Resources.AppRole.Properties';
  for (const head of [`${HEAD}  iam:\n    role: AppRole\n`, `${HEAD}  role: AppRole\n`, `${HEAD}  iam:\n    role: !GetAtt AppRole.Arn\n`, `${HEAD}  iam:\n    role:\n      Fn::GetAtt: [AppRole, Arn]\n`]) {
    const g = graph(`  iamRoleStatements:\n    - {Effect: Allow, Action: [dynamodb:GetItem], Resource: !GetAtt Orders.Arn}\nfunctions:\n  a: {handler: a.h}\n  b: {handler: b.h}\n  w: {handler: w.h, role: WorkerRole}\n${ROLES}`, head);
    assert.deepEqual(accessOf(g), [
      `a->Jobs ${role}.Policies.0.PolicyDocument.Statement.0`,
      `b->Jobs ${role}.Policies.0.PolicyDocument.Statement.0`,
      'w->Alerts resources.Resources.WorkerExtra.Properties.PolicyDocument.Statement.0',
      'w->Orders resources.Resources.WorkerRole.Properties.Policies.0.PolicyDocument.Statement.0',
    ], head);
    // what names nothing in the stack is listed on the functions it applies to; the framework ignores iamRoleStatements beside a custom role
    assert.deepEqual(g.unwired, [
      { via: 'statement', path: ['resources', 'Resources', 'AppRole', 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement', 1], principals: ['a', 'b'] },
      { via: 'managed-policy', path: ['resources', 'Resources', 'AppRole', 'Properties', 'ManagedPolicyArns', 0], principals: ['a', 'b'] },
    ], head);
  }
  // a function's own role, by GetAtt in either form; a role ARN from outside grants nothing drawn
  const own = graph(`functions:\n  a: {handler: a.h, role: !GetAtt WorkerRole.Arn}\n  b: {handler: b.h, role: {Fn::GetAtt: [AppRole, Arn]}}\n  c: {handler: c.h, role: arn:aws:iam::1:role/theirs}\n${ROLES}`);
  assert.deepEqual(accessOf(own), [
    'a->Alerts resources.Resources.WorkerExtra.Properties.PolicyDocument.Statement.0',
    'a->Orders resources.Resources.WorkerRole.Properties.Policies.0.PolicyDocument.Statement.0',
    `b->Jobs ${role}.Policies.0.PolicyDocument.Statement.0`,
  ]);
  assert.ok(own.edges.some((e) => e.source === 'a' && e.target === 'WorkerRole' && e.kind === 'reference'));
});
