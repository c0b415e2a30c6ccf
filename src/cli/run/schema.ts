import { renderJsonValue } from "../../report/json.js";
import { ExitCode } from "../exit-codes.js";
import type { Outcome } from "../outcome.js";
import type { SCHEMA_NAMES } from "../commands/schema.js";

export async function schemaText(which: (typeof SCHEMA_NAMES)[number]): Promise<string> {
  switch (which) {
    case "model":
      return renderJsonValue((await import("../../model/schema.js")).modelJsonSchema());
    case "budgets":
      return renderJsonValue((await import("../../budget/schema.js")).budgetsJsonSchema());
    case "hardware":
      return renderJsonValue((await import("../../io/hardware-schema.js")).hardwareJsonSchema());
  }
}

export async function runSchema(which: (typeof SCHEMA_NAMES)[number]): Promise<Outcome> {
  return { exitCode: ExitCode.Ok, stdout: await schemaText(which) };
}
