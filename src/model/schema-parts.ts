/**
 * The pieces every architecture entry's schema is built from: counts,
 * kernel and stride, width policies and the fields all entries share. A
 * function of zod, so that block kinds can declare their schemas beside their
 * expansions without loading zod (it is loaded only to validate user files).
 */
import type * as Z from "zod";
import { ACTIVATIONS } from "../layers/define-layer-kind.js";

export const RULES = ["tf-slim", "torchvision", "timm"] as const;
export type Rules = (typeof RULES)[number];

/** The norm a model puts after its convs: BatchNorm, or RMSNorm (MobileNetV5). */
export const NORMS = ["batch", "rms"] as const;

export const WIDTH_RULES = ["floor-min8", "floor", "make-divisible-8"] as const;
export type WidthRule = (typeof WIDTH_RULES)[number];

const POSITIVE = "expected a positive integer";

export function schemaParts(z: typeof Z) {
  const count = z.int({ error: POSITIVE }).positive({ error: POSITIVE });
  const widthPolicy = z
    .union([
      z.enum(["scale", "fixed", "keep-below-1"]),
      z
        .strictObject({ input_times: count })
        .describe(
          "output channels = this factor × the actual input channels (torchvision's V3 last conv: 6)",
        ),
    ])
    .describe(
      "how the width multiplier α applies: 'scale' (default) rounds c·α by the model's width rule; 'fixed' keeps c; 'keep-below-1' keeps c when α < 1 and scales when α > 1 (V2's 1280 head)",
    );
  const width = z.union([
    widthPolicy,
    z
      .strictObject({ "tf-slim": widthPolicy, torchvision: widthPolicy, timm: widthPolicy.optional() })
      .describe("a policy per reference implementation's rules (timm: as torchvision when not given)"),
  ]);
  const common = {
    name: z.string().min(1).optional().describe("block name (default: kind and index)"),
    rounding: z
      .enum(WIDTH_RULES)
      .optional()
      .describe("this entry's channel rounding, overriding the model's width_rule"),
    repeat: count.optional().describe("repeat this entry n times"),
    width: width.optional(),
    act: z.enum(ACTIVATIONS).optional().describe("activation after the layer (default: the model's)"),
    bias: z
      .boolean()
      .optional()
      .describe("the layer has a bias (default: false for convolutions, true for fc)"),
    bn: z
      .boolean()
      .optional()
      .describe("the layer is followed by BatchNorm (default: true for convolutions, false for fc)"),
    note: z.string().optional(),
  };
  return {
    z,
    count,
    kernel: count.describe("kernel side D_K"),
    stride: count.describe("stride ('same' padding: output side = ceil(input / stride))"),
    widthPolicy,
    width,
    common,
  };
}

export type SchemaParts = ReturnType<typeof schemaParts>;
export type WidthPolicy = Z.infer<SchemaParts["widthPolicy"]>;
export type Width = Z.infer<SchemaParts["width"]>;
