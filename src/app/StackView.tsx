import { useMemo } from 'react';
import { openTemplate } from '../model/template.ts';
import { DiagnosticsPanel } from './DiagnosticsPanel.tsx';
import { EdgeList } from './EdgeList.tsx';
import { NodeList } from './NodeList.tsx';
import { TemplateSource } from './TemplateSource.tsx';

interface Props {
  readonly name: string;
  readonly text: string;
}

/** One opened template: its graph as lists, its diagnostics and its text, exactly as written. */
export function StackView({ name, text }: Props) {
  const template = useMemo(() => openTemplate(text), [text]);
  return (
    <div className="stack">
      <div className="stack-graph">
        <NodeList nodes={template.graph.nodes} />
        <EdgeList edges={template.graph.edges} />
        <DiagnosticsPanel diagnostics={template.diagnostics} />
      </div>
      <TemplateSource name={name} text={text} />
    </div>
  );
}
