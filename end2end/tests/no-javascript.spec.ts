import { expect, test } from "@playwright/test";

// Without JavaScript: everything is in the server-rendered HTML, and source
// links work as plain links.
test("series, events and articles are server-rendered", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");

  const figures = page.getByRole("region", { name: /Figures/ });
  await expect(figures).toContainText("$244.8 billion");
  await expect(figures).toContainText("$190.27 billion");
  await expect(figures).toContainText("nearly $250 billion");
  await expect(figures).toContainText("+29.3 %");
  await expect(figures).toContainText("roughly 0 %");
  await expect(figures).toContainText("part year");

  await expect(page.getByRole("heading", { name: /Visits and meetings/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Articles/ })).toBeVisible();
});

test("a source link opens the server-rendered source panel", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^Source of \$244\.8 billion for 2024/ }).click();
  const panel = page.getByRole("complementary");
  await expect(panel.locator("mark strong")).toHaveText("244.8 billion U.S. dollars");
  await expect(panel).toContainText("today's bilateral trade volume");
});
