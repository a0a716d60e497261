#!/usr/bin/env node
// Measures the dashboard in headless Debian chromium against a running
// release binary (loopback only):
//   - first load, in a fresh browser context with nothing attached while it
//     loads, as in a user's browser (chromium-pipe.cjs): bytes transferred by
//     resource type (compressed), largest contentful paint, time until the
//     island is interactive (the page's `tradeline:interactive` mark), long
//     tasks;
//   - the same first load with Playwright attached, as a control: its
//     instrumentation competes with the page for the host's cores;
//   - the same load again in the same tab with the HTTP cache disabled, so
//     every byte is fetched again but the renderer process is already warm
//     (as in a browser that is already open), which separates the page's own
//     cost from starting a renderer;
//   - a chart as a browser screenshot, for comparison with the PNG export:
//     from an already-running Chromium, and from a Chromium started per image.
// Usage: node .ci/measure-page.cjs http://127.0.0.1:3000 [runs]
// Prints one JSON object; BENCHMARKS.md has the tables.

const path = require("node:path");
const { chromium } = require(path.join(__dirname, "..", "end2end", "node_modules", "playwright"));
const pipe = require("./chromium-pipe.cjs");

const base = process.argv[2] || "http://127.0.0.1:3000";
const runs = Number(process.argv[3] || 10);
const launch = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const kind = (resource) => {
  if (resource.type === "document") return "document";
  const ext = new URL(resource.name).pathname.split(".").pop();
  return { wasm: "wasm", js: "script", css: "stylesheet", woff2: "font", svg: "image" }[ext] || "other";
};

// A first load with nothing attached to the page until it is interactive.
async function unattachedLoad(browser) {
  const m = await pipe.load(browser, base + "/", { waitForMark: "tradeline:interactive", settleMs: 1000 });
  const bytes = {};
  for (const r of m.resources) bytes[kind(r)] = (bytes[kind(r)] || 0) + r.bytes;
  return { bytes, total: Object.values(bytes).reduce((a, b) => a + b, 0), lcp: m.lcp, interactive: m.interactive, longTasks: m.longTasks.map((t) => t.duration) };
}

// The same with Playwright attached from before the navigation.
async function firstLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lcp = 0;
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: true });
    new MutationObserver((_, obs) => {
      if (document.body && document.body.dataset.hydrated === "true") { window.__interactive = performance.now(); obs.disconnect(); }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-hydrated"] });
  });
  const bytes = {};
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 10000 });
  await page.waitForTimeout(300);
  for (const r of responses) {
    const sizes = await r.request().sizes();
    const type = r.request().resourceType();
    bytes[type] = (bytes[type] || 0) + sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const m = await page.evaluate(() => ({ lcp: window.__lcp, interactive: window.__interactive, longTasks: window.__long }));
  await context.close();
  return { bytes, total: Object.values(bytes).reduce((a, b) => a + b, 0), ...m };
}

// A second load in the same tab, every byte fetched again (cache disabled).
async function warmLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await page.addInitScript(() => {
    window.__lcp = 0;
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: true });
  });
  let m;
  for (const visit of ["first", "again"]) {
    await page.goto(base + "/?visit=" + visit, { waitUntil: "load" });
    await page.waitForFunction(() => document.body && document.body.dataset.hydrated === "true", null, { timeout: 10000 });
    await page.waitForTimeout(300);
    m = await page.evaluate(() => ({ lcp: window.__lcp, longTasks: window.__long }));
  }
  await context.close();
  return m;
}

// Only the screenshot, of a page already loaded in a running browser.
async function screenshotOnly(browser, file, n) {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(base + "/");
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await page.locator("#chart-trade-value figure").screenshot({ path: file });
    times.push(performance.now() - t0);
  }
  await context.close();
  return times;
}

async function screenshot(browser, file) {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const t0 = performance.now();
  await page.goto(base + "/");
  await page.locator("#chart-trade-value figure").screenshot({ path: file });
  const ms = performance.now() - t0;
  await context.close();
  return ms;
}

(async () => {
  const quiet = await pipe.launch(launch.executablePath);
  const unattached = [];
  try {
    for (let i = 0; i < runs; i++) unattached.push(await unattachedLoad(quiet));
  } finally {
    await quiet.close();
  }
  const browser = await chromium.launch(launch);
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await firstLoad(browser));
  const again = [];
  for (let i = 0; i < runs; i++) again.push(await warmLoad(browser));
  const warm = [];
  for (let i = 0; i < runs; i++) warm.push(await screenshot(browser, "/tmp/tradeline-chart-screenshot.png"));
  const shotOnly = await screenshotOnly(browser, "/tmp/tradeline-chart-screenshot.png", runs);
  await browser.close();
  const cold = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const t0 = performance.now();
    const b = await chromium.launch(launch);
    await screenshot(b, "/tmp/tradeline-chart-screenshot.png");
    await b.close();
    cold.push(performance.now() - t0);
  }
  const last = unattached[unattached.length - 1];
  console.log(JSON.stringify({
    runs,
    first_load_bytes_by_type: last.bytes,
    first_load_bytes_total: last.total,
    lcp_ms_median: median(unattached.map((l) => l.lcp)),
    interactive_ms_median: median(unattached.map((l) => l.interactive)),
    longest_task_ms: Math.max(0, ...unattached.flatMap((l) => l.longTasks)),
    loads_with_a_task_over_50_ms: unattached.filter((l) => l.longTasks.some((d) => d > 50)).length,
    playwright_attached_bytes_total: loads[loads.length - 1].total,
    playwright_attached_lcp_ms_median: median(loads.map((l) => l.lcp)),
    playwright_attached_interactive_ms_median: median(loads.map((l) => l.interactive)),
    playwright_attached_longest_task_ms: Math.max(0, ...loads.flatMap((l) => l.longTasks)),
    playwright_attached_loads_with_a_task_over_50_ms: loads.filter((l) => l.longTasks.some((d) => d > 50)).length,
    warm_renderer_lcp_ms_median: median(again.map((l) => l.lcp)),
    warm_renderer_longest_task_ms: Math.max(0, ...again.flatMap((l) => l.longTasks)),
    warm_renderer_loads_with_a_task_over_50_ms: again.filter((l) => l.longTasks.some((d) => d > 50)).length,
    screenshot_loaded_page_ms_median: median(shotOnly),
    screenshot_running_chromium_ms_median: median(warm),
    screenshot_new_chromium_ms_median: median(cold),
  }, null, 2));
})().catch((e) => { console.error(e); process.exit(1); });
