/** A user's hardware profile file, validated by zod (`mbn-cost schema hardware` prints its JSON Schema). */
import * as z from "zod";
import { QUANTITY_HELP, QUANTITY_PATTERN } from "../budget/quantity.js";
import { DTYPE_NAMES } from "../evaluate/option-names.js";

const quantity = z
  .union([z.number().positive(), z.string().regex(new RegExp(QUANTITY_PATTERN))])
  .describe(`a positive count: ${QUANTITY_HELP}`);

export const hardwareFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe("shown in reports"),
    ridge_point: z
      .union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)])
      .optional()
      .describe("MACs per byte at which a layer stops being memory-bound (peak ÷ bandwidth)"),
    peak_macs_per_s: quantity.optional().describe("peak multiply-accumulates per second (2T)"),
    bandwidth_bytes_per_s: quantity.optional().describe("memory bandwidth in bytes per second (25G)"),
    dtype: z.enum(DTYPE_NAMES).optional().describe("bytes per weight and activation element (default int8)"),
    source: z.string().optional(),
  })
  .refine(
    (h) =>
      h.ridge_point !== undefined ||
      (h.peak_macs_per_s !== undefined && h.bandwidth_bytes_per_s !== undefined),
    {
      message: "give ridge_point, or both peak_macs_per_s and bandwidth_bytes_per_s",
    },
  );

export type HardwareFile = z.infer<typeof hardwareFileSchema>;

export const hardwareJsonSchema = (): unknown =>
  z.toJSONSchema(hardwareFileSchema, { target: "draft-2020-12" });
