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
import type { TensorGraph } from "../graph/graph.js";
import { BLOCK_KIND_NAMES, blockKinds, type LayerSpec } from "./blocks/registry.js";
import type { Resolution } from "./resolution.js";
import { NORMS, schemaParts, WIDTH_RULES, type WidthRule } from "./schema-parts.js";

export {
  RULES,
  type Rules,
  WIDTH_RULES,
  type WidthRule,
  type Width,
  type WidthPolicy,
} from "./schema-parts.js";
export type { LayerSpec, LayerSpecOf } from "./blocks/registry.js";

const parts = schemaParts(z);
const { count } = parts;

/** Each block kind's own schema, discriminated by `kind`. */
export const layerSpecSchema: z.ZodType<LayerSpec> = z.discriminatedUnion(
  "kind",
  Object.values(blockKinds).map((block) => block.schema(parts)) as unknown as [
    z.ZodObject<{ kind: z.ZodLiteral<string> }>,
  ],
  { error: `expected kind to be one of ${BLOCK_KIND_NAMES.join(", ")}` },
) as unknown as z.ZodType<LayerSpec>;

export const modelSpecSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  source: z
    .string()
    .min(1)
    .optional()
    .describe("where the architecture comes from (paper and table); reports say when it is missing"),
  notes: z.array(z.string()).optional(),
  input: z.strictObject({ resolution: count, channels: count }),
  width_rule: z
    .enum(WIDTH_RULES)
    .optional()
    .describe(
      "channel rounding of c·α: 'floor-min8' max(floor(c·α), 8) (TF-slim V1); 'floor' floor(c·α); 'make-divisible-8' nearest multiple of 8, ≥ 8, never 10% below (V2, V3); default make-divisible-8",
    ),
  classes: z
    .int({ error: "expected a whole number of classes, 0 or more" })
    .min(0, { error: "expected a whole number of classes, 0 or more" })
    .describe("the classifier's outputs; 0 leaves the classifier out (timm's num_classes=0)"),
  width_multiplier: z
    .number()
    .positive()
    .optional()
    .describe("the model's own width multiplier, applied with α (EfficientNet B1–B7: 1.0–2.0)"),
  depth_multiplier: z
    .number()
    .positive()
    .optional()
    .describe(
      "the model's own depth multiplier: each stage's n becomes ⌈n·d⌉, with --depth's (EfficientNet B1–B7: 1.1–3.1)",
    ),
  activation: z.enum(ACTIVATIONS).optional().describe("default activation (default relu)"),
  norm: z
    .enum(NORMS)
    .optional()
    .describe(
      "the norm after each conv, and of norm layers: 'batch' BatchNorm (γ, β and running statistics; default) or 'rms' RMSNorm (a weight per channel; MobileNetV5)",
    ),
  layers: z.array(layerSpecSchema).min(1),
});
/** An architecture file as written (source and width_rule may be left out). */
export type ModelFile = z.infer<typeof modelSpecSchema>;
/**
 * A model read from a graph file (ONNX, TensorFlow Lite): its graph as read, lowered onto the
 * tensor-graph engine's kinds at each resolution counted. Its widths and depth are the file's, fixed.
 */
export interface FixedGraph {
  /** The file's format, as messages name it: "ONNX", "TensorFlow Lite". */
  readonly format: string;
  /** The file's name, for messages. */
  readonly file: string;
  /** The graph lowered with its image input at this height and width (the file's reading options applied). */
  readonly lower: (resolution: Resolution) => TensorGraph;
  /** The data input's name and its height and width axes (N×C×H×W: 2, 3; N×H×W×C: 1, 2). */
  readonly image?: { readonly input: string; readonly axes: readonly [number, number] };
  /** The input size the file declares, when not square (input.resolution holds its height). */
  readonly resolution?: Resolution;
  /** MACs are divided by the batch (--per-image). */
  readonly perImage?: true;
}

/** An architecture with every default filled in (io/read-model-spec.ts); `graph` when it was read from a graph file. */
export type ModelSpec = ModelFile & {
  readonly source: string;
  readonly width_rule: WidthRule;
  readonly graph?: FixedGraph;
};

export const modelJsonSchema = (): unknown => z.toJSONSchema(modelSpecSchema, { target: "draft-2020-12" });
