// End-to-end tests in Debian's Chromium (never Playwright's own download: see
// ../shared/notes/engineering-findings.md section 7). `npm run test:e2e` checks that the
// browser is there first (scripts/e2e.mjs); `npx playwright test` works too.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  throw new Error(`e2e: no Chromium at ${CHROMIUM}; install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
}

/** A fixed port away from `npm start`'s 5757, so a running dev server does not clash. */
const PORT = Number(process.env.CAIRN_E2E_PORT ?? 5858);
/** Stacks created by the tests go to a throwaway data directory, not the user's. */
const E2E_DATA = join(tmpdir(), `cairn-e2e-data-${PORT}`);
const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // `list` ends with the summary line ("N passed (Xs)"); failures print their attachments.
  reporter: [['list', { printSteps: false }]],
  fullyParallel: true,
  // Two cores: the server, the browser and the runner share them.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    // Every test runs as a user who keeps the YAML panel open (most of them read or type in it):
    // at this 1280 px viewport the editor would otherwise start with the canvas alone
    // (src/app/Editor.tsx, YAML_BESIDE_MIN_WIDTH). appearance.spec.ts checks that default.
    storageState: { cookies: [], origins: [{ origin: BASE_URL, localStorage: [{ name: 'cairn.yamlPanel', value: '1' }] }] },
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          // Chromium dials out at start; the network here is closed, so turn that off.
          args: [
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // The production build and server, as `npm start` runs them: start.mjs rebuilds dist/
    // first when it is older than its sources, which can take a minute on two cores.
    command: `node scripts/start.mjs --port ${PORT} --data ${E2E_DATA}`,
    url: `${BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
