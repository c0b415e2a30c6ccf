/** A model reference as every command takes it (model/configuration.ts resolveTarget): a file in `dir` wins. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type GivenSettings, type ResolvedTarget, resolveTarget } from "../../model/configuration.js";

export const targetIn = (ref: string, given: GivenSettings, dir: string): ResolvedTarget =>
  resolveTarget(ref, given, (path) => existsSync(resolve(dir, path)));
