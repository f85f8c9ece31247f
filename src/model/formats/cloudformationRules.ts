import type { Rule } from '../diagnostics/rule.ts';
import { danglingReference } from '../diagnostics/rules/danglingReference.ts';
import { impossibleWire } from '../diagnostics/rules/impossibleWire.ts';
import { lambdaVpcPermissions } from '../diagnostics/rules/lambdaVpcPermissions.ts';
import { missingRequiredProperty } from '../diagnostics/rules/missingRequiredProperty.ts';
import { publicBucket } from '../diagnostics/rules/publicBucket.ts';
import { resourceMissingType } from '../diagnostics/rules/resourceMissingType.ts';
import { secretInTemplate } from '../diagnostics/rules/secretInTemplate.ts';
import { suspiciousKey } from '../diagnostics/rules/suspiciousKey.ts';
import { unknownAttribute } from '../diagnostics/rules/unknownAttribute.ts';
import { unknownProperty } from '../diagnostics/rules/unknownProperty.ts';
import { unknownResourceType } from '../diagnostics/rules/unknownResourceType.ts';
import { wildcardResource } from '../diagnostics/rules/wildcardResource.ts';

/** Every validation rule for SAM / CloudFormation templates, one file each in diagnostics/rules. */
export const CLOUDFORMATION_RULES: readonly Rule[] = [
  // The file itself
  suspiciousKey,
  // Resources against the specification
  resourceMissingType,
  unknownResourceType,
  unknownProperty,
  missingRequiredProperty,
  // References between parts of the template
  danglingReference,
  unknownAttribute,
  impossibleWire,
  lambdaVpcPermissions,
  // Security
  secretInTemplate,
  wildcardResource,
  publicBucket,
];
