#!/usr/bin/env node
// Where a fresh renderer's first frames go, from Chromium traces (loopback only).
// Loads each URL in a new browser context, `runs` times, interleaved, and
// prints for each URL the median over loads of:
//   - strikes: render-style calls for a font strike
//     (WebSandboxSupportLinux::GetWebFontRenderStyleForStrike), one per
//     distinct family, size, weight and style the page lays out;
//   - font_ms: wall time in FontCache::GetFontPlatformData (mostly waiting on
//     the browser process for those calls);
//   - layout_ms, style_ms: wall time in Layout and UpdateLayoutTree;
//   - longest_ms: the longest task on the renderer's main thread.
// Usage: node .ci/trace-page.cjs RUNS URL [URL...]
// (e.g. two servers on 127.0.0.1 with different builds, or static copies of
// the page behind `python3 -m http.server --bind 127.0.0.1`).

const path = require("node:path");
const { chromium } = require(path.join(__dirname, "..", "end2end", "node_modules", "playwright"));

const launch = {
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function traceLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "fonts"] });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(400);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const mainThreads = new Set(
    events.filter((e) => e.name === "thread_name" && e.args.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`),
  );
  const main = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === "X");
  const total = (name) => main.filter((e) => e.name === name).reduce((sum, e) => sum + e.dur / 1000, 0);
  const tasks = main.filter((e) => e.name === "RunTask" && e.cat.includes("devtools.timeline"));
  return {
    strikes: main.filter((e) => e.name === "WebSandboxSupportLinux::GetWebFontRenderStyleForStrike").length,
    font_ms: total("FontCache::GetFontPlatformData"),
    layout_ms: total("Layout"),
    style_ms: total("UpdateLayoutTree"),
    longest_ms: Math.max(0, ...tasks.map((e) => e.dur / 1000)),
  };
}

(async () => {
  const [runs, ...urls] = process.argv.slice(2);
  if (!runs || urls.length === 0) {
    console.error("usage: node .ci/trace-page.cjs RUNS URL [URL...]");
    process.exit(2);
  }
  const browser = await chromium.launch(launch);
  const results = Object.fromEntries(urls.map((u) => [u, []]));
  for (let i = 0; i < Number(runs); i++) {
    for (const url of urls) results[url].push(await traceLoad(browser, url));
  }
  await browser.close();
  const out = {};
  for (const [url, loads] of Object.entries(results)) {
    out[url] = Object.fromEntries(Object.keys(loads[0]).map((k) => [k, Math.round(median(loads.map((l) => l[k])) * 10) / 10]));
  }
  console.log(JSON.stringify(out, null, 2));
})();
