/** A user's hardware profile file, validated by zod (`mbn-cost schema hardware` prints its JSON Schema). */
import * as z from "zod";
import { parseQuantity, QUANTITY_HELP, QUANTITY_PATTERN } from "../budget/quantity.js";
import { DTYPE_NAMES } from "../evaluate/option-names.js";
import { MAX_RIDGE_POINT } from "../published/hardware.js";

/** No device moves or computes 10^18 a second (an exa-rate): past it, a rate is a typo. */
const MAX_RATE = 10n ** 18n;

/** A rate is a whole count per second: 0.5 or 1e-300 would not be one (checked here, once, with the field's path). */
const quantity = z
  .union([z.number().positive(), z.string().regex(new RegExp(QUANTITY_PATTERN))])
  .refine(
    (value) => {
      const count = parseQuantity(value) ?? 0n;
      return count > 0n && count <= MAX_RATE;
    },
    { message: `expected a whole count from 1 to 10^18 (1000000T): ${QUANTITY_HELP}` },
  )
  .describe(`a positive count: ${QUANTITY_HELP}`);

export const hardwareFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe("shown in reports"),
    ridge_point: z
      .union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)])
      .refine((value) => Number(value) > 0 && Number(value) <= MAX_RIDGE_POINT, {
        message: `expected a number of MACs per byte > 0 and ≤ ${MAX_RIDGE_POINT}`,
      })
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
