import { useRef } from 'react';
import type React from 'react';
import { canvasPercent, shareAt, shareForKey, splitColumns, YAML_SHARE_DEFAULT, YAML_SHARE_MAX, YAML_SHARE_MIN } from './split.ts';

interface Props {
  /** The YAML panel's share of the width it splits with the canvas. */
  readonly share: number;
  /** A new share, once a drag ends or a key moved the divider (the editor keeps it). */
  readonly onShare: (share: number) => void;
  /** The editor's grid: while dragging, its columns are set directly (no render per move). */
  readonly grid: React.RefObject<HTMLElement | null>;
}

/**
 * The divider between the canvas and the YAML panel, along the panel's left edge: drag it, or
 * focus it and use the arrow keys, Home and End; a double click puts it back where it started.
 */
export function SplitHandle({ share, onShare, grid }: Props) {
  const drag = useRef<{ left: number; right: number; gap: number; share: number } | null>(null);

  const apply = (s: number) => {
    const style = grid.current?.style;
    if (!style) return;
    for (const [k, v] of Object.entries(splitColumns(s))) style.setProperty(k, v);
  };

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const panel = e.currentTarget.parentElement?.getBoundingClientRect();
    const canvas = grid.current?.querySelector('.editor-canvas')?.getBoundingClientRect();
    if (!panel || !canvas) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { left: canvas.left, right: panel.right, gap: panel.left - canvas.right, share };
  };
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.share = shareAt(e.clientX, d.left, d.right, d.gap);
    apply(d.share);
  };
  const end = (e: React.PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    onShare(d.share);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const next = shareForKey(share, e.key);
    if (next === null) return;
    e.preventDefault();
    onShare(next);
  };

  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label="Canvas and YAML panel width"
      aria-valuenow={canvasPercent(share)}
      aria-valuemin={canvasPercent(YAML_SHARE_MAX)}
      aria-valuemax={canvasPercent(YAML_SHARE_MIN)}
      aria-valuetext={`canvas ${canvasPercent(share)}%, YAML ${100 - canvasPercent(share)}%`}
      tabIndex={0}
      title="Drag to resize (arrow keys when focused; double-click to reset)"
      data-testid="yaml.resize"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onShare(YAML_SHARE_DEFAULT)}
    />
  );
}
