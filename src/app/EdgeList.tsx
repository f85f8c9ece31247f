import type { GraphEdge } from '../model/graph/types.ts';

export function EdgeList({ edges }: { readonly edges: readonly GraphEdge[] }) {
  return (
    <section className="panel" aria-labelledby="edges-heading">
      <h2 id="edges-heading">
        Wires <span className="count">{edges.length}</span>
      </h2>
      {edges.length === 0 ? (
        <p className="empty">No wires found in this template.</p>
      ) : (
        <ul className="items">
          {edges.map((edge) => (
            <li key={edge.id} className="item" data-testid={`graph.edge.${edge.source}.${edge.kind}.${edge.target}`}>
              <span className="item-name">{edge.source}</span>
              <span className="arrow" aria-hidden="true">
                →
              </span>
              <span className="visually-hidden">to</span>
              <span className="item-name">{edge.target}</span>
              <span className={`badge wire-${edge.kind}`}>{edge.kind}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
