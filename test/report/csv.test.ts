import { describe, expect, test } from "vitest";
import { csvField, csvLine, renderCsv, renderJsonLines, renderTsv, tsvField } from "../../src/report/csv.js";
import type { Grid, ReportDocument } from "../../src/report/document.js";

describe("RFC 4180", () => {
  test("fields with commas or quotes are quoted; quotes doubled; CRLF line ends", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField(12345678901234567890n)).toBe("12345678901234567890");
    expect(csvLine(["a", 1n, "b,c"])).toBe('a,1,"b,c"\r\n');
  });

  test("a field with a quote and no comma is quoted too, its quote doubled", () => {
    expect(csvField('6" wide')).toBe('"6"" wide"');
  });

  test("line breaks and bidi controls in a name are shown escaped, so a field is one visible line", () => {
    expect(csvField("two\nlines")).toBe("two\\x0Alines");
    expect(csvField("cr\r\nlf")).toBe("cr\\x0D\\x0Alf");
    expect(csvField("a\u202Eb")).toBe("a\\u202Eb");
  });

  test("a text a spreadsheet would read as a formula starts with an apostrophe; numbers stay numbers", () => {
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField("@cmd")).toBe("'@cmd");
    expect(csvField("+1,000")).toBe('"+1,000"');
    expect(csvField("-12")).toBe("-12");
  });
});

describe("a document as CSV", () => {
  const grid: Grid = { columns: [{ header: "a" }, { header: "b" }], rows: [["x", 1n]] };
  const doc: ReportDocument = { title: "t", meta: [], notes: [], grids: [grid], data: null };
  test("its first grid, header first; its own CSV grid when it has one", () => {
    expect(renderCsv(doc)).toBe("a,b\r\nx,1\r\n");
    expect(renderCsv({ ...doc, csv: { columns: [{ header: "c" }], rows: [[2n]] } })).toBe("c\r\n2\r\n");
  });
  test("a document without a grid is no CSV at all: empty, not a crash", () => {
    expect(renderCsv({ ...doc, grids: [] })).toBe("");
  });
});

describe("TSV and JSON lines, CSV's twins", () => {
  test("a TSV row is one line: tabs and breaks in a name shown escaped, a quote quoted, a formula defused", () => {
    expect(tsvField("a\tb")).toBe("a\\x09b");
    expect(tsvField("two\nlines")).toBe("two\\x0Alines");
    expect(tsvField('6" wide, long')).toBe('"6"" wide, long"');
    expect(tsvField("a, b")).toBe("a, b");
    expect(tsvField("=1+1")).toBe("'=1+1");
    expect(tsvField(2n ** 64n)).toBe("18446744073709551616");
  });
  const grid: Grid = {
    columns: [{ header: "name" }, { header: "alpha" }, { header: "macs" }],
    rows: [
      ["1", "0.50", 3n],
      ["x", "1", 2n ** 60n],
    ],
  };
  const doc: ReportDocument = { title: "t", meta: [], notes: [], grids: [grid], data: null };
  test("TSV: the CSV's header and rows, tab-separated, LF line ends", () => {
    expect(renderTsv(doc)).toBe("name\talpha\tmacs\n1\t0.50\t3\nx\t1\t1152921504606846976\n");
  });
  test("JSON lines: one object per row under the CSV's names; a name stays text, decimals become numbers, a count past 2^53 a string", () => {
    expect(renderJsonLines(doc)).toBe(
      '{"name":"1","alpha":0.5,"macs":3}\n{"name":"x","alpha":1,"macs":"1152921504606846976"}\n',
    );
    expect(renderJsonLines({ ...doc, grids: [] })).toBe("");
  });
});
