import { describe, expect, test } from "vitest";
import { csvField, csvLine, renderCsv } from "../../src/report/csv.js";
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
