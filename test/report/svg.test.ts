/** SVG output is well-formed XML (parsed) with the expected bars and lines, and self-contained. */
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, test } from "vitest";
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
import { BLOCK_LABEL_GAP } from "../../src/report/svg/render.js";
import { runCli } from "../helpers/io.js";

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => void (level !== "warning" && errors.push(message)),
  }).parseFromString(svg, "image/svg+xml");
  expect(errors).toEqual([]);
  expect(doc.documentElement?.nodeName).toBe("svg");
  return doc;
}
const byClass = (doc: ReturnType<typeof parse>, tag: string, cls: string) =>
  Array.from(doc.getElementsByTagName(tag)).filter((e) => e.getAttribute("class") === cls);
const svgOf = async (argv: string[]) => {
  const r = await runCli([...argv, "--format", "svg"]);
  expect(r.code, r.err).toBe(0);
  return r.out;
};

describe("--format svg", () => {
  test("per-layer bars for V1: one bar per layer with MACs (28 of 29: the pool has none), coloured by type with a legend, axis in MACs", async () => {
    const svg = await svgOf(["v1"]);
    const doc = parse(svg);
    expect(byClass(doc, "rect", "bar")).toHaveLength(28);
    expect(svg).toContain(">layer 29</text>");
    for (const type of ["pointwise", "depthwise", "conv", "fc"]) expect(svg).toContain(`>${type}</text>`);
    expect(svg).toContain(">MACs</text>");
    // light text colours on a painted background, never switched by the viewer's scheme (it vanished on white slides)
    expect(svg).not.toMatch(/prefers-color-scheme/);
    expect(svg).toContain(".bg { fill: #ffffff; }");
    expect(byClass(doc, "rect", "bg")).toHaveLength(1);
    expect(svg).not.toMatch(/href=|@import|url\(/);
  });

  test("--by type: one bar per type with its percentage", async () => {
    const svg = await svgOf(["v1", "--by", "type"]);
    expect(byClass(parse(svg), "rect", "bar")).toHaveLength(4);
    expect(svg).toContain("539.49M · 94.86%");
    expect(svg).toContain("10.84M · 1.91%");
  });

  test("--by resolution: one bar per output side, stacked by op type", async () => {
    const doc = parse(await svgOf(["v1", "--alpha", "0.5", "--by", "resolution"]));
    const labels = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent);
    for (const side of ["112×112", "56×56", "28×28", "14×14", "7×7", "1×1"]) expect(labels).toContain(side);
    // 112: conv + depthwise + pointwise; 56, 28, 14, 7: depthwise + pointwise; 1: fc
    expect(byClass(doc, "rect", "bar")).toHaveLength(3 + 4 * 2 + 1);
  });

  test("compare --by resolution: side-by-side bars, 6 sides × 2 models", async () => {
    const svg = await svgOf(["compare", "v1@0.5", "fd@1", "--by", "resolution"]);
    expect(byClass(parse(svg), "rect", "bar")).toHaveLength(12);
    expect(svg).toContain(">fd@1</text>");
  });

  test("sweep: MACs against α, one line per resolution, and the budget line", async () => {
    const svg = await svgOf([
      "sweep",
      "v2",
      "--alpha",
      "0.25:1.4:0.05",
      "--resolution",
      "128,160,192,224",
      "--budget",
      "300M",
    ]);
    const doc = parse(svg);
    expect(byClass(doc, "path", "line")).toHaveLength(4);
    expect(byClass(doc, "line", "budget")).toHaveLength(1);
    expect(svg).toContain("budget 300.00M");
  });

  test("the axis always covers the tallest bar", async () => {
    const svg = await svgOf(["compare", "v1@0.5", "fd@1", "--by", "resolution"]);
    const ys = byClass(parse(svg), "rect", "bar").map((r) => Number(r.getAttribute("y")));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(44);
  });

  test("reports without a chart refuse svg; --out x.svg picks svg", async () => {
    const r = await runCli(["paper", "v1", "--format", "svg"]);
    expect(r.code).toBe(2);
    const out = await runCli(["v1", "--out", "chart.svg"]);
    expect(out.files.get("chart.svg")).toMatch(/^<svg /);
  });
});

describe("axes at round values", () => {
  test("x ticks are multiples of a 1-2-5 step inside the range; one α gives one tick", async () => {
    const { ticksWithin } = await import("../../src/report/svg/render.js");
    expect(ticksWithin(0.25, 1.4)).toEqual([0.4, 0.6, 0.8, 1, 1.2, 1.4]);
    expect(ticksWithin(32, 512)).toEqual([100, 200, 300, 400, 500]);
    expect(ticksWithin(0.5, 0.5)).toEqual([0.5]);
  });

  test("the sweep chart's α axis is labelled at round values, not at the ends and the middle", async () => {
    const svg = await svgOf(["sweep", "v2", "--alpha", "0.25:1.4:0.05", "--resolution", "128,224"]);
    const labels = [...svg.matchAll(/text-anchor="middle">([0-9.]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(["0.4", "0.6", "0.8", "1", "1.2", "1.4"]);
  });

  test("per-layer charts mark where each block starts, with its name", async () => {
    const doc = parse(await svgOf(["v2"]));
    const marks = byClass(doc, "text", "s blk").map((e) => e.textContent);
    expect(marks[0]).toBe("conv_1");
    expect(marks).toContain("ir_17");
    expect(new Set(marks).size).toBe(marks.length); // one mark per block
  });

  test.each(BUILTIN_MODELS.map((m) => m.id))(
    "%s: no block label covers another, the layer numbers sit below them, all inside the chart",
    async (model) => {
      const doc = parse(await svgOf([model]));
      const width = Number(doc.documentElement!.getAttribute("width"));
      const labels = byClass(doc, "text", "s blk").map((e) => ({
        x: Number(e.getAttribute("x")),
        y: Number(e.getAttribute("y")),
        chars: [...(e.textContent ?? "")].length,
      }));
      const ticks = byClass(doc, "line", "a").length - 1; // the axis and one tick per block
      expect(labels.length).toBeGreaterThan(0);
      expect(labels.length).toBeLessThanOrEqual(ticks);
      for (const [a, b] of labels.slice(1).map((l, i) => [labels[i]!, l] as const))
        expect(b.x - a.x, `${model}: labels at ${a.x} and ${b.x}`).toBeGreaterThanOrEqual(BLOCK_LABEL_GAP);
      // a label turned 60° reaches chars · 5.5 px along its line: down by sin 60°, right by cos 60°
      const numbers = Array.from(doc.getElementsByTagName("text")).filter((t) =>
        /^layer \d+$/.test(t.textContent ?? ""),
      );
      for (const l of labels) {
        expect(l.x + l.chars * 5.5 * 0.5).toBeLessThanOrEqual(width);
        for (const t of numbers)
          expect(Number(t.getAttribute("y"))).toBeGreaterThan(l.y + l.chars * 5.5 * 0.866);
      }
    },
  );
});

describe("charts you can paste", () => {
  const fills = (svg: string, cls: string) =>
    byClass(parse(svg), "rect", cls).map((r) => r.getAttribute("fill"));

  test("--by block and --by layer colour bars by op type, with a type legend, not by row", async () => {
    const block = await svgOf(["v2", "--by", "block"]);
    // ir_2 is pointwise then depthwise then pointwise: stacked in those colours
    expect(block).toMatch(/<title>ir_2, pointwise: [^<]+<\/title>/);
    expect(block).toMatch(/<title>ir_2, depthwise: [^<]+<\/title>/);
    expect(new Set(fills(block, "bar"))).toEqual(new Set(["#3aa55d", "#2f7fd8", "#e8912d", "#c9453a"]));
    for (const type of ["conv", "pointwise", "depthwise", "fc"]) expect(block).toContain(`>${type}</text>`);
    const layer = await svgOf(["v2", "--by", "layer"]);
    const depthwise = byClass(parse(layer), "rect", "bar").filter((r) =>
      r.getElementsByTagName("title")[0]?.textContent?.includes("/dw"),
    );
    expect(new Set(depthwise.map((r) => r.getAttribute("fill")))).toEqual(new Set(["#e8912d"]));
  });

  test("--theme dark paints a dark background with light text; auto follows the viewer's scheme", async () => {
    const dark = await svgOf(["v2", "--theme", "dark"]);
    expect(dark).toContain(".bg { fill: #0d1117; }");
    expect(dark).toContain(".t, .h { fill: #e6edf3; }");
    expect(dark).not.toMatch(/prefers-color-scheme/);
    const auto = await svgOf(["v2", "--theme", "auto"]);
    expect(auto).toMatch(
      /\.bg \{ fill: #ffffff; \}[\s\S]*@media \(prefers-color-scheme: dark\) \{[^}]*\.bg \{ fill: #0d1117; \}/,
    );
    expect((await runCli(["v2", "--format", "svg", "--theme", "neon"])).err).toMatch(
      /'neon' is invalid\. Allowed choices are light, dark, auto/,
    );
  });

  test("a sweep of one α draws against the resolution, with a marker per point", async () => {
    const svg = await svgOf(["sweep", "v2", "--alpha", "0.5", "--resolution", "96:512:16"]);
    expect(svg).toContain("MACs against input resolution, α 0.5");
    expect(byClass(parse(svg), "circle", "point")).toHaveLength(27);
  });

  test("dozens of resolutions: every series in the legend, within the chart, each in its own colour", async () => {
    const svg = await svgOf([
      "sweep",
      "v2",
      "--alpha",
      "0.5:1.4:0.1",
      "--resolution",
      "96:512:16",
      "--budget",
      "300M",
    ]);
    const doc = parse(svg);
    const root = doc.documentElement!;
    const [width, height] = [Number(root.getAttribute("width")), Number(root.getAttribute("height"))];
    const lines = byClass(doc, "path", "line");
    expect(lines).toHaveLength(27);
    expect(new Set(lines.map((l) => l.getAttribute("stroke"))).size).toBe(27);
    const legendTexts = Array.from(doc.getElementsByTagName("text")).filter((t) =>
      /^\d+×\d+$/.test(t.textContent ?? ""),
    );
    expect(legendTexts).toHaveLength(27);
    for (const t of legendTexts) {
      expect(Number(t.getAttribute("x"))).toBeLessThan(width);
      expect(Number(t.getAttribute("y"))).toBeLessThan(height);
    }
    // the budget line is in no series' colour: the theme's text colour, dashed
    const budget = byClass(doc, "line", "budget")[0]!;
    expect(budget.getAttribute("stroke")).toBeNull();
    expect(svg).toContain(".budget { stroke: #1f2328; }");
    expect(lines.map((l) => l.getAttribute("stroke"))).not.toContain("#1f2328");
  });
});
