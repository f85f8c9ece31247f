import type { CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { allows, items, policyStatements } from './iam.ts';

/**
 * Actions a statement may allow on `Resource: '*'` without a warning. IAM cannot scope them to
 * a resource (the Service Authorization Reference lists no resource type for them), or AWS's
 * own policies grant them on `*` because the resources are made at run time:
 *
 * - X-Ray trace upload and sampling, CloudWatch metric data, SSM `DescribeParameters`, ECR's
 *   registry login token, `sts:GetCallerIdentity`, Step Functions task-token callbacks
 *   (`states:SendTask*`): no resource-level permissions at all.
 * - The ENI actions a Lambda function in a VPC needs: Lambda creates and deletes the network
 *   interfaces on the function's behalf, so their ids are unknown when the policy is written
 *   (AWSLambdaVPCAccessExecutionRole and SAM's `VPCAccessPolicy` grant them on `*`).
 * - EC2 `Describe*`: EC2 supports no resource-level permissions for its describe actions.
 * - Actions SAM's own policy templates grant on `*` (policy_templates.json): Comprehend,
 *   Rekognition and Textract detection, Cost Explorer reads, `secretsmanager:GetRandomPassword`,
 *   CodePipeline job results, ...
 *
 * Not on the list: `logs:CreateLogGroup` / `CreateLogStream` / `PutLogEvents`, which can be
 * scoped to the function's log group (`arn:...:log-group:/aws/lambda/<name>:*`).
 * Compared without case: IAM action names are case-insensitive.
 */
const STAR_ONLY_ACTIONS: ReadonlySet<string> = new Set(
  [
    'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets',
    'xray:GetSamplingStatisticSummaries',
    'cloudwatch:PutMetricData', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics',
    'cloudwatch:DescribeAlarmHistory', 'cloudwatch:ListDashboards',
    'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DetachNetworkInterface',
    'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
    'ecr:GetAuthorizationToken',
    'sts:GetCallerIdentity',
    'ssm:DescribeParameters',
    'secretsmanager:GetRandomPassword', 'secretsmanager:ListSecrets',
    'kms:ListKeys', 'kms:ListAliases',
    's3:ListAllMyBuckets',
    'codepipeline:PutJobSuccessResult', 'codepipeline:PutJobFailureResult',
    'comprehend:DetectDominantLanguage', 'comprehend:DetectEntities', 'comprehend:DetectKeyPhrases', 'comprehend:DetectSentiment',
    'comprehend:BatchDetectDominantLanguage', 'comprehend:BatchDetectEntities', 'comprehend:BatchDetectKeyPhrases',
    'comprehend:BatchDetectSentiment', 'comprehend:DetectPiiEntities', 'comprehend:DetectSyntax',
    'rekognition:CompareFaces', 'rekognition:DetectFaces', 'rekognition:DetectLabels', 'rekognition:DetectModerationLabels',
    'rekognition:DetectText',
    'textract:DetectDocumentText', 'textract:AnalyzeDocument', 'textract:StartDocumentTextDetection',
    'textract:StartDocumentAnalysis', 'textract:GetDocumentTextDetection', 'textract:GetDocumentAnalysis',
    'ce:GetCostAndUsage', 'ce:GetDimensionValues', 'ce:GetTags',
    'organizations:ListAccounts',
    'eks:ListClusters',
    'tag:GetResources',
    'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat',
  ].map((a) => a.toLowerCase()),
);
const STAR_ONLY_PREFIXES: readonly string[] = ['ec2:describe'];

function starOnly(action: string): boolean {
  const a = action.toLowerCase();
  return STAR_ONLY_ACTIONS.has(a) || STAR_ONLY_PREFIXES.some((p) => a.startsWith(p));
}

/** The path of a literal `'*'` in a one-or-list value, if there is one. */
function starAt(v: CfnValue | undefined, path: Path): Path | null {
  for (const i of items(v, path)) if (i.value === '*') return i.path;
  return null;
}

/**
 * An `Allow` statement with `Action: '*'` or `Resource: '*'` (a string or in a list) in a
 * permission policy or a bucket / queue / topic policy, unless every action it allows is one
 * that IAM cannot scope (see STAR_ONLY_ACTIONS).
 */
export const wildcardResource: Rule = {
  id: 'WILDCARD_RESOURCE',
  severity: 'warning',
  description: "An IAM statement allows every action or every resource ('*').",
  *check(ctx: RuleContext): Iterable<Finding> {
    for (const s of policyStatements(ctx)) {
      if (!allows(s.statement)) continue;
      const where = `A statement in ${s.owner}`;
      const anyAction = starAt(s.statement.Action, [...s.path, 'Action']);
      const anyResource = starAt(s.statement.Resource, [...s.path, 'Resource']);
      if (anyAction) {
        yield {
          path: anyAction,
          message: `${where} allows every action (Action '*')${anyResource ? ' on every resource' : ''}. List only the actions it needs (e.g. dynamodb:GetItem).`,
        };
        continue;
      }
      if (!anyResource) continue;
      const actions = [...items(s.statement.Action, [...s.path, 'Action'])].map((a) => a.value);
      if (actions.length > 0 && actions.every((a) => typeof a === 'string' && starOnly(a))) continue;
      const named = actions.filter((a): a is string => typeof a === 'string');
      const shown = named.length ? `${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''}` : 'its actions';
      yield {
        path: anyResource,
        message:
          s.kind === 'resource'
            ? `${where} allows ${shown} on every resource (Resource '*'). Name the ${s.type === 'AWS::S3::BucketPolicy' ? "bucket's ARN (and ARN/* for its objects)" : 'ARN the policy guards'} instead.`
            : `${where} allows ${shown} on every resource (Resource '*'). Scope Resource to the ARNs it needs (e.g. !GetAtt MyTable.Arn).`,
      };
    }
  },
};
