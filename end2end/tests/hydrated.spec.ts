import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

// With JavaScript: the island hydrates; charts, tooltips, the source panel and
// the view controls work on the reference articles (../shared/seeds).

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

const valueChart = "#chart-trade-value .plot.wide";
const growthChart = "#chart-growth .plot.wide";
const timelineChart = "#chart-timeline .plot.wide";

test("the charts show the reference articles' figures and events", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("China–Russia");

  // The value chart: 2022 and 2024, 2024 backed by both articles.
  const values = page.locator(`${valueChart} .hit:not(.ev-line) .tip`);
  await expect(values).toHaveCount(2);
  await expect(values.filter({ hasText: /^2022 · Trade value: \$190\.27 billion · reported by 1 source/ })).toHaveCount(1);
  await expect(values.filter({ hasText: /2024 \(|2024 ·/ }).filter({ hasText: "2 sources" })).toHaveCount(1);
  await expect(page.locator(`${valueChart} svg text`, { hasText: "$244.8 bn" })).toHaveCount(1);

  // The growth chart: 2022's +29.3 %; the approximate Jan–Aug 2020 is a
  // part of a year, in the table and said under the chart, not drawn.
  const growth = page.locator(`${growthChart} .hit:not(.ev-line) .tip`);
  await expect(growth.filter({ hasText: /^2022 · .*\+29\.3 %/ })).toHaveCount(1);
  await expect(growth.filter({ hasText: /^Jan–Aug 2020/ })).toHaveCount(0);
  await expect(page.locator("#chart-growth .chart-notes")).toContainText("1 figure for part of a year is in the table only");

  // The timeline: the six dated events as markers, month-precision ones as
  // such, and the four undated ones listed (a talk "on Thursday" in an
  // article dated by its year alone, visits told without a date).
  const events = page.locator(`${timelineChart} .hit.ev .tip`);
  await expect(events).toHaveCount(6);
  for (const label of ["1 Apr 2025 · Official visit", "20–22 Mar 2023 · State visit", "Dec 2022 · Video call",
    "21 Mar 2023 · Meeting", "11 Sep 2020 · Meeting", "Sep 2020 · Message exchange"]) {
    await expect(events.filter({ hasText: label })).toHaveCount(1);
  }
  await expect(page.locator(`${timelineChart} svg text`, { hasText: "month known, not the day" })).toHaveCount(1);
  const list = page.getByRole("list", { name: "Visits and meetings, by date" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const undated = list.getByRole("listitem").filter({ hasText: "date unknown" });
  await expect(undated).toHaveCount(4);
  await expect(undated.filter({ hasText: "Talks" })).toHaveCount(1);

  expect(errors).toEqual([]);
  await page.screenshot({ path: "test-results/dashboard-1440.png", fullPage: true });
});

test("hovering a point shows its tooltip, and keyboard focus does too", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const point = page.locator(`${valueChart} .hit:not(.ev-line)`).first();
  await expect(point.locator(".tip")).toBeHidden();
  await point.hover();
  await expect(point.locator(".tip")).toBeVisible();
  await expect(point.locator(".tip")).toContainText("2022");
  await page.mouse.move(0, 0);
  await expect(point.locator(".tip")).toBeHidden();
  await point.focus();
  await expect(point.locator(".tip")).toBeVisible();
});

test("hovering an event highlights it on every chart and in the list", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const marker = page.locator(`${timelineChart} .hit.ev`, { hasText: "State visit" });
  const key = await marker.getAttribute("data-ev");
  expect(key).toBeTruthy();
  await marker.hover();
  await expect(page.locator(`${valueChart} .ev-line[data-ev="${key}"]`)).toHaveClass(/\bhl\b/);
  await expect(page.locator(`${growthChart} .ev-line[data-ev="${key}"]`)).toHaveClass(/\bhl\b/);
  await expect(page.locator(`li.event[data-ev="${key}"]`)).toHaveClass(/\bhl\b/);
});

test("clicking a point opens its source in place, quote highlighted and in view", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  // A marker on window survives an in-place update, not a page load.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));

  await page.locator(`${valueChart} .hit:not(.ev-line)`).first().click();
  const panel = page.getByRole("complementary");
  await expect(panel).toBeVisible();
  await expect(panel.locator("mark strong")).toHaveText("$190.27 billion");
  await expect(panel.locator("mark")).toBeInViewport();
  await expect(page).toHaveURL(/\?pair=CN-RU&source=o\d+-\d+#quote$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

  // An event opens its report the same way.
  await page.locator(`${timelineChart} .hit.ev`, { hasText: "Video call" }).click();
  await expect(panel.locator("mark")).toContainText("video link");

  await panel.getByRole("link", { name: /Close/ }).click();
  await expect(page.getByRole("complementary")).toHaveCount(0);
  await expect(page).toHaveURL(/\?pair=CN-RU$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  expect(errors).toEqual([]);
});

test("a year outside the range is refused by the form itself", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const from = page.getByLabel("From");
  await from.fill("1800");
  await page.getByRole("button", { name: "Apply" }).click();
  // Not sent: the browser's own validation stops it, with the field's title as the hint.
  await expect(page).not.toHaveURL(/from=/);
  expect(await from.evaluate((el: HTMLInputElement) => el.validity.patternMismatch)).toBe(true);
  await from.fill("2021");
  expect(await from.evaluate((el: HTMLInputElement) => el.validity.valid)).toBe(true);
});

test("part years are drawn when the reader asks for them", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Part-year figures").check();
  await expect(page).toHaveURL(/partyear/);
  const growth = page.locator(`${growthChart} .hit:not(.ev-line) .tip`);
  await expect(growth.filter({ hasText: /^Jan–Aug 2020 \(part year\) · .*roughly 0 % · approximate \(roughly\)/ })).toHaveCount(1);
  await expect(page.locator("#chart-growth .chart-notes")).not.toContainText("part of a year");
});

test("the view lives in the URL and survives a reload", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("From").fill("2022");
  await page.getByLabel("to", { exact: true }).fill("2023");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2022&to=2023/);
  // Unticking a series applies at once.
  await page.getByLabel("Visits on charts").uncheck();
  await expect(page).toHaveURL(/show=/);
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("From")).toHaveValue("2022");
  await expect(page.getByLabel("Visits on charts")).not.toBeChecked();
  // 2020 figures are outside the range; 2022 is in; no event strips drawn.
  await expect(page.locator(`${growthChart} .tip`, { hasText: "2020" })).toHaveCount(0);
  await expect(page.locator(`${growthChart} .tip`, { hasText: "+29.3 %" })).toHaveCount(1);
  await expect(page.locator(`${valueChart} .ev-line`)).toHaveCount(0);
  // The exports link the same view.
  const png = await page.locator("#chart-trade-value").getByRole("link", { name: "PNG" }).getAttribute("href");
  expect(png).toContain("from=2022&to=2023");
});

test("2024 is one point with both reports, the exact one first", async ({ page }) => {
  await page.goto("/?pair=CN-RU");
  const y2024 = page
    .getByRole("table", { name: "Trade value" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: /^2024/ }) });
  await expect(y2024).toHaveCount(1);
  await expect(y2024).toContainText("$244.8 billion");
  await expect(y2024).toContainText("2 sources agree");
  await expect(y2024.getByRole("link")).toHaveCount(2);
});

test("the page has no serious or critical accessibility violation", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/?pair=CN-RU&source=o2-1");
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

test("an article added through the form shows on the dashboard", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("region", { name: "Add an article" });
  await form.getByLabel("Article text").fill("Trade between Chile and Peru reached $5.4 billion in 2023, customs data showed.");
  await form.getByLabel("Admin token").fill("e2e-admin-token");
  await form.getByRole("button", { name: "Add article" }).click();
  await expect(page).toHaveURL(/\?added=\d+/);
  await expect(page.getByRole("status").filter({ hasText: "added" })).toBeVisible();
  await page.goto("/?pair=CL-PE");
  await expect(page.getByRole("table", { name: "Trade value" })).toContainText("$5.4 billion");
  // A pair with a single point says so.
  await expect(page.getByRole("status").filter({ hasText: "Only one figure" })).toBeVisible();
});

test("a bad publication date is refused with nothing typed lost", async ({ page }) => {
  await page.goto("/");
  const form = page.getByRole("region", { name: "Add an article" });
  const text = "Trade between Chile and Peru reached $6.1 billion in 2024.";
  await form.getByLabel("Article text").fill(text);
  // Matches the field's YYYY-MM-DD pattern but is no date; the server says so.
  await form.getByLabel(/Publication date/).fill("2024-02-30");
  await form.getByLabel("Admin token").fill("e2e-admin-token");
  await form.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("alert")).toContainText("YYYY-MM-DD");
  await expect(page.getByRole("alert")).toContainText("2024-02-30");
  // Both come back as typed (a date control would have emptied the date).
  await expect(page.getByLabel("Article text")).toHaveValue(text);
  await expect(page.getByLabel(/Publication date/)).toHaveValue("2024-02-30");
});

test("the page is usable on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator("#chart-trade-value .plot.narrow")).toBeVisible();
  await expect(page.locator("#chart-trade-value .plot.wide")).toBeHidden();
  await page.screenshot({ path: "test-results/dashboard-375.png", fullPage: true });
  // A tap opens the source as a sheet, the quote in view.
  await page.locator("#chart-growth .plot.narrow .hit:not(.ev-line)").first().click();
  await expect(page.getByRole("complementary").locator("mark")).toBeInViewport();
});

test("chart labels are readable at every width", async ({ page }) => {
  // Each chart is drawn three times and one drawing is shown per width; the
  // shown drawing's labels must come out at about 10-17 CSS px (9.5-18 at
  // the edges of a drawing's range), never the 7 px a single scaled drawing
  // gives on a tablet.
  await page.goto("/");
  for (const width of [360, 375, 430, 580, 581, 768, 1024, 1039, 1040, 1280, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of ["#chart-trade-value", "#chart-growth", "#chart-timeline"]) {
      const sizes = await page.locator(`${id} .plot svg`).evaluateAll((svgs) =>
        svgs
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .map((svg) => {
            const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")) * scale);
          }),
      );
      expect(sizes, `${id} at ${width} px: one drawing shown`).toHaveLength(1);
      // No label runs into another or off the drawing.
      const clashes = await page.locator(`${id} .plot svg`).evaluateAll((svgs) => {
        const svg = svgs.find((s) => s.getBoundingClientRect().width > 0)!;
        const box = svg.getBoundingClientRect();
        const rects = [...svg.querySelectorAll("text")].map((t) => [t.textContent!.trim(), t.getBoundingClientRect()] as const);
        const out: string[] = [];
        for (const [name, r] of rects) {
          if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${name} leaves the drawing`);
        }
        rects.forEach(([a, r], i) =>
          rects.slice(i + 1).forEach(([b, q]) => {
            if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) out.push(`${a} / ${b}`);
          }),
        );
        return out;
      });
      expect(clashes, `${id} at ${width} px`).toEqual([]);
      const [min, max] = [Math.min(...sizes[0]), Math.max(...sizes[0])];
      expect(min, `${id} at ${width} px`).toBeGreaterThanOrEqual(9.5);
      expect(max, `${id} at ${width} px`).toBeLessThanOrEqual(18);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
  }
});

test("tooltips stay inside their drawing at every width", async ({ page }) => {
  // A mark near the drawing's left edge has its tooltip to its right, one
  // near the right edge to its left, so no tooltip runs off a phone's screen
  // (they did, by up to 72 px at 430 px wide, when they were centred) or out
  // of its card.
  // It focuses every mark at five widths, a few hundred round trips to the
  // browser: 25-27 s on the 2-core VM, too close to the default 30 s.
  test.setTimeout(90_000);
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  for (const width of [360, 430, 640, 768, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    const hits = page.locator(".chart-card .plot .hit");
    let checked = 0;
    for (let i = 0; i < (await hits.count()); i++) {
      const hit = hits.nth(i);
      if (!(await hit.isVisible())) continue;
      await hit.focus();
      const box = await hit.evaluate((el) => {
        const rect = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        return {
          tip: rect(el.querySelector(".tip")!),
          drawing: rect(el.closest(".plot")!),
          card: rect(el.closest(".card")!),
          text: el.querySelector(".tip")!.textContent!.slice(0, 40),
        };
      });
      const where = `${box.text} at ${width} px`;
      expect(box.tip.left, where).toBeGreaterThanOrEqual(box.drawing.left - 1);
      expect(box.tip.right, where).toBeLessThanOrEqual(box.drawing.right + 1);
      expect(box.tip.top, where).toBeGreaterThanOrEqual(box.card.top);
      expect(box.tip.bottom, where).toBeLessThanOrEqual(box.card.bottom);
      checked += 1;
    }
    // Two values, three growth bars, six events on each chart and the timeline.
    expect(checked, `at ${width} px`).toBeGreaterThanOrEqual(20);
  }
});

test("the page does not move when the island hydrates", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { __shift: number }).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  expect(shift).toBeLessThan(0.01);
});

test("the page marks when it became interactive, once", async ({ page }) => {
  // `.ci/measure-page.cjs` reads this mark after the load instead of watching
  // the page, so that nothing is attached to the page while it loads.
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const marks = await page.evaluate(() =>
    performance.getEntriesByName("tradeline:interactive").map((m) => ({ type: m.entryType, at: m.startTime })),
  );
  expect(marks).toHaveLength(1);
  expect(marks[0].type).toBe("mark");
  const loaded = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd);
  expect(marks[0].at).toBeGreaterThan(loaded);
});
