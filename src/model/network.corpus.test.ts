/**
 * Virtual Networks over the corpus (../shared/corpus): in every SAM / CloudFormation template
 * with a function or a database, add a network, place each in it, and take each out again.
 * After every step: the text parses (and a local re-parse equals a full one), the value is
 * what the oracle expects, entries the step did not concern keep their exact bytes, and taking
 * out what was placed gives back the text byte for byte.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { isMap } from 'yaml';
import type { Pair } from 'yaml';
import { applyEdit } from './edit/apply.ts';
import type { Edit } from './edit/types.ts';
import { keyStart, pairEnd } from './edit/cst.ts';
import { buildGraph } from './graph/build.ts';
import { VPC_ACCESS_POLICY_ARN, isVpcAccessPolicy, placementOf } from './catalog/network.ts';
import { lineStart } from './text/lines.ts';
import { openTemplate } from './template.ts';
import { parseCached } from './yaml/cache.ts';
import { parseText } from './yaml/parse.ts';
import type { ParsedText as Parsed } from './yaml/parse.ts';
import { treeDifference, setAtValue } from './testing/oracle.ts';
import { isObject, keyString, valueEquals } from './value.ts';
import type { CfnObject, CfnValue } from './value.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const NET = 'CairnNet';
/** Refusals a hand-written template may earn; anything else is an engine bug. */
const FAIR = new Set(['NETWORK_NOT_PLACEABLE', 'NETWORK_PLACE_CLUSTER', 'NETWORK_VPC_CONFIG_UNREADABLE', 'EDIT_PATH_BLOCKED']);

function files(): string[] {
  const out: string[] = [];
  for (const dir of ['sam', 'cloudformation']) {
    const d = CORPUS + dir;
    if (existsSync(d)) for (const f of readdirSync(d).sort()) out.push(`${dir}/${f}`);
  }
  return out;
}

function step(name: string, text: string, edit: Edit): { ok: true; text: string; value: CfnObject; parsed: Parsed } | { ok: false; code: string } {
  const r = applyEdit(text, edit);
  if (!r.ok) return { ok: false, code: r.diagnostics[0]!.code };
  const p = parseCached(r.text);
  assert.ok(!p.blocked && p.value, `${name}: ${edit.op} produced unreadable text`);
  const full = parseText(r.text);
  assert.ok(valueEquals(p.value, full.value), `${name}: ${edit.op}: local re-parse gave a different value`);
  assert.equal(treeDifference(p.doc!.contents, full.doc!.contents), null, `${name}: ${edit.op}: local re-parse gave a different tree`);
  return { ok: true, text: r.text, value: p.value, parsed: p };
}

/** Source text of each top-level entry and each resource and output. */
function entries(text: string, parsed: Parsed): Map<string, string> {
  const out = new Map<string, string>();
  const root = parsed.doc?.contents;
  if (!isMap(root)) return out;
  const slice = (p: Pair) => text.slice(lineStart(text, keyStart(p)), pairEnd(text, p));
  for (const pair of root.items as Pair[]) {
    const k = keyString(pair.key);
    if ((k === 'Resources' || k === 'Outputs') && isMap(pair.value)) for (const p of pair.value.items as Pair[]) out.set(`${k}/${keyString(p.key)}`, slice(p));
    else out.set(`/${k}`, slice(pair));
  }
  return out;
}

function unchangedBut(name: string, before: string, pb: Parsed, after: string, pa: Parsed, allowed: ReadonlySet<string>): void {
  const ea = entries(after, pa);
  for (const [k, t] of entries(before, pb)) {
    if (allowed.has(k)) continue;
    assert.equal(ea.get(k), t, `${name}: entry ${k} changed`);
  }
}

const resourcesOf = (v: CfnObject): CfnObject => (isObject(v['Resources']) ? v['Resources'] : {});
const propsOf = (v: CfnObject, id: string): CfnObject => {
  const d = resourcesOf(v)[id];
  return isObject(d) && isObject(d['Properties']) ? d['Properties'] : {};
};
const refTarget = (v: CfnValue | undefined): string | undefined => {
  if (!isObject(v)) return undefined;
  if (typeof v['Ref'] === 'string') return v['Ref'];
  const g = v['Fn::GetAtt'];
  return Array.isArray(g) && typeof g[0] === 'string' ? g[0] : typeof g === 'string' ? g.split('.')[0] : undefined;
};

/** What placing a function writes, at the value level, computed without the engine. */
function expectedFunction(before: CfnObject, fn: string, after: CfnObject): CfnObject {
  const base = ['Resources', fn, 'Properties', 'VpcConfig'];
  const subnets = Object.keys(resourcesOf(after)).filter((id) => id.startsWith(`${NET}PrivateSubnet`));
  let want = setAtValue(before, [...base, 'SecurityGroupIds'], [{ Ref: `${NET}LambdaSecurityGroup` }]);
  want = setAtValue(want, [...base, 'SubnetIds'], subnets.map((s) => ({ Ref: s })));
  {
    const role = refTarget(propsOf(before, fn)['Role']);
    const roleDef = role ? resourcesOf(before)[role] : undefined;
    if (role && isObject(roleDef) && roleDef['Type'] === 'AWS::IAM::Role') {
      const arns = propsOf(before, role)['ManagedPolicyArns'];
      if (arns === undefined) want = setAtValue(want, ['Resources', role, 'Properties', 'ManagedPolicyArns'], [VPC_ACCESS_POLICY_ARN]);
      else if (Array.isArray(arns) && !arns.some(isVpcAccessPolicy)) want = setAtValue(want, ['Resources', role, 'Properties', 'ManagedPolicyArns'], [...arns, VPC_ACCESS_POLICY_ARN]);
    }
  }
  return want;
}

const all = files();
if (!all.length) {
  console.log(`network corpus: ${CORPUS} not found; not run (it runs in CI and beside ../shared).`);
} else {
  describe(`Virtual Networks over the corpus (${all.length} files)`, () => {
    test('add a network, place every function and database in it, take each out: byte for byte', () => {
      const counts = { templates: 0, functions: 0, databases: 0, identical: 0, refused: {} as Record<string, number> };
      for (const name of all) {
        const text = readFileSync(CORPUS + name, 'utf8');
        const t = openTemplate(text);
        if (t.format !== 'cloudformation' || t.parsed.blocked || !t.parsed.value) continue;
        const res = resourcesOf(t.parsed.value);
        const targets = Object.keys(res).filter((id) => isObject(res[id]) && placementOf(String((res[id] as CfnObject)['Type'])) !== null);
        if (!targets.length || NET in res) continue;
        counts.templates++;

        const added = step(name, text, { op: 'addNetwork', resource: NET });
        if (!added.ok) assert.fail(`${name}: addNetwork refused: ${added.code}`);
        unchangedBut(name, text, t.parsed, added.text, added.parsed, new Set());
        const base = added;

        for (const id of targets) {
          const before = base;
          const kind = placementOf(String((res[id] as CfnObject)['Type']))!;
          const placed = step(name, before.text, { op: 'placeInNetwork', resource: id, network: NET });
          if (!placed.ok) {
            assert.ok(FAIR.has(placed.code), `${name}: placeInNetwork ${id} refused with ${placed.code}`);
            counts.refused[placed.code] = (counts.refused[placed.code] ?? 0) + 1;
            continue;
          }
          assert.equal(buildGraph(placed.value).nodes.find((n) => n.id === id)?.parent, NET, `${name}: ${id} is not drawn in the network`);
          const allowed = new Set([`Resources/${id}`]);
          if (kind === 'function') {
            const role = refTarget(propsOf(before.value, id)['Role']);
            if (role) allowed.add(`Resources/${role}`);
            const want = expectedFunction(before.value, id, placed.value);
            if (!valueEquals(placed.value, want)) assert.deepEqual(placed.value, want, `${name}: placeInNetwork ${id}`);
            counts.functions++;
          } else {
            // the database's own security group may be rewritten in place when it moves networks
            for (const x of Object.keys(resourcesOf(before.value))) if (!Object.hasOwn(resourcesOf(placed.value), x)) allowed.add(`Resources/${x}`);
            const p = propsOf(placed.value, id);
            assert.ok(refTarget(p['DBSubnetGroupName']) !== undefined, `${name}: ${id} has no subnet group`);
            counts.databases++;
          }
          unchangedBut(name, before.text, before.parsed, placed.text, placed.parsed, allowed);

          const removed = step(name, placed.text, { op: 'removeFromNetwork', resource: id });
          if (!removed.ok) assert.fail(`${name}: removeFromNetwork ${id} refused with ${removed.code}`);
          assert.equal(buildGraph(removed.value).nodes.find((n) => n.id === id)?.parent, undefined, `${name}: ${id} still drawn in a network`);
          // from outside any network, taking it out again gives back the bytes
          const own = propsOf(before.value, id);
          const wasOut = kind === 'function' ? own['VpcConfig'] === undefined : own['DBSubnetGroupName'] === undefined && own['VpcSecurityGroupIds'] === undefined;
          if (wasOut) {
            assert.equal(removed.text, before.text, `${name}: ${id} placed and taken out is not byte-identical`);
            counts.identical++;
          }
        }
      }
      console.log(`# network corpus: ${counts.templates} templates, ${counts.functions} functions and ${counts.databases} databases placed and taken out (${counts.identical} byte-identical round trips); refused: ${JSON.stringify(counts.refused)}`);
      assert.ok(counts.functions > 500, `only ${counts.functions} functions placed`);
      assert.ok(counts.databases > 5, `only ${counts.databases} databases placed`);
    });
  });
}
