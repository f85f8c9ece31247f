import { expect, test } from '@playwright/test';
import { watchPageHealth } from './fixtures/pageHealth.ts';
import { EditorPage } from './pages/EditorPage.ts';

test('the editor opens the sample stack with no errors and no failed requests', async ({ page }) => {
  const health = watchPageHealth(page);
  const editor = new EditorPage(page);

  await editor.goto();
  await editor.waitForStack();

  await expect(page).toHaveTitle(/Cairn/);
  for (const id of ['OrdersApi', 'CreateOrderFunction', 'ProcessOrderFunction', 'OrdersTable', 'OrderEventsQueue', 'ReceiptsBucket']) {
    await expect(editor.node(id), id).toBeVisible();
  }
  // Parameters and outputs are not resources; Globals' `Function` is not one either.
  await expect(editor.node('Stage')).toHaveCount(0);
  await expect(editor.node('Function')).toHaveCount(0);

  await page.waitForLoadState('networkidle');
  expect(health.problems()).toEqual([]);
});
