/**
 * The budgets file (zod, validated once at the boundary; JSON Schema through
 * `mbn-cost schema budgets`).
 */
import * as z from "zod";
import { CONVENTION_NAMES } from "../model/conventions.js";
import { QUANTITY_HELP, QUANTITY_PATTERN } from "./quantity.js";

const quantity = z
  .union(
    [
      z.int().nonnegative(),
      z.string().regex(new RegExp(QUANTITY_PATTERN), { error: `expected ${QUANTITY_HELP}` }),
    ],
    { error: `expected ${QUANTITY_HELP}` },
  )
  .describe(QUANTITY_HELP);

export const budgetSchema = z
  .strictObject({
    name: z.string().min(1).optional().describe("shown in reports and JUnit (default: the model spec)"),
    model: z
      .string()
      .min(1)
      .describe(
        "built-in model name or alias, a spec of one (v2@0.5/160: its α and resolution, which alpha and resolution must then agree with), or a path to a model JSON, .onnx or .tflite file (relative to the budgets file)",
      ),
    alpha: z
      .union([z.number().positive().max(10), z.string().regex(/^\d+(\.\d+)?$/)])
      .optional()
      .describe("width multiplier (default 1)"),
    depth: z
      .number()
      .positive()
      .max(10)
      .optional()
      .describe("depth multiplier: each stage's n blocks become ⌈n·d⌉ (default 1)"),
    resolution: z.int().positive().max(16384).optional().describe("input resolution (default: the model's)"),
    convention: z.enum(CONVENTION_NAMES).optional().describe("counting convention (default paper)"),
    max_macs: quantity.optional(),
    max_flops: quantity.optional().describe("FLOPs = 2 × MACs"),
    max_params: quantity.optional(),
    max_peak_memory: quantity.optional().describe("peak activation memory in bytes (block model) at `dtype`"),
    max_arena_bytes: quantity
      .optional()
      .describe(
        "the arena in bytes: tensors alive from writer to last reader, each at its own type (a TFLite file's int8), or all at `dtype` when given",
      ),
    hardware: z
      .string()
      .min(1)
      .optional()
      .describe(
        "for the roofline budgets: a built-in profile (pixel6-cpu, s23-cpu, pixel4-dsp, pixel8-edgetpu) or a hardware JSON file (relative to the budgets file)",
      ),
    fusion: z
      .enum(["none", "block"])
      .optional()
      .describe("with hardware: what moves through memory (default none)"),
    max_bytes: quantity.optional().describe("bytes moved on the hardware (the profile's dtype)"),
    max_roofline_macs: quantity.optional().describe("roofline cost Σ max(MACs, RP·bytes) on the hardware"),
    max_latency_ms: z
      .union([z.number().positive(), z.string()])
      .refine((v) => /^\d+(\.\d{1,3})?$/.test(String(v)) && Number(v) > 0, {
        error: "expected milliseconds above 0 with at most 3 decimals (2.5)",
      })
      .optional()
      .describe("roofline latency in milliseconds (up to 3 decimals; the profile needs peaks)"),
    dtype: z
      .enum(["fp32", "fp16", "int8"])
      .optional()
      .describe("bytes per activation element for max_peak_memory (default fp32) and max_arena_bytes"),
    tolerance: z
      .number()
      .nonnegative()
      .max(1000)
      .optional()
      .describe("percent a value may exceed its limit and still pass"),
  })
  .refine(
    (b) =>
      b.max_macs !== undefined ||
      b.max_flops !== undefined ||
      b.max_params !== undefined ||
      b.max_peak_memory !== undefined ||
      b.max_arena_bytes !== undefined ||
      b.max_bytes !== undefined ||
      b.max_roofline_macs !== undefined ||
      b.max_latency_ms !== undefined,
    {
      error:
        "a budget needs at least one of max_macs, max_flops, max_params, max_peak_memory, max_arena_bytes, max_bytes, max_roofline_macs, max_latency_ms",
    },
  )
  .refine(
    (b) =>
      b.hardware !== undefined ||
      (b.max_bytes === undefined && b.max_roofline_macs === undefined && b.max_latency_ms === undefined),
    { error: "max_bytes, max_roofline_macs and max_latency_ms need a hardware profile: add hardware" },
  );
export type Budget = z.infer<typeof budgetSchema>;

export const budgetsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  budgets: z.array(budgetSchema).min(1, { error: "expected at least one budget" }),
});
export type BudgetsFile = z.infer<typeof budgetsFileSchema>;

export const budgetsJsonSchema = (): unknown =>
  z.toJSONSchema(budgetsFileSchema, { target: "draft-2020-12" });
