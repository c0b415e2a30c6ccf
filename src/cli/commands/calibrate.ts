import { type Command, Option } from "commander";
import { DTYPE_NAMES, type Dtype, FUSIONS, type Fusion } from "../../evaluate/option-names.js";
import type { CommandContext } from "../context.js";
import { addOutputOptions, type OutputOptionValues, readOutputChoice } from "./model-options.js";

type CalibrateCliOptions = OutputOptionValues & {
  check?: string;
  name?: string;
  source?: string;
  fusion: Fusion;
  dtype?: Dtype;
};

export function registerCalibrate(program: Command, ctx: CommandContext): void {
  const command = program
    .command("calibrate")
    .description(
      "fit a device's latency model (MACs/s of dense, depthwise and pointwise convs, memory bandwidth, a cost per op) to measured latencies; --out writes it as a --hardware profile",
    )
    .argument(
      "<measurements.csv>",
      "a CSV with the columns model,latency_ms (and optionally dtype, threads, note); model is any spec: v2@0.5/160, a JSON, .onnx or .tflite file",
    )
    .option(
      "--check <measurements.csv>",
      "held-out measurements, in the same columns: predicted by the fit (and by the MACs-linear fit), never fitted",
    )
    .option("--name <name>", "the profile's name (default: the CSV's file name)")
    .option("--source <text>", "where the measurements come from, kept in the profile")
    .addOption(
      new Option("--fusion <fusion>", "what moves through memory in the model")
        .choices(FUSIONS)
        .default("none"),
    )
    .addOption(
      new Option(
        "--dtype <dtype>",
        "bytes per element for rows without a dtype (default: a graph file's own types, else fp32)",
      ).choices(DTYPE_NAMES),
    )
    .addHelpText(
      "after",
      `
The report goes to standard output (--format); --out is the profile, a JSON file for --hardware.
Each row is predicted by the fit and by a fit without it (leave-one-out, the honest figure), beside a
MACs-linear fit on the same rows. Parameters are never more than half the rows: with few rows the
classes share one rate, and the report says which.

Examples:
  $ mbn-cost calibrate pixel3.csv
  $ mbn-cost calibrate pixel3.csv --out pixel3.json --source "my bench, TFLite 2.16, 4 threads"
  $ mbn-cost calibrate v2-six-rows.csv --check v3-rows.csv    how well it predicts what it never saw
  $ mbn-cost v2 --alpha 0.5 --hardware pixel3.json --by layer
  $ mbn-cost fit v2 --max-latency-ms 5 --hardware pixel3.json`,
    );
  addOutputOptions(command).action((file: string, opts: CalibrateCliOptions) =>
    ctx.run(async () => {
      const { out, force, ...output } = readOutputChoice(opts, ctx.io);
      return (await import("../run/calibrate.js")).runCalibrate(
        {
          file,
          check: opts.check,
          out,
          force,
          name: opts.name,
          source: opts.source,
          fusion: opts.fusion,
          dtype: opts.dtype,
          output,
        },
        ctx.io,
      );
    }),
  );
}
