import { useEffect, useRef, useState } from 'react';
import type { SampleInfo } from '../../protocol/samples.ts';
import { Modal } from '../Modal.tsx';
import { fetchSampleList } from '../sample.ts';

interface Props {
  /** Opens a starter; resolves with why not, or null once it is open (or waiting on a question). */
  onPick(sample: SampleInfo): Promise<{ code: string; message: string } | null>;
  onClose(): void;
}

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly samples: readonly SampleInfo[] }
  | { readonly status: 'failed'; readonly code: string; readonly message: string };

/** "New from starter…": the stacks in public/samples, each with what it does. */
export function Gallery({ onPick, onClose }: Props) {
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [opening, setOpening] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ code: string; message: string } | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const controller = new AbortController();
    void fetchSampleList((url, init) => fetch(url, init), controller.signal).then((r) => {
      if (!controller.signal.aborted) setList(r.ok ? { status: 'loaded', samples: r.samples } : { status: 'failed', code: r.code, message: r.message });
    });
    return () => controller.abort();
  }, []);
  // the list arrives after the dialog opened: focus its first starter, unless the user moved on
  useEffect(() => {
    const active = document.activeElement;
    if (list.status === 'loaded' && (!active || active.classList.contains('modal-close') || active.tagName === 'DIALOG' || active === document.body)) first.current?.focus();
  }, [list.status]);
  const pick = (s: SampleInfo) => {
    if (opening) return;
    setOpening(s.file);
    setFailed(null);
    void onPick(s).then((problem) => {
      setOpening(null);
      setFailed(problem);
    });
  };
  return (
    <Modal label="New from starter" testId="gallery" className="gallery" onClose={onClose}>
      <header className="modal-head">
        <h2>New from starter</h2>
        <button type="button" className="modal-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="modal-lead">Each starter is a SAM template that deploys as it is. It replaces the stack you have open.</p>
      {list.status === 'loading' && <p role="status">Loading the starters…</p>}
      {list.status === 'failed' && (
        <p role="alert" className="status-error">
          Could not load the starters: {list.message} <code>{list.code}</code>
        </p>
      )}
      {failed && (
        <p role="alert" className="status-error" data-testid="gallery.error">
          {failed.message} <code>{failed.code}</code>
        </p>
      )}
      {list.status === 'loaded' && (
        <ul className="gallery-list">
          {list.samples.map((s, i) => (
            <li key={s.file}>
              <button type="button" className="gallery-item" data-testid={`gallery.item.${s.file}`} onClick={() => pick(s)} disabled={opening !== null} {...(i === 0 ? { ref: first } : {})}>
                <span className="gallery-title">{s.title}</span>
                <span className="gallery-description">{s.description}</span>
                <span className="gallery-file">{opening === s.file ? 'Opening…' : s.file}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
