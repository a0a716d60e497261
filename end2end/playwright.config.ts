import { defineConfig } from "@playwright/test";
import * as path from "node:path";

// The release binary, started on a loopback port with the reference articles.
// CI builds it (`cargo leptos build --release --precompress`) before this runs.
const port = Number(process.env.TRADELINE_E2E_PORT ?? 3917);
const root = path.resolve(__dirname, "..");
const binary = path.join(root, "target", "release", "tradeline");
const seeds = process.env.TRADELINE_SEEDS ?? path.resolve(root, "..", "shared", "seeds");
const data = path.join(root, "target", "e2e-data");
const token = "e2e-admin-token";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Never open a report automatically; keep screenshots as artifacts.
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: chromium,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "hydrated", testMatch: /hydrated\.spec\.ts/ },
    { name: "no-javascript", testMatch: /no-javascript\.spec\.ts/, use: { javaScriptEnabled: false } },
    { name: "single-binary", testMatch: /single-binary\.spec\.ts/ },
  ],
  webServer: {
    // A fresh store each run; the token lets the form test add an article.
    command: `rm -rf ${data} && ${binary} serve --addr 127.0.0.1:${port} --corpus ${seeds} --data-dir ${data} --admin-token ${token}`,
    // Ready once the reference articles are in the store.
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
