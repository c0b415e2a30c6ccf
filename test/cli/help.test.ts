/** The help text, pinned (formatting only: the numbers live in other tests). */
import { describe, expect, test } from "vitest";
import { COMMAND_NAMES } from "../../src/cli/command-names.js";
import { runCli } from "../helpers/io.js";

describe("help", () => {
  test("bare mbn-cost is a usage error: the help on stderr, nothing on stdout, exit 2", async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/^Usage: mbn-cost \[options\] \[command\]/);
    expect(r.err).toContain("Commands:");
    expect(r.err).toBe((await runCli(["--help"])).out);
  });

  test("mbn-cost --help lists every command and ends with examples", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatchInlineSnapshot(`
      "Usage: mbn-cost [options] [command]

      Exact parameter and multiply-add (MAC) counts of MobileNet-family networks, from
      symbolic layer formulas.

      Options:
        -V, --version                           output the version number
        --debug                                 print a stack trace for internal errors
        -h, --help                              display help for command

      Commands:
        show [options] <model>                  per-layer params and MACs of a model (the default command: mbn-cost <model>)
        compare [options] <specs...>            compare models side by side: totals with ratios to the first, and aligned breakdowns
        sweep [options] <model>                 evaluate every (α, resolution) pair of a grid: one row per configuration, streamed (CSV by default)
        paper [options] <family>                each published figure of a family's paper and checkpoint tables beside the computed one: ✓ or the difference, with the source
        report [options] <specs...>             one self-contained HTML report (inline charts, sortable per-layer table, breakdowns, the paper comparison): open it in any browser, offline
        check [options] <budgets>               CI gate: evaluate every budget in a budgets file; exit 1 when any is exceeded, naming it
        diff [options] <base> [head]            the cost change between two saved JSON outputs, or of a budgets file since a git commit
        fit [options] <model>                   the widest width multiplier that fits a MAC, param or roofline-latency budget, at one resolution or as a Pareto set over several
        calibrate [options] <measurements.csv>  fit a device's latency model (MACs/s of dense, depthwise and pointwise convs, memory bandwidth, a cost per op) to measured latencies; --out writes it as a --hardware profile
        explain [options] <model>               why two conventions (or tools) give different numbers: the difference by BatchNorm, activations, pooling, biases…, to the integer
        ridge [options] <specs...>              roofline cost against the ridge point, 0 (the MAC count) to 500 MACs/byte, for one or more models: which is cheapest where (MobileNetV4, Section 3)
        roofline [options] <model>              the roofline chart of a model on hardware: attainable share of peak against MACs per byte, log-log, a point per layer: SVG into a pipe or with --out x.svg, the table on a terminal (--format to choose)
        formula [options] <kind>                print a layer kind's params and MACs formulas, factored and expanded, and their values for given symbols
        ratio [options]                         depthwise separable over standard convolution cost, as a simplified formula (1/N + 1/D_K²) and, given N and D_K, exactly
        schema [which]                          print the JSON Schema of architecture (model), budget or hardware files, generated from the validators (also in configs/model.schema.json and configs/budgets.schema.json)
        models [options]                        the built-in models and timm's mobile catalogue: name, aliases, family, default resolution and source
        app [options]                           write the calculator page: one self-contained HTML file, the same library in the browser (no server, offline)
        help [command]                          display help for command

      Examples:
        $ mbn-cost v2 --alpha 0.5                     per-layer table of MobileNet V2 0.5
        $ mbn-cost v1 --format csv --out v1.csv       CSV for a spreadsheet
        $ mbn-cost report v1 --out r.html             a self-contained HTML report with charts
        $ mbn-cost ratio --N 1024 --DK 3              separable vs standard conv, exactly
        $ mbn-cost formula dsconv                     params and MACs formulas of a layer kind
        $ mbn-cost formula conv --M 32 --N 64 --DK 3 --DF 112
        $ mbn-cost v2 --hardware pixel8-edgetpu       roofline cost per layer on a MobileNetV4 Table 16 ridge point
        $ mbn-cost ridge v2 mnv4-conv-s               which is cheaper, from RP 0 (the MACs) to 500 MACs/byte
        $ mbn-cost v2 --hardware pixel3-cpu-fp32      milliseconds per layer on a device calibrated on published latencies
        $ mbn-cost calibrate times.csv --out my.json  your device's latency model, fitted to your measurements

      "
    `);
  });

  test("each command's help has examples", async () => {
    for (const command of COMMAND_NAMES) {
      const r = await runCli([command, "--help"]);
      expect(r.code, command).toBe(0);
      expect(r.out, command).toContain("Examples:");
    }
  });
});

describe("help for a model", () => {
  test("mbn-cost v2 --help is the help of the command that runs it (show), with the model options", async () => {
    const r = await runCli(["v2", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: mbn-cost show \[options\] <model>/);
    expect(r.out).toContain("--alpha <alpha>");
    expect(r.out).toContain("--totals");
  });
});
