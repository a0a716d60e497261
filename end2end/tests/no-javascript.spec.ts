import { expect, test } from "@playwright/test";

// Without JavaScript: charts, timeline, tables and source links are all in the
// server-rendered HTML, and every control is a plain link or form.
test("charts, timeline and tables are server-rendered", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");

  for (const id of ["#chart-trade-value", "#chart-growth", "#chart-timeline"]) {
    await expect(page.locator(`${id} .plot.wide svg`)).toHaveCount(1);
  }
  await expect(page.locator("#chart-trade-value .plot.wide svg text", { hasText: "$190.3 bn" })).toHaveCount(1);
  await expect(page.locator("#chart-growth .plot.wide svg text", { hasText: "+29.3 %" })).toHaveCount(1);
  await expect(page.locator("#chart-timeline .plot.wide svg text", { hasText: "State visit" })).toHaveCount(1);

  const values = page.getByRole("region", { name: "Trade value" });
  await expect(values).toContainText("$244.8 billion");
  await expect(values).toContainText("$190.27 billion");
  await expect(values).toContainText("nearly $250 billion");
  const growth = page.getByRole("region", { name: "Year-on-year growth" });
  await expect(growth).toContainText("+29.3 %");
  await expect(growth).toContainText("roughly 0 %");
  await expect(growth).toContainText("part year");
  await expect(page.getByRole("list", { name: "Visits and meetings, by date" }).getByRole("listitem")).toHaveCount(10);
});

test("a chart point is a link to its source, with the quote marked", async ({ page }) => {
  await page.goto("/");
  await page.locator("#chart-trade-value .plot.wide .hit", { hasText: "2 sources" }).click();
  const panel = page.getByRole("complementary");
  await expect(panel.locator("mark strong")).toHaveText("244.8 billion U.S. dollars");
  await expect(panel).toContainText("today's bilateral trade volume");
  await expect(page).toHaveURL(/#quote$/);
});

test("the timeline's filter works as a plain form, for the list and the charts", async ({ page }) => {
  await page.goto("/");
  const entries = page.getByRole("list", { name: "Visits and meetings, by date" }).locator(".event");
  await expect(entries).toHaveCount(10);
  await page.getByLabel("Kind", { exact: true }).selectOption("meeting");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/pair=CN-RU.*kind=meeting/);
  const kinds = await entries.locator(".kind").allTextContents();
  expect(kinds.length).toBeGreaterThan(1);
  expect(kinds.length).toBeLessThan(10);
  for (const kind of kinds) expect(kind).toContain("Meeting");
  await expect(page.locator("#chart-timeline .plot.wide svg text", { hasText: "State visit" })).toHaveCount(0);
});

test("the year range form works as a plain form", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("From").fill("2023");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2023/);
  await expect(page.locator("#chart-growth .plot.wide svg text", { hasText: "No figures in these years" })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Year-on-year growth" })).toContainText("No growth rates were found");
});
