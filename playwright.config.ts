import { defineConfig, devices } from "@playwright/test";
import { findTool } from "./lib/runtime/system-tools";

// Run through `npm run test:e2e`, which gives this run a fresh database (DATABASE_URL). The web
// server is the real start script: migrations, demo seed, production build, `next start`.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
export const sandboxPort = port + 10;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // CHROMIUM_PATH, Debian's chromium or Playwright's own (`npm test` installs one first if none).
      executablePath: findTool("chromium"),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server lib/runtime/start.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      SEED_DEMO: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // The Bandwidth sandbox, with its durations compressed 20× so callbacks and retries are quick.
      SANDBOX_ENABLED: "true",
      SANDBOX_PORT: String(port + 10),
      SANDBOX_TIME_SCALE: "20",
      SANDBOX_MINIMUM_TIMEOUT_MS: "3000",
      BANDWIDTH_SEND_RATE_SEGMENTS_PER_MINUTE: "6000",
      // Snoozes of a few seconds, so a test can watch one end.
      SNOOZE_MINIMUM_SECONDS: "1",
      // The catch-up looks up sends without a final status after 5 s, and runs only when a test
      // asks (its schedule would otherwise fill in statuses other tests wait for from callbacks).
      CATCH_UP_OUTBOUND_AFTER_SECONDS: "5",
      CATCH_UP_CRON: "0 0 1 1 *",
    },
  },
});
