/** budgets.json → validated budgets, every problem reported with the file and the field's path. */
import { InputError } from "../errors.js";
import { parseQuantity, QUANTITY_HELP } from "../budget/quantity.js";
import type { BudgetsFile } from "../budget/schema.js";
import { parseJsonText, readTextFile } from "./read-model-spec.js";

/** The budgets, and the text they were read from (where a report points at each budget's line). */
export interface BudgetsRead {
  readonly file: BudgetsFile;
  readonly text: string;
}

export async function readBudgets(path: string, shownAs: string): Promise<BudgetsRead> {
  const text = readTextFile(path, "budgets JSON");
  const data = parseJsonText(text, path);
  const { budgetsFileSchema } = await import("../budget/schema.js");
  const parsed = budgetsFileSchema.safeParse(data);
  if (!parsed.success) {
    const { formatSchemaIssues } = await import("./schema-issues.js");
    throw new InputError(formatSchemaIssues(shownAs, parsed.error.issues));
  }
  parsed.data.budgets.forEach((budget, i) => {
    for (const key of [
      "max_macs",
      "max_flops",
      "max_params",
      "max_peak_memory",
      "max_arena_bytes",
    ] as const) {
      const raw = budget[key];
      if (raw !== undefined && parseQuantity(raw) === undefined) {
        throw new InputError(`${shownAs}: budgets[${i}].${key}: '${raw}' is not ${QUANTITY_HELP}`);
      }
    }
  });
  return { file: parsed.data, text };
}
