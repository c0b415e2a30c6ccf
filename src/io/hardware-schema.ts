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
    macs_per_s: z
      .strictObject({ dense: quantity, depthwise: quantity, pointwise: quantity })
      .optional()
      .describe(
        "a calibrated device's MACs per second by compute class: dense (k×k and grouped convs), depthwise, pointwise (1×1 convs, FC, matmuls); with bandwidth_bytes_per_s, each layer's time is max(MACs / its rate, bytes / bandwidth) + overhead_ns_per_op (mbn-cost calibrate writes them)",
      ),
    overhead_ns_per_op: z
      .number()
      .int()
      .min(0)
      .max(1e12)
      .optional()
      .describe("a calibrated device's fixed cost of each op, in nanoseconds (default 0)"),
    dtype: z.enum(DTYPE_NAMES).optional().describe("bytes per weight and activation element (default int8)"),
    source: z.string().optional(),
    calibration: z
      .strictObject({
        measurements: z.number().int().positive(),
        free: z.array(z.string()),
        fixed: z.string().optional(),
        mean_error_pct: z.number().min(0),
        max_error_pct: z.number().min(0),
        loo_mean_error_pct: z.number().min(0),
        loo_max_error_pct: z.number().min(0),
        macs_linear_loo_mean_error_pct: z.number().min(0),
      })
      .optional()
      .describe(
        "how mbn-cost calibrate fitted the rates, and its errors in percent (leave-one-out: each row predicted by a fit without it)",
      ),
  })
  .refine(
    (h) =>
      h.ridge_point !== undefined ||
      ((h.peak_macs_per_s !== undefined || h.macs_per_s !== undefined) &&
        h.bandwidth_bytes_per_s !== undefined),
    {
      message: "give ridge_point, or bandwidth_bytes_per_s with peak_macs_per_s or macs_per_s",
    },
  )
  .refine((h) => h.macs_per_s === undefined || h.bandwidth_bytes_per_s !== undefined, {
    message: "macs_per_s needs bandwidth_bytes_per_s (a calibrated device's memory rate)",
  });

export type HardwareFile = z.infer<typeof hardwareFileSchema>;

export const hardwareJsonSchema = (): unknown =>
  z.toJSONSchema(hardwareFileSchema, { target: "draft-2020-12" });
