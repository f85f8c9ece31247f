import { memo } from 'react';
import { NODE_KINDS, nodeKindInfo } from '../model/catalog/nodeKinds.ts';
import type { NodeKind } from '../model/graph/types.ts';
import { KIND_STYLE } from '../canvas/nodes/kindStyle.ts';
import type { FormatId } from '../model/formats/adapter.ts';

/** The MIME type a palette drag carries: the node kind to add. */
export const PALETTE_MIME = 'application/x-cairn-kind';

/** Kinds that add a resource of their own (a Timer or Secrets are written by wires instead). */
export const ADDABLE: readonly NodeKind[] = NODE_KINDS.filter((k) => k.writes).map((k) => k.kind);

/** Kinds drawn before they are written: a Timer is on the canvas until its first wire writes its schedule event. */
export const DRAFTED: readonly NodeKind[] = ['timer'];

/**
 * What a file of this format can take: a serverless.yml has its functions and plain
 * CloudFormation in `resources.Resources`, so no SAM types (its APIs are the framework's own,
 * made by events) and no networks (a SAM/CloudFormation edit).
 */
export function addableKinds(format: FormatId): readonly NodeKind[] {
  if (format !== 'serverless') return [...ADDABLE, ...DRAFTED];
  const own = NODE_KINDS.filter((k) => ADDABLE.includes(k.kind) && (k.kind === 'function' || !(k.writes!.startsWith('AWS::Serverless::') || k.container))).map((k) => k.kind);
  return [...own, ...DRAFTED];
}

interface Props {
  /** The file's format: which kinds it can take. */
  readonly format: FormatId;
  /** Keyboard and click: add the kind at the centre of the view. */
  onAdd(kind: NodeKind): void;
  /** "CloudFormation resource": open the picker of every resource type. */
  onPickResource(): void;
  /** The picker is open (the item shows it is pressed). */
  readonly picking?: boolean;
}

const RESOURCE = nodeKindInfo('resource');

function PaletteView({ format, onAdd, onPickResource, picking = false }: Props) {
  const kinds = addableKinds(format);
  return (
    <nav className="palette" aria-label="Add a node">
      <h2 className="palette-title">Add</h2>
      <ul className="palette-list">
        {NODE_KINDS.filter((k) => kinds.includes(k.kind)).map((k) => (
          <li key={k.kind}>
            <button
              type="button"
              className="palette-item"
              data-testid={`palette.item.${k.kind}`}
              draggable
              title={k.description}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, k.kind);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(k.kind)}
            >
              <span className="rnode-glyph" style={{ '--accent': KIND_STYLE[k.kind].accent } as React.CSSProperties} aria-hidden="true">
                {KIND_STYLE[k.kind].glyph}
              </span>
              <span>{k.label}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="palette-item"
            data-testid="palette.item.resource"
            aria-haspopup="dialog"
            aria-expanded={picking}
            draggable
            title={`${RESOURCE.description} Every type in the resource specification.`}
            onDragStart={(e) => {
              // dropped on the canvas, it opens the picker and the chosen type lands there
              e.dataTransfer.setData(PALETTE_MIME, 'resource');
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={onPickResource}
          >
            <span className="rnode-glyph" style={{ '--accent': KIND_STYLE.resource.accent } as React.CSSProperties} aria-hidden="true">
              {KIND_STYLE.resource.glyph}
            </span>
            {/* a soft hyphen: the long word breaks in the narrow column */}
            <span>{RESOURCE.label.replace('CloudFormation', 'Cloud\u00adFormation')}…</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

export const Palette = memo(PaletteView);
