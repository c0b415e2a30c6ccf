import { describe, expect, test } from "vitest";
import {
  escapeMarkdown,
  escapeXml,
  neutralizeFormula,
  showControls,
  showControlsInLines,
} from "../../src/report/untrusted-text.js";

describe("escaping for XML and HTML", () => {
  test('markup characters become entities, quotes included (an attribute value stays closed): & < > "', () => {
    expect(escapeXml(`a "b" <c> & d`)).toBe("a &quot;b&quot; &lt;c&gt; &amp; d");
    expect(escapeXml("x\u001by")).toBe("x\\x1By");
    expect(showControls("a\u2028b\u061cc")).toBe("a\\u2028b\\u061Cc");
  });
});

describe("the other escapes", () => {
  test("a control at 0xFF's edge: DEL and the C1 range as \\xNN, the rest as \\uNNNN", () => {
    expect(showControls("\u007f\u009f\u200e")).toBe("\\x7F\\x9F\\u200E");
  });
  test("our own lines keep their breaks; the user text in them shows its controls", () => {
    expect(showControlsInLines("wrote a\u001bb\nnext\r\n")).toBe("wrote a\\x1Bb\nnext\\x0D\n");
  });
  test("CSV: a cell a spreadsheet reads as a formula gets an apostrophe; plain signed numbers do not", () => {
    expect(["=1+1", "+cmd", "-x", "@sum", "\tx", "\rx"].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+cmd",
      "'-x",
      "'@sum",
      "'\tx",
      "'\rx",
    ]);
    expect(["-12", "+1,000", "3.5", "12", "a=b", "x-1"].map(neutralizeFormula)).toEqual([
      "-12",
      "+1,000",
      "3.5",
      "12",
      "a=b",
      "x-1",
    ]);
    expect(neutralizeFormula("-12abc")).toBe("'-12abc");
    expect(neutralizeFormula("12-")).toBe("12-");
  });
  test("Markdown: its markup characters escaped, HTML characters as entities", () => {
    expect(escapeMarkdown("a|b *c* _d_ `e` [f] \\ <g> & h")).toBe(
      "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\] \\\\ &lt;g&gt; &amp; h",
    );
  });
});
