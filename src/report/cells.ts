import type { Cell, RenderOptions } from "./document.js";
import { groupDigits, humanize } from "./numbers.js";

/** A cell for people: counts humanized (568.74M) or grouped exactly (568,740,352). */
export const displayCell = (cell: Cell, options: RenderOptions): string =>
  typeof cell === "bigint" ? (options.exact ? groupDigits(cell) : humanize(cell)) : cell;
