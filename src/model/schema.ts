/**
 * The architecture description language, as a zod schema. User files are
 * parsed once at the boundary (io/read-model-spec.ts); everything inside
 * takes the inferred types. Built-in configs are validated by the tests, so
 * that the CLI does not load zod for them.
 *
 * configs/model.schema.json is generated from this file (`mbn-cost schema`).
 */
import * as z from "zod";
import { ACTIVATIONS } from "../layers/define-layer-kind.js";

const POSITIVE = "expected a positive integer";
const count = z.int({ error: POSITIVE }).positive({ error: POSITIVE });

export const RULES = ["tf-slim", "torchvision"] as const;
export type Rules = (typeof RULES)[number];

export const widthPolicySchema = z
  .union([
    z.enum(["scale", "fixed", "keep-below-1"]),
    z
      .strictObject({ input_times: count })
      .describe("output channels = this factor × the actual input channels (torchvision's V3 last conv: 6)"),
  ])
  .describe(
    "how the width multiplier α applies: 'scale' (default) rounds c·α by the model's width rule; 'fixed' keeps c; 'keep-below-1' keeps c when α < 1 and scales when α > 1 (V2's 1280 head)",
  );
export type WidthPolicy = z.infer<typeof widthPolicySchema>;

export const widthSchema = z.union([
  widthPolicySchema,
  z
    .strictObject({ "tf-slim": widthPolicySchema, torchvision: widthPolicySchema })
    .describe("a policy per reference implementation's rules"),
]);
export type Width = z.infer<typeof widthSchema>;

export const WIDTH_RULES = ["floor-min8", "floor", "make-divisible-8"] as const;
export type WidthRule = (typeof WIDTH_RULES)[number];

const common = {
  name: z.string().min(1).optional().describe("block name (default: kind and index)"),
  rounding: z
    .enum(WIDTH_RULES)
    .optional()
    .describe("this entry's channel rounding, overriding the model's width_rule"),
  repeat: count.optional().describe("repeat this entry n times"),
  width: widthSchema.optional(),
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

const kernel = count.describe("kernel side D_K");
const stride = count.describe("stride ('same' padding: output side = ceil(input / stride))");

export const convSpecSchema = z.strictObject({
  kind: z.literal("conv"),
  kernel,
  stride,
  out: count,
  groups: count.optional(),
  ...common,
});
export const depthwiseSpecSchema = z.strictObject({ kind: z.literal("dw"), kernel, stride, ...common });
export const pointwiseSpecSchema = z.strictObject({ kind: z.literal("pw"), out: count, ...common });
export const dsconvSpecSchema = z.strictObject({
  kind: z.literal("dsconv"),
  kernel: kernel.optional().describe("depthwise kernel side (default 3)"),
  stride,
  out: count,
  ...common,
});
export const gconvSpecSchema = z.strictObject({
  kind: z.literal("gconv"),
  kernel,
  stride,
  out: count,
  groups: count,
  ...common,
});
export const fcSpecSchema = z.strictObject({
  kind: z.literal("fc"),
  out: z.union([count, z.literal("classes")]).describe("outputs, or 'classes' for the classifier"),
  ...common,
});
export const avgpoolSpecSchema = z.strictObject({
  kind: z.literal("avgpool"),
  kernel: count.optional().describe("window side with stride = window (default: global pooling)"),
  functional: z
    .boolean()
    .optional()
    .describe(
      "the reference implementation pools with a function call, not a module (module-hook counters such as thop do not see it)",
    ),
  ...common,
});
export const invertedResidualSpecSchema = z.strictObject({
  kind: z.literal("inverted_residual"),
  t: z.number().positive().describe("expansion factor"),
  c: count.describe("output channels"),
  n: count.describe("repeats"),
  s: count.describe("stride of the first repeat (the others have stride 1)"),
  kernel: kernel.optional().describe("depthwise kernel side (default 3)"),
  shortcut: z
    .enum(["identity", "projection"])
    .optional()
    .describe(
      "stride-1 blocks whose channels change: no residual ('identity', default) or a 1×1 projection shortcut ('projection')",
    ),
  expand: z
    .enum(["auto", "always"])
    .optional()
    .describe("'auto' (default): no expansion conv when t = 1; 'always': keep it"),
  ...common,
});
export const bneckSpecSchema = z.strictObject({
  kind: z.literal("bneck"),
  kernel,
  exp: count.describe("expanded size (table value, before α)"),
  out: count,
  se: z.boolean(),
  nl: z.enum(["RE", "HS"]).describe("RE = ReLU, HS = h-swish"),
  stride,
  ...common,
});
export const seSpecSchema = z.strictObject({
  kind: z.literal("se"),
  reduction: count.optional().describe("squeeze = make_divisible(channels / reduction, divisor) (default 4)"),
  divisor: count.optional().describe("default 8"),
  ...common,
});

export const layerSpecSchema = z.discriminatedUnion(
  "kind",
  [
    convSpecSchema,
    depthwiseSpecSchema,
    pointwiseSpecSchema,
    dsconvSpecSchema,
    gconvSpecSchema,
    fcSpecSchema,
    avgpoolSpecSchema,
    invertedResidualSpecSchema,
    bneckSpecSchema,
    seSpecSchema,
  ],
  {
    error:
      "expected kind to be one of conv, dw, pw, dsconv, gconv, fc, avgpool, inverted_residual, bneck, se",
  },
);
export type LayerSpec = z.infer<typeof layerSpecSchema>;
export type LayerSpecOf<K extends LayerSpec["kind"]> = Extract<LayerSpec, { kind: K }>;

export const modelSpecSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  source: z.string().min(1).describe("where the architecture comes from (paper and table)"),
  notes: z.array(z.string()).optional(),
  input: z.strictObject({ resolution: count, channels: count }),
  width_rule: z
    .enum(WIDTH_RULES)
    .describe(
      "channel rounding of c·α: 'floor-min8' max(floor(c·α), 8) (TF-slim V1); 'floor' floor(c·α); 'make-divisible-8' nearest multiple of 8, ≥ 8, never 10% below (V2, V3)",
    ),
  classes: count,
  activation: z.enum(ACTIVATIONS).optional().describe("default activation (default relu)"),
  layers: z.array(layerSpecSchema).min(1),
});
export type ModelSpec = z.infer<typeof modelSpecSchema>;

export const modelJsonSchema = (): unknown => z.toJSONSchema(modelSpecSchema, { target: "draft-2020-12" });
