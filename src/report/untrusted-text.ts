/**
 * Text from users' files (model, block and layer names, sources, notes) is
 * data. Each text format makes it inert in its own way: terminal tables show
 * control characters as visible escapes, CSV keeps a spreadsheet from reading
 * a cell as a formula, Markdown shows markup characters as themselves. (JSON
 * escapes controls itself.)
 */

/**
 * C0 and C1 control characters and DEL (ESC sequences would recolour or move the terminal, CR and LF
 * would start a line that looks like the tool's own), and the Unicode bidirectional controls and line
 * separators (U+202E would show a name's characters reversed: "Trojan Source", CVE-2021-42574).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const visible = (c: string) => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
};

/** "\x1B[31m" for ESC [ 3 1 m, "\u202E" for RIGHT-TO-LEFT OVERRIDE: visible, never interpreted. */
export const showControls = (text: string): string => text.replace(UNSAFE, visible);

/** Our own lines (each ending in a line break) with the user text in them made visible: the breaks are kept. */
export const showControlsInLines = (text: string): string => text.split("\n").map(showControls).join("\n");

/** Text in XML or HTML (SVG, the HTML report, JUnit): markup characters as entities, controls (invalid in XML 1.0) visible. */
export const escapeXml = (text: string): string =>
  showControls(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/**
 * OWASP's advice against CSV injection: a cell a spreadsheet would read as a formula
 * (starting with = + - @, tab or carriage return) gets a leading apostrophe. Plain
 * numbers ("-12", "+1,000") are left as they are.
 */
export function neutralizeFormula(text: string): string {
  if (/^[-+]?[\d.,]+$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Markdown (and the HTML it may contain) shown as written: markup characters escaped. */
export const escapeMarkdown = (text: string): string =>
  showControls(text)
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
