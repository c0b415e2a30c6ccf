import { describe, expect, test } from "vitest";
import { csvField, csvLine } from "../../src/report/csv.js";

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
