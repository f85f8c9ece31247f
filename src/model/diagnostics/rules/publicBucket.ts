import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { allows, documentStatements, items } from './iam.ts';
import { isIntrinsic, typedResources } from './resources.ts';

const PUBLIC_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);
const BLOCK_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const;

/** `Principal: '*'` or `Principal: {AWS: '*'}` (or `['*']`): anyone, signed in or not. */
function anyone(principal: CfnValue | undefined): boolean {
  if (principal === '*') return true;
  if (!isObject(principal) || isIntrinsic(principal)) return false;
  const aws = principal.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** A statement that lets anyone in: Allow, anyone, and no `Condition` narrowing it. */
function publicStatement(s: CfnObject): boolean {
  if (!allows(s) || !anyone(s.Principal)) return false;
  const c = s.Condition;
  return c === undefined || c === null || (isObject(c) && Object.keys(c).length === 0);
}

/** Does the statement allow reading objects (`s3:GetObject`, `s3:Get*`, `s3:*`, `*`)? */
function readsObjects(s: CfnObject): boolean {
  for (const a of items(s.Action, [])) {
    if (typeof a.value !== 'string') continue;
    const v = a.value.toLowerCase();
    if (v === '*' || v === 's3:*' || v === 's3:get*' || v === 's3:getobject') return true;
  }
  return false;
}

/** The logical id a policy's `Bucket` names: `!Ref B`, `!Sub ${B}`, or a literal matching a bucket's BucketName. */
function guardedBucket(v: CfnValue | undefined, byName: ReadonlyMap<string, string>): string | undefined {
  if (typeof v === 'string') return byName.get(v);
  if (!isObject(v) || Object.keys(v).length !== 1) return undefined;
  if (typeof v.Ref === 'string') return v.Ref;
  const sub = v['Fn::Sub'];
  const m = typeof sub === 'string' ? /^\$\{([A-Za-z0-9]+)\}$/.exec(sub) : null;
  return m ? m[1] : undefined;
}

/**
 * An S3 bucket open to the internet: a public canned ACL, a `PublicAccessBlockConfiguration`
 * flag turned off, or a website whose bucket policy lets anyone read; and a bucket policy
 * statement that allows anyone (`Principal: '*'`) with no `Condition`.
 */
export const publicBucket: Rule = {
  id: 'PUBLIC_BUCKET',
  severity: 'warning',
  description: 'An S3 bucket or bucket policy that makes objects public.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const buckets = new Map<string, { path: Path; props: CfnObject }>();
    const byName = new Map<string, string>();
    const policies: { id: string; path: Path; props: CfnObject }[] = [];
    for (const { id, path, type, resource } of typedResources(ctx)) {
      const props = isObject(resource.Properties) && !isIntrinsic(resource.Properties) ? resource.Properties : {};
      if (type === 'AWS::S3::Bucket') {
        buckets.set(id, { path, props });
        if (typeof props.BucketName === 'string') byName.set(props.BucketName, id);
      } else if (type === 'AWS::S3::BucketPolicy') {
        policies.push({ id, path, props });
      }
    }

    // Public statements of each bucket's policies.
    const publicReads = new Map<string, string>();
    const policyFindings: { bucket: string | undefined; reads: boolean; finding: Finding }[] = [];
    for (const p of policies) {
      const bucket = guardedBucket(p.props.Bucket, byName);
      for (const { statement, path } of documentStatements(p.props.PolicyDocument, [...p.path, 'Properties', 'PolicyDocument'])) {
        if (!publicStatement(statement)) continue;
        const reads = readsObjects(statement);
        if (bucket && reads && !publicReads.has(bucket)) publicReads.set(bucket, p.id);
        const actions = [...items(statement.Action, [])].map((a) => a.value).filter((a): a is string => typeof a === 'string');
        const shown = actions.length ? ` ${actions.slice(0, 3).join(', ')}${actions.length > 3 ? ', …' : ''}` : '';
        policyFindings.push({
          bucket,
          reads,
          finding: {
            path: [...path, 'Principal'],
            message: `Bucket policy ${p.id} allows anyone on the internet (Principal '*')${shown}${bucket ? ` on bucket ${bucket}` : ''}, with no Condition. Serve public files through CloudFront with an origin access control, or narrow the statement with a Condition (aws:SourceVpce, aws:PrincipalOrgID, ...).`,
          },
        });
      }
    }

    for (const [id, { path, props }] of buckets) {
      const base = [...path, 'Properties'];
      const acl = props.AccessControl;
      if (typeof acl === 'string' && PUBLIC_ACLS.has(acl)) {
        yield {
          path: [...base, 'AccessControl'],
          message: `Bucket ${id} has AccessControl ${acl}, which lets ${acl === 'AuthenticatedRead' ? 'any AWS account' : 'anyone'} ${acl === 'PublicReadWrite' ? 'read and write' : 'read'} its objects. Remove AccessControl (buckets are private by default) and serve public files through CloudFront.`,
        };
      }
      const block = props.PublicAccessBlockConfiguration;
      if (isObject(block) && !isIntrinsic(block)) {
        for (const flag of BLOCK_FLAGS) {
          if (block[flag] === false || block[flag] === 'false') {
            yield {
              path: [...base, 'PublicAccessBlockConfiguration', flag],
              message: `Bucket ${id} turns off ${flag}, so public ${flag.includes('Acl') ? 'ACLs' : 'bucket policies'} can expose its objects. Set it to true unless the bucket must be public.`,
            };
          }
        }
      }
      const policy = publicReads.get(id);
      if (props.WebsiteConfiguration !== undefined && policy) {
        yield {
          path: [...base, 'WebsiteConfiguration'],
          atKey: true,
          message: `Bucket ${id} is a public website: policy ${policy} lets anyone read its objects. If that is intended, prefer a private bucket behind CloudFront with an origin access control (HTTPS, no public bucket).`,
        };
      }
    }

    for (const f of policyFindings) {
      // A website bucket's public read is reported once, on the bucket.
      if (f.reads && f.bucket && buckets.get(f.bucket)?.props.WebsiteConfiguration !== undefined && publicReads.has(f.bucket)) continue;
      yield f.finding;
    }
  },
};
