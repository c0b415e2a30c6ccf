/**
 * Where each budget starts in its file: the 1-based line of every element of a top-level array
 * (`"budgets": [ {…}, {…} ]`), for annotations on the lines of the budgets file. A scan of JSON's
 * tokens (strings with their escapes, nesting) over text that JSON.parse has already accepted.
 */
export function arrayElementLines(text: string, key: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  /** Inside the array (at depth 2), before an element's first character. */
  let awaiting = false;
  let inArray = false;
  let lastString = "";
  const element = () => {
    if (inArray && depth === 2 && awaiting) {
      lines.push(line);
      awaiting = false;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") line++;
    else if (/\s/.test(c)) continue;
    else if (c === '"') {
      element();
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      lastString = text.slice(start + 1, i);
    } else if (c === "{" || c === "[") {
      element();
      depth++;
      if (c === "[" && depth === 2 && lastString === key) inArray = awaiting = true;
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 1) inArray = false;
    } else if (c === ",") awaiting = inArray && depth === 2;
    else if (c !== ":") element();
  }
  return lines;
}
