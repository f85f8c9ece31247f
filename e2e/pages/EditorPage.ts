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

  /** Selects a node by clicking it; the node draws itself selected. */
  async select(logicalId: string): Promise<void> {
    await this.node(logicalId).click();
    await expect(this.node(logicalId)).toHaveClass(/\b(rnode|cnode)-selected\b/);
  }
}

export type WireKind = 'trigger' | 'access' | 'reference';

/** Where wires are drawn: `canvas.edge.<source>.<kind>.<target>` (src/canvas/toFlow.ts). */
const EDGE_TEST_ID_PREFIX = 'canvas.edge.';

/** The wires on the canvas: found by what they join, clicked on their line, chosen by keyboard. */
export class Wires {
  constructor(
    readonly page: Page,
    private readonly canvas: Canvas,
  ) {}

  edge(source: string, kind: WireKind, target: string): Locator {
    return this.page.getByTestId(`${EDGE_TEST_ID_PREFIX}${source}.${kind}.${target}`);
  }

  all(): Locator {
    return this.page.getByTestId(new RegExp(`^${escapeRegExp(EDGE_TEST_ID_PREFIX)}`));
  }

  /**
   * Clicks a wire on its line, as a user would: at a point along the path (its middle first)
   * that no node or other wire covers. A wire's box can be mostly empty space, so its centre
   * will not do; where the view is too crowded, it zooms in on the wire first (mouse wheel).
   */
  async click(source: string, kind: WireKind, target: string): Promise<void> {
    const edge = this.edge(source, kind, target);
    // not toBeVisible: a level wire is a path of zero height, which Playwright counts as hidden
    await expect(edge).toHaveCount(1);
    for (let attempt = 0; attempt < 4; attempt++) {
      const { clear, middle } = await edge.evaluate((g) => {
        const path = g.querySelector('path.react-flow__edge-interaction') ?? g.querySelector('path.react-flow__edge-path');
        if (!(path instanceof SVGPathElement)) throw new Error('a wire without a path');
        const length = path.getTotalLength();
        const m = path.getScreenCTM()!;
        const at = (f: number) => {
          const p = path.getPointAtLength(length * f);
          return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
        };
        for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85]) {
          const p = at(f);
          const hit = document.elementFromPoint(p.x, p.y);
          if (hit && g.contains(hit)) return { clear: p, middle: at(0.5) };
        }
        return { clear: null, middle: at(0.5) };
      });
      if (clear) {
        await this.page.mouse.click(clear.x, clear.y);
        return;
      }
      await this.page.mouse.move(middle.x, middle.y);
      await this.page.mouse.wheel(0, -400);
      await this.canvas.waitUntilStill(edge);
    }
    throw new Error(`no clear point on the wire ${source} ${kind} ${target}`);
  }

  /** Clicks a wire and waits until it draws itself selected. */
  async select(source: string, kind: WireKind, target: string): Promise<void> {
    await this.click(source, kind, target);
    await expect(this.edge(source, kind, target)).toHaveClass(/\bselected\b/);
  }

  /** Keyboard: focuses the wire (wires are in the tab order) and presses Enter. */
  async selectWithKeyboard(source: string, kind: WireKind, target: string): Promise<void> {
    const edge = this.edge(source, kind, target);
    await edge.focus();
    await expect(edge).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(edge).toHaveClass(/\bselected\b/);
  }
}

/** The wire inspector (src/sidebar/WireInspector.tsx lists its test ids). */
export class WireInspector {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('wire.inspector');
  }

  title(): Locator {
    return this.page.getByTestId('wire.title');
  }

  /** The pieces of template text the wire is made of, in order. */
  parts(): Locator {
    return this.root().getByTestId(/^wire\.part\.\d+$/);
  }

  /** The code of the piece whose sentence contains `summary`. */
  codeOf(summary: string | RegExp): Locator {
    return this.parts().filter({ has: this.page.getByTestId(/^wire\.part\.\d+\.summary$/).filter({ hasText: summary }) }).getByTestId(/^wire\.part\.\d+\.code$/);
  }

  /** The exact text (every space and line break) of the piece whose sentence contains `summary`. */
  async codeText(summary: string | RegExp): Promise<string | null> {
    const code = this.codeOf(summary);
    return (await code.count()) === 1 ? code.textContent() : null;
  }

  async codes(): Promise<string[]> {
    return this.root().getByTestId(/^wire\.part\.\d+\.code$/).allTextContents();
  }

  level(level: 'read' | 'write' | 'crud'): Locator {
    return this.page.getByTestId(`wire.level.${level}`);
  }

  /** The field of one event setting (an input or a select). */
  setting(event: string, property: string): Locator {
    return this.page.getByTestId(`wire.setting.${event}.${property}`).locator('input, select');
  }

  /** Types a value into an event setting's text field and commits it with Enter. */
  async setSetting(event: string, property: string, value: string): Promise<void> {
    const field = this.setting(event, property);
    await field.fill(value);
    await field.press('Enter');
  }

  /** "Show in YAML" of the piece whose sentence contains `summary`. */
  async reveal(summary: string | RegExp): Promise<void> {
    await this.parts()
      .filter({ has: this.page.getByTestId(/^wire\.part\.\d+\.summary$/).filter({ hasText: summary }) })
      .getByTestId(/^wire\.part\.\d+\.reveal$/)
      .click();
  }

  async remove(): Promise<void> {
    await this.page.getByTestId('wire.remove').click();
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

  /** The 1-based line of the cursor (a reveal puts it at what it shows). */
  async cursorLine(): Promise<number> {
    return this.textbox().evaluate((el) => {
      type Viewish = { state: { selection: { main: { head: number } }; doc: { lineAt(pos: number): { number: number } } } };
      const anyEl = el as unknown as { cmTile?: { root?: { view?: Viewish } }; cmView?: { rootView?: Viewish; view?: Viewish } };
      const view = anyEl.cmTile?.root?.view ?? anyEl.cmView?.rootView ?? anyEl.cmView?.view;
      if (!view) throw new Error('no CodeMirror view on the YAML panel');
      return view.state.doc.lineAt(view.state.selection.main.head).number;
    });
  }

  /** The line a reveal ("Show in YAML", a diagnostic) highlights. */
  revealedLine(): Locator {
    return this.root().locator('.cm-line.cairn-yaml-revealed');
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
  readonly wires: Wires;
  readonly wire: WireInspector;

  constructor(readonly page: Page) {
    this.palette = new Palette(page);
    this.canvas = new Canvas(page);
    this.yaml = new YamlPanel(page);
    this.wires = new Wires(page, this.canvas);
    this.wire = new WireInspector(page);
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
    // The first layout runs ELK in a worker: on two cores shared with other work it can take
    // longer than the default 10 s (measured 4-14 s under load, the same before and after wires
    // became selectable).
    await expect(this.page.locator('.editor[data-laid-out="true"]')).toBeVisible({ timeout: 20_000 });
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
