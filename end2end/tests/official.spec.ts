import { expect, test } from "@playwright/test";

// Official statistics beside the reports (issue 25), on a server with the
// reference articles, China's customs figures and a test article that sets
// a $200 billion goal for 2024 at a state visit.

test("the official line, the gaps and the pledges are in the page", async ({ page }) => {
  await page.goto("/?pair=CN-RU");
  const chart = page.locator("#chart-trade-value .plot.wide svg");
  await expect(chart.locator("text", { hasText: "Trade value, official (China General Administration of Customs" })).toHaveCount(1);
  await expect(chart.locator("text", { hasText: "goal $200 bn" })).toHaveCount(1);

  const values = page.getByRole("region", { name: "Trade value" });
  await expect(values.getByRole("columnheader", { name: "Official" }).first()).toBeVisible();
  await expect(values).toContainText("gap -0.004 %");
  await expect(values).toContainText("official only");

  const pledges = page.getByRole("region", { name: "Trade pledges" });
  await expect(pledges).toContainText("$200 billion");
  await expect(pledges).toContainText("State visit");
  await expect(pledges).toContainText("met by +22.4 %");
  await expect(pledges).toContainText("official $244.81 billion");
  await page.screenshot({ path: "test-results/official-1440.png", fullPage: true });
});

test("the official layer switches off, and the page says so", async ({ page }) => {
  await page.goto("/?pair=CN-RU&show=trade,exports,imports,balance,derived,events");
  const chart = page.locator("#chart-trade-value .plot.wide svg");
  await expect(chart.locator("text", { hasText: ", official (" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Trade value" })).not.toContainText("official only");
});

test("exports carry the official line, its source and the goal", async ({ page, request }) => {
  const svg = await (await request.get("/export/trade-value.svg?pair=CN-RU")).text();
  expect(svg).toContain("Official figures (thin line): China General Administration of Customs");
  expect(svg).toContain("goal $200 bn");
  const csv = await (await request.get("/api/series.csv?pair=CN-RU&metric=trade_value")).text();
  expect(csv.split("\n")[0]).toContain("official_value,official_currency,official_source,gap_pct");
  expect(csv).toContain("2015-01-01,2015-12-31,2015,true,68060000000,official");

  // The PNG with the official line differs from the one without it in the
  // plot: the line's pixels are drawn, not only named.
  await page.goto("/?pair=CN-RU");
  const changed = await page.evaluate(async () => {
    const pixels = async (url: string) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, img.width, img.height).data;
    };
    const base = "/export/trade-value.png?pair=CN-RU&width=1200&height=675";
    const withLine = await pixels(base);
    const without = await pixels(`${base}&show=trade,exports,imports,balance,derived,events`);
    let n = 0;
    for (let i = 0; i < withLine.length; i += 4) {
      if (Math.abs(withLine[i] - without[i]) + Math.abs(withLine[i + 2] - without[i + 2]) > 60) n++;
    }
    return n;
  });
  expect(changed).toBeGreaterThan(500);
});
