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

/** Arrays of numbers or strings on one line ([224, 224, 3]); everything else indented. */
export const renderJsonValue = (value: unknown): string =>
  `${JSON.stringify(value, jsonReplacer, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_m, items: string) => `[${items.split(/,\n\s+/).join(", ")}]`)}\n`;

export function renderJson(doc: { readonly data: unknown }): string {
  return renderJsonValue(doc.data);
}
