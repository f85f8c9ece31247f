/**
 * Work that must reach the store before the page goes (a text field's debounced edits): run,
 * in order, by the page's `pagehide` handler before it writes the work in progress.
 */
const hooks = new Set<() => void>();

export function onBeforeExit(hook: () => void): () => void {
  hooks.add(hook);
  return () => void hooks.delete(hook);
}

export function runBeforeExit(): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (e) {
      console.warn('cairn: a before-exit hook failed', e);
    }
  }
}
