import { locate } from '../model/diagnostics/locate.ts';
import { asIntrinsic } from '../model/text/emit.ts';
import { isObject } from '../model/value.ts';
import type { CfnObject, CfnValue } from '../model/value.ts';
import { nodeAt } from '../model/yaml/nav.ts';
import type { ParsedText } from '../model/yaml/parse.ts';

/** Parameter types offered in the form (any other type in the file is kept and shown). */
export const PARAMETER_TYPES: readonly string[] = [
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  'AWS::SSM::Parameter::Value<String>',
  'AWS::EC2::VPC::Id',
  'AWS::EC2::Subnet::Id',
  'List<AWS::EC2::Subnet::Id>',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::Route53::HostedZone::Id',
];

/** `Fn::GetAtt` attributes worth offering per type (Ref is always offered). */
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Function': ['Arn'],
  'AWS::Lambda::Function': ['Arn'],
  'AWS::DynamoDB::Table': ['Arn'],
  'AWS::SQS::Queue': ['Arn', 'QueueName'],
  'AWS::SNS::Topic': ['TopicName'],
  'AWS::S3::Bucket': ['Arn', 'DomainName'],
  'AWS::Kinesis::Stream': ['Arn'],
  'AWS::Cognito::UserPool': ['Arn', 'ProviderURL'],
  'AWS::Events::EventBus': ['Arn'],
  'AWS::CloudFront::Distribution': ['DomainName'],
  'AWS::RDS::DBCluster': ['Endpoint.Address'],
  'AWS::Serverless::StateMachine': ['Name'],
  'AWS::StepFunctions::StateMachine': ['Name'],
  'AWS::SecretsManager::Secret': [],
};

export interface ValueChoice {
  readonly key: string;
  readonly label: string;
  readonly value: CfnValue;
}

export function referenceValue(id: string): CfnValue {
  return { Ref: id };
}

/** The choice key of a value when it is a plain Ref or GetAtt; '' otherwise. */
export function valueChoiceKey(v: CfnValue | undefined): string {
  const i = v === undefined ? null : asIntrinsic(v);
  if (!i) return '';
  if (i.fn === 'Ref' && typeof i.arg === 'string') return `Ref:${i.arg}`;
  if (i.fn === 'Fn::GetAtt') {
    if (typeof i.arg === 'string') return `GetAtt:${i.arg}`;
    if (Array.isArray(i.arg) && i.arg.every((a) => typeof a === 'string')) return `GetAtt:${i.arg.join('.')}`;
  }
  return '';
}

let lastChoices: { readonly signature: string; readonly choices: readonly ValueChoice[] } | null = null;

/**
 * What an output (or a property) may name: every resource (but `exclude`) and parameter, and
 * common attributes. The same list object as long as the names and types are the same, so a
 * form re-rendered after an edit elsewhere leaves its pickers' options alone.
 */
export function referenceChoices(resources: CfnObject, params: CfnObject, exclude?: string): readonly ValueChoice[] {
  const typed: Array<[string, string]> = [];
  for (const [id, def] of Object.entries(resources)) {
    if (id !== exclude) typed.push([id, isObject(def) && typeof def['Type'] === 'string' ? def['Type'] : '']);
  }
  const names = Object.keys(params);
  const signature = JSON.stringify([typed, names]);
  if (lastChoices?.signature === signature) return lastChoices.choices;
  const out: ValueChoice[] = [];
  for (const [id, type] of typed) {
    out.push({ key: `Ref:${id}`, label: `!Ref ${id}`, value: { Ref: id } });
    for (const attr of ATTRIBUTES[type] ?? []) {
      out.push({ key: `GetAtt:${id}.${attr}`, label: `!GetAtt ${id}.${attr}`, value: { 'Fn::GetAtt': [id, attr] } });
    }
  }
  for (const name of names) out.push({ key: `Ref:${name}`, label: `!Ref ${name} (parameter)`, value: { Ref: name } });
  lastChoices = { signature, choices: out };
  return out;
}

/** `Prefix1`, `Prefix2`, ...: the first not taken. */
export function freeName(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/**
 * The value at `path` exactly as written in the file, with the indentation of its continuation
 * lines taken off, so it reads (and re-parses) as a fragment on its own.
 */
export function sourceOf(parsed: ParsedText, path: readonly (string | number)[]): string {
  if (!parsed.doc || !nodeAt(parsed.doc, path)) return '';
  const r = locate(parsed, path);
  if (!r) return '';
  // the parser's range starts after a tag (`!Equals [...]`): take the tag too
  let start = r.start.offset;
  const before = /(![^\s]*)\s+$/.exec(parsed.text.slice(Math.max(0, start - 200), start));
  if (before) start -= before[0].length;
  const lines = parsed.text.slice(start, r.end.offset).replace(/\r\n?/g, '\n').split('\n');
  const rest = lines.slice(1).filter((l) => l.trim());
  const column = start - parsed.text.lastIndexOf('\n', start - 1) - 1;
  const indent = rest.length ? Math.min(column, ...rest.map((l) => l.length - l.trimStart().length)) : 0;
  return [lines[0], ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))].join('\n');
}
