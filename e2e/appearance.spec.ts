import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage.ts';

/**
 * Every visible piece of text in the editor (buttons, tabs, headings, labels, the YAML panel's
 * title) against the background it is drawn on, as WCAG's contrast ratio. The background is the
 * first opaque one up the tree: what the text is painted over.
 */
async function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgba = (s: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const c = [r!, g!, b!].map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.5) return c;
      }
      return rgba(getComputedStyle(document.documentElement).backgroundColor)[3] > 0.5 ? rgba(getComputedStyle(document.documentElement).backgroundColor) : [255, 255, 255, 1];
    };
    const out: string[] = [];
    const seen = new Set<string>();
    const selector = 'button, [role="tab"], h1, h2, h3, label, summary, .yaml-title, [data-testid="yaml.editor"] .cm-line, p';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const text = el.innerText?.trim();
      const r = el.getBoundingClientRect();
      if (!text || r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('[aria-hidden="true"]') || (el as HTMLButtonElement).disabled) continue;
      const fg = lum(rgba(getComputedStyle(el).color));
      const bg = lum(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      const key = `${el.tagName.toLowerCase()} "${text.slice(0, 30)}"`;
      if (ratio < 4.5 && !seen.has(key)) {
        seen.add(key);
        out.push(`${key}: ${ratio.toFixed(2)}`);
      }
    }
    return out;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`text is legible when the system asks for ${scheme} colours`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const editor = new EditorPage(page);
    await editor.goto();
    await editor.waitForStack();
    await editor.node('OrdersApi').click();
    await expect(editor.inspector.root()).toBeVisible();
    expect(await lowContrast(page), 'the editor with a node selected').toEqual([]);
    // the starter gallery: a dialog over the editor
    await page.getByTestId('app.new').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await lowContrast(page), 'the starter gallery').toEqual([]);
  });
}
