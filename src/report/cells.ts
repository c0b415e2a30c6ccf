import type { Cell, RenderOptions, ReportDocument } from "./document.js";
import { groupDigits, humanize } from "./numbers.js";

/** A cell for people: counts humanized (568.74M) or grouped exactly (568,740,352). */
export const displayCell = (cell: Cell, options: RenderOptions): string =>
  typeof cell === "bigint" ? (options.exact ? groupDigits(cell) : humanize(cell)) : cell;

/** The metadata lines as printed: the headline first (its counts shown as the options say), the rest, then the details if verbose. */
export const metaLines = (doc: ReportDocument, options: RenderOptions): string[] => [
  ...(doc.headline ? [doc.headline((count) => displayCell(count, options))] : []),
  ...doc.meta,
  ...(options.verbose === true ? (doc.details ?? []) : []),
];
