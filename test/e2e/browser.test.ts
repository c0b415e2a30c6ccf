/// <reference lib="dom" />
/**
 * The HTML report and the charts in a real browser: Debian's Chromium driven
 * by playwright-core. Charts must render with a non-zero size, the page must
 * log no errors, sorting must work, and the page must fit a phone's width.
 * Every chart kind, light, dark and auto (under a dark scheme), is pasted on a
 * white page, its text checked legible against the background it paints, and
 * screenshotted to test-results/charts/ (not committed). Without Chromium the
 * tests are skipped and say why.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { unwrapped } from "../helpers/io.js";

const CHROMIUM = "/usr/bin/chromium";
const LAUNCH = {
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
};

/** Runs the built CLI; the test fails with its stderr if it does. */
function cli(args: string[]): void {
  const made = spawnSync(process.execPath, ["bin/mbn-cost.js", ...args], { cwd: root, encoding: "utf8" });
  expect(made.status, made.stderr).toBe(0);
}
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
      cli(["report", "v1", "--out", file]);

      const browser = await chromium.launch(LAUNCH);
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

        // a phone's width: the page never scrolls sideways (wide tables and charts scroll in their boxes)
        await page.setViewportSize({ width: 375, height: 800 });
        const [scrollWidth, clientWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);
        await page.screenshot({ path: join(root, "test-results", "report-narrow.png"), fullPage: true });
        expect(problems).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );

  const KINDS: [string, string[]][] = [
    ["per-layer", ["v2"]],
    ["by-type", ["v1", "--by", "type"]],
    ["by-block-stacked", ["v2", "--by", "block"]],
    ["compare-totals", ["compare", "v1", "v2", "v3-large"]],
    ["compare-grouped", ["compare", "v1@0.5", "fd", "--by", "resolution"]],
    [
      "sweep-alpha",
      ["sweep", "v2", "--alpha", "0.35:1.4:0.05", "--resolution", "128,160,192,224", "--budget", "300M"],
    ],
    ["sweep-one-alpha", ["sweep", "v2", "--alpha", "0.5", "--resolution", "96:512:16", "--budget", "100M"]],
    [
      "sweep-many",
      ["sweep", "v2", "--alpha", "0.5:1.4:0.1", "--resolution", "96:512:16", "--budget", "300M"],
    ],
  ];

  test.skipIf(skipReason !== undefined)(
    `every chart kind, light, dark and auto, is legible on a white page${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      const { chromium } = await import("playwright-core");
      const dir = mkdtempSync(join(tmpdir(), "mbn-cost-charts-"));
      const shots = join(root, "test-results", "charts");
      mkdirSync(shots, { recursive: true });
      const browser = await chromium.launch(LAUNCH);
      try {
        for (const [scheme, themes] of [
          ["light", ["light", "dark", "auto"]],
          ["dark", ["auto"]],
        ] as const) {
          const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1400, height: 900 } });
          for (const [kind, args] of KINDS)
            for (const theme of themes) {
              const file = join(dir, `${kind}-${theme}.svg`);
              cli([...args, "--theme", theme, "--out", file, "--format", "svg", "--force"]);
              await page.setContent(
                `<body style="background:#fff;margin:8px">${readFileSync(file, "utf8")}</body>`,
              );
              const contrast = await page.evaluate(lowestTextContrast);
              expect(contrast, `${kind} ${theme} under a ${scheme} scheme`).toBeGreaterThanOrEqual(4.5);
              const name = theme === "auto" ? `${kind}-auto-${scheme}` : `${kind}-${theme}`;
              await page
                .locator("svg")
                .first()
                .screenshot({ path: join(shots, `${name}.png`) });
            }
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  );
});

/**
 * In the page: the lowest WCAG contrast ratio of any chart text against the
 * background the chart paints (its first rect), as the browser computes them.
 */
function lowestTextContrast(): number {
  const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (colour: string) => {
    const [r, g, b] = rgb(colour).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const svg = document.querySelector("svg")!;
  const background = luminance(getComputedStyle(svg.querySelector("rect.bg")!).fill);
  const ratios = Array.from(svg.querySelectorAll("text"), (t) => {
    const text = luminance(getComputedStyle(t).fill);
    return (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
  });
  return Math.min(...ratios);
}

/** "3,504,872 params · 300,774,272 MACs": the CLI's exact totals for these arguments, as the page shows them. */
/** The built CLI's standard output. */
function cliOutput(args: string[]): string {
  return spawnSync(process.execPath, ["bin/mbn-cost.js", ...args], { cwd: root, encoding: "utf8" }).stdout;
}

function cliTotals(args: string[]): string {
  const out = spawnSync(process.execPath, ["bin/mbn-cost.js", ...args, "--totals", "--exact"], {
    cwd: root,
    encoding: "utf8",
  }).stdout;
  const [params, macs] = /: ([\d,]+) params · ([\d,]+) MACs/.exec(out)!.slice(1);
  return `${params} params · ${macs} MACs`;
}

/** What goes wrong in a page as it runs: console errors, uncaught exceptions, any request off the file. */
function problemsOf(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
  page.on("pageerror", (e) => void problems.push(String(e)));
  page.on("request", (r) => void (!r.url().startsWith("file:") && problems.push(`request: ${r.url()}`)));
  return problems;
}

/** The calculator page the CLI writes, open in Chromium for `use`; the browser closed after it. */
async function withCalculator(use: (browser: Browser, file: string) => Promise<void>): Promise<void> {
  const { chromium } = await import("playwright-core");
  const file = join(mkdtempSync(join(tmpdir(), "mbn-cost-app-")), "app.html");
  cli(["app", "--out", file]);
  const browser = await chromium.launch(LAUNCH);
  try {
    await use(browser, file);
  } finally {
    await browser.close();
  }
}

describe("the calculator page in Chromium (mbn-cost app)", () => {
  test.skipIf(skipReason !== undefined)(
    `the CLI's numbers, live; the state in the URL; the CLI's CSV; nothing leaves the page${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      const { chromium } = await import("playwright-core");
      const dir = mkdtempSync(join(tmpdir(), "mbn-cost-app-"));
      const file = join(dir, "app.html");
      cli(["app", "--out", file]);
      expect(readFileSync(file).length).toBeLessThan(400 * 1024);
      const browser = await chromium.launch(LAUNCH);
      try {
        const shots = join(root, "test-results", "app");
        mkdirSync(shots, { recursive: true });
        for (const scheme of ["light", "dark"] as const) {
          const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
          const problems = problemsOf(page);
          await page.goto(`file://${file}`);
          const totals = page.locator("#totals");
          await expect
            .poll(() => totals.textContent())
            .toBe("3,469,760 params · 300,774,272 MACs · 601,548,544 FLOPs");
          await page.screenshot({ path: join(shots, `default-${scheme}.png`), fullPage: true });
          // the CLI's charts: per layer, by type, by output resolution, and the sweep
          expect(await page.locator(".chart svg").count()).toBe(4);
          await page.getByLabel("alpha", { exact: true }).fill("0.5");
          expect(await totals.textContent()).toContain("97,131,840 MACs");
          process.stdout.write(
            `calculator: α change to updated table and charts in ${await page.locator("body").getAttribute("data-render-ms")} ms\n`,
          );
          await page.getByLabel("convention").selectOption("torchvision");
          await page.getByLabel("alpha", { exact: true }).fill("1");
          expect(await totals.textContent()).toContain("3,504,872 params");
          // a copied link restores the view
          const url = page.url();
          const again = await browser.newPage();
          await again.goto(url);
          await expect.poll(() => again.locator("#totals").textContent()).toContain("3,504,872 params");
          expect(await again.getByLabel("convention").inputValue()).toBe("torchvision");
          await again.close();
          // the CSV download is the CLI's CSV
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.locator("#download-csv").click(),
          ]);
          const downloaded = readFileSync((await download.path())!, "utf8");
          const made = spawnSync(
            process.execPath,
            ["bin/mbn-cost.js", "v2", "--convention", "torchvision", "--format", "csv"],
            {
              cwd: root,
              encoding: "utf8",
            },
          );
          expect(downloaded).toBe(made.stdout);
          // the per-layer table sorts by a header, exactly, and filters by op
          await page.locator("#layers th", { hasText: "MACs" }).click();
          expect(await page.locator("#layers tbody tr").first().locator("td").nth(1).textContent()).toBe(
            "pw_1",
          );
          await page.getByLabel("op filter").selectOption("depthwise");
          expect(await page.locator("#layers tbody tr:not([hidden])").count()).toBe(17);
          await page.getByLabel("op filter").selectOption("");
          // on hardware: the CLI's roofline line, a calibrated device's latency too
          for (const hardware of ["pixel8-edgetpu", "pixel3-cpu-fp32"]) {
            await page.getByLabel("hardware").selectOption(hardware);
            const cliLine = unwrapped(cliOutput(["v2", "-c", "torchvision", "--hardware", hardware]))
              .split("\n")
              .find((l) => l.startsWith("roofline: "))!;
            expect(await page.locator("#roofline").textContent()).toContain(cliLine);
          }
          expect(await page.locator("#roofline").textContent()).toMatch(/ · 1\d\.\d ms · /);
          await page.getByLabel("hardware").selectOption("");
          // compare mode: the CLI's comparison, exact ratios to the first
          await page.getByLabel("model").selectOption("v2");
          await page.locator("#clear-comparison").click();
          await page.locator("#add-to-comparison").click();
          await page.getByLabel("model").selectOption("mnv4-conv-s");
          await page.getByLabel("alpha", { exact: true }).fill("0.5");
          await page.locator("#add-to-comparison").click();
          const compared = spawnSync(
            process.execPath,
            ["bin/mbn-cost.js", "compare", "v2@1", "mnv4-conv-s@0.5", "-c", "torchvision", "--exact"],
            { cwd: root, encoding: "utf8" },
          ).stdout;
          const ratio = /mnv4-conv-s@0\.5.*│ +([\d.]+) │\n/.exec(compared)![1]!;
          expect(await page.locator("#comparison").textContent()).toContain(ratio);
          await page.screenshot({ path: join(shots, `compare-${scheme}.png`), fullPage: true });
          await page.locator("#clear-comparison").click();
          await page.getByLabel("alpha", { exact: true }).fill("1");
          // your architecture: validated by the CLI's schema as you type, then counted like a built-in (torchvision still chosen)
          await page.getByLabel("model").selectOption("custom");
          const editor = page.getByLabel("your architecture");
          await editor.fill(
            '{"name":"x","input":{"resolution":32,"channels":3},"classes":10,"layers":[{"kind":"conv","kernel":3,"stride":2,"out":-4}]}',
          );
          expect(await page.locator("#error").textContent()).toBe(
            "your architecture: layers[0].out: expected a positive integer",
          );
          await editor.fill(readFileSync(join(root, "examples", "my-net.json"), "utf8"));
          expect(await totals.textContent()).toContain(
            cliTotals(["examples/my-net.json", "-c", "torchvision"]),
          );
          expect(await page.locator("#error").textContent()).toBe("");
          await page.screenshot({ path: join(shots, `custom-${scheme}.png`), fullPage: true });
          expect(problems).toEqual([]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
  );

  test.skipIf(skipReason !== undefined)(
    `your file, picked or dropped: .onnx, .tflite and .json counted in the page by the CLI's readers, no request${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      await withCalculator(async (browser, file) => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const problems = problemsOf(page);
        await page.goto(`file://${file}`);
        const totals = page.locator("#totals");
        await expect.poll(() => totals.textContent()).toContain("300,774,272 MACs");
        // the decoders stay packed until a file comes
        expect(await page.evaluate(() => "mbnDecoders" in globalThis)).toBe(false);

        const onnx = "test/fixtures/onnx/mobilenet-v2-opset17.onnx";
        await page.locator("#file").setInputFiles(join(root, onnx));
        await expect.poll(() => totals.textContent()).toContain(cliTotals([onnx]));
        expect(await page.getByLabel("model").inputValue()).toBe("file");
        expect(await page.locator("#details").textContent()).toContain("read from ONNX: pytorch");
        expect(await page.locator("#command").textContent()).toBe("mbn-cost mobilenet-v2-opset17.onnx");
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.locator("#download-csv").click(),
        ]);
        expect(readFileSync((await download.path())!, "utf8")).toBe(cliOutput([onnx, "--format", "csv"]));

        // dropped on the page: a TensorFlow Lite file, with its arena and its int8 weights as stored
        const tflite = "test/fixtures/tflite/person_detect.tflite";
        const bytes = [...readFileSync(join(root, tflite))];
        const dropped = await page.evaluateHandle((data) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(data)], "person_detect.tflite"));
          return transfer;
        }, bytes);
        await page.dispatchEvent("body", "drop", { dataTransfer: dropped });
        await expect.poll(() => totals.textContent()).toContain(cliTotals([tflite]));
        const details = await page.locator("#details").textContent();
        expect(details).toContain(
          "arena (tensor lifetimes, each tensor's own type (int8 where none is stored)): 55.30KB",
        );
        expect(details).toContain("weights as stored: 218.92KB (int8, int32)");
        await page.getByLabel("hardware").selectOption("pixel8-edgetpu");
        const cliLine = unwrapped(cliOutput([tflite, "--hardware", "pixel8-edgetpu"]))
          .split("\n")
          .find((l) => l.startsWith("roofline: "))!;
        expect(await page.locator("#roofline").textContent()).toBe(
          `on pixel8-edgetpu (ridge point 433.8 MACs/byte, the file's own types (int8 where it stores none)) — ${cliLine}`,
        );
        await page.getByLabel("hardware").selectOption("");
        await page.screenshot({ path: join(root, "test-results", "app", "file-light.png"), fullPage: true });

        // an architecture file goes to the editor and is counted like one typed there
        await page.locator("#file").setInputFiles(join(root, "examples", "my-net.json"));
        await expect.poll(() => totals.textContent()).toContain(cliTotals(["examples/my-net.json"]));
        expect(await page.getByLabel("model").inputValue()).toBe("custom");

        // a file the page cannot read: one line, the results dimmed, the link unchanged
        const before = await page.evaluate(() => location.href);
        await page
          .locator("#file")
          .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
        await expect
          .poll(() => page.locator("#error").textContent())
          .toBe(
            "notes.txt: the page reads architecture files (.json), ONNX files (.onnx) and TensorFlow Lite files (.tflite)",
          );
        expect(await page.locator("#results").getAttribute("class")).toBe("stale");
        await page.locator("#file").setInputFiles({
          name: "broken.onnx",
          mimeType: "application/octet-stream",
          buffer: Buffer.from("not onnx"),
        });
        await expect
          .poll(() => page.locator("#error").textContent())
          .toMatch(/^broken\.onnx: not a readable ONNX model \(/);
        expect(await page.evaluate(() => location.href)).toBe(before);
        expect(problems).toEqual([]);
      });
    },
  );

  test.skipIf(skipReason !== undefined)(
    `on a 390 px phone nothing overflows the viewport (wide tables and charts scroll in their own box), light and dark${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      await withCalculator(async (browser, file) => {
        const shots = join(root, "test-results", "app");
        mkdirSync(shots, { recursive: true });
        for (const scheme of ["light", "dark"] as const) {
          const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
          /** Elements reaching past the viewport's right edge, outside a box that scrolls them. */
          const overflowing = () =>
            page.evaluate(() => {
              const width = document.documentElement.clientWidth;
              const past = [...document.querySelectorAll("body *")].filter(
                (e) => e.getBoundingClientRect().right > width + 0.5 && !e.closest(".scroll, .chart"),
              );
              return {
                scrollWidth: document.documentElement.scrollWidth,
                past: past.map((e) => e.outerHTML.slice(0, 80)),
              };
            });
          await page.goto(
            `file://${file}#model=mnv4-hybrid-m&compare=v2@1,mnv4-hybrid-m@1,v3-large@0.75/192`,
          );
          await expect.poll(() => page.locator("body").getAttribute("data-idle-ms")).not.toBeNull();
          expect(await overflowing()).toEqual({ scrollWidth: 390, past: [] });
          await page.screenshot({ path: join(shots, `phone-${scheme}.png`), fullPage: true });
          await page.getByLabel("model").selectOption("custom");
          expect(await overflowing()).toEqual({ scrollWidth: 390, past: [] });
          await page.close();
        }
      });
    },
  );

  test.skipIf(skipReason !== undefined)(
    `every built-in model re-renders on a change of α, its timings printed (the table and sweep drawn when idle)${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      await withCalculator(async (browser, file) => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`file://${file}`);
        await expect.poll(() => page.locator("#totals").textContent()).toContain("MACs");
        const models = await page
          .getByLabel("model")
          .evaluate((select: HTMLSelectElement) =>
            [...select.options].map((o) => o.value).filter((v) => v !== "custom"),
          );
        const timings: string[] = [];
        for (const model of models) {
          await page.getByLabel("model").selectOption(model);
          // the median of three α changes: each a full update, then the idle part
          const runs: [number, number][] = [];
          for (const alpha of ["0.75", "0.5", "1"]) {
            await page.getByLabel("alpha", { exact: true }).fill(alpha);
            await expect.poll(() => page.locator("body").getAttribute("data-idle-ms")).not.toBeNull();
            const ms = (name: string) => page.locator("body").getAttribute(name).then(Number);
            runs.push([await ms("data-render-ms"), await ms("data-idle-ms")]);
            expect(await page.locator("#error").textContent()).toBe("");
          }
          const [render, idle] = [0, 1].map((i) => runs.map((r) => r[i]!).sort((a, b) => a - b)[1]!);
          timings.push(`${model} ${render!.toFixed(1)} + ${idle!.toFixed(1)}`);
        }
        process.stdout.write(
          `calculator, α change, ms to update + ms when idle (median of 3): ${timings.join(", ")}\n`,
        );
      });
    },
  );

  test.skipIf(skipReason !== undefined)(
    `invalid input dims every result and leaves the link at the last valid state${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      await withCalculator(async (browser, file) => {
        const page = await browser.newPage();
        // the document's own address: page.url() learns of replaceState a moment later
        const href = () => page.evaluate(() => location.href);
        await page.goto(`file://${file}`);
        await expect.poll(() => page.locator("#totals").textContent()).toContain("300,774,272 MACs");
        await page.getByLabel("alpha", { exact: true }).fill("0.5");
        const valid = await href();
        expect(valid).toContain("alpha=0.5");
        await page.getByLabel("alpha", { exact: true }).fill("abc");
        expect(await page.locator("#error").textContent()).toMatch(/^α 'abc' must be/);
        expect(await page.locator("#results").getAttribute("class")).toBe("stale");
        expect(await page.locator("#download-csv").isDisabled()).toBe(true);
        expect(await href()).toBe(valid);
        await page.getByLabel("alpha", { exact: true }).fill("0.75");
        expect(await page.locator("#results").getAttribute("class")).toBe("");
        expect(await href()).toContain("alpha=0.75");
      });
    },
  );

  test.skipIf(skipReason !== undefined)(
    `hostile links and files: the page reads them by the CLI's grammar and shows one error, never a crash or a hang${skipReason ? ` — skipped: ${skipReason}` : ""}`,
    async () => {
      await withCalculator(async (browser, file) => {
        const page = await browser.newPage();
        const crashes: string[] = [];
        page.on("pageerror", (e) => void crashes.push(String(e)));
        const open = async (hash: string) => {
          await page.goto(`file://${file}#${hash}`);
          await page.reload();
          return page.locator("#error").textContent();
        };
        expect(await open("compare=__proto__@1")).toMatch(/^unknown model '__proto__'/);
        expect(await open("compare=v2@0")).toMatch(/width multiplier '0' must be a number > 0 and ≤ 10/);
        expect(await open("resolution=1e3")).toMatch(
          /resolution '1e3' must be a positive integer from 1 to 16384/,
        );
        expect(await open("depth=0x1")).toMatch(/depth '0x1' must be a number > 0 and ≤ 10/);
        // what the CLI accepts, the page accepts: a non-square input
        expect(await open("resolution=320x240")).toBe("");
        expect(await page.locator("#totals").textContent()).toContain(cliTotals(["v2", "-r", "320x240"]));
        // a file asking for 10^9 blocks is refused at once, as the CLI refuses it
        await open("model=custom");
        await page
          .getByLabel("your architecture")
          .fill(readFileSync(join(root, "test/fixtures/configs/invalid/deep-mbconv.json"), "utf8"));
        expect(await page.locator("#error").textContent()).toMatch(/more than 100,000 layers/);
        expect(crashes).toEqual([]);
      });
    },
  );
});
