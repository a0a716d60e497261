import { expect, test } from "@playwright/test";

// A pair followed for twenty years (the dense server, fixtures/dense-corpus.cjs):
// hundreds of reports and events stay legible, with and without JavaScript.

const dense = "/?pair=BR-IN";

for (const js of [true, false]) {
  test.describe(js ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: js });

    test("a point's reports and a table's earlier periods fold, and open on a click", async ({ page }) => {
      await page.goto(dense);
      const table = page.locator("#series-trade_value-BR-IN");
      // The latest twelve periods are shown; the rest fold.
      await expect(table.locator(":scope > table tbody tr")).toHaveCount(12);
      const earlier = table.locator(":scope > details.earlier-periods");
      const summary = earlier.locator(":scope > summary");
      await expect(summary).toHaveText(/^Earlier periods \(\d+, from /);
      await expect(earlier.locator(":scope > table")).toBeHidden();
      await summary.click();
      await expect(earlier.locator(":scope > table")).toBeVisible();
      // A full year told by several articles lists two; the rest fold.
      const more = table.locator(":scope > table details.more-reports").first();
      await expect(more.locator(":scope > summary")).toHaveText(/^All \d+ reports$/);
      const folded = more.locator(".source-link");
      await expect(folded.first()).toBeHidden();
      await more.locator(":scope > summary").click();
      await expect(folded.first()).toBeVisible();
    });

    test("many pairs are one select that shows the pair chosen", async ({ page }) => {
      await page.goto(dense);
      const picker = page.getByLabel(/^Pair \(\d+ with data\)$/);
      expect(await picker.locator("option").count()).toBeGreaterThan(12);
      await expect(picker).toHaveValue("BR-IN");
      await picker.selectOption("CL-PE");
      await page.getByRole("button", { name: "Show", exact: true }).click();
      await expect(page).toHaveURL(/pair=CL-PE/);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Chile–Peru");
    });

    test(js ? "typing in the pair search narrows the picker" : "the pair search needs script and is hidden", async ({ page }) => {
      await page.goto(dense);
      const search = page.getByLabel("Find a pair");
      if (!js) {
        await expect(page.locator("#pair-search")).toBeHidden();
        return;
      }
      await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
      await search.fill("kenya");
      const picker = page.locator("#pair-picker");
      await expect(picker).toHaveValue("JP-KE");
      const shown = await picker.locator("option").evaluateAll((os) =>
        os.filter((o) => !(o as HTMLOptionElement).hidden).map((o) => (o as HTMLOptionElement).value));
      expect(shown).toEqual(["JP-KE"]);
      await page.getByRole("button", { name: "Show", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Japan–Kenya");
    });

    test("the timeline folds crowded months and filters by person", async ({ page }) => {
      await page.goto(dense);
      const list = page.getByRole("list", { name: "Visits and meetings, by date" });
      const groups = list.locator(":scope > li.month-group");
      expect(await groups.count()).toBeGreaterThan(10);
      await expect(groups.first().locator("summary")).toHaveText(/^\w{3} \d{4}: \d+ events$/);
      await page.getByLabel("Person", { exact: true }).selectOption("Ana Costa");
      await page.getByRole("button", { name: "Filter", exact: true }).click();
      await expect(page).toHaveURL(/person=Ana(\+|%20)Costa/);
      const who = await list.locator(".event .who").allTextContents();
      expect(who.length).toBeGreaterThan(0);
      expect(who.length).toBeLessThan(200);
      for (const w of who) expect(w).toContain("Ana Costa");
    });
  });
}

// The dense case at a desktop's, a tablet's and a phone's width, light and
// dark: kept with the test results, to be looked at.
for (const width of [1440, 768, 375]) {
  for (const scheme of ["light", "dark"] as const) {
    test(`the dense dashboard at ${width} px, ${scheme}`, async ({ page }, info) => {
      await page.setViewportSize({ width, height: 1000 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(dense);
      await expect(page.locator("#chart-trade-value svg:visible")).toHaveCount(1);
      const shot = await page.screenshot({ fullPage: false });
      await info.attach(`dense-${width}-${scheme}.png`, { body: shot, contentType: "image/png" });
      // No part of the page is wider than the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}
