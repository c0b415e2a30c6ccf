import { describe, expect, test } from "vitest";
import { csvField, csvLine } from "../../src/report/csv.js";

describe("RFC 4180", () => {
  test("fields with commas, quotes or line breaks are quoted; quotes doubled; CRLF line ends", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(12345678901234567890n)).toBe("12345678901234567890");
    expect(csvLine(["a", 1n, "b,c"])).toBe('a,1,"b,c"\r\n');
  });
});
