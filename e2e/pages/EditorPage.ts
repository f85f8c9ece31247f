import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * Where the stack's resources are drawn: `canvas.node.<LogicalId>` (STYLE.md, item 9).
 * Change it here only.
 */
const NODE_TEST_ID_PREFIX = 'canvas.node.';

/** How long the first automatic layout may take (the expect default is 10 s). */
const LAYOUT_TIMEOUT = 30_000;

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

  /** Guidance after an add (what a new resource still needs), role=status. */
  hint(): Locator {
    return this.page.getByTestId('canvas.hint');
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

  /** The wires drawn (triggers, accesses and references). */
  wires(): Locator {
    return this.root().locator('.react-flow__edge');
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

  /** A serverless.yml access wire: whose role grants it (`wire.scope`). */
  scope(): Locator {
    return this.page.getByTestId('wire.scope');
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

  /** What an event setting written with serverless.yml variables resolves to for the chosen stage. */
  resolved(event: string, property: string): Locator {
    return this.page.getByTestId(`wire.setting.${event}.${property}`).locator('.field-resolved');
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

  /** The panel (title and editor), whose width the divider sets. */
  panel(): Locator {
    return this.page.locator('section.yaml-panel');
  }

  /** The divider between the canvas and the panel. */
  divider(): Locator {
    return this.page.getByRole('separator', { name: 'Canvas and YAML panel width' });
  }

  async width(): Promise<number> {
    return (await this.panel().boundingBox())!.width;
  }

  /** Drags the divider `dx` pixels (negative: to the left, the panel grows) with the mouse. */
  async dragDivider(dx: number): Promise<void> {
    const b = (await this.divider().boundingBox())!;
    const x = b.x + b.width / 2;
    const y = b.y + b.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    for (let i = 1; i <= 10; i++) await this.page.mouse.move(x + (dx * i) / 10, y);
    await this.page.mouse.up();
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

  /** Replaces the whole document, as a user selecting all and pasting would. */
  async replaceAll(text: string): Promise<void> {
    await this.textbox().click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.insertText(text);
    await this.expectText((t) => expect(t).toBe(text));
  }

  /** Types text as is (insertText: no auto-indent, no bracket closing). */
  async insert(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
  }
}

/** The sidebar's inspector (`inspector`) and stack panel (`parameters.panel`). */
export class Inspector {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('inspector');
  }

  /** A form field by its label (a required field's label ends with a marked `*`). */
  field(label: string): Locator {
    return fieldIn(this.root(), label);
  }

  /**
   * What a field written with serverless.yml variables resolves to for the chosen stage (shown
   * under it: `→ orders-prod`, `unresolved: ...`), by the field's element id (`inspector-TableName`, `env-STAGE-value`).
   */
  resolved(fieldId: string): Locator {
    return this.root().locator(`[id="${fieldId}-note"]`);
  }

  /** Types a new value into a field and commits it with Enter. */
  async set(label: string, value: string): Promise<void> {
    const f = this.field(label);
    await f.fill(value);
    await f.press('Enter');
  }

  /** The stack panel: Parameters, Outputs, Conditions. */
  stack(): Locator {
    return this.page.getByTestId('parameters.panel');
  }

  /** A serverless.yml's plugins and undrawn sections (`kept.panel`), opened. */
  async kept(): Promise<Locator> {
    const panel = this.page.getByTestId('kept.panel');
    if ((await panel.locator('details').getAttribute('open')) === null) await panel.locator('summary').click();
    return panel;
  }

  /** A serverless.yml's "Permissions not drawn" (`unwired.panel`), in place of the stack panel. */
  unwired(): Locator {
    return this.page.getByTestId('unwired.panel');
  }

  /** Opens a section of the stack panel (`Parameters`, `Outputs`, `Conditions`). */
  async openSection(name: 'Parameters' | 'Outputs' | 'Conditions'): Promise<void> {
    const summary = this.stack().locator('summary.panel-heading', { hasText: name });
    if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
  }

  /** An entry of the stack panel (`conditions.item.IsProd`), opened. */
  async entry(testId: string): Promise<Locator> {
    const e = this.page.getByTestId(testId);
    if ((await e.getAttribute('open')) === null) await e.locator('summary').click();
    return e;
  }
}

/**
 * A serverless.yml's stage picker (`stage.picker`): the stage and region its variables are
 * shown resolved for, and env values (`stage.env`) for `${env:NAME}`.
 */
export class StagePicker {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('stage.picker');
  }

  stage(): Locator {
    return fieldIn(this.root(), 'Stage');
  }

  region(): Locator {
    return fieldIn(this.root(), 'Region');
  }

  /** One of the stages the file names (its default and those of `params:`), shown when it names more than one. */
  stageChoice(stage: string): Locator {
    return this.root().getByRole('group', { name: 'Stages of this file' }).getByRole('button', { name: stage, exact: true });
  }

  /** Types a stage and commits it with Enter (empty: the file's default). */
  async choose(stage: string): Promise<void> {
    await this.stage().fill(stage);
    await this.stage().press('Enter');
  }

  env(): Locator {
    return this.page.getByTestId('stage.env');
  }

  /** Adds an env value (opening the list if it is closed). */
  async setEnv(name: string, value: string): Promise<void> {
    if ((await this.env().getAttribute('open')) === null) await this.env().locator('summary').click();
    const add = this.page.getByTestId('stage.env.add');
    await add.getByLabel('Env name').fill(name);
    await add.getByLabel('Env value').fill(value);
    await add.getByRole('button', { name: 'Add' }).click();
    await expect(this.page.getByTestId(`stage.env.${name}`)).toBeVisible();
  }
}

/** A file as a user would pick or drop it. */
export interface FileToOpen {
  readonly name: string;
  readonly buffer: Buffer;
  readonly mimeType?: string;
}

/** "New from starter…": a modal list of the starters (`gallery.item.<file>`). */
export class Gallery {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('gallery');
  }

  button(): Locator {
    return this.page.getByTestId('app.new');
  }

  item(file: string): Locator {
    return this.page.getByTestId(`gallery.item.${file}`);
  }

  async open(): Promise<void> {
    await this.button().click();
    await expect(this.root()).toBeVisible();
  }

  /** Opens the gallery and picks a starter (answer the unsaved-changes question, if any, after). */
  async pick(file: string): Promise<void> {
    await this.open();
    await this.item(file).click();
  }
}

/** The question asked before a document with changes is replaced. */
export class UnsavedQuestion {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('unsaved');
  }

  answer(choice: 'download' | 'discard' | 'cancel'): Locator {
    return this.page.getByTestId(`unsaved.${choice}`);
  }
}

/** "CloudFormation resource…": the searchable list of every resource type. */
export class ResourcePicker {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('resource-picker');
  }

  input(): Locator {
    return this.page.getByTestId('resource-picker.input');
  }

  item(type: string): Locator {
    return this.page.getByTestId(`resource-picker.item.${type}`);
  }

  /** Every result, best first. */
  items(): Locator {
    return this.root().getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('palette.item.resource').click();
    await expect(this.root()).toBeVisible();
    await expect(this.input()).toBeFocused();
  }

  async search(query: string): Promise<void> {
    await this.input().fill(query);
  }

  /** HTML5 drag of a result onto the canvas (at a fraction of its size). */
  async dragOntoCanvas(type: string, at = { x: 0.7, y: 0.8 }): Promise<void> {
    const canvas = this.page.getByTestId('canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('canvas is not visible');
    await this.item(type).dragTo(canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
  }
}

/** The editor page. Specs talk to it, never to selectors. */
export class EditorPage {
  readonly palette: Palette;
  readonly canvas: Canvas;
  readonly yaml: YamlPanel;
  readonly inspector: Inspector;
  readonly gallery: Gallery;
  readonly unsaved: UnsavedQuestion;
  readonly picker: ResourcePicker;
  readonly wires: Wires;
  readonly wire: WireInspector;
  readonly stage: StagePicker;

  constructor(readonly page: Page) {
    this.stage = new StagePicker(page);
    this.inspector = new Inspector(page);
    this.palette = new Palette(page);
    this.canvas = new Canvas(page);
    this.yaml = new YamlPanel(page);
    this.gallery = new Gallery(page);
    this.unsaved = new UnsavedQuestion(page);
    this.picker = new ResourcePicker(page);
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
    // ELK lays the stack out in a worker: seconds when two browsers share the two cores
    await expect(this.page.locator('.editor[data-laid-out="true"]')).toBeVisible({ timeout: LAYOUT_TIMEOUT });
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
    await expect(this.page.locator('.editor[data-laid-out="true"]')).toBeVisible({ timeout: LAYOUT_TIMEOUT });
    await this.waitForStack();
  }

  restoredNotice(): Locator {
    return this.page.getByTestId('app.restored');
  }

  /** "Open the sample instead" of restored work: the work has changes, so it is discarded on purpose. */
  async openSampleInstead(): Promise<void> {
    await this.restoredNotice().getByRole('button', { name: 'Open the sample instead' }).click();
    await this.unsaved.answer('discard').click();
    await this.waitForStack();
  }

  /** Clicks a toolbar button that downloads a file; returns its name and bytes. */
  async download(what: 'download' | 'download-layout' | 'export-svg' | 'export-png'): Promise<{ name: string; bytes: Buffer }> {
    return this.downloadBy(this.page.getByTestId(`toolbar.${what}`));
  }

  /** Clicks anything that downloads a file; returns its name and bytes. */
  async downloadBy(l: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), l.click()]);
    const path = await dl.path();
    if (!path) throw new Error('download failed');
    return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
  }

  /** The list of problems (`diagnostics.panel`). */
  diagnostics(): Locator {
    return this.page.getByTestId('diagnostics.panel');
  }

  /** The document's name, as the YAML panel shows it. */
  documentName(): Locator {
    return this.page.locator('.yaml-panel-title');
  }

  /** "Open file…": picks files through the file input, as the picker would give them. */
  async openFiles(files: readonly FileToOpen[]): Promise<void> {
    await this.page.getByTestId('app.open-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: f.mimeType ?? 'application/octet-stream', buffer: f.buffer })));
  }

  /**
   * Drops files on an element the way a browser does (dragenter, dragover, drop, with a
   * DataTransfer holding them). `whileOver` runs between dragover and drop.
   */
  async dropFiles(files: readonly FileToOpen[], on: Locator = this.canvas.root(), whileOver?: () => Promise<void>): Promise<void> {
    const payload = files.map((f) => ({ name: f.name, type: f.mimeType ?? '', base64: f.buffer.toString('base64') }));
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      return dt;
    }, payload);
    await on.dispatchEvent('dragenter', { dataTransfer: transfer });
    await on.dispatchEvent('dragover', { dataTransfer: transfer });
    await whileOver?.();
    // the overlay is on top while files are dragged over the page: the drop lands on it
    const target = (await this.dropZone().count()) ? this.dropZone() : on;
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await transfer.dispose();
  }

  dropZone(): Locator {
    return this.page.getByTestId('app.drop-zone');
  }

  /** Why nothing was opened (role=alert, with the code). */
  openError(): Locator {
    return this.page.getByTestId('app.error');
  }

  /** What was said after opening (a YAML error, an ignored file). */
  openNotice(): Locator {
    return this.page.getByTestId('app.notice');
  }
}

/** A form field inside `scope` by its exact label, required or not. */
export function fieldIn(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( required| \\*)?$`));
}

async function center(l: Locator): Promise<{ x: number; y: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
