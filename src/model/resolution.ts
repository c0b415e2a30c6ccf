/**
 * An input's spatial size and how it is written: "224" for a square input,
 * "320x240" (height x width) otherwise.
 */

/** The input's spatial size, height × width (square unless the user asked for 320x240). */
export interface Resolution {
  readonly height: number;
  readonly width: number;
}

export const squareResolution = (side: number): Resolution => ({ height: side, width: side });
export const isSquare = (r: Resolution): boolean => r.height === r.width;
export const sameResolution = (a: Resolution, b: Resolution): boolean =>
  a.height === b.height && a.width === b.width;
/** "224" for a square input, "320x240" (height x width) otherwise: as written on the command line, and in CSV and JSON. */
export const resolutionText = (r: Resolution): string =>
  isSquare(r) ? `${r.height}` : `${r.height}x${r.width}`;
/** "224×224": the input's size as shapes print. */
export const resolutionSize = (r: Resolution): string => `${r.height}×${r.width}`;
/** JSON: the side as a number when square, "320x240" otherwise. */
export const resolutionValue = (r: Resolution): number | string =>
  isSquare(r) ? r.height : resolutionText(r);
