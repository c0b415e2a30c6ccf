/**
 * An op outside the standard operators, let through (--allow-unknown): its outputs have the dims the
 * file declares for them, and it costs nothing counted. The importer lowers onto this kind only when
 * the file declares every output's dims; otherwise the op is refused by name.
 */
import type { Dims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface DeclaredAttrs {
  /** Each output's dims as the file declares them. */
  readonly outputs: readonly Dims[];
}

export const declared = defineOpKind<DeclaredAttrs>()({
  kind: "declared",
  title: "op not counted (shape as declared)",
  infer: ({ outputs }) => outputs.map((dims) => ({ dims })),
});
