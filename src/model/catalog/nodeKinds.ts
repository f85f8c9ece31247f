import type { NodeKind } from '../graph/types.ts';
import type { CfnObject } from '../value.ts';

export interface NodeKindInfo {
  readonly kind: NodeKind;
  readonly label: string;
  /** Article for sentences ("an Object Store"); empty for plural-looking labels ("Secrets"). */
  readonly article: 'a' | 'an' | '';
  readonly description: string;
  /** Icon id; the canvas maps ids to artwork. */
  readonly icon: string;
  /** The CloudFormation type Cairn writes when the node is added; absent: no resource of its own. */
  readonly writes?: string;
  /** Every type read back as this kind by `kindOfType` (`writes` first). */
  readonly recognises: readonly string[];
  /** Cairn pseudo type of a derived node (`GraphNode.type`), for kinds without a resource. */
  readonly pseudoType?: string;
  /** How a kind without a type of its own appears in a template. */
  readonly representedAs?: string;
  /** Can start an access wire. */
  readonly compute: boolean;
  /** Is drawn around other nodes. */
  readonly container: boolean;
}

/** The curated kinds in palette order (PRODUCT.md's node table). */
export const NODE_KINDS: readonly NodeKindInfo[] = [
  { kind: 'function', label: 'Function', article: 'a', icon: 'function', compute: true, container: false,
    description: 'Runs your code on AWS Lambda when something triggers it.',
    writes: 'AWS::Serverless::Function', recognises: ['AWS::Serverless::Function', 'AWS::Lambda::Function'] },
  { kind: 'rest-api', label: 'REST API', article: 'a', icon: 'rest-api', compute: false, container: false,
    description: 'An API Gateway REST API; its routes are trigger wires to functions.',
    writes: 'AWS::Serverless::Api', recognises: ['AWS::Serverless::Api', 'AWS::ApiGateway::RestApi'] },
  { kind: 'http-api', label: 'HTTP API', article: 'an', icon: 'http-api', compute: false, container: false,
    description: 'An API Gateway HTTP API (cheaper, simpler); its routes are trigger wires to functions.',
    writes: 'AWS::Serverless::HttpApi', recognises: ['AWS::Serverless::HttpApi', 'AWS::ApiGatewayV2::Api'] },
  { kind: 'graphql-api', label: 'GraphQL API', article: 'a', icon: 'graphql-api', compute: false, container: false,
    description: 'An AppSync GraphQL API with its data sources and resolvers.',
    writes: 'AWS::AppSync::GraphQLApi', recognises: ['AWS::AppSync::GraphQLApi', 'AWS::Serverless::GraphQLApi'] },
  { kind: 'table', label: 'Table', article: 'a', icon: 'table', compute: false, container: false,
    description: 'A DynamoDB table: keys, billing and an optional change stream.',
    writes: 'AWS::DynamoDB::Table', recognises: ['AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable'] },
  { kind: 'object-store', label: 'Object Store', article: 'an', icon: 'object-store', compute: false, container: false,
    description: 'An S3 bucket for files, private and encrypted.',
    writes: 'AWS::S3::Bucket', recognises: ['AWS::S3::Bucket'] },
  { kind: 'topic', label: 'Topic', article: 'a', icon: 'topic', compute: false, container: false,
    description: 'An SNS topic: publish once, deliver to every subscriber.',
    writes: 'AWS::SNS::Topic', recognises: ['AWS::SNS::Topic'] },
  { kind: 'queue', label: 'Queue', article: 'a', icon: 'queue', compute: false, container: false,
    description: 'An SQS queue: messages wait until a consumer takes them.',
    writes: 'AWS::SQS::Queue', recognises: ['AWS::SQS::Queue'] },
  { kind: 'stream', label: 'Stream', article: 'a', icon: 'stream', compute: false, container: false,
    description: 'A Kinesis data stream: ordered records, read in batches.',
    writes: 'AWS::Kinesis::Stream', recognises: ['AWS::Kinesis::Stream'] },
  { kind: 'timer', label: 'Timer', article: 'a', icon: 'timer', compute: false, container: false,
    description: 'Runs the functions it is wired to on a schedule (rate or cron).',
    recognises: ['Cairn::Timer'], pseudoType: 'Cairn::Timer',
    representedAs: 'No resource: a `Schedule` (or `ScheduleV2`) event in the `Events` of each function it is wired to; in serverless.yml a `schedule` event.' },
  { kind: 'user-pool', label: 'User Pool', article: 'a', icon: 'user-pool', compute: false, container: false,
    description: 'A Cognito user pool (sign-up and sign-in) and a client for your app.',
    writes: 'AWS::Cognito::UserPool', recognises: ['AWS::Cognito::UserPool'] },
  { kind: 'secrets', label: 'Secrets', article: '', icon: 'secrets', compute: false, container: false,
    description: "Read access to the environment's secrets in AWS Secrets Manager; values never enter the template.",
    recognises: ['Cairn::Secrets'], pseudoType: 'Cairn::Secrets',
    representedAs: "No resource: `AWSSecretsManagerGetSecretValuePolicy` on each function wired to it, scoped to the environment's namespace `cairn/${AWS::StackName}/`, and a `SECRETS_NAMESPACE` variable." },
  { kind: 'layer', label: 'Layer', article: 'a', icon: 'layer', compute: false, container: false,
    description: 'Code or libraries shared by several functions.',
    writes: 'AWS::Serverless::LayerVersion', recognises: ['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion'] },
  { kind: 'cdn', label: 'CDN', article: 'a', icon: 'cdn', compute: false, container: false,
    description: 'A CloudFront distribution that caches and serves content worldwide.',
    writes: 'AWS::CloudFront::Distribution', recognises: ['AWS::CloudFront::Distribution'] },
  { kind: 'edge-function', label: 'Edge Function', article: 'an', icon: 'edge-function', compute: true, container: false,
    description: 'A Lambda@Edge function run by a CDN (deployed in us-east-1; no environment variables).',
    writes: 'AWS::Serverless::Function', recognises: [],
    representedAs: "An `AWS::Serverless::Function` with an `AutoPublishAlias`, whose version (`!Ref <Id>.Version`) is in a CloudFront distribution's `LambdaFunctionAssociations`. `kindOfType` says `function`; the graph tells the two apart by that association." },
  { kind: 'virtual-network', label: 'Virtual Network', article: 'a', icon: 'virtual-network', compute: false, container: true,
    description: 'A VPC with public and private subnets; functions and databases inside it run in its private subnets.',
    writes: 'AWS::EC2::VPC', recognises: ['AWS::EC2::VPC'] },
  { kind: 'database', label: 'Database', article: 'a', icon: 'database', compute: false, container: false,
    description: 'An Aurora (RDS) database inside a Virtual Network, its password kept in Secrets Manager.',
    writes: 'AWS::RDS::DBCluster', recognises: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'] },
  { kind: 'docker-task', label: 'Docker Task', article: 'a', icon: 'docker-task', compute: true, container: false,
    description: 'A container image run as an ECS Fargate task.',
    writes: 'AWS::ECS::TaskDefinition', recognises: ['AWS::ECS::TaskDefinition'] },
  { kind: 'resource', label: 'CloudFormation resource', article: 'a', icon: 'resource', compute: false, container: false,
    description: 'Any other CloudFormation resource type, its properties edited as YAML.',
    recognises: [] },
  { kind: 'existing', label: 'Existing resource', article: 'an', icon: 'existing', compute: false, container: false,
    description: 'Something already provisioned, referred to by its ARN.',
    recognises: ['Cairn::Existing'], pseudoType: 'Cairn::Existing',
    representedAs: 'No resource: an ARN, held in a template Parameter (or written literally) where the template refers to it.' },
];

const BY_KIND: ReadonlyMap<NodeKind, NodeKindInfo> = new Map(NODE_KINDS.map((k) => [k.kind, k]));
const BY_TYPE: ReadonlyMap<string, NodeKind> = new Map(NODE_KINDS.flatMap((k) => k.recognises.map((t) => [t, k.kind] as const)));

export function nodeKindInfo(kind: NodeKind): NodeKindInfo {
  return BY_KIND.get(kind)!;
}

/** The kind a CloudFormation (or Cairn pseudo) type is drawn as; any other type is a `resource`. */
export function kindOfType(type: string): NodeKind {
  return BY_TYPE.get(type) ?? 'resource';
}

export function isCompute(kind: NodeKind): boolean {
  return nodeKindInfo(kind).compute;
}

/** "a Table", "an Object Store", "Secrets"; `capital` for the start of a sentence. */
export function kindPhrase(kind: NodeKind, capital = false): string {
  const k = nodeKindInfo(kind);
  if (!k.article) return k.label;
  return `${capital ? k.article[0]!.toUpperCase() + k.article.slice(1) : k.article} ${k.label}`;
}

/** Node.js runtime Cairn writes for new functions and layers. */
export const DEFAULT_RUNTIME = 'nodejs22.x';

/** CloudFront's managed `CachingOptimized` cache policy. */
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

/**
 * The properties Cairn writes when the user adds a node of this kind; `undefined` for kinds
 * without a resource of their own (timer, secrets, existing) and for `resource`, whose type
 * the user picks. Companion resources (a user pool's client, a database's instance and
 * subnet group, a network's subnets) are the edit engine's to add.
 */
export function defaultProperties(kind: NodeKind, logicalId: string): CfnObject | undefined {
  const dir = logicalId.toLowerCase();
  switch (kind) {
    case 'function':
      return { Handler: 'index.handler', Runtime: DEFAULT_RUNTIME, CodeUri: `src/${dir}/` };
    case 'edge-function':
      return {
        Handler: 'index.handler',
        Runtime: DEFAULT_RUNTIME,
        CodeUri: `src/${dir}/`,
        AutoPublishAlias: 'live',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] }, Action: 'sts:AssumeRole' },
          ],
        },
      };
    case 'rest-api':
      return { StageName: 'Prod' };
    case 'http-api':
      return {};
    case 'graphql-api':
      return { Name: { 'Fn::Sub': `\${AWS::StackName}-${logicalId}` }, AuthenticationType: 'AWS_IAM' };
    case 'table':
      return {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      };
    case 'object-store':
      return {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      };
    case 'topic':
    case 'queue':
      return {};
    case 'stream':
      return { StreamModeDetails: { StreamMode: 'ON_DEMAND' } };
    case 'user-pool':
      return { UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] };
    case 'layer':
      return { ContentUri: `layers/${dir}/`, CompatibleRuntimes: [DEFAULT_RUNTIME] };
    case 'cdn':
      return {
        DistributionConfig: {
          Enabled: true,
          // A placeholder origin: CloudFront requires one, and the user replaces it in the form.
          Origins: [{ Id: 'origin', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
          DefaultCacheBehavior: { TargetOriginId: 'origin', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: CACHING_OPTIMIZED },
        },
      };
    case 'virtual-network':
      return { CidrBlock: '10.0.0.0/16', EnableDnsSupport: true, EnableDnsHostnames: true };
    case 'database':
      return {
        Engine: 'aurora-postgresql',
        ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 },
        MasterUsername: 'app_admin',
        // The password lives in Secrets Manager (GetAtt MasterUserSecret.SecretArn), never in the template.
        ManageMasterUserPassword: true,
        StorageEncrypted: true,
      };
    case 'docker-task':
      return {
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '256',
        Memory: '512',
        ContainerDefinitions: [{ Name: dir, Image: 'public.ecr.aws/docker/library/busybox:stable', Essential: true }],
      };
    case 'timer':
    case 'secrets':
    case 'existing':
    case 'resource':
      return undefined;
  }
}
