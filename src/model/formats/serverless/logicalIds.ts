/**
 * The logical ids the Serverless Framework gives the resources it generates
 * (`lib/plugins/aws/lib/naming.js`), so that a `!GetAtt HelloLambdaFunction.Arn` or a
 * `resources.Resources.S3BucketUploads` override can be matched to what it stands for.
 */

const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** `normalizeNameToAlphaNumericOnly`: `my-bucket.dev` -> `Mybucketdev`. */
export function alphaNumeric(name: string): string {
  return upperFirst(name.replace(/[^0-9A-Za-z]/g, ''));
}

/** `getNormalizedFunctionName`: `send-mail_now` -> `SendDashmailUnderscorenow`. */
export function normalizedFunctionName(name: string): string {
  return upperFirst(name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore'));
}

export const REST_API_ID = 'ApiGatewayRestApi';
export const HTTP_API_ID = 'HttpApi';
export const WEBSOCKET_API_ID = 'WebsocketsApi';
/** The role every function shares unless it names its own (`provider.iam.role` statements go here). */
export const PROVIDER_ROLE_ID = 'IamRoleLambdaExecution';

/** `functions.<name>` -> `<Name>LambdaFunction`. */
export function functionLogicalId(name: string): string {
  return `${normalizedFunctionName(name)}LambdaFunction`;
}

/** `layers.<name>` -> `<Name>LambdaLayer`. */
export function layerLogicalId(name: string): string {
  return `${normalizedFunctionName(name)}LambdaLayer`;
}

/** The bucket an `s3` event creates for a bucket name (without `existing: true`). */
export function bucketLogicalId(bucketName: string): string {
  return `S3Bucket${alphaNumeric(bucketName)}`;
}

/** The topic an `sns` event creates for a topic name (no ARN). */
export function topicLogicalId(topicName: string): string {
  return `SNSTopic${alphaNumeric(topicName)}`;
}

/** The user pool a `cognitoUserPool` event creates (without `existing: true`). */
export function userPoolLogicalId(pool: string): string {
  return `CognitoUserPool${alphaNumeric(pool)}`;
}

/** The event bus an `eventBridge` event creates for a bus name (not an ARN, not `default`). */
export function eventBusLogicalId(busName: string): string {
  return `${normalizedFunctionName(busName)}EventBridgeEventBus`;
}

/** The distribution the framework creates for the service's `cloudFront` events (one per service). */
export const CLOUDFRONT_DISTRIBUTION_ID = 'CloudFrontDistribution';

/** The topic rule of a function's n-th (from 1) `iot` event. */
export function iotTopicRuleLogicalId(fn: string, n: number): string {
  return `${normalizedFunctionName(fn)}IotTopicRule${n}`;
}

/** The provisioning template of a function's `iotFleetProvisioning` event. */
export function iotProvisioningTemplateLogicalId(fn: string): string {
  return `${normalizedFunctionName(fn)}IotProvisioningTemplate`;
}
