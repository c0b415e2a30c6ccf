/**
 * Squeeze-and-excite (Hu et al.; MobileNetV3 Section 5.3): global pool, FC to
 * make_divisible(C / reduction, 8) with ReLU, FC back to C with hard-sigmoid,
 * then scale the input channel-wise. Both FCs have biases (1×1 convs in
 * TF-slim and torchvision).
 */
import type { Activation, OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible } from "../scale.js";
import { defineBlockKind, fcOp, mergeOp, poolOp } from "./block-kind.js";

/** A squeeze-excite's squeeze width, its activation and its gate (EfficientNet's: from the block's input, SiLU then sigmoid). */
export interface SqueezeExciteShape {
  readonly squeeze: number;
  readonly act: Activation;
  readonly gate: "hsigmoid" | "sigmoid";
  /** Its pool is x.mean((2, 3)) (timm's), which no peer counter counts. */
  readonly mean?: boolean;
}

export function squeezeExciteOps(
  block: string,
  channels: number,
  reduction = 4,
  divisor = 8,
  shape: SqueezeExciteShape = {
    squeeze: makeDivisible(channels / reduction, divisor),
    act: "relu",
    gate: "hsigmoid",
  },
): OpSpec[] {
  const { squeeze } = shape;
  const saved = `${block}/se:in`;
  const gate = `${block}/se:gate`;
  return [
    poolOp({
      name: `${block}/se/pool`,
      block,
      type: "se",
      saveInputAs: saved,
      ...(shape.mean && { functional: "mean" as const }),
    }),
    fcOp({
      name: `${block}/se/fc1`,
      block,
      type: "se",
      out: squeeze,
      bias: true,
      act: shape.act,
    }),
    fcOp({
      name: `${block}/se/fc2`,
      block,
      type: "se",
      out: channels,
      bias: true,
      act: shape.gate,
      saveOutputAs: gate,
    }),
    mergeOp({ kind: "scale", name: `${block}/se/scale`, block, type: "se", inputFrom: saved, reads: gate }),
  ];
}

export const squeezeExciteBlock = defineBlockKind({
  kind: "se",
  prefix: "se",
  schema: ({ z, count, common }) =>
    z.strictObject({
      kind: z.literal("se"),
      reduction: count
        .optional()
        .describe("squeeze = make_divisible(channels / reduction, divisor) (default 4)"),
      divisor: count.optional().describe("default 8"),
      ...common,
    }),
  expand(spec, state, _ctx, nameBlock) {
    const block = spec.name ?? nameBlock();
    return { ops: squeezeExciteOps(block, state.channels, spec.reduction, spec.divisor), state };
  },
});
