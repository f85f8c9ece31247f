import { useCallback, useMemo, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, applyNodeChanges } from '@xyflow/react';
import type { NodeChange, NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Graph } from '../model/graph/types.ts';
import { ContainerNode, ResourceNode } from './nodes/ResourceNode.tsx';
import { KIND_STYLE } from './nodes/kindStyle.ts';
import { toFlowEdges, toFlowNodes } from './toFlow.ts';
import type { Position, ResourceFlowNode } from './toFlow.ts';
import './canvas.css';

// module scope: React Flow re-mounts every node when nodeTypes changes identity
const NODE_TYPES: NodeTypes = { resource: ResourceNode, container: ContainerNode };

interface Props {
  readonly graph: Graph;
  readonly positions: Readonly<Record<string, Position>>;
  readonly stale?: boolean;
  onPositionsChange?(positions: Record<string, Position>): void;
}

/**
 * The canvas: a thin adapter from the model's graph to React Flow. Positions and selection
 * come in as props; drags come back out as positions. The model stays the only truth.
 */
export function Canvas({ graph, positions, stale = false, onPositionsChange }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dragging, setDragging] = useState<Record<string, Position>>({});
  const merged = useMemo(() => ({ ...positions, ...dragging }), [positions, dragging]);
  const nodes = useMemo(() => toFlowNodes(graph, merged, selected), [graph, merged, selected]);
  const edges = useMemo(() => toFlowEdges(graph), [graph]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ResourceFlowNode>[]) => {
      const next = applyNodeChanges(changes, nodes);
      const sel = new Set(next.filter((n) => n.selected).map((n) => n.id));
      if (sel.size !== selected.size || [...sel].some((id) => !selected.has(id))) setSelected(sel);
      const moved: Record<string, Position> = {};
      let done = false;
      for (const c of changes) {
        if (c.type !== 'position' || !c.position) continue;
        moved[c.id] = { ...(merged[c.id] ?? {}), x: c.position.x, y: c.position.y };
        if (!c.dragging) done = true;
      }
      if (!Object.keys(moved).length) return;
      if (done) {
        setDragging({});
        onPositionsChange?.({ ...merged, ...moved });
      } else setDragging((d) => ({ ...d, ...moved }));
    },
    [nodes, selected, merged, onPositionsChange],
  );

  return (
    <div className={`canvas${stale ? ' canvas-stale' : ''}`} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls />
        <MiniMap pannable zoomable nodeColor={(n) => KIND_STYLE[(n.data as ResourceFlowNode['data']).kind]?.accent ?? '#888'} />
      </ReactFlow>
    </div>
  );
}
