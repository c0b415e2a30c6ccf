/** A fully connected entry; `"out": "classes"` is the classifier, left out when there are 0 classes (timm's num_classes=0). */
import { scaleChannels } from "../scale.js";
import { defineBlockKind, fcOp } from "./block-kind.js";

export const fcBlock = defineBlockKind({
  kind: "fc",
  prefix: "fc",
  schema: ({ z, count, common }) =>
    z.strictObject({
      kind: z.literal("fc"),
      out: z.union([count, z.literal("classes")]).describe("outputs, or 'classes' for the classifier"),
      ...common,
    }),
  expand(spec, state, ctx, nameBlock) {
    if (spec.out === "classes" && ctx.classes === 0) return { ops: [], state };
    const block = nameBlock();
    const out =
      spec.out === "classes" ? ctx.classes : scaleChannels(spec.out, spec.width, ctx, state.channels);
    const op = fcOp({
      name: spec.name ?? block,
      block,
      out,
      bias: spec.bias ?? true,
      bn: spec.bn ?? false,
      act: spec.act ?? "none",
    });
    return { ops: [op], state: { channels: out, tableChannels: spec.out === "classes" ? out : spec.out } };
  },
});
