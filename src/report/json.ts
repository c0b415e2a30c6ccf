import stringify from "json-stringify-pretty-compact";

/**
 * JSON that never loses digits: a bigint becomes a number when it is at most
 * Number.MAX_SAFE_INTEGER, a string otherwise.
 */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

/**
 * The value with its bigints as jsonReplacer writes them, in one walk: JSON.stringify then runs its
 * native path, with no replacer called per key and no parse back (what json-stringify-pretty-compact
 * does with a replacer), a few ms off every JSON report.
 */
function withoutBigints(value: unknown): unknown {
  if (typeof value === "bigint") return jsonReplacer("", value);
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(withoutBigints);
  // fromEntries defines each key as its own property: a key "__proto__" (a user's block name) stays a key
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutBigints(item)]));
}

/** Indented JSON whose short arrays and objects stay on one line ([224, 224, 3]). */
export const renderJsonValue = (value: unknown): string =>
  `${stringify(withoutBigints(value), { indent: 2, maxLength: 100 })}\n`;

export function renderJson(doc: { readonly data: unknown }): string {
  return renderJsonValue(doc.data);
}
