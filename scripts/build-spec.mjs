#!/usr/bin/env node
/**
 * Builds `generated/spec.json`: the slice of the CloudFormation resource specification Cairn
 * needs, extracted from `@aws-cdk/aws-service-spec` (its `db.json.gz`, schema documented by
 * `@aws-cdk/service-spec-types`). Run by `npm install` (the `prepare` script); also importable:
 * `import { buildSpec } from './build-spec.mjs'; buildSpec({ force: false })`.
 *
 * Skips the work when the output is newer than both the database and this script.
 *
 * ## On-disk format (`generated/spec.json`, format "cairn-spec/1")
 *
 * ```
 * {
 *   "format": "cairn-spec/1",
 *   "source": "<where the data came from>",
 *   "resources": { "<CloudFormation type>": [ {<property>: P, ...}, ["<GetAtt name>", ...] ], ... },
 *   "types": [ {<property>: P, ...}, ... ]
 * }
 * ```
 *
 * - `resources` maps every resource type to its top-level properties and its `Fn::GetAtt`
 *   attribute names (dotted names such as `Endpoint.Address` are kept as one string).
 * - `types` are the nested property types (CloudFormation "property types"), addressed by their
 *   index in the array. They are the same shape as a resource's property map.
 * - A property `P` is either a flags number `F`, or `[F, typeIndex]`, or `[F, typeIndex, shape]`
 *   when the property's value is (or contains) the nested type `types[typeIndex]`:
 *   - `F = required + 2 * replacement`, `required` 0/1, `replacement` 0 = never, 1 = conditional
 *     (`causesReplacement: 'maybe'`), 2 = always (`causesReplacement: 'yes'`). So F is 0..5.
 *   - `shape` (absent = the value is one object of that type) lists the containers from the
 *     outside in: `"a"` = a list of them, `"m"` = a map of them, `"aa"` = a list of lists.
 *   - For a union type (e.g. string or object), the first object type of the union is given.
 *
 * ## `generated/resource-types.json` (format "cairn-resource-types/1")
 *
 * The browser's CloudFormation resource picker loads this small file lazily (it is never in
 * the first download): every type above, with its required top-level properties and the first
 * sentence of its documentation, clipped.
 *
 * ```
 * { "format": "cairn-resource-types/1", "source": "...",
 *   "types": [ ["AWS::SQS::Queue", ["<required property>", ...], "<one-line description>"], ... ] }
 * ```
 *
 * ## AWS::Serverless::* (SAM) types
 *
 * The service database carries a stale copy of the SAM types (7 of 12 types, properties from
 * around 2021, every property marked as causing replacement, no attributes). They are replaced
 * here by `SAM_TYPES` below, taken from the SAM project's `schema_source/sam.schema.json`
 * (aws/serverless-application-model at 7000d0a3b0e5e0d9fca014ce135850718aad1290, Apache-2.0):
 * property names and required flags as that schema states them (it marks nothing required for
 * `Function`: one of CodeUri / InlineCode / ImageUri is needed, a rule checks that). SAM types
 * have no nested types here (top level only). Their replacement flag and attributes come from
 * the CloudFormation resource the SAM transform generates under the same logical ID
 * (`SAM_GENERATED`): e.g. `AWS::Serverless::Function.FunctionName` replaces because
 * `AWS::Lambda::Function.FunctionName` does, and `!GetAtt MyFunction.Arn` is the Lambda's.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DIR = join(ROOT, 'node_modules', '@aws-cdk', 'aws-service-spec');
const DB_PATH = join(PACKAGE_DIR, 'db.json.gz');
export const SPEC_PATH = join(ROOT, 'generated', 'spec.json');
export const SPEC_FORMAT = 'cairn-spec/1';
export const TYPES_PATH = join(ROOT, 'generated', 'resource-types.json');
export const TYPES_FORMAT = 'cairn-resource-types/1';

/** One line per SAM type (the service database's copies have no documentation of their own). */
const SAM_DESCRIPTIONS = {
  Api: 'An API Gateway REST API whose routes are the Api events of functions.',
  Application: 'A nested application from the AWS Serverless Application Repository or an S3 template.',
  CapacityProvider: 'Lambda managed instances: EC2 capacity that functions can run on.',
  Connector: 'Permissions between two resources, written by SAM from a source, a destination and access levels.',
  Function: 'A Lambda function with its role, event sources and permissions, written by SAM.',
  GraphQLApi: 'An AppSync GraphQL API with its schema, data sources, functions and resolvers.',
  HttpApi: 'An API Gateway HTTP API whose routes are the HttpApi events of functions.',
  LayerVersion: 'A Lambda layer version: code or libraries shared by functions.',
  SimpleTable: 'A DynamoDB table with one primary key attribute.',
  StateMachine: 'A Step Functions state machine with its role and event sources.',
  WebSocketApi: 'An API Gateway WebSocket API with its routes and integrations.',
};

const MAX_DESCRIPTION = 140;

/** The first sentence of a type's documentation, as plain text, without its own type name. */
export function describeType(type, documentation) {
  // the first paragraph that is not a note (`> AWS WAF Classic support will end ...`)
  const paragraphs = String(documentation ?? '').split(/\n\s*\n/).filter((p) => !/^\s*>/.test(p));
  let text = (paragraphs[0] ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
  const end = text.search(/\.\s+(?=[A-Z])/);
  if (end > 0) text = text.slice(0, end + 1);
  text = text.replace(new RegExp(`^(The )?${type.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (resource )?(type )?`, 'i'), '');
  // nothing said: a link, or "Resource Type definition for AWS::X::Y"
  if (/^https?:/.test(text) || /^Resource Type definition for /i.test(text)) return '';
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (text.length > MAX_DESCRIPTION) text = `${text.slice(0, text.lastIndexOf(' ', MAX_DESCRIPTION - 1))}…`;
  return text;
}

/** The picker's list, from the extracted spec and the database's documentation. Pure. */
export function extractResourceTypes(spec, db) {
  const docs = new Map();
  for (const r of db?.schema?.resource?.entities ?? []) if (typeof r.cloudFormationType === 'string') docs.set(r.cloudFormationType, r.documentation);
  const types = Object.entries(spec.resources).map(([type, [props]]) => {
    const required = Object.entries(props)
      .filter(([, p]) => ((Array.isArray(p) ? p[0] : p) & 1) === 1)
      .map(([name]) => name);
    const sam = type.startsWith('AWS::Serverless::') ? SAM_DESCRIPTIONS[type.slice('AWS::Serverless::'.length)] : undefined;
    return [type, required, sam ?? describeType(type, docs.get(type))];
  });
  return { format: TYPES_FORMAT, source: spec.source, types };
}

/** SAM resource types: [properties, required] from sam.schema.json (see the header). */
const SAM_TYPES = {
  Api: [
    ['AccessLogSetting', 'AlwaysDeploy', 'ApiKeySourceType', 'Auth', 'BinaryMediaTypes', 'CacheClusterEnabled',
      'CacheClusterSize', 'CanarySetting', 'Cors', 'DefinitionBody', 'DefinitionUri', 'Description',
      'DisableExecuteApiEndpoint', 'Domain', 'EndpointAccessMode', 'EndpointConfiguration', 'FailOnWarnings',
      'GatewayResponses', 'MergeDefinitions', 'MethodSettings', 'MinimumCompressionSize', 'Mode', 'Models', 'Name',
      'OpenApiVersion', 'Policy', 'PropagateTags', 'SecurityPolicy', 'StageName', 'Tags', 'TracingEnabled', 'Variables'],
    ['StageName'],
  ],
  Application: [['Location', 'NotificationARNs', 'Parameters', 'Tags', 'TimeoutInMinutes'], ['Location']],
  CapacityProvider: [
    ['CapacityProviderName', 'InstanceRequirements', 'KmsKeyArn', 'OperatorRole', 'PropagateTags', 'ScalingConfig',
      'Tags', 'VpcConfig'],
    ['VpcConfig'],
  ],
  Connector: [['Destination', 'Permissions', 'Source'], ['Source', 'Destination', 'Permissions']],
  Function: [
    ['Architectures', 'AssumeRolePolicyDocument', 'AutoPublishAlias', 'AutoPublishAliasAllProperties',
      'AutoPublishCodeSha256', 'CapacityProviderConfig', 'CodeSigningConfigArn', 'CodeUri', 'DeadLetterQueue',
      'DeploymentPreference', 'Description', 'DurableConfig', 'Environment', 'EphemeralStorage', 'EventInvokeConfig',
      'Events', 'FileSystemConfigs', 'FunctionName', 'FunctionScalingConfig', 'FunctionUrlConfig', 'Handler',
      'ImageConfig', 'ImageUri', 'InlineCode', 'KmsKeyArn', 'Layers', 'LoggingConfig', 'MemorySize', 'PackageType',
      'PermissionsBoundary', 'Policies', 'PropagateTags', 'ProvisionedConcurrencyConfig', 'PublishToLatestPublished',
      'RecursiveLoop', 'ReservedConcurrentExecutions', 'Role', 'RolePath', 'Runtime', 'RuntimeManagementConfig',
      'SnapStart', 'SourceKMSKeyArn', 'Tags', 'TenancyConfig', 'Timeout', 'Tracing', 'VersionDeletionPolicy',
      'VersionDescription', 'VpcConfig'],
    [],
  ],
  GraphQLApi: [
    ['ApiKeys', 'Auth', 'Cache', 'DataSources', 'DomainName', 'Functions', 'IntrospectionConfig', 'Logging', 'Name',
      'OwnerContact', 'QueryDepthLimit', 'ResolverCountLimit', 'Resolvers', 'SchemaInline', 'SchemaUri', 'Tags',
      'Visibility', 'XrayEnabled'],
    ['Auth'],
  ],
  HttpApi: [
    ['AccessLogSettings', 'Auth', 'CorsConfiguration', 'DefaultRouteSettings', 'DefinitionBody', 'DefinitionUri',
      'Description', 'DisableExecuteApiEndpoint', 'Domain', 'FailOnWarnings', 'Name', 'PropagateTags', 'RouteSettings',
      'StageName', 'StageVariables', 'Tags'],
    [],
  ],
  LayerVersion: [
    ['CompatibleArchitectures', 'CompatibleRuntimes', 'ContentUri', 'Description', 'LayerName', 'LicenseInfo',
      'PublishLambdaVersion', 'RetentionPolicy'],
    ['ContentUri'],
  ],
  SimpleTable: [['PointInTimeRecoverySpecification', 'PrimaryKey', 'ProvisionedThroughput', 'SSESpecification', 'TableName', 'Tags'], []],
  StateMachine: [
    ['AutoPublishAlias', 'Definition', 'DefinitionSubstitutions', 'DefinitionUri', 'DeploymentPreference', 'Events',
      'Logging', 'Name', 'PermissionsBoundary', 'Policies', 'PropagateTags', 'Role', 'RolePath', 'Tags', 'Tracing',
      'Type', 'UseAliasAsEventTarget'],
    [],
  ],
  WebSocketApi: [
    ['AccessLogSettings', 'ApiKeySelectionExpression', 'Auth', 'DefaultRouteSettings', 'Description',
      'DisableExecuteApiEndpoint', 'DisableSchemaValidation', 'Domain', 'IpAddressType', 'Name', 'PropagateTags',
      'RouteSelectionExpression', 'RouteSettings', 'Routes', 'StageName', 'StageVariables', 'Tags'],
    ['Routes', 'RouteSelectionExpression'],
  ],
};

/**
 * The resource the SAM transform generates under the SAM resource's own logical ID, and SAM
 * property names that map to a differently named property of it. SAM properties with no
 * counterpart there (Events, Policies, ...) change other generated resources: `never`.
 * LayerVersion's logical ID gets a content hash, so it has no GetAtt; every change makes a new
 * layer version, which is what its counterpart's always-replace flags say. Connector generates
 * only policies and permissions.
 */
const SAM_GENERATED = {
  Api: ['AWS::ApiGateway::RestApi', {}],
  Application: ['AWS::CloudFormation::Stack', { Location: 'TemplateURL' }],
  CapacityProvider: ['AWS::Lambda::CapacityProvider', { ScalingConfig: 'CapacityProviderScalingConfig', OperatorRole: 'PermissionsConfig' }],
  Connector: [null, {}],
  Function: ['AWS::Lambda::Function', {}],
  GraphQLApi: ['AWS::AppSync::GraphQLApi', {}],
  HttpApi: ['AWS::ApiGatewayV2::Api', {}],
  LayerVersion: ['AWS::Lambda::LayerVersion', { ContentUri: 'Content' }, { noAttributes: true }],
  SimpleTable: ['AWS::DynamoDB::Table', { PrimaryKey: 'KeySchema' }],
  StateMachine: ['AWS::StepFunctions::StateMachine', { Name: 'StateMachineName', Type: 'StateMachineType' }],
  WebSocketApi: ['AWS::ApiGatewayV2::Api', {}],
};

class BuildSpecError extends Error {}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function packageVersion() {
  try {
    return JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')).version ?? '?';
  } catch {
    return '?';
  }
}

const replacementOf = (p) => (p.causesReplacement === 'yes' ? 2 : p.causesReplacement === 'maybe' ? 1 : 0);
const flagsOf = (p) => (p.required === true ? 1 : 0) + 2 * replacementOf(p);

/** Extracts the slim spec from the parsed database. Pure: exported for tests and other scripts. */
export function extractSpec(db, source) {
  const schema = db?.schema;
  const resources = schema?.resource?.entities;
  const typeDefs = schema?.typeDefinition?.entities;
  if (!Array.isArray(resources) || !Array.isArray(typeDefs)) {
    throw new BuildSpecError('unexpected db.json.gz layout (no schema.resource / schema.typeDefinition entities)');
  }
  const typeIndex = new Map();
  typeDefs.forEach((t, i) => typeIndex.set(t.$id, i));

  /** [index, shape] of the first nested type inside a property type, or null. */
  const nestedOf = (t) => {
    if (!t || typeof t !== 'object') return null;
    if (t.type === 'ref') {
      const i = typeIndex.get(t.reference?.$ref);
      return i === undefined ? null : [i, ''];
    }
    if (t.type === 'array' || t.type === 'map') {
      const inner = nestedOf(t.element);
      return inner ? [inner[0], (t.type === 'array' ? 'a' : 'm') + inner[1]] : null;
    }
    if (t.type === 'union' && Array.isArray(t.types)) {
      for (const u of t.types) {
        const inner = nestedOf(u);
        if (inner) return inner;
      }
    }
    return null;
  };
  const propertyMap = (props) => {
    const out = {};
    for (const name of Object.keys(props ?? {}).sort()) {
      const p = props[name];
      const flags = flagsOf(p);
      const nested = nestedOf(p.type);
      out[name] = nested ? (nested[1] ? [flags, nested[0], nested[1]] : [flags, nested[0]]) : flags;
    }
    return out;
  };

  const out = {};
  for (const r of resources) {
    if (typeof r.cloudFormationType !== 'string') continue;
    out[r.cloudFormationType] = [propertyMap(r.properties), Object.keys(r.attributes ?? {})];
  }
  for (const [short, [names, required]] of Object.entries(SAM_TYPES)) {
    const [generated, renames, opts] = SAM_GENERATED[short];
    const base = generated ? out[generated] : undefined;
    const props = {};
    for (const name of [...names].sort()) {
      const counterpart = base?.[0][renames[name] ?? name];
      const counterFlags = counterpart === undefined ? 0 : Array.isArray(counterpart) ? counterpart[0] : counterpart;
      props[name] = (required.includes(name) ? 1 : 0) + 2 * (counterFlags >> 1);
    }
    out[`AWS::Serverless::${short}`] = [props, base && !opts?.noAttributes ? [...base[1]] : []];
  }
  // Keep only the property types some resource reaches (the stale SAM ones are dropped), renumbered.
  const allTypes = typeDefs.map((t) => propertyMap(t.properties));
  const renumber = new Map();
  const queue = [];
  const visit = (props) => {
    for (const p of Object.values(props)) {
      if (Array.isArray(p) && !renumber.has(p[1])) {
        renumber.set(p[1], -1);
        queue.push(p[1]);
      }
    }
  };
  for (const [props] of Object.values(out)) visit(props);
  while (queue.length > 0) visit(allTypes[queue.pop()]);
  const kept = [...renumber.keys()].sort((a, b) => a - b);
  kept.forEach((old, i) => renumber.set(old, i));
  const remap = (props) => {
    const o = {};
    for (const [name, p] of Object.entries(props)) o[name] = Array.isArray(p) ? [p[0], renumber.get(p[1]), ...p.slice(2)] : p;
    return o;
  };
  const sorted = {};
  for (const k of Object.keys(out).sort()) sorted[k] = [remap(out[k][0]), out[k][1]];
  return { format: SPEC_FORMAT, source, resources: sorted, types: kept.map((i) => remap(allTypes[i])) };
}

/**
 * Writes generated/spec.json unless it is already newer than its inputs (or `force`).
 * Returns `{ path, built, types, bytes }`; throws when the package is missing or malformed.
 */
export function buildSpec({ force = false, quiet = false } = {}) {
  const say = (line) => {
    if (!quiet) console.log(line);
  };
  const rel = relative(process.cwd(), SPEC_PATH) || SPEC_PATH;
  if (!existsSync(DB_PATH)) {
    throw new BuildSpecError(
      `@aws-cdk/aws-service-spec is not installed (no ${relative(ROOT, DB_PATH)}); run npm install with dev dependencies`,
    );
  }
  const outTime = Math.min(mtime(SPEC_PATH), mtime(TYPES_PATH));
  if (!force && outTime > mtime(DB_PATH) && outTime > mtime(fileURLToPath(import.meta.url))) {
    say(`build-spec: ${rel} is up to date`);
    return { path: SPEC_PATH, built: false, types: null, bytes: statSync(SPEC_PATH).size };
  }
  let db;
  try {
    db = JSON.parse(gunzipSync(readFileSync(DB_PATH)).toString('utf8'));
  } catch (e) {
    throw new BuildSpecError(`cannot read ${relative(ROOT, DB_PATH)}: ${e instanceof Error ? e.message : e}`);
  }
  const spec = extractSpec(db, `@aws-cdk/aws-service-spec@${packageVersion()}; SAM types from aws/serverless-application-model@7000d0a`);
  const text = JSON.stringify(spec);
  const list = JSON.stringify(extractResourceTypes(spec, db));
  mkdirSync(dirname(SPEC_PATH), { recursive: true });
  writeAtomically(TYPES_PATH, list);
  writeAtomically(SPEC_PATH, text);
  const types = Object.keys(spec.resources).length;
  say(`build-spec: wrote ${rel} (${types} resource types, ${spec.types.length} property types, ${Math.round(text.length / 1024)} KB)`);
  say(`build-spec: wrote ${relative(process.cwd(), TYPES_PATH) || TYPES_PATH} (${Math.round(list.length / 1024)} KB)`);
  return { path: SPEC_PATH, built: true, types, bytes: text.length };
}

function writeAtomically(path, text) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    buildSpec({ force: process.argv.includes('--force') });
  } catch (e) {
    console.error(`build-spec: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
