/**
 * The seed every fast-check property runs with: fixed, so a failure reproduces, and printed once per
 * run by test/setup/print-seed.ts. FC_SEED=<n> in the environment runs the properties on another.
 */
export const FC_SEED = Number.parseInt(process.env.FC_SEED ?? "", 10) || 20_261_206;
