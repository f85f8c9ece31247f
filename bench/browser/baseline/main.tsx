/**
 * The baseline of the browser benchmarks: a bare React Flow app (same React and @xyflow/react
 * as Cairn, built by the same webpack production config) that mounts the nodes and edges the
 * harness injects as `window.__CAIRN_BENCH_FLOW__` before any script runs: the same ids,
 * positions and edges as the Cairn stack, on a canvas of the same size. Nodes are a minimal
 * memoised custom node of Cairn's size with two handles; drags use React Flow's own
 * `useNodesState`. One text field renames a node's label: the edit benchmark's baseline.
 */
import { StrictMode, memo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import type { Edge, Node, NodeProps, NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './baseline.css';
import type { BenchFlow } from '../flow.ts';

type BoxNode = Node<{ label: string }, 'box'>;

function Box({ data }: NodeProps<BoxNode>) {
  return (
    <div className="bare-node">
      <Handle type="target" position={Position.Left} />
      <span>{data.label}</span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const NODE_TYPES: NodeTypes = { box: memo(Box) };

function Bare({ flow }: { flow: BenchFlow }) {
  const [nodes, setNodes, onNodesChange] = useNodesState<BoxNode>(
    flow.nodes.map((n) => ({ id: n.id, type: 'box', position: { x: n.x, y: n.y }, data: { label: n.id } })),
  );
  const [edges, , onEdgesChange] = useEdgesState<Edge>(
    flow.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, ...(e.arrow ? { markerEnd: { type: MarkerType.ArrowClosed } } : {}) })),
  );
  const [label, setLabel] = useState('');
  return (
    <div className="bare">
      <div className="bare-canvas" style={{ width: flow.canvas.width, height: flow.canvas.height }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          fitView
          minZoom={0.1}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls />
        </ReactFlow>
      </div>
      <div className="bare-side">
        <input
          data-testid="baseline.input"
          aria-label={`Label of ${flow.editNode}`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            setNodes((ns) => ns.map((n) => (n.id === flow.editNode ? { ...n, data: { label } } : n)));
          }}
        />
      </div>
    </div>
  );
}

const flow = (window as { __CAIRN_BENCH_FLOW__?: BenchFlow }).__CAIRN_BENCH_FLOW__;
const root = document.getElementById('root')!;
if (!flow) root.textContent = 'No benchmark data: the harness injects window.__CAIRN_BENCH_FLOW__.';
else
  createRoot(root).render(
    <StrictMode>
      <Bare flow={flow} />
    </StrictMode>,
  );
