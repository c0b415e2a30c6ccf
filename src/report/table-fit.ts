/**
 * Fitting a grid into a width: text columns wrap first (down to their longest
 * word), and a grid still too wide is split into panels side by side of the
 * key column, each within the width. Nothing is dropped or truncated: a word
 * longer than its column (an ONNX node's path) breaks after a separator.
 */
import stringWidth from "string-width";
import type { Column, Grid } from "./document.js";

/** Default table width: within 100 columns, narrower on a narrower terminal. */
export const TABLE_WIDTH = 100;

/** The narrowest a wrapped text column gets: its longest word, within reason. */
const MAX_WORD_WIDTH = 30;
const PADDING = 2;

export interface FittedGrid {
  readonly grid: Grid;
  /** Column widths for cli-table3 (padding included), when some must wrap. */
  readonly widths?: readonly number[];
}

/** Columns a text takes in a terminal, as cli-table3 measures it (a CJK character takes two; ASCII one each). */
const lengthOf = (text: string): number => (/^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text));
/** The largest of the values (at least `floor`): a loop, as a spread of 100,000 rows would overflow the stack. */
const largest = (values: Iterable<number>, floor = 0): number => {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
};
/** What a wrapped line of prose continues with. */
const PROSE_INDENT = "  ";

/**
 * A line of prose within `width` columns: words moved whole to the next line, which is indented two
 * spaces; a word longer than a line (a path) stays whole on its own.
 */
export function wrapProse(text: string, width: number): string {
  if (lengthOf(text) <= width) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && lengthOf(next) > width) {
      lines.push(line);
      line = `${PROSE_INDENT}${word}`;
    } else line = next;
  }
  lines.push(line);
  return lines.join("\n");
}

const longestLine = (text: string): number => largest(text.split("\n").map(lengthOf));
const longestWord = (text: string): number => largest(text.split(/\s+/).map(lengthOf), 1);

/** Each column's width with its padding when nothing wraps: its longest line, header and footer included. */
export function naturalWidths(grid: Grid): number[] {
  const all = [...grid.rows, ...(grid.footer ?? [])];
  return grid.columns.map(
    (c, i) => largest([longestLine(c.header), ...all.map((r) => longestLine(`${r[i]!}`))]) + PADDING,
  );
}

/** A table's width: each column and its padding, and a border between and around the columns. */
const tableWidth = (widths: readonly number[]): number =>
  widths.reduce((a, w) => a + w, 0) + widths.length + 1;

const isText = (c: Column): boolean => (c.align ?? "left") === "left";

/** Shrinks the widest wrappable column, a character at a time, until the table fits or none can shrink. */
function wrapToFit(natural: readonly number[], minimum: readonly number[], width: number): number[] {
  const widths = [...natural];
  while (tableWidth(widths) > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++)
      if (widths[i]! > minimum[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]! -= 1;
  }
  return widths;
}

/** Bands of columns that stay together: a column marked keepWithPrevious joins the band before it. */
function bandsOf(columns: readonly Column[]): number[][] {
  const bands: number[][] = [];
  columns.forEach((c, i) => {
    if (i === 0) return; // the key column repeats in every panel
    if (c.keepWithPrevious && bands.length > 0) bands.at(-1)!.push(i);
    else bands.push([i]);
  });
  return bands;
}

function pick(grid: Grid, indices: readonly number[], panel: number, panels: number): Grid {
  const row = (cells: Grid["rows"][number]) => indices.map((i) => cells[i]!);
  const part = `(part ${panel + 1} of ${panels})`;
  return {
    title: grid.title ? `${grid.title} ${part}` : part,
    columns: indices.map((i) => grid.columns[i]!),
    rows: grid.rows.map(row),
    ...(grid.footer && { footer: grid.footer.map(row) }),
  };
}

/** The grid as one table within `width`, or as panels that each are. */
export function fitGrid(grid: Grid, width: number): FittedGrid[] {
  const cells = (i: number) => [...grid.rows, ...(grid.footer ?? [])].map((r) => `${r[i]!}`);
  const text = (i: number) => [grid.columns[i]!.header, ...cells(i)];
  const natural = naturalWidths(grid);
  // text wraps between words; a count never wraps, though its header may
  const narrowest = (c: Column, i: number) =>
    isText(c)
      ? Math.min(MAX_WORD_WIDTH, largest(text(i).map(longestWord)))
      : largest(cells(i).map(longestLine), longestWord(c.header));
  const minimum = grid.columns.map((c, i) => Math.min(natural[i]!, narrowest(c, i) + PADDING));
  const fitColumns = (indices: readonly number[]) =>
    wrapToFit(
      indices.map((i) => natural[i]!),
      indices.map((i) => minimum[i]!),
      width,
    );
  if (tableWidth(natural) <= width) return [{ grid }];
  const whole = fitColumns(grid.columns.map((_, i) => i));
  if (tableWidth(whole) <= width) return [{ grid, widths: whole }];
  // panels: the key column, then as many bands as fit at their narrowest
  const panels: number[][] = [];
  for (const band of bandsOf(grid.columns)) {
    const current = panels.at(-1);
    const candidate = current ? [...current, ...band] : [0, ...band];
    if (current && tableWidth(candidate.map((i) => minimum[i]!)) <= width) current.push(...band);
    else panels.push([0, ...band]);
  }
  return panels.map((indices, p) => ({
    grid: pick(grid, indices, p, panels.length),
    widths: fitColumns(indices),
  }));
}

/** Where a long word breaks, by preference: after a path separator, else after a name separator. */
const SEPARATORS = [/\//, /[._-]/];

/** Where the first line of a long word ends: after the last preferred separator within `width`, else at `width`. */
function cutAt(chars: readonly string[], width: number): number {
  for (const separator of SEPARATORS)
    for (let i = width - 1; i > 0; i--) if (separator.test(chars[i]!)) return i + 1;
  return width;
}

/** One word as lines of at most `width` characters. */
function breakWord(word: string, width: number): string[] {
  const lines: string[] = [];
  let rest = [...word];
  while (rest.length > width) {
    const cut = cutAt(rest, width);
    lines.push(rest.slice(0, cut).join(""));
    rest = rest.slice(cut);
  }
  return [...lines, rest.join("")];
}

/** A text cell with each word longer than `width` broken into lines (a table wraps the rest between words). */
export function breakLongWords(text: string, width: number): string {
  if (width < 1) return text;
  return text
    .split("\n")
    .map((line) =>
      line
        .split(" ")
        .map((word) => (lengthOf(word) > width ? breakWord(word, width).join("\n") : word))
        .join(" "),
    )
    .join("\n");
}
