import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

describe("mbn-cost report", () => {
  test("report v1 --out r.html: one self-contained file with the charts, tables and the paper comparison", async () => {
    const r = await runCli(["report", "v1", "--out", "r.html"]);
    expect(r.code).toBe(0);
    const html = r.files.get("r.html")!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<link|src="http|@import|url\(http/);
    expect(html.match(/<svg /g)).toHaveLength(3); // per layer, by type, by resolution
    expect(html).toContain("<h1>MobileNet V1 (v1) · α 1 · 224×224</h1>");
    expect(html).toContain("568.74M");
    const sortable = html.slice(html.indexOf('<table class="sortable">'));
    expect(sortable.slice(0, sortable.indexOf("</tbody>")).match(/<tr>/g)!.length).toBe(1 + 29);
    expect(html).toContain("conv share of Mult-Adds");
    expect(html).toMatch(/differs \[1\]/);
  });

  test("several specs: a comparison first, then each model", async () => {
    const r = await runCli(["report", "v1@0.5", "fd@1"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<section id="compare-resolution">');
    // the spec table (totals and ratios) appears once, in the first comparison section
    expect(r.out.match(/<th[^>]*>params ×first<\/th>/g)).toHaveLength(1);
    expect(r.out).toContain('<section id="m2-by-type">');
    expect(r.out.match(/<svg /g)).toHaveLength(2 + 3 * 2);
  });

  test("bad input", async () => {
    expect((await runCli(["report", "v9"])).code).toBe(2);
    expect((await runCli(["report", "v1", "--out", "missing/dir/r.html"])).err).toMatch(
      /folder 'missing\/dir' does not exist/,
    );
  });
});

describe("mbn-cost report of your own file", () => {
  test('is titled by the model\'s "name", never by the local path', async () => {
    const r = await runCli(["report", "examples/my-net.json@0.5"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("<title>My net · α 0.5 · 224×224</title>");
    expect(r.out).not.toContain("examples/my-net");
  });
});
