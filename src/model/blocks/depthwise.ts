/** A depthwise convolution entry: one D_K×D_K filter per input channel. */
import { convEntryOp, defineBlockKind } from "./block-kind.js";

export const depthwiseBlock = defineBlockKind({
  kind: "dw",
  prefix: "dw",
  schema: ({ z, kernel, stride, common }) =>
    z.strictObject({ kind: z.literal("dw"), kernel, stride, ...common }),
  expand(spec, state, ctx, nameBlock) {
    const op = convEntryOp(spec, nameBlock(), ctx, {
      kind: "depthwise",
      kernel: spec.kernel,
      stride: spec.stride,
      out: state.channels,
      groups: state.channels,
    });
    return { ops: [op], state };
  },
});
