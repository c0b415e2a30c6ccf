/**
 * The symbols of the engine's cost formulas. A convolution's are the paper's, generalised
 * (Howard et al. 2017, Section 3.1: D_K·D_K·M·N·D_F·D_F): B images, N output and M input channels in G
 * groups, a K_H×K_W kernel, an H_out×W_out output (a 1-d convolution has K_H = H_out = 1; a 3-d one
 * folds its depth into K_H and H_out).
 */
import { sym } from "../algebra/expr.js";

export const B = sym("B");
export const N = sym("N");
export const M = sym("M");
export const G = sym("G");
export const K_H = sym("K_H");
export const K_W = sym("K_W");
export const H_out = sym("H_out");
export const W_out = sym("W_out");
/** A matrix product's rows, inner (summed) size and columns, and its batch: P·R·I·C. */
export const P = sym("P");
export const R = sym("R");
export const I = sym("I");
export const C = sym("C");
/** An Einsum: the product of every letter's size and the broadcast axes (each output element sums the rest). */
export const E = sym("E");
/** A transposed convolution's input height and width (each input element is spread over a kernel window). */
export const H_in = sym("H_in");
export const W_in = sym("W_in");
/** A recurrent op's positions (time steps × batch, or the batch) and the weights each multiplies. */
export const S = sym("S");
export const V = sym("V");
