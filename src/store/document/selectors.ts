import { createSelector } from '@reduxjs/toolkit';
import { openTemplate } from '../../model/template.ts';
import { rememberParsed } from '../../model/yaml/cache.ts';
import { Parsed } from '../../model/yaml/parse.ts';
import type { Template } from '../../model/template.ts';
import type { Graph, GraphNode } from '../../model/graph/types.ts';
import { sameGraph } from '../../model/graph/equal.ts';
import { sameGraphInputs } from '../../model/graph/build.ts';
import { parseCached } from '../../model/yaml/cache.ts';
import type { Diagnostic } from '../../model/diagnostics/types.ts';
import type { RootState } from '../store.ts';
import type { CfnObject } from '../../model/value.ts';
import type { VariableOptions } from '../../model/formats/serverless/variables.ts';

export const selectText = (s: RootState) => s.document.text;
export const selectDocumentName = (s: RootState) => s.document.name;
export const selectCanUndo = (s: RootState) => s.document.past.length > 0;
export const selectCanRedo = (s: RootState) => s.document.future.length > 0;
export const selectRefused = (s: RootState) => s.document.refused;
/** The document has changes that were neither opened nor downloaded: opening another loses them. */
export const selectIsDirty = (s: RootState) => s.document.text !== s.document.savedText;

const selectStage = (s: RootState) => s.stage;

/** What a serverless.yml's variables are resolved with: the chosen stage and region, and the env values given. */
export const selectVariableOptions = createSelector(
  [selectStage],
  (v): VariableOptions => ({ ...(v.stage !== null ? { stage: v.stage } : {}), ...(v.region !== null ? { region: v.region } : {}), env: v.env }),
);

/**
 * The template of a text, remembered for the last two texts: `selectTemplate` (the text) and
 * `selectGraph` (the last good text) are the same text almost always, and an edit on a
 * 500-resource stack should build its graph once, not twice. Only a serverless.yml depends on
 * the variable options (a SAM template's is reused whatever they are); changing them rebuilds
 * its graph from the cached parse, never parsing again.
 */
const opened: Template[] = [];
/**
 * Each remembered template's value, read when it was made: an edit's local re-parse takes its
 * parse over (Parsed.handOver), and reading `parsed.value` after that would parse it all again.
 * The value objects themselves are never changed.
 */
const valueOf = new WeakMap<Template, CfnObject | null>();
function templateOf(text: string, variables: VariableOptions): Template {
  const hit = opened.find((t) => t.text === text && (t.format !== 'serverless' || t.variables === variables));
  if (hit) return hit;
  // only the variables changed (another stage): the graph is built again from the same parse
  const same = opened.find((t) => t.text === text);
  if (same?.parsed instanceof Parsed) rememberParsed(same.parsed);
  const last = opened[0];
  // an edit that leaves the graph as it was (a property, a value) keeps the graph object, so
  // nothing that draws it (canvas, minimap, layout) has anything to do; where the template's
  // value shows that (see sameGraphInputs), the graph is not even built again
  const value = parseCached(text).value;
  const before = last ? valueOf.get(last) : null;
  const reuse = last?.format === 'cloudformation' && before && value && sameGraphInputs(before, value);
  const fresh = openTemplate(text, reuse ? { variables, graph: last.graph } : { variables });
  const t = last && !reuse && sameGraph(last.graph, fresh.graph) ? { ...fresh, graph: last.graph } : fresh;
  valueOf.set(t, value);
  opened.unshift(t);
  opened.length = Math.min(opened.length, 2);
  return t;
}

export const selectTemplate = createSelector([selectText, selectVariableOptions], (text, variables): Template => templateOf(text, variables));

const selectLastGood = (s: RootState) => s.document.lastGood;

/**
 * The template drawn, and its graph. YAML that does not parse never wipes the canvas: the last good graph
 * stays, and `selectGraphIsStale` says so.
 */
export const selectDrawnTemplate = createSelector([selectLastGood, selectVariableOptions], (text, variables): Template => templateOf(text, variables));
export const selectGraph = createSelector([selectDrawnTemplate], (t): Graph => t.graph);
export const selectGraphIsStale = createSelector([selectTemplate], (t) => t.parsed.blocked);
export const selectParseDiagnostics = createSelector([selectTemplate], (t) => t.diagnostics);

const selectSelectedIds = (s: RootState) => s.selection.ids;
export const selectSelection = createSelector([selectSelectedIds], (ids) => new Set(ids) as ReadonlySet<string>);

/** The one selected node of the graph, if exactly one is selected. */
export const selectSelectedNode = createSelector([selectGraph, selectSelectedIds], (g, ids) =>
  ids.length === 1 ? (g.nodes.find((n) => n.id === ids[0]) ?? null) : null,
);

export type DiagnosticCounts = Readonly<Record<string, { errors: number; warnings: number }>>;

/**
 * Errors and warnings per node id, for the badges on the canvas: a diagnostic counts for the
 * outermost node whose definition holds its path (`Resources.X` in SAM; `functions.x` and
 * `resources.Resources.X` in a serverless.yml), so a Timer drawn from a function's event counts
 * for the function, as before.
 */
export function countsByNode(list: readonly Diagnostic[], nodes: readonly GraphNode[]): DiagnosticCounts {
  const owners = new Map<string, string>();
  for (const n of nodes) if (!n.implicit && n.path.length) owners.set(pathKey(n.path), n.id);
  const ownerOf = (path: Diagnostic['path']): string | undefined => {
    for (let i = 1; i <= path.length; i++) {
      const id = owners.get(pathKey(path.slice(0, i)));
      if (id !== undefined) return id;
    }
    return undefined;
  };
  const counts: Record<string, { errors: number; warnings: number }> = {};
  for (const d of list) {
    const id = ownerOf(d.path);
    if (id === undefined) continue;
    const c = (counts[id] ??= { errors: 0, warnings: 0 });
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
  }
  return counts;
}

const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);
