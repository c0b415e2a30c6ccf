import { add } from "../algebra/expr.js";
import { depthwise } from "./depthwise.js";
import { pointwise } from "./pointwise.js";

/**
 * Depthwise separable convolution = depthwise D_K×D_K + pointwise 1×1
 * (Howard et al. 2017, Section 3.1): its formulas are the sums of its parts'.
 */
export const depthwiseSeparable = {
  title: "depthwise separable convolution",
  params: add(depthwise.params, pointwise.params),
  macs: add(depthwise.macs, pointwise.macs),
  bias: add(depthwise.bias, pointwise.bias),
  bn: add(depthwise.bn, pointwise.bn),
};
