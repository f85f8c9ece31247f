import { createSelector } from '@reduxjs/toolkit';
import type { GraphEdge } from '../../model/graph/types.ts';
import { describeWire } from '../../model/wire/describe.ts';
import type { WireDescription } from '../../model/wire/describe.ts';
import { selectGraph, selectTemplate } from '../document/selectors.ts';
import type { RootState } from '../store.ts';

const selectEdgeRef = (s: RootState) => s.selection.edge;

/** The selected wire of the graph on the canvas; null when none is, or it is gone (removed, undone). */
export const selectSelectedEdge = createSelector([selectGraph, selectEdgeRef], (g, ref): GraphEdge | null =>
  ref ? (g.edges.find((e) => e.source === ref.source && e.target === ref.target && e.kind === ref.kind) ?? null) : null,
);

/**
 * What the selected wire writes, read from the current text. While the YAML does not parse the
 * canvas shows the last good graph, whose text is not the one in the YAML panel: no description.
 */
export const selectSelectedWire = createSelector([selectTemplate, selectGraph, selectSelectedEdge], (t, g, edge): WireDescription | null =>
  edge && !t.parsed.blocked ? describeWire({ parsed: t.parsed, graph: g }, edge.id) : null,
);
