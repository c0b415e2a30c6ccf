/**
 * Fused inverted bottleneck (MobileNetV4's FusedIB, EfficientNetV2's
 * Fused-MBConv): a k×k conv to the expanded width make_divisible(in·e, 8) at
 * stride s, then a linear 1×1 projection; one k×k conv in → out when the
 * expansion leaves the width unchanged (torchvision efficientnet.py
 * FusedMBConv; timm EdgeResidual). Residual when stride 1 and in = out.
 * With `n`, a stage of ⌈n·d⌉ blocks, the first at stride s (EfficientNetV2).
 */
import type { Activation, OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible, scaleChannels } from "../scale.js";
import {
  ANTI_ALIASING,
  type AntiAliasing,
  antiAliased,
  convOp,
  defineBlockKind,
  stageRepeats,
  withResidual,
} from "./block-kind.js";

interface FusedShape {
  readonly input: number;
  readonly out: number;
  readonly stride: number;
  readonly kernel: number;
  readonly e: number;
  readonly act: Activation;
  /** Keep the 1×1 projection when the expansion leaves the width unchanged (timm's EdgeResidual). */
  readonly alwaysProject: boolean;
  readonly residual: boolean;
  /** timm's aa_layer: the k×k conv at stride 1, then the pool at the stride. */
  readonly aa?: AntiAliasing | undefined;
}

function fusedBlock(block: string, shape: FusedShape): OpSpec[] {
  const { input, out, stride, kernel, e, act } = shape;
  const expanded = makeDivisible(input * e, 8);
  const fused = { kind: "conv", block, kernel, stride, act } as const;
  const ops: OpSpec[] =
    expanded === input && !shape.alwaysProject
      ? antiAliased(convOp({ ...fused, name: `${block}/conv`, out }), shape.aa)
      : [
          ...antiAliased(convOp({ ...fused, name: `${block}/expand`, out: expanded }), shape.aa),
          convOp({ kind: "pointwise", name: `${block}/project`, block, out, act: "none" }),
        ];
  return stride === 1 && input === out && shape.residual ? withResidual(ops, block) : ops;
}

export const fusedIbBlock = defineBlockKind({
  kind: "fused_ib",
  prefix: "fused_ib",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({
      kind: z.literal("fused_ib"),
      kernel,
      stride,
      out: count.describe("output channels"),
      e: z.number().positive().describe("expansion ratio: expanded = make_divisible(in·e, 8)"),
      n: count.optional().describe("blocks in the stage (⌈n·d⌉ under a depth multiplier; default 1)"),
      project: z
        .enum(["auto", "always"])
        .optional()
        .describe(
          "'auto' (default): one k×k conv in → out when the expansion leaves the width unchanged (torchvision's FusedMBConv); 'always': the k×k conv and the 1×1 projection (timm's EdgeResidual)",
        ),
      residual: z
        .boolean()
        .optional()
        .describe("false: no residual add even at stride 1 and in = out (timm's noskip; default true)"),
      aa: z
        .enum(ANTI_ALIASING)
        .optional()
        .describe(
          "timm's aa_layer: the strided k×k conv at stride 1, then a 2×2 average pool ('avg') or a 3×3 blur pool ('blur') at the stride",
        ),
      ...common,
    }),
  blocks: (spec, ctx) => (spec.n === undefined ? 1 : stageRepeats(spec.n, ctx)),
  expand(spec, state, ctx, nameBlock) {
    const ops: OpSpec[] = [];
    let input = state.channels;
    const out = scaleChannels(spec.out, spec.width, ctx, input);
    const blocks = spec.n === undefined ? 1 : stageRepeats(spec.n, ctx);
    const act = spec.act ?? ctx.activation;
    for (let i = 0; i < blocks; i++) {
      const block = (blocks === 1 && spec.name) || nameBlock();
      const stride = i === 0 ? spec.stride : 1;
      const shape = { input, out, stride, kernel: spec.kernel, e: spec.e, act };
      const options = {
        alwaysProject: spec.project === "always",
        residual: spec.residual !== false,
        aa: spec.aa,
      };
      ops.push(...fusedBlock(block, { ...shape, ...options }));
      input = out;
    }
    return { ops, state: { channels: out, tableChannels: spec.out } };
  },
});
