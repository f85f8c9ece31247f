/**
 * The list the CloudFormation resource picker searches: every resource type, its required
 * top-level properties and one line about it. Made at build time (scripts/build-spec.mjs,
 * `generated/resource-types.json`, format "cairn-resource-types/1"); the caller loads the file
 * and passes it in, as with the full specification.
 */
export const RESOURCE_TYPES_FORMAT = 'cairn-resource-types/1';

export class ResourceTypesInvalidError extends Error {
  readonly code = 'RESOURCE_TYPES_INVALID';
}

export interface ResourceTypeEntry {
  /** `AWS::SQS::Queue` */
  readonly type: string;
  /** `SQS` */
  readonly service: string;
  /** `Queue` */
  readonly name: string;
  readonly required: readonly string[];
  readonly description: string;
}

export interface ResourceTypeList {
  readonly entries: readonly ResourceTypeEntry[];
  get(type: string): ResourceTypeEntry | undefined;
}

const TYPE = /^[A-Za-z0-9]+(::[A-Za-z0-9]+){2,3}$/;

export function createResourceTypeList(raw: unknown): ResourceTypeList {
  const r = raw as { format?: unknown; types?: unknown } | null;
  const fail = (why: string): never => {
    throw new ResourceTypesInvalidError(`invalid resource type list: ${why}`);
  };
  if (typeof r !== 'object' || r === null || r.format !== RESOURCE_TYPES_FORMAT) fail(`format is not "${RESOURCE_TYPES_FORMAT}"`);
  if (!Array.isArray(r!.types)) fail('"types" must be an array');
  const entries: ResourceTypeEntry[] = [];
  for (const [i, t] of (r!.types as unknown[]).entries()) {
    if (!Array.isArray(t) || t.length !== 3) fail(`types[${i}]: expected [type, required, description]`);
    const [type, required, description] = t as unknown[];
    if (typeof type !== 'string' || !TYPE.test(type)) fail(`types[${i}]: bad type name`);
    if (!Array.isArray(required) || !required.every((p) => typeof p === 'string')) fail(`types[${i}]: required must be strings`);
    if (typeof description !== 'string') fail(`types[${i}]: description must be a string`);
    const parts = (type as string).split('::');
    entries.push({ type: type as string, service: parts[1]!, name: parts[parts.length - 1]!, required: required as string[], description: description as string });
  }
  entries.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const byType = new Map(entries.map((e) => [e.type, e]));
  return { entries, get: (type) => byType.get(type) };
}

/** The CloudFormation (or SAM) reference page of a type, by the documentation's naming scheme. */
export function docsUrl(type: string): string | null {
  const parts = type.split('::');
  if (parts.length !== 3 || parts[0] !== 'AWS') return null;
  const [, service, name] = parts as [string, string, string];
  if (service === 'Serverless') return `https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-${name.toLowerCase()}.html`;
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-${service.toLowerCase()}-${name.toLowerCase()}.html`;
}
