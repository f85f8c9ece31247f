import type { CfnObject, CfnValue } from '../value.ts';
import raw from '../data/sam-policy-templates.json' with { type: 'json' };

/** One SAM policy template, as `policy_templates.json` defines it. */
export interface PolicyTemplate {
  readonly name: string;
  readonly description: string;
  /** Parameter names, in the file's order. */
  readonly parameters: readonly string[];
  /** `Definition.Statement`, with `{"Ref": "<Parameter>"}` placeholders. */
  readonly statements: readonly CfnObject[];
}

interface TemplateFile {
  readonly Templates: Record<
    string,
    {
      readonly Definition: { readonly Statement: CfnObject[] };
      readonly Description: string;
      readonly Parameters: Record<string, { readonly Description?: string }>;
    }
  >;
}

const FILE = raw as unknown as TemplateFile;

const TEMPLATES: ReadonlyMap<string, PolicyTemplate> = new Map(
  Object.entries(FILE.Templates).map(([name, t]) => [
    name,
    {
      name,
      description: t.Description,
      parameters: Object.keys(t.Parameters),
      statements: t.Definition.Statement,
    },
  ]),
);

/** The template of that exact name (names are case-sensitive, as in SAM). */
export function policyTemplate(name: string): PolicyTemplate | undefined {
  return TEMPLATES.get(name);
}

/** Every template name, sorted. */
export function policyTemplateNames(): readonly string[] {
  return [...TEMPLATES.keys()].sort();
}

export type PolicyExpansion =
  | {
      readonly ok: true;
      readonly statements: CfnObject[];
      /** Arguments the template has no parameter for (SAM ignores them). */
      readonly unused: readonly string[];
    }
  | {
      readonly ok: false;
      readonly code: 'POLICY_TEMPLATE_UNKNOWN' | 'POLICY_TEMPLATE_MISSING_ARGUMENT';
      readonly message: string;
      readonly missing: readonly string[];
    };

function copy(v: CfnValue): CfnValue {
  if (Array.isArray(v)) return v.map(copy);
  if (v !== null && typeof v === 'object') {
    const out: CfnObject = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: copy(v[k]!), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/**
 * The IAM statements a policy template grants with these arguments, as the SAM transform
 * writes them: each `{"Ref": "<Parameter>"}` is replaced by that argument's value. Other
 * `Ref`s (`AWS::Partition`, ...) and `Fn::Sub` text are left as they are.
 */
export function expandPolicyTemplate(name: string, args: Readonly<Record<string, CfnValue>>): PolicyExpansion {
  const t = TEMPLATES.get(name);
  if (!t) return { ok: false, code: 'POLICY_TEMPLATE_UNKNOWN', message: `There is no SAM policy template named '${name}'.`, missing: [] };
  const has = (p: string): boolean => Object.prototype.hasOwnProperty.call(args, p);
  const missing = t.parameters.filter((p) => !has(p));
  if (missing.length) {
    return {
      ok: false,
      code: 'POLICY_TEMPLATE_MISSING_ARGUMENT',
      message: `${name} needs ${missing.join(', ')}.`,
      missing,
    };
  }
  const params = new Set(t.parameters);
  const walk = (v: CfnValue): CfnValue => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      const ref = v['Ref'];
      if (keys.length === 1 && typeof ref === 'string' && params.has(ref)) return copy(args[ref]!);
      const out: CfnObject = {};
      for (const k of keys) Object.defineProperty(out, k, { value: walk(v[k]!), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return {
    ok: true,
    statements: t.statements.map((s) => walk(s) as CfnObject),
    unused: Object.keys(args).filter((a) => !params.has(a)),
  };
}
