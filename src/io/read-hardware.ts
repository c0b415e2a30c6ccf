/** `--hardware <name|file.json>` → a profile: a built-in from MobileNetV4's Table 16, or a validated file. */
import { fileURLToPath } from "node:url";
import { InputError } from "../errors.js";
import { closest } from "./suggest.js";
import {
  BUILTIN_HARDWARE,
  CALIBRATED_HARDWARE_NAMES,
  HARDWARE_NAMES,
  type HardwareProfile,
} from "../published/hardware.js";
import { hardwareProfileOf } from "./hardware-profile.js";
import { readJsonFile } from "./read-model-spec.js";

/** A name is user text: only the table's own keys are built-ins (never "constructor" or "__proto__"). */
const isBuiltin = (name: string): name is keyof typeof BUILTIN_HARDWARE =>
  Object.hasOwn(BUILTIN_HARDWARE, name);

const isCalibrated = (name: string): boolean =>
  (CALIBRATED_HARDWARE_NAMES as readonly string[]).includes(name);

/** A calibrated built-in's file, shipped in configs/hardware/. */
const calibratedPath = (name: string): string =>
  fileURLToPath(new URL(`../../configs/hardware/${name}.json`, import.meta.url));

const nearHardware = (ref: string): string => {
  const near = closest(ref, HARDWARE_NAMES);
  return near ? `did you mean '${near}'? ` : "";
};

export async function readHardware(ref: string, path: string): Promise<HardwareProfile> {
  if (isBuiltin(ref)) return BUILTIN_HARDWARE[ref];
  if (isCalibrated(ref)) return readHardwareFile(ref, calibratedPath(ref));
  if (!/\.json$/i.test(ref))
    throw new InputError(
      `--hardware '${ref}': ${nearHardware(ref)}expected one of ${HARDWARE_NAMES.join(", ")}, or a hardware JSON file`,
    );
  return readHardwareFile(ref, path);
}

async function readHardwareFile(ref: string, path: string): Promise<HardwareProfile> {
  const data = readJsonFile(path, "hardware");
  const { hardwareFileSchema } = await import("./hardware-schema.js");
  const parsed = hardwareFileSchema.safeParse(data);
  if (!parsed.success) {
    const { formatSchemaIssues } = await import("./schema-issues.js");
    throw new InputError(formatSchemaIssues(ref, parsed.error.issues));
  }
  return hardwareProfileOf(parsed.data, ref);
}
