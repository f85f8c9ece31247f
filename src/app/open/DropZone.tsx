import { useEffect, useRef, useState } from 'react';

const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));

interface Props {
  onFiles(files: File[]): void;
}

/**
 * Files dropped anywhere on the app open as a document. While files are dragged over the
 * page an overlay says what a drop does. Listens on the window in the capture phase, so a
 * drop on the YAML editor or the canvas opens the file too, and the browser never navigates
 * away to show it (which would leave the editor). Drags of palette items carry no files and
 * pass through untouched.
 */
export function DropZone({ onFiles }: Props) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const latest = useRef(onFiles);
  latest.current = onFiles;
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current++;
      setOver(true);
    };
    const overPage = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (!depth.current) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth.current = 0;
      setOver(false);
      latest.current([...(e.dataTransfer?.files ?? [])]);
    };
    const opts = { capture: true };
    window.addEventListener('dragenter', enter, opts);
    window.addEventListener('dragover', overPage, opts);
    window.addEventListener('dragleave', leave, opts);
    window.addEventListener('drop', drop, opts);
    return () => {
      window.removeEventListener('dragenter', enter, opts);
      window.removeEventListener('dragover', overPage, opts);
      window.removeEventListener('dragleave', leave, opts);
      window.removeEventListener('drop', drop, opts);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-zone" data-testid="app.drop-zone" role="status">
      <div className="drop-zone-box">
        <strong>Drop to open</strong>
        <span>a template (.yaml, .yml, .json, .template), with its .cairn.json layout if it has one</span>
      </div>
    </div>
  );
}
