import { isObject } from '../../value.ts';
import type { CfnObject, CfnValue } from '../../value.ts';
import type { Path } from '../types.ts';
import type { Finding, Rule, RuleContext } from '../rule.ts';
import { isIntrinsic, typedResources } from './resources.ts';

/** gitleaks' `aws-access-token` rule; ids ending in `EXAMPLE` (AWS's documentation keys) are allowed. */
const ACCESS_KEY_ID = /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b/g;
/** An AWS secret access key: 40 characters of base64 (AWS's documentation key ends in `EXAMPLEKEY`). */
const SECRET_ACCESS_KEY = /^[A-Za-z0-9/+]{40}$/;
const PRIVATE_KEY = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;

/** Words that make a variable or parameter name secret-looking (`DB_PASSWORD`, `apiKey`, `GithubToken`). */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'PRIVATEKEY']);
/**
 * A last word that says the value is about a secret, not the secret (`SECRET_ARN`,
 * `TOKEN_TABLE`, `PASSWORD_LENGTH`, `SECRETS_NAMESPACE`).
 */
const NOT_THE_SECRET = new Set([
  'ARN', 'NAME', 'ID', 'IDS', 'PATH', 'PARAM', 'PARAMETER', 'TABLE', 'URL', 'URI', 'ENDPOINT', 'HOST', 'TTL', 'EXPIRY',
  'EXPIRATION', 'EXPIRES', 'LENGTH', 'HEADER', 'TYPE', 'FILE', 'BUCKET', 'PREFIX', 'REGION', 'ISSUER', 'AUDIENCE',
  'SSM', 'VERSION', 'ENABLED', 'REQUIRED', 'STAGE', 'LOCATION', 'QUEUE', 'TOPIC', 'POLICY', 'ROLE', 'FIELD',
  'NAMESPACE', 'KMS', 'SERVICE', 'POOL', 'DURATION', 'TIMEOUT', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS', 'VALIDITY',
  'LIFETIME', 'AGE', 'COUNT', 'SIZE', 'LIMIT', 'MODE', 'ALGORITHM', 'FORMAT', 'STORE', 'MANAGER', 'RESOURCE', 'KEYID',
  'RULE', 'RULES', 'COMPLEXITY', 'RETRIES', 'ROTATION', 'SCHEDULE', 'ATTRIBUTE', 'ENV', 'VAR', 'ITERATIONS', 'ROUNDS',
]);
/** Words anywhere in the name that say the value is protected already (`kmsEncryptedToken`: KMS ciphertext). */
const PROTECTED = new Set(['ENCRYPTED', 'CIPHERTEXT', 'HASH', 'HASHED']);

function nameWords(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
  const words = spaced.split(/[^A-Z0-9]+/).filter(Boolean);
  // `API_KEY`, `ApiKey`, `PRIVATE_KEY` and `KEY_ID` read as one word.
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (w === 'KEY' && (prev === 'API' || prev === 'PRIVATE')) out[out.length - 1] = prev === 'API' ? 'APIKEY' : 'PRIVATEKEY';
    else if (w === 'ID' && prev === 'KEY') out[out.length - 1] = 'KEYID';
    else out.push(w);
  }
  return out;
}

/**
 * `DB_PASSWORD`, `apiKey`, `JwtSecret`: yes. `SECRET_ARN`, `TOKEN_TABLE_NAME`, `SECRETS_NAMESPACE`,
 * `kmsEncryptedToken`: no.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || NOT_THE_SECRET.has(last) || words.some((w) => PROTECTED.has(w))) return false;
  return words.some((w) => SECRET_WORDS.has(w));
}

/** The first four characters and an ellipsis: enough to find the value, never the secret. */
export function redact(s: string): string {
  return s.length <= 4 ? '…' : `${s.slice(0, 4)}…`;
}

/** A literal that is evidently not a secret: empty, a flag, an ARN, a path, AWS's documentation keys, a dynamic reference. */
function notASecret(s: string): boolean {
  const t = s.trim();
  return (
    t === '' ||
    /^(true|false|yes|no|none|null|n\/a|-)$/i.test(t) ||
    t.startsWith('arn:') ||
    t.startsWith('/') ||
    /EXAMPLE(KEY)?$/.test(t) ||
    t.includes('{{resolve:')
  );
}

interface Place {
  /** `variable DB_PASSWORD of function Api`, `parameter DbPassword`. */
  readonly what: string;
  readonly name: string;
  readonly value: CfnValue | undefined;
  readonly path: Path;
  /** The group it belongs to (one environment map, the Parameters section): access key pairs. */
  readonly group: string;
}

/** Environment variable maps (`{NAME: value}`) of functions, with their paths. */
function* environmentPlaces(ctx: RuleContext): Generator<Place> {
  const varsAt = function* (vars: CfnValue | undefined, path: Path, owner: string): Generator<Place> {
    if (!isObject(vars) || isIntrinsic(vars)) return;
    const group = path.join('.');
    for (const name of Object.keys(vars)) {
      yield { what: `Variable ${name} of ${owner}`, name, value: vars[name], path: [...path, name], group };
    }
  };
  const envOf = (props: CfnObject): CfnValue | undefined => (isObject(props.Environment) ? props.Environment.Variables : undefined);
  const globals = ctx.value.Globals;
  if (ctx.format === 'cloudformation' && isObject(globals) && isObject(globals.Function)) {
    yield* varsAt(envOf(globals.Function), ['Globals', 'Function', 'Environment', 'Variables'], 'Globals.Function');
  }
  for (const { id, path, type, resource } of typedResources(ctx)) {
    const props = resource.Properties;
    if (!isObject(props) || isIntrinsic(props)) continue;
    if (type === 'AWS::Serverless::Function' || type === 'AWS::Lambda::Function') {
      yield* varsAt(envOf(props), [...path, 'Properties', 'Environment', 'Variables'], `function ${id}`);
    } else if (type === 'AWS::ECS::TaskDefinition' && Array.isArray(props.ContainerDefinitions)) {
      for (let i = 0; i < props.ContainerDefinitions.length; i++) {
        const c = props.ContainerDefinitions[i];
        if (!isObject(c) || !Array.isArray(c.Environment)) continue;
        const base = [...path, 'Properties', 'ContainerDefinitions', i, 'Environment'];
        const container = typeof c.Name === 'string' ? `container ${c.Name} of ${id}` : `a container of ${id}`;
        for (let j = 0; j < c.Environment.length; j++) {
          const e = c.Environment[j];
          if (!isObject(e) || typeof e.Name !== 'string') continue;
          yield { what: `Variable ${e.Name} of ${container}`, name: e.Name, value: e.Value, path: [...base, j, 'Value'], group: base.join('.') };
        }
      }
    }
  }
  if (ctx.format === 'serverless') {
    const provider = ctx.value.provider;
    if (isObject(provider)) yield* varsAt(provider.environment, ['provider', 'environment'], 'the provider');
    const fns = ctx.value.functions;
    if (isObject(fns)) {
      for (const name of Object.keys(fns)) {
        const f = fns[name];
        if (isObject(f)) yield* varsAt(f.environment, ['functions', name, 'environment'], `function ${name}`);
      }
    }
  }
}

/** Every string inside a value, with its path. */
function* strings(v: CfnValue | undefined, path: Path): Generator<{ s: string; path: Path }> {
  if (typeof v === 'string') yield { s: v, path };
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], [...path, i]);
  else if (isObject(v)) for (const k of Object.keys(v)) yield* strings(v[k], [...path, k]);
}

/** The literal values a value can take: itself, or each branch of an `Fn::If`. */
function* literals(v: CfnValue | undefined, path: Path): Generator<{ value: CfnValue; path: Path }> {
  if (isObject(v) && Object.keys(v).length === 1 && Array.isArray(v['Fn::If'])) {
    const args = v['Fn::If'];
    for (const i of [1, 2]) yield* literals(args[i], [...path, 'Fn::If', i]);
    return;
  }
  if (v !== undefined) yield { value: v, path };
}

function accessKeyIds(s: string): string[] {
  return [...s.matchAll(ACCESS_KEY_ID)].map((m) => m[1]!).filter((k) => !k.endsWith('EXAMPLE'));
}

/**
 * A secret written into the template: an AWS access key id anywhere (gitleaks' rule), an AWS
 * secret access key beside one, a private key block, or a literal value of an environment
 * variable or parameter named like a secret (`DB_PASSWORD`, `apiKey`). Dynamic references
 * (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), `Ref`s to `NoEcho`
 * parameters, ARNs and other computed values are fine. Messages never repeat the secret.
 */
export const secretInTemplate: Rule = {
  id: 'SECRET_IN_TEMPLATE',
  severity: 'warning',
  description: 'A secret (access key, password, token) written into the template.',
  *check(ctx: RuleContext): Iterable<Finding> {
    const flagged = new Set<string>();
    const key = (p: Path): string => JSON.stringify(p);
    const out: Finding[] = [];
    const push = (f: Finding): void => {
      if (flagged.has(key(f.path))) return;
      flagged.add(key(f.path));
      out.push(f);
    };
    const serverlessVariable = (s: string): boolean => ctx.format === 'serverless' && s.includes('${');

    // 1. AWS access key ids and private keys, anywhere.
    const groupsWithKeys = new Set<string>();
    for (const { s, path } of strings(ctx.value, [])) {
      const ids = accessKeyIds(s);
      if (ids.length) {
        push({ path, severity: 'error', message: `An AWS access key id (${redact(ids[0]!)}) is written in the template. Deactivate the key, remove it, and give the code a role instead (or read the key from Secrets Manager).` });
      } else if (PRIVATE_KEY.test(s)) {
        push({ path, message: 'A private key is written in the template. Remove it and read it from Secrets Manager at run time (or pass it with {{resolve:secretsmanager:...}}).' });
      }
    }

    const parameters = isObject(ctx.value.Parameters) ? ctx.value.Parameters : {};
    const noEcho = (name: string): boolean => {
      const p = parameters[name];
      return isObject(p) && (p.NoEcho === true || p.NoEcho === 'true');
    };

    // 2. Environment variables and parameter defaults.
    const all: Place[] = [...environmentPlaces(ctx)];
    if (ctx.format === 'cloudformation') {
      for (const name of Object.keys(parameters)) {
        const p = parameters[name];
        if (isObject(p) && Object.hasOwn(p, 'Default')) {
          all.push({ what: `Parameter ${name}`, name, value: p.Default, path: ['Parameters', name, 'Default'], group: 'Parameters' });
        }
      }
    }
    for (const p of all) for (const { s } of strings(p.value, p.path)) if (accessKeyIds(s).length) groupsWithKeys.add(p.group);

    for (const p of all) {
      const isParameter = p.group === 'Parameters';
      for (const { value, path } of literals(p.value, p.path)) {
        if (typeof value === 'string') {
          const s = value;
          if (serverlessVariable(s) || notASecret(s)) continue;
          if (SECRET_ACCESS_KEY.test(s) && (groupsWithKeys.has(p.group) || /SECRET_?ACCESS_?KEY/i.test(p.name.replace(/([a-z])([A-Z])/g, '$1_$2')))) {
            push({ path, severity: 'error', message: `${p.what} holds an AWS secret access key (${redact(s)}). Deactivate the key, remove it, and give the code a role instead.` });
            continue;
          }
          if (!isSecretName(p.name)) continue;
          if (isParameter) {
            const hidden = noEcho(p.name);
            push({
              path,
              message: hidden
                ? `${p.what} is NoEcho but has a Default (${redact(s)}), so the secret is written in the template. Remove the Default and pass the value when deploying, or use a {{resolve:secretsmanager:...}} reference.`
                : `${p.what} looks like a secret and has a Default (${redact(s)}) without NoEcho: the value is in the template and shows in the console. Remove the Default, add NoEcho: true, or use a {{resolve:secretsmanager:...}} reference.`,
            });
          } else {
            push({
              path,
              message: `${p.what} looks like a secret and is written in the template (${redact(s)}). Use a {{resolve:secretsmanager:...}} or {{resolve:ssm-secure:...}} reference, a NoEcho parameter, or have the code read it from Secrets Manager.`,
            });
          }
        } else if (isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1 && !isParameter) {
          // A secret-named variable filled from a parameter that is shown in the console.
          const ref = value.Ref;
          if (!isSecretName(p.name) || !Object.hasOwn(parameters, ref) || noEcho(ref)) continue;
          push({
            path,
            message: `${p.what} comes from parameter ${ref}, which is not NoEcho: its value shows in the console and in DescribeStacks. Add NoEcho: true to ${ref} or use a {{resolve:secretsmanager:...}} reference.`,
          });
        }
      }
    }
    yield* out;
  },
};
