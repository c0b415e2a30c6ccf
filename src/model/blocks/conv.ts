/** A standard convolution entry (grouped when `groups` > 1). */
import { scaleChannels } from "../scale.js";
import { convEntryOp, defineBlockKind } from "./block-kind.js";

export const convBlock = defineBlockKind({
  kind: "conv",
  prefix: "conv",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({
      kind: z.literal("conv"),
      kernel,
      stride,
      out: count,
      groups: count.optional(),
      ...common,
    }),
  expand(spec, state, ctx, nameBlock) {
    const block = nameBlock();
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    const groups = spec.groups ?? 1;
    const op = convEntryOp(spec, block, ctx, {
      kind: groups > 1 ? "gconv" : "conv",
      kernel: spec.kernel,
      stride: spec.stride,
      out,
      groups,
    });
    return { ops: [op], state: { channels: out, tableChannels: spec.out } };
  },
});
