import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

/**
 * Where the stack's resources are drawn. Today the page lists them (`graph.node.<id>`); the
 * canvas will draw them as `canvas.node.<LogicalId>` (STYLE.md, item 9). Change it here only.
 */
const NODE_TEST_ID_PREFIX = 'canvas.node.';

/** The sample the editor opens at start (public/samples). */
export const SAMPLE = 'orders-api.yaml';

/** The editor page. Specs talk to it, never to selectors. */
export class EditorPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  /** Waits until the sample stack is drawn: at least one resource is visible. */
  async waitForStack(): Promise<void> {
    await expect(this.nodes().first()).toBeVisible();
  }

  /** Every resource of the stack. */
  nodes(): Locator {
    return this.page.getByTestId(new RegExp(`^${escapeRegExp(NODE_TEST_ID_PREFIX)}`));
  }

  /** One resource, by its logical id. */
  node(logicalId: string): Locator {
    return this.page.getByTestId(NODE_TEST_ID_PREFIX + logicalId);
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
