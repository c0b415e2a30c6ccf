/**
 * Names from a user's file are data in every format: never a live spreadsheet
 * formula, never a terminal control sequence, never Markdown or HTML markup.
 * The fixture's names are a formula, an OSC/CSI escape sequence, an <img> tag
 * and Markdown link syntax.
 */
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const MODEL = "test/fixtures/configs/valid/hostile-names.json";
const run = async (...args: string[]) => {
  const r = await runCli([MODEL, ...args]);
  expect(r.code, r.err).toBe(0);
  return r.out;
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/; // any control but tab, LF and CR

describe("names from user files are data", () => {
  test("table: control characters shown as \\xNN, none reaches the terminal", async () => {
    const out = await run();
    expect(out).not.toMatch(CONTROL);
    expect(out).toContain("\\x1B]0;pwned\\x07\\x1B[2J/dw");
    expect(out).toContain("Evil \\x1B[31mred\\x1B[0m");
  });

  test("CSV: formula-like cells start with an apostrophe (OWASP), controls escaped, numbers untouched", async () => {
    const out = await run("--format", "csv");
    const rows = out
      .trim()
      .split("\r\n")
      .map((l) => l.split(","));
    expect(rows[1]![1]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[6]![1]).toBe("'@SUM(1+1)");
    expect(rows[1]![12]).toBe("110592");
    expect(out).not.toMatch(CONTROL);
  });

  test("Markdown: markup characters and HTML escaped in the heading and the cells", async () => {
    const out = await run("--format", "markdown");
    expect(out).toMatch(
      /^## Evil \\\\x1B\\\[31mred\\\\x1B\\\[0m # &lt;script&gt;alert\(1\)&lt;\/script&gt; \\\*net\\\*/,
    );
    expect(out).toContain("&lt;img src=x onerror=alert(1)&gt;\\|\\[link\\](http://x)");
    expect(out).not.toContain("<script>");
    expect(out).not.toMatch(CONTROL);
  });

  test("JSON: names kept exactly, controls escaped by JSON itself", async () => {
    const out = await run("--format", "json");
    expect(out).not.toMatch(CONTROL);
    expect(JSON.parse(out).layers[0].name).toBe("=cmd|' /C calc'!A0");
  });

  test("SVG and HTML: no live markup", async () => {
    const svg = await run("--format", "svg");
    expect(svg).not.toContain("<script>");
    expect(svg).not.toContain("<img");
    const html = (await runCli(["report", MODEL])).out;
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(CONTROL);
  });
});
