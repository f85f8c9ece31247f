import type { Rule } from '../diagnostics/rule.ts';
import { impossibleWire } from '../diagnostics/rules/impossibleWire.ts';
import { publicBucket } from '../diagnostics/rules/publicBucket.ts';
import { secretInTemplate } from '../diagnostics/rules/secretInTemplate.ts';
import { suspiciousKey } from '../diagnostics/rules/suspiciousKey.ts';
import { unknownProperty } from '../diagnostics/rules/unknownProperty.ts';
import { unknownResourceType } from '../diagnostics/rules/unknownResourceType.ts';
import { wildcardResource } from '../diagnostics/rules/wildcardResource.ts';
import { eventMissingResource } from './serverless/rules/eventMissingResource.ts';
import { unknownEvent } from './serverless/rules/unknownEvent.ts';
import { unresolvedVariable } from './serverless/rules/unresolvedVariable.ts';

/**
 * The rules that make sense for a serverless.yml. Its `resources.Resources` is raw
 * CloudFormation merged into what the framework generates, so only rules that judge a
 * resource on its own apply there: not RESOURCE_MISSING_TYPE / MISSING_REQUIRED_PROPERTY (a
 * resource may be listed only to override a generated one), nor DANGLING_REFERENCE /
 * UNKNOWN_ATTRIBUTE (the framework generates most of the stack's logical ids). The security
 * rules also read the framework's own sections (`provider.iam.role.statements`,
 * `provider.environment`, `functions.<name>.environment`, `sqs` / `sns` / `stream` events).
 * The framework's own sections get rules of their own (formats/serverless/rules).
 */
export const SERVERLESS_RULES: readonly Rule[] = [
  suspiciousKey,
  unknownResourceType,
  unknownProperty,
  impossibleWire,
  secretInTemplate,
  wildcardResource,
  publicBucket,
  // The framework's own sections
  unknownEvent,
  eventMissingResource,
  unresolvedVariable,
];
