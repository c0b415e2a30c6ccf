/** "did you mean …": the closest known word within a small edit distance, as commander suggests options. */

/** Levenshtein distance with adjacent transpositions counted as one edit (shwo → show). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest of `known` to `word`: within 2 edits, short of half the word, and not tied; else the one
 * it begins (pixel6 → pixel6-cpu, --res → --resolution), the shortest when it begins the others too.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const near = known
    .map((candidate) => ({ candidate, distance: editDistance(word.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= 2 && distance < word.length / 2 + 1)
    .sort((a, b) => a.distance - b.distance);
  const [first, second] = near;
  if (first) return !second || second.distance > first.distance ? first.candidate : undefined;
  return begun(word, known);
}

/** The known word `word` begins, if one (or the shortest, when it begins all the others). */
function begun(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const starts = known.filter((k) => k.length > lower.length && k.toLowerCase().startsWith(lower));
  const [shortest] = [...starts].sort((a, b) => a.length - b.length);
  if (shortest === undefined || lower.replace(/^-+/, "").length < 2) return undefined;
  return starts.every((k) => k.toLowerCase().startsWith(shortest.toLowerCase())) ? shortest : undefined;
}
