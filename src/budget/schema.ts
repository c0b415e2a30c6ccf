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
        "built-in model name or alias, or a path to a model JSON file (relative to the budgets file)",
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
    dtype: z
      .enum(["fp32", "fp16", "int8"])
      .optional()
      .describe("bytes per activation element for max_peak_memory (default fp32)"),
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
      b.max_peak_memory !== undefined,
    {
      error: "a budget needs at least one of max_macs, max_flops, max_params, max_peak_memory",
    },
  );
export type Budget = z.infer<typeof budgetSchema>;

export const budgetsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  budgets: z.array(budgetSchema).min(1, { error: "expected at least one budget" }),
});
export type BudgetsFile = z.infer<typeof budgetsFileSchema>;

export const budgetsJsonSchema = (): unknown =>
  z.toJSONSchema(budgetsFileSchema, { target: "draft-2020-12" });
