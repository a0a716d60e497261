// Headless Chromium driven over --remote-debugging-pipe, with nothing
// attached to a page while it loads.
//
// Why: an automation library (Playwright, Puppeteer) attaches to every page
// before it navigates and enables the Page, Runtime and Network domains, so
// the browser process serialises an event for every request, frame and
// lifecycle step while the renderer lays the page out. On a 2-core host that
// work competes with the page's first layout and adds tens of milliseconds to
// it now and then: enough to turn a 30 ms task into a "long task" that a
// user's browser, which has no debugger attached, would not have. Here a page
// is opened in a fresh browser context with no session attached, and a
// session attaches only after it has loaded, to read what the page itself
// buffered in its performance timeline (long tasks, paints, resource sizes,
// the `tradeline:interactive` mark).
//
// `attached: true` opens the page the automation way instead (session
// attached and domains enabled before the navigation), as a control.

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Starts Chromium; resolves to { send(method, params, sessionId), close() }.
async function launch(executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium") {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "tradeline-chromium-"));
  const proc = spawn(executablePath, [...ARGS, "--remote-debugging-pipe", `--user-data-dir=${profile}`, "--no-first-run", "about:blank"], {
    stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"],
  });
  const pending = new Map();
  let nextId = 1;
  let buffered = "";
  proc.stdio[4].on("data", (chunk) => {
    buffered += chunk.toString();
    let end;
    while ((end = buffered.indexOf("\0")) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiter = message.id && pending.get(message.id);
      if (!waiter) continue;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${JSON.stringify(message.error)}`));
      else waiter.resolve(message.result);
    }
  });
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      proc.stdio[3].write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + "\0");
    });
  await send("Browser.getVersion");
  return {
    send,
    async close() {
      proc.kill();
      await exited;
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Read in the page once it has loaded. Everything comes from buffered
// performance entries, so nothing had to be listening during the load.
const READ = `new Promise((resolve) => {
  const out = { longTasks: [], fcp: null, lcp: null, interactive: null, resources: [] };
  const nav = performance.getEntriesByType("navigation")[0];
  if (nav) out.resources.push({ type: "document", name: nav.name, bytes: nav.transferSize });
  for (const r of performance.getEntriesByType("resource")) out.resources.push({ type: r.initiatorType, name: r.name, bytes: r.transferSize });
  const mark = performance.getEntriesByName("tradeline:interactive")[0];
  if (mark) out.interactive = mark.startTime;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) out.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") out.fcp = e.startTime; }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) out.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => resolve(JSON.stringify(out)), 50);
})`;

/// Opens `url` in a fresh browser context, waits `settleMs`, and returns what
/// the page recorded. With `waitForMark`, keeps waiting (up to 10 s) until the
/// page has set `performance.mark(waitForMark)`.
async function load(browser, url, { width = 1440, height = 900, settleMs = 1500, attached = false, waitForMark } = {}) {
  const { browserContextId } = await browser.send("Target.createBrowserContext");
  try {
    let sessionId;
    if (attached) {
      const { targetId } = await browser.send("Target.createTarget", { url: "about:blank", browserContextId, width, height });
      ({ sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true }));
      for (const domain of ["Page", "Runtime", "Network"]) await browser.send(`${domain}.enable`, {}, sessionId);
      await browser.send("Page.setLifecycleEventsEnabled", { enabled: true }, sessionId);
      await browser.send("Page.navigate", { url }, sessionId);
      await sleep(settleMs);
    } else {
      const { targetId } = await browser.send("Target.createTarget", { url, browserContextId, width, height });
      await sleep(settleMs);
      ({ sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true }));
    }
    if (waitForMark) {
      const check = `performance.getEntriesByName(${JSON.stringify(waitForMark)}).length > 0`;
      for (let waited = 0; waited < 10000; waited += 50) {
        const { result } = await browser.send("Runtime.evaluate", { expression: check, returnByValue: true }, sessionId);
        if (result.value) break;
        await sleep(50);
      }
    }
    const { result } = await browser.send("Runtime.evaluate", { expression: READ, awaitPromise: true, returnByValue: true }, sessionId);
    return JSON.parse(result.value);
  } finally {
    await browser.send("Target.disposeBrowserContext", { browserContextId });
  }
}

module.exports = { launch, load };
