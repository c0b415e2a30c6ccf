/** `--hardware <name|file.json>` → a profile: a built-in from MobileNetV4's Table 16, or a validated file. */
import { type Rational, parseRational, rational } from "../algebra/rational.js";
import { parseQuantity } from "../budget/quantity.js";
import { InputError } from "../errors.js";
import { BUILTIN_HARDWARE, BUILTIN_HARDWARE_NAMES, type HardwareProfile } from "../published/hardware.js";
import { readJsonFile } from "./read-model-spec.js";

/** A name is user text: only the table's own keys are built-ins (never "constructor" or "__proto__"). */
const isBuiltin = (name: string): name is keyof typeof BUILTIN_HARDWARE =>
  Object.hasOwn(BUILTIN_HARDWARE, name);

export async function readHardware(ref: string, path: string): Promise<HardwareProfile> {
  if (isBuiltin(ref)) return BUILTIN_HARDWARE[ref];
  if (!/\.json$/i.test(ref))
    throw new InputError(
      `--hardware '${ref}': expected one of ${BUILTIN_HARDWARE_NAMES.join(", ")}, or a hardware JSON file`,
    );
  const data = readJsonFile(path, "hardware");
  const { hardwareFileSchema } = await import("./hardware-schema.js");
  const parsed = hardwareFileSchema.safeParse(data);
  if (!parsed.success) {
    const { formatSchemaIssues } = await import("./schema-issues.js");
    throw new InputError(formatSchemaIssues(ref, parsed.error.issues));
  }
  const file = parsed.data;
  // the schema checked that each rate given is a whole count ≥ 1
  const peak = file.peak_macs_per_s === undefined ? undefined : parseQuantity(file.peak_macs_per_s);
  const bandwidth =
    file.bandwidth_bytes_per_s === undefined ? undefined : parseQuantity(file.bandwidth_bytes_per_s);
  const ridge: Rational =
    peak !== undefined && bandwidth !== undefined
      ? rational(peak, bandwidth)
      : parseRational(String(file.ridge_point))!;
  return {
    name: file.name,
    ridgePoint: ridge,
    ...(peak !== undefined &&
      bandwidth !== undefined && { peakMacsPerSecond: peak, bandwidthBytesPerSecond: bandwidth }),
    dtype: file.dtype ?? "int8",
    source: file.source ?? ref,
  };
}
