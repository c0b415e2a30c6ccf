/** The profile a user's hardware choice names: --ridge-point's, a built-in, or a file. */
import { InputError } from "../../errors.js";
import { ridgePointProfile } from "../../evaluate/roofline.js";
import type { HardwareProfile } from "../../published/hardware.js";
import { resolve } from "node:path";
import type { HardwareChoice } from "../commands/model-options.js";

export async function hardwareProfile(choice: HardwareChoice, cwd: string): Promise<HardwareProfile> {
  if (choice.profile !== undefined && choice.ridgePoint !== undefined)
    throw new InputError("--hardware and --ridge-point: give one (a profile has its own ridge point)");
  if (choice.ridgePoint !== undefined) return ridgePointProfile(choice.ridgePoint, choice.dtype ?? "int8");
  const { readHardware } = await import("../../io/read-hardware.js");
  return readHardware(choice.profile!, resolve(cwd, choice.profile!));
}
