import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ResourceFlowNode } from '../toFlow.ts';
import { KIND_STYLE } from './kindStyle.ts';

/** One resource on the canvas: its kind's glyph, its logical id and its CloudFormation type. */
function ResourceNodeView({ data, selected }: NodeProps<ResourceFlowNode>) {
  const k = KIND_STYLE[data.kind];
  return (
    <div
      className={`rnode${selected ? ' rnode-selected' : ''}${data.implicit ? ' rnode-implicit' : ''}`}
      data-testid={`canvas.node.${data.id}`}
      data-kind={data.kind}
      style={{ '--accent': k.accent } as React.CSSProperties}
      title={`${data.id} (${data.type})`}
    >
      <Handle type="target" position={Position.Left} className="rnode-handle" />
      <span className="rnode-glyph" aria-hidden="true">
        {k.glyph}
      </span>
      <span className="rnode-text">
        <span className="rnode-id">{data.id}</span>
        <span className="rnode-type">{data.implicit ? `${k.label} · created by SAM` : data.type}</span>
      </span>
      {(data.errors > 0 || data.warnings > 0) && (
        <span
          className={`rnode-badge ${data.errors ? 'rnode-badge-error' : 'rnode-badge-warning'}`}
          data-testid={`canvas.node.${data.id}.diagnostics`}
          title={`${data.errors} error(s), ${data.warnings} warning(s)`}
        >
          {data.errors || data.warnings}
        </span>
      )}
      <Handle type="source" position={Position.Right} className="rnode-handle" />
    </div>
  );
}

export const ResourceNode = memo(ResourceNodeView);

/** A Virtual Network: a container its functions and databases are drawn inside. */
function ContainerNodeView({ data, selected }: NodeProps<ResourceFlowNode>) {
  const k = KIND_STYLE[data.kind];
  return (
    <div className={`cnode${selected ? ' cnode-selected' : ''}`} data-testid={`canvas.node.${data.id}`} data-kind={data.kind}>
      <div className="cnode-title">
        <span className="rnode-glyph" aria-hidden="true" style={{ '--accent': k.accent } as React.CSSProperties}>
          {k.glyph}
        </span>
        <span className="rnode-id">{data.id}</span>
        <span className="rnode-type">{k.label}</span>
      </div>
      <Handle type="target" position={Position.Left} className="rnode-handle" />
      <Handle type="source" position={Position.Right} className="rnode-handle" />
    </div>
  );
}

export const ContainerNode = memo(ContainerNodeView);
