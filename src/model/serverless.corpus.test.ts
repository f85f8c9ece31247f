/**
 * serverless.yml edits over the corpus (../shared/corpus/serverless, read in place): in every
 * file, set a setting of a function, add a function, add a resource, rename a resource (or a
 * function), and wire a function to a new queue (trigger) and to a new table (access). After
 * every edit: the text parses (a local re-parse equals a full one), re-opening it gives no new
 * parse errors, the intended entries are there (read back from the value and the graph's
 * nodes), and every line outside the edit's own entries is kept.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdit, applyEdits } from './edit/apply.ts';
import type { Edit, EditResult } from './edit/types.ts';
import { openTemplate } from './template.ts';
import { setAtValue } from './testing/oracle.ts';
import type { Pair, YAMLMap } from 'yaml';
import { pairEnd } from './yaml/span.ts';
import { applied, changedOnlyIn, corpusFiles, entryLines, lineOf, openCorpusFile, sameValue } from './testing/corpus.ts';
import type { Opened } from './testing/corpus.ts';
import { isObject, valueAt } from './value.ts';
import { eventEntries, SERVERLESS_EVENT_TYPES } from './formats/serverless/events.ts';
import { DRAWN_SECTIONS, keptSections } from './formats/serverless/kept.ts';
import type { CfnObject } from './value.ts';

/** Refusals a hand-written service may earn (another provider, `resources` as a list of files, a role of its own); anything else is an engine bug. */
const FAIR = new Set(['EDIT_UNSUPPORTED_PROVIDER', 'EDIT_PATH_BLOCKED', 'WIRE_UNSUPPORTED']);

const files = corpusFiles(['serverless']);
const edgeOf = (text: string, source: string, target: string, kind: string) => openTemplate(text).graph.edges.find((e) => e.source === source && e.target === target && e.kind === kind);
const errors = (text: string) => openTemplate(text).diagnostics.filter((d) => d.severity === 'error').length;

/** The lines an edit may touch: entries of the file; for a new entry, its nearest existing parent (the end of the file's last entry at the top). */
function regionsOf(o: Opened, paths: readonly (readonly (string | number)[])[]): [number, number][] {
  return paths.map((p) => {
    let at = p.length;
    while (at > 0 && valueAt(o.t.parsed.value!, p.slice(0, at)) === undefined) at--;
    if (at > 0) return entryLines(o, p.slice(0, at));
    const root = o.t.parsed.doc!.contents as YAMLMap;
    const end = lineOf(o.text, pairEnd(o.text, root.items[root.items.length - 1] as Pair));
    return [end, end];
  });
}

if (!files.length) {
  console.log('serverless corpus: ../shared/corpus/serverless not found; not run.');
} else {
  const services = files.map(openCorpusFile).filter((o) => o.t.format === 'serverless' && !o.t.parsed.blocked);

  test('serverless corpus: every plugin and every section the canvas does not draw is listed (nothing unseen)', () => {
    let plugins = 0;
    let sections = 0;
    for (const o of services) {
      const value = o.t.parsed.value!;
      const kept = keptSections(value);
      plugins += kept.plugins.length;
      sections += kept.sections.length;
      const listed = new Set(kept.sections.map((s) => s.key));
      for (const key of Object.keys(value)) assert.ok(DRAWN_SECTIONS.has(key) || listed.has(key), `${o.name}: ${key} neither drawn nor listed`);
      const named = Array.isArray(value['plugins']) ? value['plugins'].filter((p) => typeof p === 'string').length : 0;
      if (Array.isArray(value['plugins'])) assert.equal(kept.plugins.length, named, `${o.name}: plugins`);
    }
    console.log(`serverless corpus: ${plugins} plugins and ${sections} undrawn sections listed across ${services.length} services`);
    assert.ok(plugins > 0 && sections > 0);
  });
  const refusals = new Map<string, number>();
  let edits = 0;
  let passes = 0;

  /** Applies, and checks what every edit must satisfy; false when fairly refused. */
  function check(o: Opened, edit: Edit | Edit[], regions: [number, number][], what: string, r: EditResult = applyEdits(o.text, [edit].flat())): { text: string; value: CfnObject } | null {
    edits++;
    if (!r.ok) {
      const code = r.diagnostics[0]!.code;
      assert.ok(FAIR.has(code), `${o.name}: ${what}: ${code} ${r.diagnostics[0]!.message}`);
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
      return null;
    }
    const out = applied(o, [edit].flat()[0]!, r);
    assert.ok(errors(out.text) <= errors(o.text), `${o.name}: ${what} added parse errors`);
    changedOnlyIn(o, out.text, regions, what);
    passes++;
    return out;
  }

  const firstFunction = (o: Opened): string | undefined => {
    const fns = o.t.parsed.value!['functions'];
    return isObject(fns) ? Object.keys(fns).find((k) => isObject(fns[k])) : undefined;
  };

  /** `o` after an edit that must apply (the queue and table the wires are drawn to). */
  const withAdded = (o: Opened, edit: Edit): Opened | null => {
    const r = applyEdit(o.text, edit);
    return r.ok ? { name: o.name, text: r.text, t: openTemplate(r.text) } : null;
  };

  describe(`serverless corpus (${services.length} services)`, () => {
    test('setProperty on a function changes only its lines', () => {
      for (const o of services) {
        const fn = firstFunction(o);
        if (!fn) continue;
        const r = check(o, { op: 'setProperty', resource: fn, path: ['memorySize'], value: 1024 }, regionsOf(o, [['functions', fn]]), `setProperty ${fn}`);
        if (r) sameValue(o, `setProperty ${fn}`, r.value, setAtValue(o.t.parsed.value!, ['functions', fn, 'memorySize'], 1024));
      }
    });

    test('addResource: a function into functions, a queue into resources.Resources', () => {
      for (const o of services) {
        const fnRegion = regionsOf(o, [['functions']]);
        const fn = check(o, { op: 'addResource', resource: 'cairnAdded', type: 'AWS::Lambda::Function' }, fnRegion, 'add a function');
        if (fn) {
          assert.equal(typeof valueAt(fn.value, ['functions', 'cairnAdded', 'handler']), 'string', `${o.name}: the new function has no handler`);
          assert.ok(openTemplate(fn.text).graph.nodes.some((n) => n.id === 'cairnAdded'), `${o.name}: the new function is not a node`);
        }
        const res = check(o, { op: 'addResource', resource: 'CairnQueue', type: 'AWS::SQS::Queue' }, regionsOf(o, [['resources']]), 'add a resource');
        if (res) sameValue(o, 'add a resource', valueAt(res.value, ['resources', 'Resources', 'CairnQueue']) ?? null, { Type: 'AWS::SQS::Queue' });
      }
    });

    test('renameResource rewrites exactly the lines that name it', () => {
      for (const o of services) {
        const resources = valueAt(o.t.parsed.value!, ['resources', 'Resources']);
        const ids = isObject(resources) ? Object.keys(resources) : [];
        const from = ids[ids.length - 1] ?? firstFunction(o);
        if (!from) continue;
        const to = ids.length ? 'CairnRenamed' : 'cairnRenamed';
        const r = check(o, { op: 'renameResource', resource: from, to }, [[0, o.text.split('\n').length]], `rename ${from}`);
        if (!r) continue;
        const section = ids.length ? ['resources', 'Resources'] : ['functions'];
        const after = valueAt(r.value, section) as CfnObject;
        assert.ok(to in after && !(from in after), `${o.name}: ${from} was not renamed`);
        const a = o.text.split('\n');
        const b = r.text.split('\n');
        assert.equal(a.length, b.length, `${o.name}: rename changed the line count`);
        a.forEach((line, i) => line === b[i] || assert.ok(b[i]!.toLowerCase().includes(to.toLowerCase()), `${o.name}: rename touched line ${i + 1}`));
      }
    });

    test('connect a function to a new queue (trigger) and a new table (access): only the function and the role change', () => {
      for (const o of services) {
        const fn = firstFunction(o);
        if (!fn) continue;
        const q = withAdded(o, { op: 'addResource', resource: 'CairnJobs', type: 'AWS::SQS::Queue' });
        if (q) {
          const r = check(q, { op: 'connect', source: 'CairnJobs', target: fn, kind: 'trigger' }, regionsOf(q, [['functions', fn]]), `trigger ${fn}`);
          if (r) assert.ok(edgeOf(r.text, 'CairnJobs', fn, 'trigger')?.sources.some((x) => x.name === 'sqs'), `${o.name}: the graph has no sqs trigger from CairnJobs to ${fn}`);
        }
        const t = withAdded(o, { op: 'addResource', resource: 'CairnTable', type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PAY_PER_REQUEST' } });
        if (!t) continue;
        const r = check(t, { op: 'connect', source: fn, target: 'CairnTable', kind: 'access' }, regionsOf(t, [['functions', fn], ['provider']]), `access ${fn}`);
        if (!r) continue;
        const pieces = edgeOf(r.text, fn, 'CairnTable', 'access')?.sources ?? [];
        assert.ok(pieces.some((p) => p.via === 'statement') && pieces.some((p) => p.via === 'env'), `${o.name}: the graph has no access wire from ${fn} to CairnTable`);
        for (const p of pieces) assert.doesNotMatch(JSON.stringify(valueAt(r.value, p.path)), /"Resource":"\*"/, `${o.name}: a * resource`);
      }
    });

    test('graph figures: every event of a type the framework knows draws a trigger wire', () => {
      const f = { functions: 0, trigger: 0, access: 0, reference: 0, existing: 0, generated: 0, unwired: 0, events: 0, unknown: 0 };
      const undrawn: string[] = [];
      for (const o of services) {
        const g = o.t.graph;
        for (const n of g.nodes) {
          if (n.kind === 'function' && n.path[0] === 'functions') f.functions++;
          if (n.kind === 'existing') f.existing++;
          else if (n.implicit) f.generated++;
        }
        for (const e of g.edges) if (e.kind !== 'containment') f[e.kind]++;
        f.unwired += g.unwired?.length ?? 0;
        const drawn = new Set(g.edges.filter((e) => e.kind === 'trigger').flatMap((e) => e.sources.map((x) => x.path.slice(0, 4).join('.'))));
        const fns = o.t.parsed.value!['functions'];
        for (const [fn, def] of Object.entries(isObject(fns) ? fns : {})) {
          for (const e of eventEntries(fn, def)) {
            if (!SERVERLESS_EVENT_TYPES.has(e.type)) {
              f.unknown++;
              continue;
            }
            f.events++;
            if (!drawn.has(['functions', fn, 'events', e.index].join('.'))) undrawn.push(`${o.name}: ${fn} ${e.type}`);
          }
        }
      }
      console.log(`serverless corpus graph: ${Object.entries(f).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      assert.deepEqual(undrawn, []);
      assert.deepEqual(f, { functions: 309, trigger: 222, access: 95, reference: 4, existing: 9, generated: 111, unwired: 20, events: 230, unknown: 2 });
    });

    test('figures', () => {
      console.log(`serverless corpus: ${services.length} services, ${edits} edits, ${passes} applied and checked, refused: ${[...refusals].map(([c, n]) => `${c}=${n}`).join(', ') || 'none'}`);
      assert.ok(passes > services.length * 3, `only ${passes} edits applied`);
    });
  });
}
