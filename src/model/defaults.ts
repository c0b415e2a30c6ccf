import type { ModelFile, ModelSpec } from "./schema.js";

/** A user's file may leave out its source and width rule: the defaults, said in the report's notes. */
export function withDefaults(file: ModelFile): ModelSpec {
  const notes = [...(file.notes ?? [])];
  if (file.source === undefined)
    notes.push('This file gives no "source": add the paper and table it comes from.');
  if (file.width_rule === undefined) {
    notes.push(
      'This file gives no "width_rule": make-divisible-8 (nearest multiple of 8, as V2 and V3) is assumed.',
    );
  }
  return {
    ...file,
    source: file.source ?? "not given",
    width_rule: file.width_rule ?? "make-divisible-8",
    notes,
  };
}
