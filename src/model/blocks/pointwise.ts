/** A pointwise (1×1) convolution entry. */
import { scaleChannels } from "../scale.js";
import { convEntryOp, defineBlockKind } from "./block-kind.js";

export const pointwiseBlock = defineBlockKind({
  kind: "pw",
  prefix: "pw",
  schema: ({ z, count, common }) => z.strictObject({ kind: z.literal("pw"), out: count, ...common }),
  expand(spec, state, ctx, nameBlock) {
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    return {
      ops: [convEntryOp(spec, nameBlock(), ctx, { kind: "pointwise", out })],
      state: { channels: out, tableChannels: spec.out },
    };
  },
});
