#!/usr/bin/env node
// How often a fresh load of a page has a task over 50 ms, and when.
// Loads each URL RUNS times, interleaved, each in a fresh browser context of
// one headless Chromium with nothing attached during the load (see
// chromium-pipe.cjs). A URL prefixed with `attached:` is loaded the way an
// automation library does it (session and domains enabled before the
// navigation), as a control. Loopback only.
// Usage: node .ci/long-tasks.cjs RUNS URL [attached:URL ...]
// Prints, per URL: loads with a long task, how many of those tasks ended by the
// first paint, the median LCP, and every long task as start/duration in ms.

const pipe = require("./chromium-pipe.cjs");

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.floor(s.length / 2)]) : null;
};

(async () => {
  const [runs, ...urls] = process.argv.slice(2);
  if (!Number(runs) || urls.length === 0) {
    console.error("usage: node .ci/long-tasks.cjs RUNS URL [attached:URL ...]");
    process.exit(2);
  }
  const browser = await pipe.launch();
  const results = urls.map(() => []);
  try {
    for (let i = 0; i < Number(runs); i++) {
      for (const [u, spec] of urls.entries()) {
        const attached = spec.startsWith("attached:");
        const url = attached ? spec.slice("attached:".length) : spec;
        results[u].push(await pipe.load(browser, url, { attached }));
      }
    }
  } finally {
    await browser.close();
  }
  for (const [u, spec] of urls.entries()) {
    const loads = results[u];
    const hit = loads.filter((l) => l.longTasks.length > 0);
    const beforePaint = hit.filter((l) => l.fcp != null && l.longTasks.every((t) => t.start + t.duration <= l.fcp + 1));
    console.log(JSON.stringify({
      url: spec,
      loads: loads.length,
      loads_with_a_task_over_50_ms: hit.length,
      of_which_all_before_first_paint: beforePaint.length,
      lcp_ms_median: median(loads.map((l) => l.lcp)),
      long_tasks_start_duration_ms: hit.map((l) => l.longTasks.map((t) => [Math.round(t.start), Math.round(t.duration)])),
    }));
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
