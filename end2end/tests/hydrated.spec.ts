import { expect, test } from "@playwright/test";

// With JavaScript: the page hydrates, and a click on a source link opens the
// source panel by client-side navigation (no page load).
test("the dashboard hydrates and opens a source without reloading", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });

  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");

  // A marker on window survives client-side navigation, not a reload.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));

  const row = page.getByRole("row").filter({ hasText: "$190.27 billion" });
  await row.getByRole("link", { name: /Source of/ }).click();

  const panel = page.getByRole("complementary");
  await expect(panel).toBeVisible();
  await expect(panel.locator("mark strong")).toHaveText("$190.27 billion");
  await expect(page).toHaveURL(/\?source=o\d+-\d+/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

  // Closing is client-side too.
  await panel.getByRole("link", { name: "Close" }).click();
  await expect(page.getByRole("complementary")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

  expect(errors).toEqual([]);
  await page.screenshot({ path: "test-results/dashboard-1440.png", fullPage: true });
});

test("a copied link with a source reopens it", async ({ page }) => {
  await page.goto("/");
  const href = await page
    .getByRole("row")
    .filter({ hasText: "nearly $250 billion" })
    .getByRole("link", { name: /Source of/ })
    .getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!);
  await expect(page.getByRole("complementary").locator("mark strong")).toHaveText("nearly $250 billion");
});

test("the page is usable on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/dashboard-375.png", fullPage: true });
});
