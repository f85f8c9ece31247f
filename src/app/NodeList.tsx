import type { GraphNode } from '../model/graph/types.ts';

export function NodeList({ nodes }: { readonly nodes: readonly GraphNode[] }) {
  return (
    <section className="panel" aria-labelledby="nodes-heading">
      <h2 id="nodes-heading">
        Nodes <span className="count">{nodes.length}</span>
      </h2>
      {nodes.length === 0 ? (
        <p className="empty">No nodes found in this template.</p>
      ) : (
        <ul className="items">
          {nodes.map((node) => (
            <li key={node.id} className="item" data-testid={`graph.node.${node.id}`}>
              <span className="item-name">{node.id}</span>
              <span className={`badge badge-${node.kind}`}>{node.kind}</span>
              <code className="item-detail">{node.type}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
