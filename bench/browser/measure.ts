/**
 * The three in-browser measurements. Each takes already opened pages; Cairn and the baseline
 * alternate sample by sample (and which goes first alternates too), so a burst of load on a
 * shared machine lands on both sides alike.
 */
import type { Page } from '@playwright/test';

type Probe = {
  armEdit(spec: Record<string, unknown>, timeoutMs: number): void;
  frames(n: number): Promise<void>;
  startFrames(): void;
  stopFrames(): { frames: number[]; down: number | null; up: number | null; events: string };
};
type EditOutcome = { done: boolean; start?: number; end?: number; error?: string };

const probe = (page: Page) => ({
  frames: (n: number) => page.evaluate((k) => (window as unknown as { __cairnBench: Probe }).__cairnBench.frames(k), n),
  arm: (spec: Record<string, unknown>, timeoutMs: number) =>
    page.evaluate(([s, t]) => (window as unknown as { __cairnBench: Probe }).__cairnBench.armEdit(s, t), [spec, timeoutMs] as const),
  startFrames: () => page.evaluate(() => (window as unknown as { __cairnBench: Probe }).__cairnBench.startFrames()),
  stopFrames: () => page.evaluate(() => (window as unknown as { __cairnBench: Probe }).__cairnBench.stopFrames()),
});

/** Runs `a` and `b` `n` times, alternating which goes first. */
export async function interleave(n: number, a: (i: number) => Promise<void>, b: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      await b(i);
      await a(i);
    } else {
      await a(i);
      await b(i);
    }
  }
}

const EDIT_TIMEOUT_MS = 5_000;
/** Time after each edit for the app's deferred work (the work-in-progress save waits 250 ms). */
const EDIT_PAUSE_MS = 400;

/**
 * One edit through a text field: type the value, let two frames pass, press Enter, and read
 * the time from the Enter keydown to the end of the first frame in which `spec` holds.
 */
export async function timeEdit(page: Page, field: string, value: string, spec: Record<string, unknown>): Promise<number> {
  const p = probe(page);
  const input = page.locator(field);
  await input.fill(value);
  await p.frames(2);
  await p.arm(spec, EDIT_TIMEOUT_MS);
  await input.press('Enter');
  const handle = await page.waitForFunction(() => {
    const o = (window as { __cairnBenchEdit?: EditOutcome }).__cairnBenchEdit;
    return o?.done ? o : null;
  }, null, { timeout: EDIT_TIMEOUT_MS + 5_000, polling: 50 });
  const o = (await handle.jsonValue()) as EditOutcome;
  if (o.error || o.start === undefined || o.end === undefined) throw new Error(`edit to '${value}' in ${field} never showed: ${o.error ?? 'no timing'}`);
  await page.waitForTimeout(EDIT_PAUSE_MS);
  return o.end - o.start;
}

/** The id of the node drawn nearest the middle of the canvas (so it is in view, well inside it). */
export async function middleNode(page: Page): Promise<string> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { id: string; d: number } | null = null;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (!best || d < best.d) best = { id: el.dataset['id'] ?? '', d };
    }
    if (!best?.id) throw new Error('no node on the canvas');
    return best.id;
  });
}

export const DRAG_MOVES = 60;

/**
 * Drags node `id` with real mouse events (press, DRAG_MOVES moves of a few pixels out and back, release),
 * each move sent when the page has taken the previous one, and returns the time between
 * consecutive frames (requestAnimationFrame timestamps) while the button was down. `dir`
 * alternates so repeated drags stay in view. A press that lands on selected text starts the
 * browser's own drag and drop instead (dragstart, pointercancel): the selection is cleared
 * before each drag, and a drag the browser took over is tried again.
 */
export async function timeDrag(page: Page, id: string, dir: 1 | -1): Promise<number[]> {
  for (let attempt = 1; ; attempt++) {
    const r = await dragOnce(page, id, dir);
    if (r.ok) return r.deltas;
    if (attempt === 3) throw new Error(`the drag of ${id} did not happen three times running (${r.why})`);
  }
}

async function dragOnce(page: Page, id: string, dir: 1 | -1): Promise<{ ok: true; deltas: number[] } | { ok: false; why: string }> {
  const p = probe(page);
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`node ${id} is not drawn`);
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await page.mouse.move(x0, y0);
  await p.frames(2);
  await p.startFrames();
  await page.mouse.down();
  // out and back (at most 90 x 30 px from the start), so the pointer never comes within React
  // Flow's auto-pan margin (40 px from the canvas's edge) of a canvas 400 px wide: auto-pan would
  // move the whole viewport every frame, which is not the drag this measures
  for (let i = 1; i <= DRAG_MOVES; i++) {
    const step = Math.min(i, DRAG_MOVES - i);
    await page.mouse.move(x0 + dir * 3 * step, y0 + dir * step);
  }
  await page.mouse.up();
  await p.frames(2);
  const { frames, down, up, events } = await p.stopFrames();
  await page.waitForTimeout(EDIT_PAUSE_MS);
  if (down === null || up === null || !events.includes('pointerup')) return { ok: false, why: `events: ${events}` };
  const deltas: number[] = [];
  for (let i = 1; i < frames.length; i++) if (frames[i]! > down && frames[i]! <= up) deltas.push(frames[i]! - frames[i - 1]!);
  return { ok: true, deltas };
}
