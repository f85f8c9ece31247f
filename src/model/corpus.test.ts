import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdit } from './edit/apply.ts';
import type { Edit } from './edit/types.ts';
import { pairEnd } from './edit/cst.ts';
import { openTemplate } from './template.ts';
import { nodeAt } from './yaml/nav.ts';
import { parseCached } from './yaml/cache.ts';
import { isObject, valueEquals } from './value.ts';
import type { CfnObject, CfnValue } from './value.ts';
import { changedWindow, onlyRemovedMentions, renameConditionInValue, renameInValue, setAtValue } from './testing/oracle.ts';
import { applied, changedOnlyWithin, CORPUS, corpusFiles, entryLines, lineOf, openCorpusFile, sameValue } from './testing/corpus.ts';
import type { Opened } from './testing/corpus.ts';
import { planAccess } from './catalog/wires.ts';
import { describeWire } from './wire/describe.ts';
import type { AccessLevel } from './catalog/accessRules.ts';
import type { Path } from './diagnostics/types.ts';

/** 0-based first and last line of a resource's entry. */
const resourceLines = (o: Opened, id: string): [number, number] => entryLines(o, ['Resources', id]);

const files = corpusFiles(['sam', 'cloudformation', 'serverless']);
if (!files.length) {
  console.log(`corpus: ${CORPUS} not found; corpus tests not run (they run in CI and beside ../shared).`);
} else {
  const opened: Opened[] = files.map(openCorpusFile);
  const editable = opened.filter(
    (o) => o.t.format === 'cloudformation' && o.t.parsed.value && isObject(o.t.parsed.value['Resources']) && Object.keys(o.t.parsed.value['Resources']).length > 0,
  );

  /**
   * A table wire drawn into the first SAM function of a template (a table added if it has
   * none), as the canvas would: memoised, so the connect and level tests share the cost.
   */
  const drawn = new Map<Opened, { base: Opened; fn: string; table: string; result: ReturnType<typeof applyEdit> } | null>();
  const drawTableWire = (o: Opened) => {
    if (drawn.has(o)) return drawn.get(o)!;
    const resources = o.t.parsed.value!['Resources'] as CfnObject;
    const fn = Object.keys(resources).find((id) => {
      const d = resources[id];
      return isObject(d) && d['Type'] === 'AWS::Serverless::Function' && (d['Properties'] === undefined || isObject(d['Properties']));
    });
    let out = null;
    if (fn) {
      let base: Opened = o;
      let table = Object.keys(resources).find((id) => isObject(resources[id]) && (resources[id] as CfnObject)['Type'] === 'AWS::DynamoDB::Table');
      if (!table) {
        table = 'CairnTable';
        const added = applied(o, { op: 'addResource', resource: table, type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PAY_PER_REQUEST' } });
        base = { name: o.name, text: added.text, t: openTemplate(added.text) };
      }
      out = { base, fn, table, result: applyEdit(base.text, { op: 'connect', source: fn, target: table, kind: 'access' }) };
    }
    drawn.set(o, out);
    return out;
  };

  describe(`corpus (${files.length} files)`, () => {
    test('every file that parses round-trips byte-identical, and parse failures are reported, not thrown', () => {
      let parsed = 0;
      for (const o of opened) {
        const r = applyEdit(o.text, { op: 'setProperty', resource: '\u0000', path: ['x'], value: 1 });
        if (o.t.parsed.blocked) {
          assert.ok(o.t.diagnostics.some((d) => d.severity === 'error'), `${o.name}: blocked without an error diagnostic`);
          assert.equal(r.ok, false);
          continue;
        }
        parsed++;
        const noop = applyEdit(o.text, { op: 'renameResource', resource: Object.keys((o.t.parsed.value!['Resources'] as CfnObject) ?? {})[0] ?? 'X', to: Object.keys((o.t.parsed.value!['Resources'] as CfnObject) ?? {})[0] ?? 'X' });
        if (noop.ok) assert.equal(noop.text, o.text, `${o.name}: a no-op edit changed the file`);
      }
      assert.ok(parsed >= files.length - 5, `only ${parsed} of ${files.length} files parse`);
    });

    test('every template gives a graph whose edges join existing nodes', () => {
      for (const o of opened) {
        const ids = new Set(o.t.graph.nodes.map((n) => n.id));
        assert.equal(ids.size, o.t.graph.nodes.length, `${o.name}: duplicate node ids`);
        for (const e of o.t.graph.edges) {
          assert.ok(ids.has(e.source) && ids.has(e.target), `${o.name}: edge ${e.id} joins a missing node`);
        }
      }
    });

    test(`setProperty on every resource changes only that resource's lines (${editable.length} templates)`, () => {
      let edits = 0;
      for (const o of editable) {
        const resources = o.t.parsed.value!['Resources'] as CfnObject;
        for (const [i, id] of Object.keys(resources).entries()) {
          const def = resources[id];
          if (!isObject(def) || (def['Properties'] !== undefined && !isObject(def['Properties']))) continue;
          const props = def['Properties'];
          if (isObject(props) && Object.keys(props).length === 1 && Object.keys(props)[0]!.startsWith('Fn::')) continue;
          const path = ['Properties', 'CairnProbe'];
          const value: CfnValue = i % 3 === 0 ? `probe ${i}: "x"` : i % 3 === 1 ? { Ref: 'AWS::StackName' } : [i, 'two', { Key: 'k' }];
          const r = applied(o, { op: 'setProperty', resource: id, path, value });
          sameValue(o, `setProperty ${id}`, r.value, setAtValue(o.t.parsed.value!, ['Resources', id, ...path], value));
          const [first, last] = resourceLines(o, id);
          changedOnlyWithin(o, r.text, first, last, `setProperty ${id}`);
          edits++;
        }
      }
      assert.ok(edits > 3000, `only ${edits} edits ran`);
    });

    test('addResource inserts lines and changes no existing line (beyond a JSON comma)', () => {
      for (const o of editable) {
        const props = { VisibilityTimeout: 30, Tags: [{ Key: 'team', Value: { 'Fn::Sub': '${AWS::StackName}-q' } }] };
        const r = applied(o, { op: 'addResource', resource: 'CairnAdded', type: 'AWS::SQS::Queue', properties: props });
        sameValue(o, 'addResource', r.value, setAtValue(o.t.parsed.value!, ['Resources', 'CairnAdded'], { Type: 'AWS::SQS::Queue', Properties: props }));
        const w = changedWindow(o.text, r.text)!;
        const oldLines = o.text.split('\n');
        const newLines = r.text.split('\n');
        assert.ok(w.endBefore - w.start <= 1, `${o.name}: addResource rewrote ${w.endBefore - w.start} existing lines`);
        if (w.endBefore - w.start === 1) {
          assert.ok(newLines[w.start]!.startsWith(oldLines[w.start]!), `${o.name}: addResource changed line ${w.start + 1}`);
        }
      }
    });

    test('renameResource rewrites exactly the lines that name it', () => {
      for (const o of editable) {
        const resources = o.t.parsed.value!['Resources'] as CfnObject;
        const ids = Object.keys(resources);
        const from = ids[ids.length - 1]!;
        const to = 'CairnRenamed';
        const r = applied(o, { op: 'renameResource', resource: from, to });
        sameValue(o, `renameResource ${from}`, r.value, renameInValue(o.t.parsed.value!, from, to));
        const a = o.text.split('\n');
        const b = r.text.split('\n');
        assert.equal(a.length, b.length, `${o.name}: rename changed the line count`);
        for (let i = 0; i < a.length; i++) {
          if (a[i] !== b[i]) assert.ok(b[i]!.includes(to) && a[i]!.includes(from), `${o.name}: rename touched line ${i + 1}`);
        }
      }
    });

    test('renameCondition rewrites exactly the lines that name the condition; removeCondition refuses while it is used', () => {
      const withConditions = editable.filter((o) => isObject(o.t.parsed.value!['Conditions']) && Object.keys(o.t.parsed.value!['Conditions']).length > 0);
      assert.ok(withConditions.length > 50, `only ${withConditions.length} templates with Conditions`);
      let refused = 0;
      let removed = 0;
      for (const o of withConditions) {
        const names = Object.keys(o.t.parsed.value!['Conditions'] as CfnObject);
        const from = names[0]!;
        const to = 'CairnRenamedCondition';
        const r = applied(o, { op: 'renameCondition', name: from, to });
        sameValue(o, `renameCondition ${from}`, r.value, renameConditionInValue(o.t.parsed.value!, from, to));
        const a = o.text.split('\n');
        const b = r.text.split('\n');
        assert.equal(a.length, b.length, `${o.name}: renameCondition changed the line count`);
        for (let i = 0; i < a.length; i++) {
          if (a[i] !== b[i]) assert.ok(b[i]!.includes(to) && a[i]!.includes(from), `${o.name}: renameCondition touched line ${i + 1}`);
        }
        const last = names[names.length - 1]!;
        const rm = applyEdit(o.text, { op: 'removeCondition', name: last });
        if (rm.ok) {
          removed++;
          const after = parseCached(rm.text).value!;
          assert.ok(!Object.prototype.hasOwnProperty.call(after['Conditions'] ?? {}, last), `${o.name}: ${last} still there`);
        } else {
          refused++;
          assert.equal(rm.diagnostics[0]!.code, 'EDIT_IN_USE', `${o.name}: ${rm.diagnostics[0]!.message}`);
        }
        // the oracle's own view: renaming to a marker shows whether anything besides the key names it
        const mentions = JSON.stringify(renameConditionInValue(o.t.parsed.value!, last, 'CairnMarker')).split('CairnMarker').length - 1;
        assert.equal(rm.ok, mentions === 1, `${o.name}: removeCondition ${last} ${rm.ok ? 'applied' : 'refused'} with ${mentions - 1} uses`);
      }
      assert.ok(refused > 0 && removed > 0, `refused ${refused}, removed ${removed}`);
    });

    test('removeResource removes its entry and only what mentions it', () => {
      for (const o of editable) {
        const ids = Object.keys(o.t.parsed.value!['Resources'] as CfnObject);
        if (ids.length < 2) continue;
        const id = ids[0]!;
        const r = applied(o, { op: 'removeResource', resource: id });
        const after = r.value['Resources'] as CfnObject;
        assert.ok(!(id in after), `${o.name}: ${id} still there`);
        const before = { ...o.t.parsed.value! };
        before['Resources'] = { ...(before['Resources'] as CfnObject) };
        delete (before['Resources'] as CfnObject)[id];
        const wrong = onlyRemovedMentions(before, r.value, id);
        assert.equal(wrong, null, `${o.name}: removing ${id} also changed ${wrong}`);
      }
    });

    test('every wire is described without a throw, each piece with the non-empty text it points at', () => {
      let wires = 0;
      let pieces = 0;
      let inexact = 0;
      for (const o of opened) {
        for (const e of o.t.graph.edges) {
          let d: ReturnType<typeof describeWire>;
          try {
            d = describeWire(o.t, e.id);
          } catch (err) {
            assert.fail(`${o.name}: describing ${e.id} threw ${(err as Error).stack}`);
          }
          assert.ok(d, `${o.name}: no description of ${e.id}`);
          assert.equal(d.parts.length, e.sources.length);
          for (const p of d.parts) {
            assert.ok(p.fragment && p.fragment.text.trim().length > 0, `${o.name}: ${e.id}: empty fragment at ${p.source.path.join('.')}`);
            assert.equal(o.text.slice(p.fragment.range.start.offset, p.fragment.range.end.offset), p.fragment.text, `${o.name}: ${e.id}: range and text disagree`);
            assert.ok(p.summary.length > 0);
            if (!p.fragment.exact) inexact++;
            pieces++;
          }
          wires++;
        }
      }
      console.log(`corpus: ${wires} wires described, ${pieces} pieces, ${inexact} shown through an ancestor (merge keys)`);
      assert.ok(wires > 1000, `only ${wires} wires`);
    });

    /** Switches an access wire to each other level it offers; returns how many changes ran. */
    function checkLevelChanges(o: Opened, edgeId: string, refusedCodes: Map<string, number>): number {
      const e = o.t.graph.edges.find((x) => x.id === edgeId)!;
      const d = describeWire(o.t, e.id);
      if (!d?.access?.level || !d.access.reading.form) return 0;
      const parts = d.parts.filter((p) => p.source.via === 'policy-template' || p.source.via === 'statement');
      const policies: Path = ['Resources', e.source, 'Properties', 'Policies'];
      const inPolicies = parts.every((p) => policies.every((seg, i) => p.source.path[i] === seg));
      // what may change: the function's Policies, or the roles holding the statements
      const region: Path[] = inPolicies ? [policies] : [...new Set(parts.map((p) => String(p.source.path[1])))].map((id) => ['Resources', id]);
      const lines = region.map((path) => {
        const found = nodeAt(o.t.parsed.doc!, path)!;
        const key = (found.pair!.key as { range: [number, number, number] }).range;
        return [lineOf(o.text, key[0]), lineOf(o.text, pairEnd(o.text, found.pair!))] as const;
      });
      const strip = (v: CfnObject): CfnValue => region.reduce((out: CfnObject, p) => setAtValue(out, p, null), v);
      let n = 0;
      for (const option of d.access.options) {
        if (option.level === d.access.level) continue;
        const edit: Edit = { op: 'setAccessLevel', source: e.source, target: e.target, level: option.level as AccessLevel };
        const r0 = applyEdit(o.text, edit);
        if (!r0.ok) {
          const code = r0.diagnostics[0]!.code;
          assert.ok(['WIRE_LEVEL_SHARED', 'WIRE_UNSUPPORTED'].includes(code), `${o.name}: ${e.id} -> ${option.level}: ${code} ${r0.diagnostics[0]!.message}`);
          refusedCodes.set(code, (refusedCodes.get(code) ?? 0) + 1);
          continue;
        }
        const r = applied(o, edit, r0);
        assert.equal(describeWire(openTemplate(r.text), e.id)?.access?.level, option.level, `${o.name}: ${e.id} does not read back at ${option.level}`);
        sameValue(o, `setAccessLevel ${e.id}, outside its policies`, strip(r.value), strip(o.t.parsed.value!));
        changedOnlyWithin(o, r.text, Math.min(...lines.map((l) => l[0])), Math.max(...lines.map((l) => l[1])), `setAccessLevel ${e.id} -> ${option.level}`);
        n++;
      }
      return n;
    }

    test('every other level of every recognised access wire: parses, reads back, changes only its policy lines', () => {
      let changed = 0;
      let recognised = 0;
      const refusedCodes = new Map<string, number>();
      for (const o of editable) {
        for (const e of o.t.graph.edges) {
          if (e.kind !== 'access') continue;
          const n = checkLevelChanges(o, e.id, refusedCodes);
          if (n) recognised++;
          changed += n;
        }
      }
      console.log(`corpus: ${changed} level changes on the ${recognised} recognised access wires as written; refused: ${[...refusedCodes].map(([c, k]) => `${c}=${k}`).join(', ') || 'none'}`);
      assert.ok(recognised >= 10, `only ${recognised} access wires recognised`);
    });

    test('the other levels of a table wire drawn into every SAM function: each touches only the policy lines', () => {
      let changed = 0;
      const refusedCodes = new Map<string, number>();
      for (const o of editable) {
        const d = drawTableWire(o);
        if (!d?.result.ok) continue;
        const after: Opened = { name: o.name, text: d.result.text, t: openTemplate(d.result.text) };
        changed += checkLevelChanges(after, `${d.fn}-access-${d.table}`, refusedCodes);
      }
      console.log(`corpus: ${changed} level changes on drawn wires; refused: ${[...refusedCodes].map(([c, k]) => `${c}=${k}`).join(', ') || 'none'}`);
      assert.ok(changed > 600, `only ${changed} level changes ran`);
    });

    test('connect a function to a table writes a scoped policy and env vars, only in the function', () => {
      let connected = 0;
      const refused: string[] = [];
      for (const o of editable) {
        const drawn = drawTableWire(o);
        if (!drawn) continue;
        const { base, fn, table, result } = drawn;
        if (!result.ok) {
          const code = result.diagnostics[0]!.code;
          assert.ok(code === 'WIRE_ENV_CONFLICT' || code === 'WIRE_EXISTS', `${o.name}: connect failed: ${code} ${result.diagnostics[0]!.message}`);
          refused.push(`${o.name}: ${code}`);
          continue;
        }
        const after = parseCached(result.text).value!;
        const planned = planAccess('function', 'table', table);
        assert.ok(planned.ok);
        const props = ((base.t.parsed.value!['Resources'] as CfnObject)[fn] as CfnObject)['Properties'];
        const pol = isObject(props) ? props['Policies'] : undefined;
        const list = Array.isArray(pol) ? pol : pol === undefined ? [] : [pol];
        let expected = setAtValue(base.t.parsed.value!, ['Resources', fn, 'Properties', 'Policies'], [...list, ...planned.plan.samPolicies.filter((p) => !list.some((q) => valueEquals(p, q)))]);
        const vars = isObject(props) && isObject(props['Environment']) ? (props['Environment'] as CfnObject)['Variables'] : undefined;
        for (const [k, v] of Object.entries(planned.plan.environment)) {
          if (!isObject(vars) || !(k in vars)) expected = setAtValue(expected, ['Resources', fn, 'Properties', 'Environment', 'Variables', k], v);
        }
        sameValue(base, `connect ${fn} -> ${table}`, after, expected);
        const [first, last] = resourceLines(base, fn);
        changedOnlyWithin(base, result.text, first, last, `connect ${fn}`);
        for (const st of JSON.stringify(planned.plan.samPolicies).match(/"Resource":"\*"/g) ?? []) assert.fail(`wildcard ${st}`);
        connected++;
      }
      assert.ok(connected > 300, `only ${connected} connects ran (${refused.length} refused)`);
    });
  });
}
