/**
 * The everyday settings of a trigger's event entry, per SAM event type (the form the wire
 * inspector shows over the event's `Properties`). Anything else the entry has is shown too,
 * as written; these are the ones worth offering when they are absent. Ranges are Lambda's.
 */

export interface EventSetting {
  readonly name: string;
  readonly label: string;
  readonly input: 'text' | 'number' | 'boolean' | 'select';
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** SAM refuses the event without it: it can be changed, not removed. */
  readonly required?: boolean;
  readonly help?: string;
}

/** Pseudo event type of a trigger written as an `AWS::Lambda::EventSourceMapping` resource. */
export const EVENT_SOURCE_MAPPING = 'EventSourceMapping';

const batchSize = (help = '1-10000 records per invocation'): EventSetting => ({ name: 'BatchSize', label: 'Batch size', input: 'number', min: 1, max: 10000, help });
const batchWindow: EventSetting = { name: 'MaximumBatchingWindowInSeconds', label: 'Batching window (s)', input: 'number', min: 0, max: 300 };
const enabled: EventSetting = { name: 'Enabled', label: 'Enabled', input: 'boolean' };
const retries: EventSetting = { name: 'MaximumRetryAttempts', label: 'Retry attempts', input: 'number', min: -1, max: 10000, help: '-1: until the record expires' };
const bisect: EventSetting = { name: 'BisectBatchOnFunctionError', label: 'Split batch on error', input: 'boolean' };
const parallel: EventSetting = { name: 'ParallelizationFactor', label: 'Batches per shard', input: 'number', min: 1, max: 10 };
const position = (options: readonly string[], required = true): EventSetting => ({ name: 'StartingPosition', label: 'Starting position', input: 'select', options, ...(required ? { required } : {}) });
const state: EventSetting = { name: 'State', label: 'State', input: 'select', options: ['ENABLED', 'DISABLED'] };
const description: EventSetting = { name: 'Description', label: 'Description', input: 'text' };

export const COGNITO_TRIGGERS = [
  'PreSignUp',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'PreTokenGeneration',
  'CustomMessage',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'UserMigration',
] as const;

const SETTINGS: Readonly<Record<string, readonly EventSetting[]>> = {
  SQS: [batchSize('1-10000 messages per invocation (at most 10 for FIFO queues, or without a batching window)'), batchWindow, enabled],
  Kinesis: [position(['LATEST', 'TRIM_HORIZON', 'AT_TIMESTAMP']), batchSize(), batchWindow, parallel, retries, bisect, enabled],
  DynamoDB: [position(['LATEST', 'TRIM_HORIZON']), batchSize(), batchWindow, parallel, retries, bisect, enabled],
  Api: [
    { name: 'Path', label: 'Path', input: 'text', required: true, help: 'starts with /, e.g. /orders/{id}' },
    { name: 'Method', label: 'Method', input: 'select', options: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'any'], required: true },
  ],
  HttpApi: [
    { name: 'Path', label: 'Path', input: 'text', help: 'starts with /; leave both empty for every route' },
    { name: 'Method', label: 'Method', input: 'select', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'] },
    { name: 'TimeoutInMillis', label: 'Timeout (ms)', input: 'number', min: 50, max: 30000 },
  ],
  Schedule: [
    { name: 'Schedule', label: 'Schedule', input: 'text', required: true, help: 'rate(5 minutes) or cron(0 2 * * ? *)' },
    description,
    enabled,
  ],
  ScheduleV2: [
    { name: 'ScheduleExpression', label: 'Schedule', input: 'text', required: true, help: 'rate(5 minutes), cron(0 2 * * ? *) or at(2030-01-01T00:00:00)' },
    { name: 'ScheduleExpressionTimezone', label: 'Time zone', input: 'text', help: 'e.g. Europe/Paris; UTC when empty' },
    state,
    description,
  ],
  S3: [
    {
      name: 'Events',
      label: 'Events',
      input: 'select',
      options: ['s3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post', 's3:ObjectCreated:Copy', 's3:ObjectCreated:CompleteMultipartUpload', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete'],
      required: true,
    },
  ],
  SNS: [
    { name: 'Region', label: 'Topic region', input: 'text', help: "only for a topic in another region" },
    { name: 'SqsSubscription', label: 'Through an SQS queue', input: 'boolean' },
  ],
  Cognito: [{ name: 'Trigger', label: 'Trigger', input: 'select', options: COGNITO_TRIGGERS, required: true }],
  EventBridgeRule: [state],
  CloudWatchEvent: [state],
  MSK: [position(['LATEST', 'TRIM_HORIZON']), batchSize(), batchWindow, enabled],
  MQ: [batchSize('1-10000 messages per invocation'), batchWindow, enabled],
  [EVENT_SOURCE_MAPPING]: [batchSize(), batchWindow, position(['LATEST', 'TRIM_HORIZON', 'AT_TIMESTAMP'], false), enabled],
};

/** The everyday settings of an event of this type (none for types Cairn has no form for). */
export function eventSettings(eventType: string): readonly EventSetting[] {
  return Object.prototype.hasOwnProperty.call(SETTINGS, eventType) ? SETTINGS[eventType]! : [];
}

const slsEnabled: EventSetting = { name: 'enabled', label: 'Enabled', input: 'boolean' };
const slsBatchSize = (help: string): EventSetting => ({ name: 'batchSize', label: 'Batch size', input: 'number', min: 1, max: 10000, help });
const slsStreamPosition: EventSetting = { name: 'startingPosition', label: 'Starting position', input: 'select', options: ['LATEST', 'TRIM_HORIZON'] };

/**
 * The same everyday settings for a serverless.yml event (`functions.<fn>.events[i].<type>`),
 * under the framework's own names.
 */
const SERVERLESS_SETTINGS: Readonly<Record<string, readonly EventSetting[]>> = {
  sqs: [
    slsBatchSize('1-10000 messages per invocation (at most 10 for FIFO queues, or without a batching window)'),
    { name: 'maximumBatchingWindow', label: 'Batching window (s)', input: 'number', min: 0, max: 300 },
    slsEnabled,
  ],
  stream: [
    slsStreamPosition,
    slsBatchSize('1-10000 records per invocation'),
    { name: 'batchWindow', label: 'Batching window (s)', input: 'number', min: 0, max: 300 },
    { name: 'parallelizationFactor', label: 'Batches per shard', input: 'number', min: 1, max: 10 },
    { name: 'maximumRetryAttempts', label: 'Retry attempts', input: 'number', min: -1, max: 10000, help: '-1: until the record expires' },
    { name: 'bisectBatchOnFunctionError', label: 'Split batch on error', input: 'boolean' },
    slsEnabled,
  ],
  http: [
    { name: 'path', label: 'Path', input: 'text', required: true, help: 'e.g. orders/{id}' },
    { name: 'method', label: 'Method', input: 'select', options: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'any'], required: true },
    { name: 'cors', label: 'CORS', input: 'boolean' },
  ],
  httpApi: [
    { name: 'path', label: 'Path', input: 'text', help: 'starts with /, e.g. /orders/{id}' },
    { name: 'method', label: 'Method', input: 'select', options: ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', '*'] },
  ],
  schedule: [
    { name: 'rate', label: 'Schedule', input: 'text', required: true, help: 'rate(5 minutes) or cron(0 2 * * ? *)' },
    { name: 'description', label: 'Description', input: 'text' },
    slsEnabled,
  ],
  s3: [{ name: 'event', label: 'Event', input: 'select', options: ['s3:ObjectCreated:*', 's3:ObjectCreated:Put', 's3:ObjectCreated:Post', 's3:ObjectCreated:Copy', 's3:ObjectRemoved:*', 's3:ObjectRemoved:Delete'] }],
};

/** The everyday settings of a serverless.yml event of this type (none for types Cairn has no form for). */
export function serverlessEventSettings(eventType: string): readonly EventSetting[] {
  return Object.prototype.hasOwnProperty.call(SERVERLESS_SETTINGS, eventType) ? SERVERLESS_SETTINGS[eventType]! : [];
}
