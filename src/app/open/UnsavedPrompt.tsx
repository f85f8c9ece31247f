import { Modal } from '../Modal.tsx';

interface Props {
  /** The open document, with changes that were never downloaded. */
  readonly current: string;
  /** What would replace it. */
  readonly next: string;
  onDownload(): void;
  onDiscard(): void;
  onCancel(): void;
}

/** Asked before anything replaces a document with changes: nothing typed is lost silently. */
export function UnsavedPrompt({ current, next, onDownload, onDiscard, onCancel }: Props) {
  return (
    <Modal label="Unsaved changes" testId="unsaved" className="unsaved" onClose={onCancel}>
      <h2>Keep your changes to {current}?</h2>
      <p>
        {current} has changes you have not downloaded. Opening {next} replaces it, and the browser keeps only the open document.
      </p>
      <div className="modal-actions">
        <button type="button" className="primary" data-testid="unsaved.download" data-autofocus onClick={onDownload}>
          Download {current}, then open
        </button>
        <button type="button" data-testid="unsaved.discard" onClick={onDiscard}>
          Discard changes
        </button>
        <button type="button" data-testid="unsaved.cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
