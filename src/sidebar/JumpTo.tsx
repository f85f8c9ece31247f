import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphNode } from '../model/graph/types.ts';

interface Props {
  readonly nodes: readonly GraphNode[];
  onPick(id: string): void;
  onClose(): void;
}

/** Ctrl+K: type part of a name, arrows to choose, Enter to jump there. */
export function JumpTo({ nodes, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    const list = nodes.filter((n) => !q || n.id.toLowerCase().includes(q) || n.type.toLowerCase().includes(q));
    return list.sort((a, b) => Number(!a.id.toLowerCase().startsWith(q)) - Number(!b.id.toLowerCase().startsWith(q))).slice(0, 12);
  }, [nodes, query]);
  const pick = (i: number) => {
    const m = matches[i];
    if (m) onPick(m.id);
    onClose();
  };
  return (
    <div className="jump" role="dialog" aria-label="Jump to a node" data-testid="jump">
      <input
        ref={input}
        value={query}
        placeholder="Jump to…"
        aria-label="Node name"
        role="combobox"
        aria-expanded="true"
        aria-controls="jump-list"
        onChange={(e) => (setQuery(e.target.value), setIndex(0))}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          else if (e.key === 'ArrowDown') (e.preventDefault(), setIndex((i) => Math.min(i + 1, matches.length - 1)));
          else if (e.key === 'ArrowUp') (e.preventDefault(), setIndex((i) => Math.max(i - 1, 0)));
          else if (e.key === 'Enter') pick(index);
        }}
      />
      <ul id="jump-list" role="listbox">
        {matches.map((m, i) => (
          <li key={m.id} role="option" aria-selected={i === index} onMouseDown={(e) => (e.preventDefault(), pick(i))}>
            <span className="jump-id">{m.id}</span> <span className="jump-type">{m.type}</span>
          </li>
        ))}
        {!matches.length && <li className="jump-none">No node matches.</li>}
      </ul>
    </div>
  );
}
