import { num, pow, sym } from "../algebra/expr.js";

export const D_K = sym("D_K");
export const M = sym("M");
export const N = sym("N");
export const D_H = sym("D_H");
export const D_W = sym("D_W");
export const G = sym("G");
export const D_Hin = sym("D_Hin");
export const D_Win = sym("D_Win");
export const D_K2 = pow(D_K, 2);
/** Bytes per weight and per activation element (the roofline's). */
export const w = sym("w");
export const a = sym("a");
/** Inverted bottlenecks: expanded channels, UIB's start and middle depthwise kernels. */
export const E = sym("E");
export const K_1 = sym("K_1");
export const K_2 = sym("K_2");
/** Attention: heads, key (= value) dimension, and the key/value map's sides. */
export const h = sym("h");
export const d = sym("d");
export const D_Hkv = sym("D_Hkv");
export const D_Wkv = sym("D_Wkv");
export const ZERO = num(0);
