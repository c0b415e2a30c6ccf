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

/** Indented JSON whose short arrays and objects stay on one line ([224, 224, 3]). */
export const renderJsonValue = (value: unknown): string =>
  `${stringify(value, { indent: 2, maxLength: 100, replacer: jsonReplacer })}\n`;

export function renderJson(doc: { readonly data: unknown }): string {
  return renderJsonValue(doc.data);
}
