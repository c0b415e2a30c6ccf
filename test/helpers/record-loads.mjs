// Used with `node --import ./test/helpers/record-loads.mjs`: appends every module URL the
// process resolves to the file named by MBN_LOAD_LOG (test/library.test.ts).
import { register } from "node:module";

register("./record-loads-hooks.mjs", import.meta.url, { data: { log: process.env.MBN_LOAD_LOG } });
