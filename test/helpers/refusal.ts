import { InputError } from "../../src/errors.js";

/** The one-line message of the InputError `run` throws; fails the test if it throws nothing, or another error. */
export function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("not refused");
}
