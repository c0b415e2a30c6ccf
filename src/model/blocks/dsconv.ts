/** Depthwise separable convolution: depthwise D_K×D_K, then pointwise 1×1 (Howard et al. 2017). */
import { scaleChannels } from "../scale.js";
import { convOp, defineBlockKind } from "./block-kind.js";

export const dsconvBlock = defineBlockKind({
  kind: "dsconv",
  prefix: "ds",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({
      kind: z.literal("dsconv"),
      kernel: kernel.optional().describe("depthwise kernel side (default 3)"),
      stride,
      out: count,
      ...common,
    }),
  expand(spec, state, ctx, nameBlock) {
    const block = spec.name ?? nameBlock();
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    const act = spec.act ?? ctx.activation;
    const bn = spec.bn ?? true;
    const bias = spec.bias ?? false;
    const ops = [
      convOp({
        kind: "depthwise",
        name: `${block}/dw`,
        block,
        kernel: spec.kernel ?? 3,
        stride: spec.stride,
        out: state.channels,
        groups: state.channels,
        bias,
        bn,
        act,
      }),
      convOp({ kind: "pointwise", name: `${block}/pw`, block, out, bias, bn, act }),
    ];
    return { ops, state: { channels: out, tableChannels: spec.out } };
  },
});
