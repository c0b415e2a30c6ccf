/** Global setup: says once which seed the fast-check properties run with, and how to run them on another. */
import { FC_SEED } from "../helpers/fast-check.js";

export default function printSeed(): void {
  process.stdout.write(
    `fast-check seed: ${FC_SEED} (FC_SEED=<n> npm test to run the properties on another)\n`,
  );
}
