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
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CN–RU");

  // A marker on window survives client-side navigation, not a reload.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));

  await page.getByRole("link", { name: /^Source of \$190\.27 billion for 2022/ }).click();

  const panel = page.getByRole("complementary");
  await expect(panel).toBeVisible();
  await expect(panel.locator("mark strong")).toHaveText("$190.27 billion");
  await expect(page).toHaveURL(/\?pair=CN-RU&source=o\d+-\d+/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

  // Closing is client-side too, and keeps the pair.
  await panel.getByRole("link", { name: "Close" }).click();
  await expect(page.getByRole("complementary")).toHaveCount(0);
  await expect(page).toHaveURL(/\?pair=CN-RU$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);

  expect(errors).toEqual([]);
  await page.screenshot({ path: "test-results/dashboard-1440.png", fullPage: true });
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

test("a copied link with a source reopens it", async ({ page }) => {
  await page.goto("/");
  const href = await page.getByRole("link", { name: /^Source of nearly \$250 billion for 2024/ }).getAttribute("href");
  expect(href).toBeTruthy();
  await page.goto(href!);
  await expect(page.getByRole("complementary").locator("mark strong")).toHaveText("nearly $250 billion");
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
});

test("the page is usable on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/dashboard-375.png", fullPage: true });
});
