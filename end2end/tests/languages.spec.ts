import { expect, Page, test } from "@playwright/test";

// Chinese and Russian sources (issue 27), on a server that starts empty: a
// Chinese and a Russian article, written for this test, are added through
// the form; their reports of one figure become one point with both sources,
// the source panel shows each original sentence with what was read from it
// in English, and a PNG export whose footer names the Chinese article draws
// its title as glyphs, not missing-glyph boxes.

const chinese = [
  "中俄经贸合作保持稳定",
  "2025年1月14日",
  "中国海关总署数据显示，2024年，中俄贸易额达2448.2亿美元，同比增长1.9%。",
].join("\n");
const chineseTitle = "中俄经贸合作保持稳定";

const russian = [
  "Товарооборот России и Китая обновил рекорд",
  "15 января 2025",
  "Товарооборот России и Китая по итогам 2024 года составил 244,8 млрд долларов, увеличившись на 1,9%.",
].join("\n");
const russianTitle = "Товарооборот России и Китая обновил рекорд";

async function add(page: Page, text: string) {
  await page.goto("/");
  const form = page.getByRole("region", { name: "Add an article" });
  await form.getByLabel("Article text").fill(text);
  await form.getByLabel("Admin token").fill("e2e-admin-token");
  await form.getByRole("button", { name: "Add article" }).click();
  await expect(page).toHaveURL(/\?added=\d+/);
}

test.describe.configure({ mode: "serial" });

test("a Chinese and a Russian article join one point, each source read back in English", async ({ page }) => {
  await add(page, chinese);
  await add(page, russian);
  await page.goto("/?pair=CN-RU");
  const values = page.getByRole("region", { name: "Trade value" });
  // One 2024 point, reported by both (they differ only in rounding).
  await expect(values).toContainText("reported by 2 sources that agree");
  await expect(values).toContainText(chineseTitle);
  await expect(values).toContainText(russianTitle);
  await expect(values).not.toContainText("Conflict");

  await values.getByRole("link", { name: `Source of $244.82 billion for 2024: ${chineseTitle}` }).first().click();
  const panel = page.getByRole("complementary");
  await expect(panel.locator("mark")).toContainText("2448.2亿美元");
  await expect(panel.locator(".article-text")).toHaveAttribute("lang", "zh");
  await expect(panel.locator(".reading")).toContainText("Trade value, China–Russia, 2024: $244.82 billion, reported");
  await page.screenshot({ path: "test-results/source-chinese.png", fullPage: false });

  await page.goto("/?pair=CN-RU");
  await page.getByRole("region", { name: "Trade value" }).getByRole("link", { name: `Source of $244.8 billion for 2024: ${russianTitle}` }).first().click();
  await expect(panel.locator("mark")).toContainText("244,8 млрд долларов");
  await expect(panel.locator(".reading")).toContainText("Trade value, China–Russia, 2024: $244.8 billion, reported");
});

test("a PNG export draws the Chinese title's glyphs, not boxes", async ({ page, request }) => {
  const query = "pair=CN-RU&width=1200&height=675";
  const svg = await (await request.get(`/export/trade-value.svg?${query}`)).text();
  expect(svg).toContain(chineseTitle);

  // Where the footer line with the title is, from the SVG export, which is
  // laid out by the same code as the PNG.
  await page.goto("/?pair=CN-RU");
  const cells = await page.evaluate(
    async ({ svg, query, title }) => {
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const root = doc.documentElement;
      const line = [...doc.querySelectorAll("text")].find((t) => (t.textContent ?? "").includes(title))!;
      const viewBox = root.getAttribute("viewBox")!.split(/\s+/).map(Number);
      const size = Number(line.getAttribute("font-size"));
      const x = Number(line.getAttribute("x"));
      const y = Number(line.getAttribute("y"));
      // As drawn: the SVG's text starts after a line break.
      const text = (line.textContent ?? "").trim();

      const img = new Image();
      // Three times larger, so that each character is some thirty pixels.
      img.src = `/export/trade-value.png?${query}&scale=3`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0);
      const scale = img.width / viewBox[2];

      // Where each character of the title is, measured by the browser in the
      // PNG's own fonts (DejaVu Sans, and the CJK font the page serves).
      await document.fonts.load(`${size}px "Tradeline CJK"`, title);
      const measure = document.createElement("canvas").getContext("2d")!;
      measure.font = `${size}px "DejaVu Sans", "Tradeline CJK"`;
      const width = (t: string) => measure.measureText(t).width;
      const start = x + width(text.slice(0, text.indexOf(title)));
      const top = Math.floor((y - size * 0.2) * scale);
      const height = Math.ceil(size * 1.4 * scale);
      const chars = [...title];
      const png: number[][] = [];
      for (let i = 0; i < chars.length; i++) {
        const left = (start + width(chars.slice(0, i).join(""))) * scale;
        const cell = Math.max(1, Math.floor(width(chars[i]) * scale));
        png.push(shape(ctx.getImageData(Math.round(left), top, cell, height)));
      }

      // The same characters drawn by the browser in the same font (the
      // page's web font is the PNG's fallback font), one by one.
      const em = size * scale;
      const own = document.createElement("canvas");
      own.width = Math.ceil(em * 2);
      own.height = Math.ceil(em * 2);
      const octx = own.getContext("2d")!;
      octx.font = `${em}px "Tradeline CJK"`;
      const browser: number[][] = [];
      for (const ch of chars) {
        octx.fillStyle = "#fff";
        octx.fillRect(0, 0, own.width, own.height);
        octx.fillStyle = "#000";
        octx.fillText(ch, 0, em * 1.2);
        browser.push(shape(octx.getImageData(0, 0, own.width, own.height)));
      }
      return { png, browser };

      // A glyph's shape: the share of ink in each cell of an 8 × 8 grid over
      // the box its ink fills, so that where and how large it is drawn does
      // not matter, only what it looks like.
      function shape(image: ImageData): number[] {
        const { width: w, height: h, data } = image;
        const dark = (px: number, py: number) => {
          const p = (py * w + px) * 4;
          return data[p] + data[p + 1] + data[p + 2] < 3 * 160;
        };
        let [x0, y0, x1, y1] = [w, h, -1, -1];
        for (let py = 0; py < h; py++) {
          for (let px = 0; px < w; px++) {
            if (dark(px, py)) {
              x0 = Math.min(x0, px);
              y0 = Math.min(y0, py);
              x1 = Math.max(x1, px);
              y1 = Math.max(y1, py);
            }
          }
        }
        const grid = new Array(64).fill(0);
        if (x1 < 0) return grid;
        const counts = new Array(64).fill(0);
        for (let py = y0; py <= y1; py++) {
          for (let px = x0; px <= x1; px++) {
            const gx = Math.min(7, Math.floor(((px - x0) * 8) / (x1 - x0 + 1)));
            const gy = Math.min(7, Math.floor(((py - y0) * 8) / (y1 - y0 + 1)));
            counts[gy * 8 + gx]++;
            if (dark(px, py)) grid[gy * 8 + gx]++;
          }
        }
        return grid.map((n, i) => (counts[i] ? n / counts[i] : 0));
      }
    },
    { svg, query, title: chineseTitle },
  );
  // Each character drawn in the PNG looks most like the same character
  // drawn by the browser, not like any other of the title's: the PNG has
  // the glyphs. Missing-glyph boxes would all look alike, and like none.
  const { png, browser } = cells;
  const recognised = png.filter((cell, i) => {
    const likeness = browser.map((b) => correlation(cell, b));
    return likeness.indexOf(Math.max(...likeness)) === i;
  }).length;
  expect(recognised, `${recognised} of ${png.length} characters recognised`).toBeGreaterThanOrEqual(png.length - 1);
});

function correlation(a: number[], b: number[]): number {
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
