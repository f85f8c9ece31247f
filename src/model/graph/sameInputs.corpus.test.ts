/**
 * sameGraphInputs over the corpus (../shared/corpus): edits to a resource in every SAM /
 * CloudFormation template, some the graph cannot see (a new property, a description), some it
 * must (a reference in any property, Role, VpcId, Environment, Events, DependsOn, Metadata).
 * Whenever sameGraphInputs says the graph stays, building it again must give the same graph;
 * and the edits the graph cannot see must be recognised as such (the fast path is used).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdit } from '../edit/apply.ts';
import type { Edit } from '../edit/types.ts';
import { CORPUS, corpusFiles, openCorpusFile } from '../testing/corpus.ts';
import { isObject } from '../value.ts';
import type { CfnObject, CfnValue } from '../value.ts';
import { parseCached } from '../yaml/cache.ts';
import { buildGraph, sameGraphInputs } from './build.ts';
import { sameGraph } from './equal.ts';

const files = corpusFiles(['sam', 'cloudformation']);

if (!files.length) {
  console.log(`corpus: ${CORPUS} not found; sameGraphInputs corpus test not run.`);
} else {
  test(`sameGraphInputs never keeps a graph a build would change (${files.length} templates)`, () => {
    let neutral = 0;
    let neutralKept = 0;
    let kept = 0;
    let checked = 0;
    for (const name of files) {
      const o = openCorpusFile(name);
      if (o.t.format !== 'cloudformation' || !o.t.parsed.value || !isObject(o.t.parsed.value['Resources'])) continue;
      const ids = Object.keys(o.t.parsed.value['Resources']);
      if (ids.length < 2) continue;
      const id = ids[ids.length >> 1]!;
      const other = ids.find((x) => x !== id)!;
      const ref: CfnValue = { Ref: other };
      const edits: Array<[Edit, boolean]> = [
        [{ op: 'setProperty', resource: id, path: ['Properties', 'CairnProbe'], value: 'probe' }, true],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'Description'], value: 'A description' }, true],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'CairnProbe'], value: ref }, false],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'Tags'], value: [{ Key: 'peer', Value: { 'Fn::GetAtt': [other, 'Arn'] } }] }, false],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'Role'], value: { 'Fn::GetAtt': [other, 'Arn'] } }, false],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'VpcId'], value: ref }, false],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'Environment'], value: { Variables: { PEER: ref } } }, false],
        [{ op: 'setProperty', resource: id, path: ['Properties', 'Events'], value: { Probe: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': [other, 'Arn'] } } } } }, false],
        [{ op: 'setProperty', resource: id, path: ['DependsOn'], value: other }, false],
        [{ op: 'setProperty', resource: id, path: ['Metadata', 'Peer'], value: ref }, false],
      ];
      // an event with no reference in it that still draws: SAM's implicit API
      const resources = o.t.parsed.value['Resources'] as CfnObject;
      const fn = ids.find((x) => isObject(resources[x]) && resources[x]['Type'] === 'AWS::Serverless::Function');
      if (fn) edits.push([{ op: 'setProperty', resource: fn, path: ['Properties', 'Events', 'CairnGet'], value: { Type: 'Api', Properties: { Path: '/cairn', Method: 'get' } } }, false]);
      for (const [edit, invisible] of edits) {
        const before = parseCached(o.text).value as CfnObject;
        const r = applyEdit(o.text, edit);
        if (!r.ok) continue;
        const after = parseCached(r.text).value;
        if (!after) continue;
        const same = sameGraphInputs(before, after);
        checked++;
        if (invisible) {
          neutral++;
          if (same) neutralKept++;
        }
        if (!same) continue;
        kept++;
        assert.ok(sameGraph(buildGraph(before), buildGraph(after)), `${name}: ${JSON.stringify(edit)} kept a graph that a build changes`);
      }
    }
    console.log(`sameGraphInputs: ${checked} edits checked, ${kept} kept the graph (${neutralKept} of ${neutral} the graph cannot see)`);
    assert.ok(checked > 1000, `only ${checked} edits checked`);
    assert.ok(neutralKept >= neutral * 0.9, `the fast path recognised only ${neutralKept} of ${neutral} invisible edits`);
  });
}
