#!/usr/bin/env node
/**
 * npm run bench: start-up and sweep cost as ratios to bare `node -e 0`,
 * measured interleaved in the same run (so machine load affects both), with
 * the minimum and the median of N rounds, and peak RSS.
 *
 *   node bench/startup.mjs [rounds]        (default 15)
 *
 * Targets (issue 7): cold `mbn-cost v2 --alpha 0.5` ≤ 1.5× bare node (aim
 * 1.25×); `sweep v2 --alpha 0.10:2.00:0.01 --resolution 32:512:8` (11,651
 * configurations) ≥ 20,000 configurations per second (aim 100,000).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = Number(process.argv[2] ?? 15);
const bin = "bin/mbn-cost.js";
const SWEEP = ["sweep", "v2", "--alpha", "0.10:2.00:0.01", "--resolution", "32:512:8"];
const SWEEP_CONFIGS = 191 * 61;
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const commands = {
  "node -e 0": ["-e", "0"],
  "mbn-cost --version": [bin, "--version"],
  "mbn-cost v2 --alpha 0.5": [bin, "v2", "--alpha", "0.5"],
  "mbn-cost sweep (11,651 configs)": [bin, ...SWEEP],
};

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function peakRssKb(args) {
  if (!gnuTime) return undefined;
  const r = spawnSync(gnuTime, ["-f", "%M", process.execPath, ...args], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  return Number(r.stderr.trim().split("\n").at(-1));
}

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const args of Object.values(commands)) timeOnce(args); // warm the file cache
for (let i = 0; i < rounds; i++)
  for (const [name, args] of Object.entries(commands)) samples[name].push(timeOnce(args));

const min = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = { min: min(samples["node -e 0"]), median: median(samples["node -e 0"]) };

console.log(`node ${process.version}, ${rounds} interleaved rounds (min / median, ms; ratio to bare node)`);
for (const [name, xs] of Object.entries(samples)) {
  const rss = peakRssKb(commands[name]);
  console.log(
    `${name.padEnd(34)} ${min(xs).toFixed(1).padStart(7)} / ${median(xs).toFixed(1).padStart(7)}   ×${(min(xs) / base.min).toFixed(2)} / ×${(median(xs) / base.median).toFixed(2)}` +
      (rss ? `   peak RSS ${(rss / 1024).toFixed(1)} MB` : ""),
  );
}
const sweepWork = min(samples["mbn-cost sweep (11,651 configs)"]) - min(samples["mbn-cost v2 --alpha 0.5"]);
const cold = min(samples["mbn-cost sweep (11,651 configs)"]);
console.log(
  `sweep throughput: ${Math.round(SWEEP_CONFIGS / (cold / 1000)).toLocaleString("en-US")} configurations/s including start-up, ${Math.round(SWEEP_CONFIGS / (sweepWork / 1000)).toLocaleString("en-US")}/s beyond a single report`,
);
const ratio = min(samples["mbn-cost v2 --alpha 0.5"]) / base.min;
console.log(
  `targets: v2 report ×${ratio.toFixed(2)} (≤ ×1.5, aim ×1.25) ${ratio <= 1.5 ? "✓" : "✗"}; sweep ≥ 20,000/s ${SWEEP_CONFIGS / (cold / 1000) >= 20000 ? "✓" : "✗"}`,
);
