import { createSelector } from '@reduxjs/toolkit';
import { openTemplate } from '../../model/template.ts';
import type { Template } from '../../model/template.ts';
import type { Graph } from '../../model/graph/types.ts';
import type { RootState } from '../store.ts';

export const selectText = (s: RootState) => s.document.text;
export const selectDocumentName = (s: RootState) => s.document.name;
export const selectCanUndo = (s: RootState) => s.document.past.length > 0;
export const selectCanRedo = (s: RootState) => s.document.future.length > 0;
export const selectRefused = (s: RootState) => s.document.refused;

export const selectTemplate = createSelector([selectText], (text): Template => openTemplate(text));

const selectLastGood = (s: RootState) => s.document.lastGood;

/**
 * The graph to draw. YAML that does not parse never wipes the canvas: the last good graph
 * stays, and `selectGraphIsStale` says so.
 */
export const selectGraph = createSelector([selectLastGood], (text): Graph => openTemplate(text).graph);
export const selectGraphIsStale = createSelector([selectTemplate], (t) => t.parsed.blocked);
export const selectParseDiagnostics = createSelector([selectTemplate], (t) => t.diagnostics);

const selectSelectedIds = (s: RootState) => s.selection.ids;
export const selectSelection = createSelector([selectSelectedIds], (ids) => new Set(ids) as ReadonlySet<string>);

/** The one selected node of the graph, if exactly one is selected. */
export const selectSelectedNode = createSelector([selectGraph, selectSelectedIds], (g, ids) =>
  ids.length === 1 ? (g.nodes.find((n) => n.id === ids[0]) ?? null) : null,
);
