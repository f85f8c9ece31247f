import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * Where the stack's resources are drawn: `canvas.node.<LogicalId>` (STYLE.md, item 9).
 * Change it here only.
 */
const NODE_TEST_ID_PREFIX = 'canvas.node.';

/** The sample the editor opens at start (public/samples). */
export const SAMPLE = 'orders-api.yaml';

/** The sample's text as it is on disk: the file is the truth. */
export function sampleText(): string {
  return readFileSync(new URL(`../../public/samples/${SAMPLE}`, import.meta.url), 'utf8');
}

/** The palette: one button per addable node kind (`palette.item.<kind>`). */
export class Palette {
  constructor(readonly page: Page) {}

  item(kind: string): Locator {
    return this.page.getByTestId(`palette.item.${kind}`);
  }

  /** Keyboard/click add: the node lands at the centre of the view. */
  async add(kind: string): Promise<void> {
    await this.item(kind).click();
  }

  /** HTML5 drag from the palette onto the canvas (at a fraction of its size). */
  async dragOntoCanvas(kind: string, at = { x: 0.15, y: 0.85 }): Promise<void> {
    const canvas = this.page.getByTestId('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas is not visible');
    await this.item(kind).dragTo(canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
  }

  /** HTML5 drag from the palette, dropped at a point of the page (`Canvas.emptyPoint()`, say). */
  async dropAt(kind: string, point: { x: number; y: number }): Promise<void> {
    const canvas = this.page.getByTestId('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas is not visible');
    await this.item(kind).dragTo(canvas, { targetPosition: { x: point.x - box.x, y: point.y - box.y } });
  }

  /** HTML5 drag from the palette into a container node, at a fraction of its size. */
  async dropInto(kind: string, container: Locator, at = { x: 0.6, y: 0.35 }): Promise<void> {
    const box = await container.boundingBox();
    if (!box) throw new Error('container is not visible');
    await this.dropAt(kind, { x: box.x + box.width * at.x, y: box.y + box.height * at.y });
  }
}

/** The canvas: nodes, wires drawn by mouse, the notice and the wire question. */
export class Canvas {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('canvas');
  }

  /** Every resource of the stack. */
  nodes(): Locator {
    return this.page.getByTestId(new RegExp(`^${escapeRegExp(NODE_TEST_ID_PREFIX)}`));
  }

  /** One resource, by its logical id. */
  node(logicalId: string): Locator {
    return this.page.getByTestId(NODE_TEST_ID_PREFIX + logicalId);
  }

  /** A refused wire's reason (role=alert). */
  notice(): Locator {
    return this.page.getByTestId('canvas.notice');
  }

  wireQuestion(): Locator {
    return this.page.getByTestId('canvas.wire-question');
  }

  wireAnswer(kind: 'trigger' | 'access'): Locator {
    return this.page.getByTestId(`canvas.wire-question.${kind}`);
  }

  /** The banner shown while the YAML does not parse (the canvas keeps the last good graph). */
  staleBanner(): Locator {
    return this.root().getByRole('status').filter({ hasText: 'does not parse' });
  }

  /**
   * Draws a wire by mouse: press on the source's right handle, move there in steps, release
   * over the middle of the target node. React Flow auto-pans while a connection is dragged
   * near the canvas's edge, so the target is found again under the pointer before release.
   */
  async drawWire(source: string, target: string): Promise<void> {
    const handle = this.node(source).locator('.react-flow__handle-right');
    const to = this.node(target);
    await expect(handle).toBeVisible();
    await expect(to).toBeVisible();
    await this.waitUntilStill(handle);
    await this.waitUntilStill(to);
    const from = await center(handle);
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 10, from.y + 5, { steps: 3 });
    let at = await center(to);
    await mouse.move(at.x, at.y, { steps: 15 });
    for (let i = 0; i < 10 && !(await this.isUnderPoint(to, at)); i++) {
      at = await center(to);
      await mouse.move(at.x, at.y, { steps: 2 });
    }
    await mouse.up();
  }

  private async isUnderPoint(l: Locator, p: { x: number; y: number }): Promise<boolean> {
    return l.evaluate((el, pt) => {
      const hit = document.elementFromPoint(pt.x, pt.y);
      return !!hit && (hit === el || el.contains(hit));
    }, p);
  }

  /** The view's "fit view" control: brings every node into view, as a user would. */
  async fitView(): Promise<void> {
    await this.root().getByRole('button', { name: 'Fit View' }).click();
  }

  /** True when the whole element lies inside the canvas's visible area. */
  async isInView(l: Locator): Promise<boolean> {
    const c = await this.root().boundingBox();
    const b = await l.boundingBox();
    if (!c || !b) return false;
    return b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width && b.y + b.height <= c.y + c.height;
  }

  /** Waits until an element stops moving (the view fits itself once after layout). */
  async waitUntilStill(l: Locator): Promise<void> {
    let last = '';
    await expect(async () => {
      const now = JSON.stringify(await l.boundingBox());
      const same = now === last;
      last = now;
      expect(same, 'element still moving').toBe(true);
    }).toPass({ intervals: [100, 100, 200], timeout: 10_000 });
  }

  /**
   * Drags a node by mouse (pressed at its middle) and releases the pointer at `to`, a point of
   * the page. The drop point is what decides the container the node lands in.
   */
  async dragNode(logicalId: string, to: { x: number; y: number }): Promise<void> {
    const n = this.node(logicalId);
    await expect(n).toBeVisible();
    await this.waitUntilStill(n);
    const from = await center(n);
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 8, from.y + 8, { steps: 3 });
    await mouse.move(to.x, to.y, { steps: 15 });
    await mouse.up();
  }

  /** Drags a node into a container (released at a fraction of the container's size). */
  async dragNodeInto(logicalId: string, container: string, at = { x: 0.6, y: 0.3 }): Promise<{ x: number; y: number }> {
    const c = this.node(container);
    await this.waitUntilStill(c);
    const box = await c.boundingBox();
    if (!box) throw new Error(`${container} is not visible`);
    const to = { x: box.x + box.width * at.x, y: box.y + box.height * at.y };
    await this.dragNode(logicalId, to);
    return to;
  }

  /**
   * A point of the visible canvas over empty pane: no node, no container, away from the
   * edges and the zoom controls. Searched on a grid, nearest to `near` (a fraction of the canvas).
   */
  async emptyPoint(near = { x: 0.5, y: 0.15 }): Promise<{ x: number; y: number }> {
    const box = await this.root().boundingBox();
    if (!box) throw new Error('canvas is not visible');
    const point = await this.page.evaluate(
      ({ box, near }) => {
        const margin = 60;
        const candidates: { x: number; y: number; d: number }[] = [];
        for (let x = box.x + margin; x < box.x + box.width - margin; x += 20) {
          for (let y = box.y + margin; y < box.y + box.height - margin; y += 20) {
            const d = (x - (box.x + box.width * near.x)) ** 2 + (y - (box.y + box.height * near.y)) ** 2;
            candidates.push({ x, y, d });
          }
        }
        candidates.sort((a, b) => a.d - b.d);
        const clear = (x: number, y: number) => {
          const el = document.elementFromPoint(x, y);
          return !!el && !!el.closest('.react-flow__pane') && !el.closest('.react-flow__node, .react-flow__edge');
        };
        // clear around it too: the dropped node must not land on another
        return candidates.find((c) => [[0, 0], [-50, -30], [50, -30], [-50, 30], [50, 30]].every(([dx, dy]) => clear(c.x + dx!, c.y + dy!))) ?? null;
      },
      { box, near },
    );
    if (!point) throw new Error('no empty spot on the canvas');
    return { x: point.x, y: point.y };
  }

  /** Does the node lie within the container's rectangle on the page? */
  async isInside(logicalId: string, container: string): Promise<boolean> {
    const b = await this.node(logicalId).boundingBox();
    const c = await this.node(container).boundingBox();
    if (!b || !c) return false;
    return b.x >= c.x && b.y >= c.y && b.x + b.width <= c.x + c.width && b.y + b.height <= c.y + c.height;
  }

  /** Selects a node by clicking it; the node draws itself selected. */
  async select(logicalId: string): Promise<void> {
    await this.node(logicalId).click();
    await expect(this.node(logicalId)).toHaveClass(/\b(rnode|cnode)-selected\b/);
  }
}

/** The YAML panel (CodeMirror 6). */
export class YamlPanel {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('yaml.editor');
  }

  textbox(): Locator {
    return this.page.getByRole('textbox', { name: 'Template YAML' });
  }

  /**
   * The whole document. CodeMirror draws only the lines near the viewport, so the DOM does not
   * hold the full text: read it from the editor's state (the view hangs off `.cm-content`).
   */
  async text(): Promise<string> {
    await expect(this.textbox()).toBeVisible();
    return this.textbox().evaluate((el) => {
      type Viewish = { state: { doc: { toString(): string } } };
      const anyEl = el as unknown as {
        cmTile?: { root?: { view?: Viewish } };
        cmView?: { rootView?: Viewish; view?: Viewish };
      };
      const view = anyEl.cmTile?.root?.view ?? anyEl.cmView?.rootView ?? anyEl.cmView?.view;
      if (!view) throw new Error('no CodeMirror view on the YAML panel');
      return view.state.doc.toString();
    });
  }

  /** Waits until the document satisfies `check` (web-first: retried until the timeout). */
  async expectText(check: (text: string) => void, message?: string): Promise<void> {
    await expect(async () => check(await this.text()), message).toPass({ timeout: 10_000 });
  }

  async expectContains(...snippets: string[]): Promise<void> {
    await this.expectText((t) => {
      for (const s of snippets) expect(t).toContain(s);
    });
  }

  /** Puts the cursor at the end of the top-level `Resources:` line. */
  async cursorAfterResources(): Promise<void> {
    await this.root().locator('.cm-line', { hasText: /^Resources:$/ }).click();
    await this.page.keyboard.press('End');
  }

  /** Types text as is (insertText: no auto-indent, no bracket closing). */
  async insert(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }
}

/** The editor page. Specs talk to it, never to selectors. */
export class EditorPage {
  readonly palette: Palette;
  readonly canvas: Canvas;
  readonly yaml: YamlPanel;

  constructor(readonly page: Page) {
    this.palette = new Palette(page);
    this.canvas = new Canvas(page);
    this.yaml = new YamlPanel(page);
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** Waits until the sample stack is drawn: at least one resource is visible. */
  async waitForStack(): Promise<void> {
    await expect(this.nodes().first()).toBeVisible();
  }

  /** Opens the editor and waits for automatic layout and the YAML panel. */
  async open(): Promise<void> {
    await this.goto();
    await expect(this.page.locator('.editor[data-laid-out="true"]')).toBeVisible();
    await this.waitForStack();
    await expect(this.yaml.textbox()).toBeVisible();
  }

  nodes(): Locator {
    return this.canvas.nodes();
  }

  node(logicalId: string): Locator {
    return this.canvas.node(logicalId);
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+z');
  }

  async pressDelete(): Promise<void> {
    await this.page.keyboard.press('Delete');
  }

  /** Reloads the page the way a user would, and waits for the editor again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.page.locator('.editor[data-laid-out="true"]')).toBeVisible();
    await this.waitForStack();
  }

  restoredNotice(): Locator {
    return this.page.getByTestId('app.restored');
  }

  async openSampleInstead(): Promise<void> {
    await this.restoredNotice().getByRole('button', { name: 'Open the sample instead' }).click();
    await this.waitForStack();
  }

  /** Clicks a toolbar button that downloads a file; returns its name and bytes. */
  async download(what: 'download' | 'export-svg' | 'export-png'): Promise<{ name: string; bytes: Buffer }> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`toolbar.${what}`).click()]);
    const path = await dl.path();
    if (!path) throw new Error('download failed');
    return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
  }
}

async function center(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
