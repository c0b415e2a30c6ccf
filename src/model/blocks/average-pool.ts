/** An average pooling entry: global, or windows of `kernel` with stride = window. */
import { defineBlockKind, poolOp } from "./block-kind.js";

export const avgpoolBlock = defineBlockKind({
  kind: "avgpool",
  prefix: "pool",
  schema: ({ z, count, common }) =>
    z.strictObject({
      kind: z.literal("avgpool"),
      kernel: count.optional().describe("window side with stride = window (default: global pooling)"),
      functional: z
        .union([z.boolean(), z.literal("mean")])
        .optional()
        .describe(
          "the reference implementation pools with a function call, not a module (module-hook counters such as thop do not see it); 'mean': with x.mean([2, 3]), which no peer counter counts",
        ),
      ...common,
    }),
  expand(spec, state, _ctx, nameBlock) {
    const block = nameBlock();
    const op = poolOp({
      name: spec.name ?? block,
      block,
      kernel: spec.kernel ?? 0,
      stride: spec.kernel ?? 1,
    });
    return { ops: [spec.functional ? { ...op, functional: spec.functional } : op], state };
  },
});
