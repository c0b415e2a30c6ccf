import { describe, expect, test } from "vitest";
import { escapeXml, showControls } from "../../src/report/untrusted-text.js";

describe("escaping for XML and HTML", () => {
  test('markup characters become entities, quotes included (an attribute value stays closed): & < > "', () => {
    expect(escapeXml(`a "b" <c> & d`)).toBe("a &quot;b&quot; &lt;c&gt; &amp; d");
    expect(escapeXml("x\u001by")).toBe("x\\x1By");
    expect(showControls("a\u2028b\u061cc")).toBe("a\\u2028b\\u061Cc");
  });
});
