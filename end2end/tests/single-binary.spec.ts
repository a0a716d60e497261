import { expect, test } from "@playwright/test";
import { spawn, ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// The release executable, copied alone into an empty folder, serves a page
// that hydrates: everything it needs is inside it.
const root = path.resolve(__dirname, "..", "..");
const port = Number(process.env.TRADELINE_E2E_SINGLE_PORT ?? 3918);
const seeds = process.env.TRADELINE_SEEDS ?? path.resolve(root, "..", "shared", "seeds");

let server: ChildProcess | undefined;
let dir = "";

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tradeline-single-"));
  const exe = path.join(dir, "tradeline");
  fs.copyFileSync(path.join(root, "target", "release", "tradeline"), exe);
  fs.chmodSync(exe, 0o755);
  expect(fs.readdirSync(dir)).toEqual(["tradeline"]);
  server = spawn(exe, ["serve", "--addr", `127.0.0.1:${port}`, "--corpus", seeds, "--data-dir", path.join(dir, "data")], {
    cwd: dir,
    env: { PATH: "/usr/bin:/bin" },
    stdio: "ignore",
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("the moved binary did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("the moved binary serves a page that hydrates", async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page.getByRole("region", { name: "Trade value" })).toContainText("$190.27 billion");
});

test("the moved binary draws a PNG export with its own font", async ({ request }) => {
  const png = await request.get(`http://127.0.0.1:${port}/export/trade-value.png?width=1200&height=675&scale=2`);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  const bytes = await png.body();
  // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  expect(bytes.readUInt32BE(16)).toBe(2400);
  expect(bytes.readUInt32BE(20)).toBe(1350);
});

test("assets are compressed, typed and cached by fingerprint", async ({ request }) => {
  const html = await request.get(`http://127.0.0.1:${port}/`);
  expect(html.headers()["cache-control"]).toBe("no-cache");
  const body = await html.text();
  const wasmPath = body.match(/href="(\/pkg\/[0-9a-f]{12}\/[^"]+\.wasm)"/)?.[1];
  expect(wasmPath).toBeTruthy();

  const wasm = await request.get(`http://127.0.0.1:${port}${wasmPath}`, {
    headers: { "accept-encoding": "br, gzip" },
  });
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()["content-type"]).toBe("application/wasm");
  expect(wasm.headers()["content-encoding"]).toBe("br");
  expect(wasm.headers()["cache-control"]).toContain("immutable");

  const gz = await request.get(`http://127.0.0.1:${port}${wasmPath}`, {
    headers: { "accept-encoding": "gzip" },
  });
  expect(gz.headers()["content-encoding"]).toBe("gzip");

  const health = await request.get(`http://127.0.0.1:${port}/healthz`);
  const json = await health.json();
  expect(json.status).toBe("ok");
  expect(json.front_end).toBe(true);
  expect(json.articles).toBe(5);
});
