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
// A second server reads a dense corpus written for the tests
// (fixtures/dense-corpus.cjs): twenty years of one pair, 200 events, and
// enough other pairs for the picker. (3918 is the single-binary test's.)
const densePort = Number(process.env.TRADELINE_E2E_DENSE_PORT ?? 3919);
const denseCorpus = path.join(root, "target", "e2e-dense-corpus");
const denseData = path.join(root, "target", "e2e-dense-data");

// A third server holds the reference articles, China's customs figures
// (../shared/reference) imported with `tradeline reference import`, and an
// article written for the tests in which two leaders set a trade goal.
const officialPort = Number(process.env.TRADELINE_E2E_OFFICIAL_PORT ?? 3920);
const officialData = path.join(root, "target", "e2e-official-data");
const officialCorpus = path.join(root, "target", "e2e-official-corpus");
const customs = path.resolve(seeds, "..", "reference", "cn-ru-trade-gacc.csv");
const pledge = path.join(root, "server", "tests", "fixtures", "pledge", "pledge-cn-ru.txt");

// A fourth server starts empty, with the token, for Chinese and Russian
// articles added through the form: its exports' footers name only them.
const languagesPort = Number(process.env.TRADELINE_E2E_LANGUAGES_PORT ?? 3921);
const languagesData = path.join(root, "target", "e2e-languages-data");

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
    { name: "dense", testMatch: /dense\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${densePort}` } },
    { name: "official", testMatch: /official\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${officialPort}` } },
    { name: "languages", testMatch: /languages\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${languagesPort}` } },
  ],
  webServer: [
    {
      // A fresh store each run; the token lets the form test add an article.
      command: `rm -rf ${data} && ${binary} serve --addr 127.0.0.1:${port} --corpus ${seeds} --data-dir ${data} --admin-token ${token}`,
      // Ready once the reference articles are in the store.
      url: `http://127.0.0.1:${port}/readyz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node ${path.join(__dirname, "fixtures", "dense-corpus.cjs")} ${denseCorpus} && rm -rf ${denseData} && ${binary} serve --addr 127.0.0.1:${densePort} --corpus ${denseCorpus} --data-dir ${denseData}`,
      url: `http://127.0.0.1:${densePort}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `rm -rf ${officialData} ${officialCorpus} && mkdir -p ${officialCorpus} && cp ${pledge} ${officialCorpus}/ && ${binary} reference import ${customs} --data-dir ${officialData} && ${binary} serve --addr 127.0.0.1:${officialPort} --corpus ${seeds} --corpus ${officialCorpus} --data-dir ${officialData}`,
      url: `http://127.0.0.1:${officialPort}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `rm -rf ${languagesData} && ${binary} serve --addr 127.0.0.1:${languagesPort} --data-dir ${languagesData} --admin-token ${token}`,
      url: `http://127.0.0.1:${languagesPort}/readyz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
