/**
 * The slice of the CloudFormation resource specification Cairn needs, made at build time
 * from `@aws-cdk/aws-service-spec` (see scripts/build-spec.mjs). Loaded by the caller and
 * passed in: the model never reads files.
 */
export type Replacement = 'always' | 'conditional' | 'never';

export interface PropertyInfo {
  readonly required: boolean;
  readonly replacement: Replacement;
}

export interface ResourceTypeInfo {
  readonly properties: ReadonlyMap<string, PropertyInfo>;
  /** Names accepted by `Fn::GetAtt` (e.g. `Arn`, `StreamArn`). */
  readonly attributes: ReadonlySet<string>;
}

export interface ResourceSpec {
  /** Number of resource types known. */
  readonly size: number;
  type(cloudFormationType: string): ResourceTypeInfo | undefined;
  /** Every known type name, sorted. */
  typeNames(): readonly string[];
}
