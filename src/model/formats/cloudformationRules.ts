import type { Rule } from '../diagnostics/rule.ts';

/** Every validation rule for SAM / CloudFormation templates, one file each in diagnostics/rules. */
export const CLOUDFORMATION_RULES: readonly Rule[] = [];
