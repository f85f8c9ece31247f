import type { PropertyInfo, Replacement, ResourceSpec, ResourceTypeInfo } from './types.ts';

/**
 * Turns the parsed `generated/spec.json` (format "cairn-spec/1", documented in
 * scripts/build-spec.mjs) into a `ResourceSpec`. Pure: the caller reads the file.
 *
 * The whole input is validated up front; the per-type maps are built on first use.
 */

export const SPEC_FORMAT = 'cairn-spec/1';

export class SpecInvalidError extends Error {
  readonly code = 'SPEC_INVALID';
}

/** A nested (CloudFormation "property type") object shape. */
export interface PropertyTypeInfo {
  readonly properties: ReadonlyMap<string, NestedPropertyInfo>;
}

/** A property, with the nested object type its value holds when there is one. */
export interface NestedPropertyInfo extends PropertyInfo {
  /**
   * The object type inside the value, and the containers around it from the outside in
   * (`[]`: the value is one such object; `['list']`: a list of them; `['map']`: a map of them).
   * Absent for scalars, free-form JSON, and all AWS::Serverless::* properties.
   */
  readonly nested?: { readonly containers: readonly ('list' | 'map')[]; readonly type: PropertyTypeInfo };
}

export interface DetailedResourceTypeInfo extends ResourceTypeInfo {
  readonly properties: ReadonlyMap<string, NestedPropertyInfo>;
}

/** A `ResourceSpec` whose properties also describe nested property types. */
export interface DetailedResourceSpec extends ResourceSpec {
  type(cloudFormationType: string): DetailedResourceTypeInfo | undefined;
}

type RawProperty = number | [number, number] | [number, number, string];
type RawProps = Record<string, RawProperty>;

const REPLACEMENT: readonly Replacement[] = ['never', 'conditional', 'always'];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(message: string): never {
  throw new SpecInvalidError(`invalid resource specification: ${message}`);
}

function isFlags(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 5;
}

function checkProps(v: unknown, where: string, typeCount: number): RawProps {
  if (!isPlainObject(v)) fail(`${where}: properties must be an object`);
  for (const [name, p] of Object.entries(v)) {
    if (isFlags(p)) continue;
    if (
      Array.isArray(p) &&
      (p.length === 2 || p.length === 3) &&
      isFlags(p[0]) &&
      typeof p[1] === 'number' &&
      Number.isInteger(p[1]) &&
      p[1] >= 0 &&
      p[1] < typeCount &&
      (p.length === 2 || (typeof p[2] === 'string' && /^[am]+$/.test(p[2])))
    ) {
      continue;
    }
    fail(`${where}.${name}: bad property entry ${JSON.stringify(p)}`);
  }
  return v as RawProps;
}

export function createSpec(raw: unknown): DetailedResourceSpec {
  if (!isPlainObject(raw)) fail('not an object');
  if (raw.format !== SPEC_FORMAT) fail(`format is ${JSON.stringify(raw.format)}, expected "${SPEC_FORMAT}"`);
  const resources = raw.resources;
  if (!isPlainObject(resources)) fail('"resources" must be an object');
  // `types` may be left out (a top-level-only extract): nested references are then dropped.
  const rawTypes = raw.types === undefined ? [] : raw.types;
  if (!Array.isArray(rawTypes)) fail('"types" must be an array');
  const hasTypes = raw.types !== undefined;
  const typeCount = hasTypes ? rawTypes.length : Number.MAX_SAFE_INTEGER;

  const typeProps: RawProps[] = rawTypes.map((t, i) => checkProps(t, `types[${i}]`, typeCount));
  const resourceRaw = new Map<string, [RawProps, readonly string[]]>();
  for (const [name, entry] of Object.entries(resources)) {
    if (!Array.isArray(entry) || entry.length !== 2) fail(`${name}: expected [properties, attributes]`);
    const props = checkProps(entry[0], name, typeCount);
    const attrs = entry[1];
    if (!Array.isArray(attrs) || !attrs.every((a) => typeof a === 'string')) fail(`${name}: attributes must be strings`);
    resourceRaw.set(name, [props, attrs as string[]]);
  }

  const typeCache = new Map<number, PropertyTypeInfo>();
  const propertyType = (index: number): PropertyTypeInfo => {
    let t = typeCache.get(index);
    if (!t) {
      let props: ReadonlyMap<string, NestedPropertyInfo> | undefined;
      // Lazy: nested types can be recursive (a WAF rule statement holds statements).
      t = {
        get properties() {
          props ??= buildProps(typeProps[index]!);
          return props;
        },
      };
      typeCache.set(index, t);
    }
    return t;
  };
  const buildProps = (raw: RawProps): ReadonlyMap<string, NestedPropertyInfo> => {
    const map = new Map<string, NestedPropertyInfo>();
    for (const [name, p] of Object.entries(raw)) {
      const flags = typeof p === 'number' ? p : p[0];
      const info: { required: boolean; replacement: Replacement; nested?: NestedPropertyInfo['nested'] } = {
        required: (flags & 1) === 1,
        replacement: REPLACEMENT[flags >> 1]!,
      };
      if (typeof p !== 'number' && hasTypes) {
        const containers = [...(p[2] ?? '')].map((c) => (c === 'a' ? 'list' : 'map') as 'list' | 'map');
        const index = p[1];
        info.nested = {
          containers,
          get type() {
            return propertyType(index);
          },
        };
      }
      map.set(name, info);
    }
    return map;
  };

  const infoCache = new Map<string, DetailedResourceTypeInfo>();
  let names: readonly string[] | undefined;
  return {
    size: resourceRaw.size,
    type(cloudFormationType: string): DetailedResourceTypeInfo | undefined {
      let info = infoCache.get(cloudFormationType);
      if (info) return info;
      const entry = resourceRaw.get(cloudFormationType);
      if (!entry) return undefined;
      info = { properties: buildProps(entry[0]), attributes: new Set(entry[1]) };
      infoCache.set(cloudFormationType, info);
      return info;
    },
    typeNames(): readonly string[] {
      names ??= Object.freeze([...resourceRaw.keys()].sort());
      return names;
    },
  };
}
