/** zod issues → one line: "file: layers[3].out: expected a positive integer; …and 2 more". */
import type { core } from "zod";

const SHOWN = 3;

export function toDotPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    "",
  );
}

function describeIssue(issue: core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
  return issue.message;
}

export function formatSchemaIssues(file: string, issues: readonly core.$ZodIssue[]): string {
  const lines = issues.slice(0, SHOWN).map((issue) => {
    const path = toDotPath(issue.path);
    return `${path || "(top level)"}: ${describeIssue(issue)}`;
  });
  const more = issues.length > SHOWN ? `; …and ${issues.length - SHOWN} more` : "";
  return `${file}: ${lines.join("; ")}${more}`;
}
