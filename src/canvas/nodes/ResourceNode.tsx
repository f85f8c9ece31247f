import { memo, useContext } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { ResourceFlowNode } from '../toFlow.ts';
import { KIND_STYLE } from './kindStyle.ts';
import { CanvasActionsContext } from './canvasActions.ts';
import { fitText, ID_FONT, NODE_FAMILY, textWidth, TYPE_FONT } from './fitText.ts';

// The box of .rnode in canvas.css, for fitting its text lines without a CSS clip.
const GLYPH_FONT = `700 11px ${NODE_FAMILY}`;
/** Node width 200, less 4 + 1 border, 2 x 12 padding and the 10 px gap after the glyph. */
const TEXT_ROOM = 200 - 5 - 24 - 10;

const rooms = new Map<string, number>();
/**
 * Room for the text beside a glyph, whose border box (styles.css sizes every box by its border)
 * is at least 30 px and otherwise its text, 0.02em letter-spacing a letter and 2 x 4 px padding;
 * less 1 px so rounding never lets a line touch the border.
 */
function textRoom(glyph: string): number {
  let room = rooms.get(glyph);
  if (room === undefined) {
    const w = textWidth(glyph, GLYPH_FONT) ?? 0;
    room = TEXT_ROOM - Math.max(30, w + glyph.length * 0.22 + 8) - 1;
    rooms.set(glyph, room);
  }
  return room;
}

/** One resource on the canvas: its kind's glyph, its logical id and its CloudFormation type. */
function ResourceNodeView({ data, selected }: NodeProps<ResourceFlowNode>) {
  const k = KIND_STYLE[data.kind];
  const room = textRoom(k.glyph);
  const typeLine = data.implicit ? `${k.label} · created by SAM` : data.type;
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
        <span className="rnode-id">{fitText(data.id, ID_FONT, room)}</span>
        <span className="rnode-type">{fitText(typeLine, TYPE_FONT, room)}</span>
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

const PART_GLYPH: Readonly<Record<string, string>> = {
  'AWS::EC2::Subnet': 'SUB',
  'AWS::EC2::SecurityGroup': 'SG',
  'AWS::RDS::DBSubnetGroup': 'DBS',
  'AWS::EC2::RouteTable': 'RT',
};

/**
 * A Virtual Network: a region its functions and databases are drawn inside, with its own parts
 * (subnets, security groups) listed as chips along the bottom; a chip selects its resource.
 */
function ContainerNodeView({ data, selected }: NodeProps<ResourceFlowNode>) {
  const k = KIND_STYLE[data.kind];
  const actions = useContext(CanvasActionsContext);
  return (
    <div className={`cnode${selected ? ' cnode-selected' : ''}`} data-testid={`canvas.node.${data.id}`} data-kind={data.kind}>
      <div className="cnode-title">
        <span className="rnode-glyph" aria-hidden="true" style={{ '--accent': k.accent } as React.CSSProperties}>
          {k.glyph}
        </span>
        <span className="rnode-id">{data.id}</span>
        <span className="rnode-type">{k.label}</span>
        {(data.errors > 0 || data.warnings > 0) && (
          <span className={`rnode-badge ${data.errors ? 'rnode-badge-error' : 'rnode-badge-warning'}`} data-testid={`canvas.node.${data.id}.diagnostics`} title={`${data.errors} error(s), ${data.warnings} warning(s)`}>
            {data.errors || data.warnings}
          </span>
        )}
      </div>
      {data.parts?.length ? (
        <ul className="cnode-parts nodrag" aria-label={`Parts of ${data.id}`}>
          {data.parts.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={`cnode-part${p.selected ? ' cnode-part-selected' : ''}${p.errors ? ' cnode-part-error' : p.warnings ? ' cnode-part-warning' : ''}`}
                data-testid={`canvas.node.${p.id}`}
                title={`${p.id} (${p.type})`}
                onClick={(e) => {
                  e.stopPropagation();
                  actions.select(p.id);
                }}
              >
                <span className="cnode-part-glyph" aria-hidden="true">
                  {PART_GLYPH[p.type] ?? 'CFN'}
                </span>
                <span className="cnode-part-label">{p.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Handle type="target" position={Position.Left} className="rnode-handle" />
      <Handle type="source" position={Position.Right} className="rnode-handle" />
    </div>
  );
}

export const ContainerNode = memo(ContainerNodeView);
