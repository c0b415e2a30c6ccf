/** A grouped convolution entry: a conv with `groups` required. */
import { defineBlockKind } from "./block-kind.js";
import { convBlock } from "./conv.js";

export const gconvBlock = defineBlockKind({
  kind: "gconv",
  prefix: "gconv",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({ kind: z.literal("gconv"), kernel, stride, out: count, groups: count, ...common }),
  expand(spec, state, ctx, nameBlock) {
    return convBlock.expand({ ...spec, kind: "conv" }, state, ctx, nameBlock);
  },
});
