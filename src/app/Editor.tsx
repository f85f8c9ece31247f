import { useEffect, useState } from 'react';
import { Canvas } from '../canvas/Canvas.tsx';
import type { Position } from '../canvas/toFlow.ts';
import { documentOpened } from '../store/document/slice.ts';
import { selectGraph, selectGraphIsStale, selectTemplate } from '../store/document/selectors.ts';
import { useAppDispatch, useAppSelector } from '../store/hooks.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { EdgeList } from './EdgeList.tsx';
import { NodeList } from './NodeList.tsx';
import { TemplateSource } from './TemplateSource.tsx';

interface Props {
  readonly name: string;
  readonly text: string;
}

/** The editor: the canvas in the middle, the stack's nodes, wires, diagnostics and text beside it. */
export function Editor({ name, text }: Props) {
  const dispatch = useAppDispatch();
  useEffect(() => {
    dispatch(documentOpened({ name, text }));
  }, [dispatch, name, text]);
  const template = useAppSelector(selectTemplate);
  const graph = useAppSelector(selectGraph);
  const stale = useAppSelector(selectGraphIsStale);
  const [positions, setPositions] = useState<Record<string, Position>>({});

  return (
    <div className="editor">
      <section className="editor-canvas" aria-label="Canvas">
        <Canvas graph={graph} positions={positions} stale={stale} onPositionsChange={setPositions} />
      </section>
      <aside className="editor-side" aria-label="Stack details">
        <NodeList nodes={graph.nodes} />
        <EdgeList edges={graph.edges} />
        <DiagnosticsPanel diagnostics={template.diagnostics} />
        <TemplateSource name={name} text={template.text} />
      </aside>
    </div>
  );
}
