/**
 * Shorter background parse slices for CodeMirror in Chromium.
 *
 * @codemirror/language parses the document past the viewport in idle time. Where the browser
 * has `navigator.scheduling.isInputPending` (Chromium), it works in slices of up to 100 ms and
 * relies on that call to stop early when input arrives; but the call does not count mouse moves,
 * so a drag on the canvas waits out a whole slice, and every slice is a long task (measured on a
 * 500-resource template: 86 to 101 ms slices after the editor was ready). The library has no
 * option for the slice length, and it asks `navigator.scheduling.isInputPending()` at each step
 * of its parse loop, so this answers "yes" as well once the current task has run for
 * `SLICE_MS`; the parse then resumes in the next idle period, as it does after real input.
 * Nothing else in the app calls isInputPending (React's scheduler no longer does).
 */
export const SLICE_MS = 25;

interface Scheduling {
  isInputPending(options?: { includeContinuous?: boolean }): boolean;
}

const PATCHED = Symbol.for('cairn.parseSlices');

/** Installs the cap once; a no-op where the browser has no isInputPending. */
export function capParseSlices(nav: { scheduling?: Scheduling } | undefined = globalThis.navigator as { scheduling?: Scheduling } | undefined, now: () => number = () => performance.now(), endOfTask: (f: () => void) => void = queueMicrotask): void {
  const scheduling = nav?.scheduling as (Scheduling & { [PATCHED]?: true }) | undefined;
  if (!scheduling || typeof scheduling.isInputPending !== 'function' || scheduling[PATCHED]) return;
  const original = scheduling.isInputPending.bind(scheduling);
  let started = -1;
  scheduling.isInputPending = (options) => {
    const t = now();
    if (started < 0) {
      // the first call of this task; microtasks run only once the caller's synchronous loop is over
      started = t;
      endOfTask(() => {
        started = -1;
      });
    }
    return original(options) || t - started >= SLICE_MS;
  };
  scheduling[PATCHED] = true;
}
