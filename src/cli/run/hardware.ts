/** The profile a user's hardware choice names: --ridge-point's, a built-in, or a file. */
import { InputError } from "../../errors.js";
import type { CostReport } from "../../evaluate/cost.js";
import { type Roofline, ridgePointProfile, roofline } from "../../evaluate/roofline.js";
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

/**
 * The report on the profile as the user chose: at --dtype when given, else at the file's own element
 * types (a graph file's) and the profile's dtype where there are none (a built-in's).
 */
export const rooflineAsChosen = (
  report: Pick<CostReport, "rows">,
  profile: HardwareProfile,
  choice: Pick<HardwareChoice, "fusion" | "dtype">,
): Roofline =>
  roofline(report, profile, choice.fusion, choice.dtype ?? profile.dtype, choice.dtype === undefined);
