/**
 * The HTML report in a real browser: Debian's Chromium driven by
 * playwright-core. Charts must render with a non-zero size, the page must log
 * no errors, and sorting must work; a screenshot goes to
 * test-results/report.png. Without Chromium the test is skipped and says why.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const root = fileURLToPath(new URL("../..", import.meta.url));
const skipReason = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} is not installed (.ci/run installs Debian's chromium)`;
if (skipReason) process.stderr.write(`browser test skipped: ${skipReason}\n`);

describe("HTML report in Chromium", () => {
  test.skipIf(skipReason !== undefined)(
    `report v1 renders its charts and sorts its table${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      const { chromium } = await import("playwright-core");
      const dir = mkdtempSync(join(tmpdir(), "mbn-cost-report-"));
      const file = join(dir, "r.html");
      const made = spawnSync(process.execPath, ["bin/mbn-cost.js", "report", "v1", "--out", file], {
        cwd: root,
        encoding: "utf8",
      });
      expect(made.status, made.stderr).toBe(0);

      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
        const problems: string[] = [];
        page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
        page.on("pageerror", (e) => void problems.push(String(e)));
        page.on(
          "request",
          (r) => void (!r.url().startsWith("file:") && problems.push(`network request: ${r.url()}`)),
        );
        await page.goto(`file://${file}`);

        const charts = await page
          .locator("section svg")
          .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
        expect(charts).toHaveLength(3);
        for (const [w, h] of charts) {
          expect(w).toBeGreaterThan(100);
          expect(h).toBeGreaterThan(100);
        }
        const bars = await page.locator("#layers-chart rect.bar").count();
        expect(bars).toBe(28); // one per layer with MACs: V1 has 29 layers, the pool has none
        const barBox = await page.locator("#layers-chart rect.bar").nth(2).boundingBox();
        expect(barBox!.height).toBeGreaterThan(1);

        // sort the per-layer table by MACs, descending: the largest layer comes first
        const header = page.locator("table.sortable thead th", { hasText: "MACs" });
        await header.click();
        await header.click();
        const firstMacs = await page
          .locator("table.sortable tbody tr")
          .first()
          .locator("td")
          .last()
          .textContent();
        expect(firstMacs).toBe("51.38M");

        mkdirSync(join(root, "test-results"), { recursive: true });
        await page.screenshot({ path: join(root, "test-results", "report.png"), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );
});
