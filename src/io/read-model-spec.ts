/**
 * Model references → ModelSpec. A built-in name or alias reads configs/
 * (validated by the tests, so zod is not loaded); anything else is a path to
 * a user's JSON file, parsed once with zod, its problems reported one line
 * each with the file and the dotted path of the bad field.
 */
import { closeSync, existsSync, readFileSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { InputError } from "../errors.js";
import type { ModelRef } from "../evaluate/cost.js";
import { BUILTIN_MODELS, builtinModelNames, findBuiltinModel } from "../model/builtin.js";
import { withDefaults } from "../model/defaults.js";
import { closest } from "./suggest.js";
import { findTimmModel, isTimmModel, timmModelNames, timmNotBuilt } from "./timm-catalogue.js";
import type { ModelReadOptions } from "./read-onnx-model.js";
import { whenReady } from "./when-ready.js";
import { openRegularFile } from "./open-input.js";
import type { ModelSpec } from "../model/schema.js";

const CONFIGS = new URL("../../configs/", import.meta.url);

export function readBuiltinSpec(file: string): ModelSpec {
  return JSON.parse(readFileSync(new URL(file, CONFIGS), "utf8")) as ModelSpec;
}

/** Architecture and budget files are a few kilobytes; reading stops past this (so /dev/zero ends). */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

/** Standard input, named "-" on the command line. */
export const STDIN = "-";

const readSome = (fd: number, buffer: Buffer, at: number): number =>
  whenReady(() => readSync(fd, buffer, at, buffer.length - at, null));

function readCapped(path: string, what: string): string {
  const fd = path === STDIN ? 0 : openRegularFile(path, path, what);
  try {
    const buffer = Buffer.alloc(MAX_INPUT_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSome(fd, buffer, length);
    if (length > MAX_INPUT_BYTES)
      throw new InputError(
        `${path === STDIN ? "standard input" : path}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB; a model or budget file is a few kilobytes`,
      );
    return buffer.toString("utf8", 0, length);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

/**
 * Why JSON.parse refused a text, without quoting it: V8's message quotes the text's first bytes,
 * and a file named by a budget may be any file on the machine.
 */
export function describeJsonError(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return `at line ${line}, column ${column}`;
  }
  if (/end of JSON input/.test(error.message)) return "it ends too soon";
  return "an unexpected character";
}

/** A text file (or standard input) of at most MAX_INPUT_BYTES; a leading UTF-8 byte order mark is skipped. */
export const readTextFile = (path: string, what: string): string =>
  readCapped(path, what).replace(/^\uFEFF/, "");

/** A JSON file (or standard input); a leading UTF-8 byte order mark, as some editors write, is skipped. */
export function readJsonFile(path: string, what: string): unknown {
  return parseJsonText(readTextFile(path, `${what} JSON`), path);
}

/** A JSON file's text, parsed; its path names it in the error. */
export function parseJsonText(text: string, path: string): unknown {
  const shown = path === STDIN ? "standard input" : path;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown}: not valid JSON (${describeJsonError(text, error as Error)})`);
  }
}

/** An exported graph, read by io/read-onnx-model.ts (loaded only then). */
const isOnnxPath = (ref: string): boolean => /\.onnx$/i.test(ref);

const looksLikePath = (ref: string) => /[\\/]|\.(json|onnx|tflite)$/i.test(ref);

/**
 * A TensorFlow Lite file: named .tflite, or any regular file whose bytes 4–7 are TFLite's identifier,
 * TFL3 (a model saved as .bin or without an extension). Read by io/read-tflite-model.ts (loaded only then).
 */
function isTflitePath(ref: string, path: string): boolean {
  if (/\.tflite$/i.test(ref)) return true;
  if (ref === STDIN || !existsSync(path) || !statSync(path).isFile()) return false;
  const head = Buffer.alloc(8);
  const fd = openRegularFile(path, ref, "model");
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString("latin1", 4, 8) === "TFL3";
}

/** A built-in name or alias, a spec of one (v2@0.5), a timm catalogue name, or an existing path. */
export const isModelRef = (ref: string, cwd: string): boolean => {
  const name = ref.split(/[@/]/)[0]!;
  return findBuiltinModel(name) !== undefined || existsSync(resolve(cwd, ref)) || isTimmModel(name);
};

/** A name that is no built-in, no file and not in timm's catalogue: one line, with a near name if there is one. */
function unknownModel(ref: string): InputError {
  const notBuilt = timmNotBuilt(ref);
  if (notBuilt !== undefined)
    return new InputError(
      `${ref}: timm's model is not built by mbn-cost yet (${notBuilt}); \`mbn-cost models\` lists what is`,
    );
  const near = closest(ref, [...builtinModelNames(), ...timmModelNames()]);
  const hint = near ? `did you mean '${near}'? ` : "";
  return new InputError(
    `unknown model '${ref}': ${hint}expected a built-in model (${BUILTIN_MODELS.length}), one of timm's mobile catalogue (${timmModelNames().length}) — \`mbn-cost models\` lists both — or a path to a model JSON, ONNX or TensorFlow Lite file`,
  );
}

export async function loadModel(ref: string, cwd: string, options: ModelReadOptions = {}): Promise<ModelRef> {
  const builtin = findBuiltinModel(ref);
  if (builtin) return { ref, id: builtin.id, spec: readBuiltinSpec(builtin.file) };
  const path = ref === STDIN ? STDIN : resolve(cwd, ref);
  if (isOnnxPath(ref)) {
    if (!existsSync(path)) throw new InputError(`${ref}: no such file`);
    const { readOnnxModel } = await import("./read-onnx-model.js");
    return { ref, id: path, spec: await readOnnxModel(path, options) };
  }
  if (isTflitePath(ref, path)) {
    if (!existsSync(path)) throw new InputError(`${ref}: no such file`);
    const { readTfliteModel } = await import("./read-tflite-model.js");
    return { ref, id: path, spec: await readTfliteModel(path, options) };
  }
  if (ref !== STDIN && !looksLikePath(ref) && !existsSync(path)) {
    const timm = findTimmModel(ref);
    if (timm) return { ref, id: ref, spec: timm };
    throw unknownModel(ref);
  }
  const data = readJsonFile(path, "model");
  const { modelSpecSchema } = await import("../model/schema.js");
  const parsed = modelSpecSchema.safeParse(data);
  if (!parsed.success) {
    const { formatSchemaIssues } = await import("./schema-issues.js");
    throw new InputError(formatSchemaIssues(ref, parsed.error.issues));
  }
  return { ref, id: path, spec: withDefaults(parsed.data) };
}
