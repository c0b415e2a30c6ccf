/**
 * zod issues → one line: "file: layers[3].out: expected a positive integer; …and 2 more".
 * Loaded only when a file fails validation (zod is already loaded then).
 */
import { core } from "zod";

const SHOWN = 3;

function describeIssue(issue: core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  return issue.message;
}

export function formatSchemaIssues(file: string, issues: readonly core.$ZodIssue[]): string {
  const lines = issues.slice(0, SHOWN).map((issue) => {
    const path = core.toDotPath(issue.path);
    return `${path || "(top level)"}: ${describeIssue(issue)}`;
  });
  const more = issues.length > SHOWN ? `; …and ${issues.length - SHOWN} more` : "";
  return `${file}: ${lines.join("; ")}${more}`;
}
