/**
 * The stacks the browser benchmarks open: a generated SAM template (bench/generate.ts), its
 * graph as Cairn reads it, and node positions laid out once here with Cairn's own ELK layout
 * (src/layout/elkGraph.ts, in Node), so neither side spends layout time in the page. Cairn gets
 * the positions with the template (as restored work); the baseline gets the same ids,
 * positions and edges, mapped by Cairn's own adapter (src/canvas/toFlow.ts).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { runElk } from '../../src/layout/elkGraph.ts';
import type { Positions } from '../../src/layout/types.ts';
import { NODE_HEIGHT, NODE_WIDTH, toFlowEdges, toFlowNodes } from '../../src/canvas/toFlow.ts';
import { openTemplate } from '../../src/model/template.ts';
import { generateSamTemplate } from '../generate.ts';
import type { BenchFlow } from './flow.ts';

export interface Stack {
  readonly resources: number;
  readonly text: string;
  readonly positions: Positions;
  readonly flow: Pick<BenchFlow, 'nodes' | 'edges'>;
  /** Function logical ids, in template order (edit targets). */
  readonly functions: readonly string[];
}

export async function makeStack(resources: number): Promise<Stack> {
  const text = generateSamTemplate(resources);
  const { graph } = openTemplate(text);
  const sizes = Object.fromEntries(graph.nodes.map((n) => [n.id, { width: NODE_WIDTH, height: NODE_HEIGHT }]));
  const positions = await runElk(new ELK(), graph, sizes);
  const missing = graph.nodes.filter((n) => !positions[n.id]);
  if (missing.length) throw new Error(`layout left ${missing.length} node(s) without a position`);
  const nodes = toFlowNodes(graph, positions, new Set()).map((n) => ({ id: n.id, x: n.position.x, y: n.position.y }));
  const edges = toFlowEdges(graph).map((e) => ({ id: e.id, source: e.source, target: e.target, arrow: e.markerEnd !== undefined }));
  const functions = graph.nodes.filter((n) => n.type === 'AWS::Serverless::Function').map((n) => n.id);
  return { resources, text, positions, flow: { nodes, edges }, functions };
}
