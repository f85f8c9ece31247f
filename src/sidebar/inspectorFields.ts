import type { NodeKind } from '../model/graph/types.ts';
import { asIntrinsic } from '../model/text/emit.ts';
import { isObject } from '../model/value.ts';
import type { CfnValue } from '../model/value.ts';

export interface Field {
  readonly name: string;
  readonly label: string;
  readonly input: 'text' | 'number' | 'select';
  readonly options?: readonly string[];
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly help?: string;
}

const RUNTIMES = ['nodejs22.x', 'nodejs20.x', 'python3.13', 'python3.12', 'python3.11', 'java21', 'java17', 'dotnet8', 'ruby3.3', 'provided.al2023'];

/** The form of each curated kind: its everyday settings. Everything else is edited as YAML. */
export const FIELDS: Partial<Record<NodeKind, readonly Field[]>> = {
  function: [
    { name: 'Handler', label: 'Handler', input: 'text', required: true, help: 'file.export, e.g. index.handler' },
    { name: 'Runtime', label: 'Runtime', input: 'select', options: RUNTIMES, required: true },
    { name: 'CodeUri', label: 'Code path', input: 'text', help: 'folder with the function code' },
    { name: 'MemorySize', label: 'Memory (MB)', input: 'number', min: 128, max: 10240 },
    { name: 'Timeout', label: 'Timeout (s)', input: 'number', min: 1, max: 900 },
    { name: 'Description', label: 'Description', input: 'text' },
  ],
  table: [
    { name: 'TableName', label: 'Table name', input: 'text', help: 'leave empty to let CloudFormation name it' },
    { name: 'BillingMode', label: 'Billing', input: 'select', options: ['PAY_PER_REQUEST', 'PROVISIONED'] },
  ],
  queue: [
    { name: 'QueueName', label: 'Queue name', input: 'text' },
    { name: 'VisibilityTimeout', label: 'Visibility timeout (s)', input: 'number', min: 0, max: 43200 },
    { name: 'DelaySeconds', label: 'Delay (s)', input: 'number', min: 0, max: 900 },
    { name: 'MessageRetentionPeriod', label: 'Retention (s)', input: 'number', min: 60, max: 1209600 },
  ],
  topic: [
    { name: 'TopicName', label: 'Topic name', input: 'text' },
    { name: 'DisplayName', label: 'Display name', input: 'text' },
  ],
  'object-store': [{ name: 'BucketName', label: 'Bucket name', input: 'text' }],
  stream: [
    { name: 'Name', label: 'Stream name', input: 'text' },
    { name: 'RetentionPeriodHours', label: 'Retention (h)', input: 'number', min: 24, max: 8760 },
  ],
  'rest-api': [
    { name: 'StageName', label: 'Stage', input: 'text', required: true },
    { name: 'Name', label: 'Name', input: 'text' },
  ],
  'http-api': [{ name: 'StageName', label: 'Stage', input: 'text' }],
  layer: [
    { name: 'LayerName', label: 'Layer name', input: 'text' },
    { name: 'ContentUri', label: 'Content path', input: 'text', required: true },
  ],
  'user-pool': [{ name: 'UserPoolName', label: 'Pool name', input: 'text' }],
};

/**
 * A serverless.yml function's form: SAM's function fields under the framework's names (`handler`
 * carries the code path: `src/hello/index.handler`). The field ids are `inspector-<name>`:
 * `inspector-handler`, `inspector-runtime`, `inspector-memorySize`, `inspector-timeout`,
 * `inspector-description` (stable: scripts and e2e/pages find fields by them and their labels).
 */
export const SERVERLESS_FUNCTION_FIELDS: readonly Field[] = FIELDS.function!.filter((f) => f.name !== 'CodeUri').map((f) => ({
  ...f,
  name: f.name[0]!.toLowerCase() + f.name.slice(1),
  ...(f.name === 'Handler' ? { help: 'path/file.export, e.g. src/hello/index.handler' } : {}),
}));

/** How a value shows in a form field: scalars as text; anything else is not a form value. */
export function fieldText(v: CfnValue | undefined): { text: string; editable: boolean } {
  if (v === undefined || v === null) return { text: '', editable: true };
  if (typeof v !== 'object') return { text: String(v), editable: true };
  const i = asIntrinsic(v);
  if (i && i.fn === 'Ref' && typeof i.arg === 'string') return { text: `!Ref ${i.arg}`, editable: false };
  if (i && i.fn === 'Fn::GetAtt' && Array.isArray(i.arg)) return { text: `!GetAtt ${i.arg.join('.')}`, editable: false };
  if (i && i.fn === 'Fn::Sub' && typeof i.arg === 'string') return { text: `!Sub ${i.arg}`, editable: false };
  return { text: isObject(v) || Array.isArray(v) ? '(set in YAML)' : String(v), editable: false };
}

export type Parsed = { readonly ok: true; readonly value: CfnValue | undefined } | { readonly ok: false; readonly reason: string };

/** What the user typed, as the value to write (`undefined`: remove the property). */
export function parseField(field: Field, text: string, inheritedValue = false): Parsed {
  const t = text.trim();
  if (t === '') return field.required && !inheritedValue ? { ok: false, reason: `${field.label} is required.` } : { ok: true, value: undefined };
  if (field.input === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, reason: `${field.label} must be a number.` };
    const n = Number(t);
    if (field.min !== undefined && n < field.min) return { ok: false, reason: `${field.label} must be at least ${field.min}.` };
    if (field.max !== undefined && n > field.max) return { ok: false, reason: `${field.label} must be at most ${field.max}.` };
    return { ok: true, value: n };
  }
  return { ok: true, value: t };
}
