import { useEffect, useRef } from 'react';

/** Every keyboard action of the editor, in one list (opened with `?` or the toolbar). */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Ctrl+K', 'Jump to a node by name'],
  ['Ctrl+Z', 'Undo the last change to the template'],
  ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
  ['Ctrl+C, Ctrl+V', 'Copy and paste the selected resources'],
  ['Delete, Backspace', 'Delete the selected nodes (and the wires only they needed)'],
  ['Tab, Shift+Tab', 'Move between palette items, nodes and panels'],
  ['Enter (on a palette item)', 'Add that node in the middle of the view'],
  ['Arrow keys (on a selected node)', 'Move it'],
  ['Left, Right, Home, End (on the divider before the YAML panel)', 'Give the canvas or the YAML panel more width; a double click resets it'],
  ['Shift+click, drag on the background', 'Select several nodes'],
  ['Enter (in a field)', 'Apply the value; Esc puts the old one back'],
  ['Ctrl+Enter (in a YAML field)', 'Apply the YAML'],
  ['Esc', 'Close a dialog'],
  ['?', 'Show or hide this list'],
];

export function Shortcuts({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="jump shortcuts" role="dialog" aria-label="Keyboard shortcuts" data-testid="shortcuts" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="shortcuts-head">
        <h2>Keyboard shortcuts</h2>
        <button ref={close} type="button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              {keys.split(', ').map((k, i) => (
                <span key={k}>
                  {i > 0 && ' or '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
