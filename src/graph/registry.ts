/** The tensor-graph engine's op kinds: one file each under graph/kinds, one line here. */
import { broadcast } from "./kinds/broadcast.js";
import { concat } from "./kinds/concat.js";
import { constant } from "./kinds/constant.js";
import { declared } from "./kinds/declared.js";
import { conv } from "./kinds/conv.js";
import { convTranspose } from "./kinds/conv-transpose.js";
import { depthToSpace } from "./kinds/depth-to-space.js";
import { einsum } from "./kinds/einsum.js";
import { expand } from "./kinds/expand.js";
import { gather } from "./kinds/gather.js";
import { gemm } from "./kinds/gemm.js";
import { lstm } from "./kinds/lstm.js";
import { matmul } from "./kinds/matmul.js";
import { norm } from "./kinds/norm.js";
import { pad } from "./kinds/pad.js";
import { pool } from "./kinds/pool.js";
import { range } from "./kinds/range.js";
import { reduce } from "./kinds/reduce.js";
import { reshape } from "./kinds/reshape.js";
import { resize } from "./kinds/resize.js";
import { shapeOf } from "./kinds/shape-of.js";
import { slice } from "./kinds/slice.js";
import { softmax } from "./kinds/softmax.js";
import { split } from "./kinds/split.js";
import { svdf } from "./kinds/svdf.js";
import { transpose } from "./kinds/transpose.js";
import { unary } from "./kinds/unary.js";
import type { OpKind } from "./op-kind.js";

export const opKinds = {
  lstm,
  svdf,
  conv,
  "conv-transpose": convTranspose,
  pool,
  gemm,
  matmul,
  unary,
  broadcast,
  norm,
  softmax,
  reduce,
  reshape,
  transpose,
  concat,
  split,
  slice,
  pad,
  resize,
  gather,
  shape: shapeOf,
  constant,
  expand,
  range,
  einsum,
  "depth-to-space": depthToSpace,
  declared,
};

export type OpKindName = keyof typeof opKinds;

/** The attributes a kind takes. */
export type AttrsOf<K extends OpKindName> = (typeof opKinds)[K] extends OpKind<infer A> ? A : never;
