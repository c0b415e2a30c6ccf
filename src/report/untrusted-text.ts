/**
 * Text from users' files (model, block and layer names, sources, notes) is
 * data. Each text format makes it inert in its own way: terminal tables show
 * control characters as visible escapes, CSV keeps a spreadsheet from reading
 * a cell as a formula, Markdown shows markup characters as themselves. (JSON
 * escapes controls itself.)
 */

/** C0 and C1 control characters and DEL: ESC sequences would recolour or move the terminal. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const visible = (c: string) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/** "\x1B[31m" for ESC [ 3 1 m: visible, never interpreted. */
export const showControls = (text: string, { keepLineBreaks = false } = {}): string =>
  text.replace(keepLineBreaks ? CONTROLS_BUT_LINE_BREAKS : CONTROLS, visible);

/** Text in XML or HTML (SVG, the HTML report, JUnit): markup characters as entities, controls (invalid in XML 1.0) visible. */
export const escapeXml = (text: string): string =>
  showControls(text, { keepLineBreaks: true })
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
