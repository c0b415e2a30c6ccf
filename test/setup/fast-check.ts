/** Every fast-check property in every test file runs with the fixed seed (test/helpers/fast-check.ts). */
import fc from "fast-check";
import { FC_SEED } from "../helpers/fast-check.js";

fc.configureGlobal({ seed: FC_SEED });
