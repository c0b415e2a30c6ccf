/**
 * Bad input anywhere: exit 2, one line on stderr naming the value and what is
 * allowed, no stack trace, nothing on stdout, no file written.
 */
import { describe, expect, test } from "vitest";
import { COMMAND_NAMES } from "../../src/cli/command-names.js";
import { runCli } from "../helpers/io.js";

const cases: [string[], RegExp][] = [
  // main command
  [["v2", "--alpha", "0"], /'0' is invalid\. Width multiplier must be a number > 0 and ≤ 10/],
  [["v2", "--alpha", "-1"], /'-1' is invalid\. Width multiplier/],
  [["v2", "--alpha", "abc"], /'abc' is invalid\. Width multiplier/],
  [["v2", "--alpha", "11"], /'11' is invalid\. Width multiplier must be a number > 0 and ≤ 10/],
  [["v2", "--resolution", "0"], /'0' is invalid\. Resolution must be a positive integer from 1 to 16384/],
  [["v2", "--resolution", "224.5"], /'224\.5' is invalid\. Resolution/],
  [["v2", "--resolution", "99999"], /'99999' is invalid\. Resolution/],
  [["v9"], /unknown model 'v9': expected a built-in model \(28\), one of timm's mobile catalogue/],
  [["v2", "--resolution", "0x5"], /'0x5' is invalid\. Resolution must be .* or HEIGHTxWIDTH \(320x240\)/],
  [["v2", "--resolution", "320x"], /'320x' is invalid\. Resolution must be/],
  [["v2@1/320x240", "-r", "320x200"], /gives resolution 320x240 and --resolution gives 320x200: give one/],
  [
    ["v2", "--convention", "onnx"],
    /'onnx' is invalid\. Allowed choices are paper, torchvision, tf-slim, fvcore, ptflops, ptflops-aten, thop, torch-flops, keras/,
  ],
  [
    ["v2", "--format", "xml"],
    /'xml' is invalid\. Allowed choices are table, json, csv, tsv, jsonl, markdown/,
  ],
  [
    ["v2", "--by", "colour"],
    /'colour' is invalid\. Allowed choices are type, resolution, stage, block, layer/,
  ],
  [["v2", "--dtype", "fp64"], /'fp64' is invalid\. Allowed choices are fp32, fp16, int8/],
  [["v2", "--folded-bn", "maybe"], /'maybe' is invalid\. Allowed choices are auto, all, none/],
  [
    ["test/fixtures/onnx/mobilenet-v2-opset17.onnx", "--alpha", "0.5"],
    /mobilenet-v2-opset17\.onnx: an ONNX graph's widths are fixed; --alpha takes 1 only/,
  ],
  [["v2", "--unit", "gflops"], /'gflops' is invalid\. Allowed choices are macs, flops/],
  [["v2", "--classes", "-3"], /'-3' is invalid\. Classes must be a whole number from 0 to 1000000/],
  [["v2", "--frobnicate"], /unknown option '--frobnicate'/],
  [
    ["v2", "--out", "no/such/folder/x.csv"],
    /--out no\/such\/folder\/x\.csv: folder 'no\/such\/folder' does not exist/,
  ],
  [["v2", "--out", "report.pdf"], /cannot tell the format from '\.pdf'/],
  [["test/fixtures/configs/invalid/negative-out.json"], /layers\[3\]\.out: expected a positive integer/],
  [["test/fixtures/configs/invalid/typo.json"], /layers\[0\]: unknown field 'strdie'/],
  [["test/fixtures/configs/invalid/not-json.json"], /not valid JSON/],
  [["test/fixtures"], /test\/fixtures: no such file|is a folder/],
  [["mobilenet-v2-cifar", "--resolution", "8"], /layer pool_1: its 1×1 input is too small/],
  [["mobilenet-v2-cifar", "--resolution", "16"], /layer pool_1: its 2×2 input is too small/],
  [["test/fixtures/configs/missing.json"], /missing\.json: no such file/],
  [
    ["test/fixtures/configs/invalid/deep.json"],
    /deep: more than 100,000 layers after expanding repeats \(at entry 'conv', 1,000,000,000 layers or more\)/,
  ],
  [
    ["test/fixtures/configs/invalid/deep-stage.json"],
    /deep-stage: more than 100,000 layers .*'inverted_residual'/,
  ],
  [["test/fixtures/configs/invalid/deep-fused.json"], /deep-fused: more than 100,000 layers .*'fused_ib'/],
  [
    ["test/fixtures/configs/invalid/deep-mbconv.json", "--totals"],
    /deep-mbconv: more than 100,000 layers .*'mbconv', 1,000,000,001 layers or more/,
  ],
  [["sweep", "test/fixtures/configs/invalid/deep-mbconv.json"], /deep-mbconv: more than 100,000 layers/],
  [["/dev/zero"], /\/dev\/zero: is not a regular file/],
  [["show", "v2", "--alpha", "0"], /'0' is invalid\. Width multiplier/],
  [["v2@0.5", "--alpha", "0.75"], /'v2@0\.5' gives α 0\.5 and --alpha gives 0\.75: give one/],
  [["v2", "--totals", "--by", "type"], /--totals and --by type: give one/],
  [["v2@0/160"], /spec 'v2@0\/160': width multiplier '0' must be a number > 0/],
  // compare
  [["compare", "v1@0", "v2"], /spec 'v1@0': width multiplier '0' must be a number > 0/],
  [["compare", "v1@0.5/0"], /resolution 0 must be a positive integer from 1/],
  [
    ["compare", "v1", "--by", "layer"],
    /'layer' is invalid\. Allowed choices are type, resolution, stage, block/,
  ],
  // sweep
  [["sweep", "v2", "--alpha", "1:0.5:0.1"], /start 1 is above stop 0\.5/],
  [["sweep", "v2", "--alpha", "0.1:1:-0.1"], /step '-0\.1' must be a number > 0/],
  [["sweep", "v2", "--resolution", "a,b"], /--resolution 'a' in 'a,b' is not a number/],
  [["sweep", "v2", "--alpha", "0.00001:2:0.00001"], /at most 100000 are allowed/],
  [
    ["sweep", "v2", "--alpha", "0.001:10:0.0001", "--resolution", "1:16384:1"],
    /sweep of 1,638,252,544 configurations \(99991 α × 16384 resolutions\); at most 10,000,000/,
  ],
  [
    [
      "fit",
      "v2",
      "--max-macs",
      "100M",
      "--alpha-step",
      "0.0001",
      "--alpha-max",
      "10",
      "--resolutions",
      "1:16384:1",
    ],
    /fit of 1,638,400,000 configurations \(100000 α × 16384 resolutions\); at most 10,000,000: narrow --alpha-step/,
  ],
  [
    ["sweep", "v2", "--alpha", "0.1:2:0.001", "--resolution", "96:224:8", "--format", "table"],
    /--format table draws a sweep whole, and 32,317 configurations are more than 10,000: use --format csv, tsv or jsonl/,
  ],
  [
    ["sweep", "v2", "--alpha", "0.1:2:0.001", "--resolution", "96:224:8", "--out", "x.md"],
    /--format markdown draws a sweep whole/,
  ],
  [["sweep", "v2", "--alpha", "0:1:0.1"], /--alpha '0' in '0:1:0\.1': width multiplier must be > 0/],
  [["sweep", "v2", "--resolution", "32:16:8"], /start 32 is above stop 16/],
  [["sweep", "v2", "--resolution", "22.5"], /resolution must be an integer/],
  [["sweep", "mobilenet-v2-cifar", "--resolution", "8:32:8"], /layer pool_1: its 1×1 input is too small/],
  [["sweep", "v2", "--format", "xlsx"], /Allowed choices are csv, tsv, jsonl, json, table, markdown/],
  [["sweep", "v2", "--out", "s.xyz"], /--out s\.xyz: cannot tell the format from '\.xyz'/],
  // report
  [["report", "v2@0"], /width multiplier '0' must be a number > 0/],
  [["report", "v9", "--out", "r.html"], /unknown model 'v9'/],
  [["report", "v2", "--convention", "onnx"], /'onnx' is invalid/],
  // check
  [["check", "nope.json"], /nope\.json: no such file/],
  [["diff", "nope.json", "nope.json"], /nope\.json: no such file/],
  [
    ["diff", "examples/budgets.json", "--against", "no-such-ref-anywhere"],
    /--against no-such-ref-anywhere: no such commit/,
  ],
  [["diff", "examples/my-net.json", "examples/my-net.json"], /my-net\.json: not a saved mbn-cost JSON/],
  [["check", "test/fixtures/budgets/bad-quantity.json"], /budgets\[0\]\.max_macs: expected a whole number/],
  [["check", "test/fixtures/budgets/no-limit.json"], /a budget needs at least one of max_macs/],
  [["check", "test/fixtures/budgets/unknown-model.json"], /budgets\[1\]\.model: unknown model 'v9'/],
  [
    ["check", "test/fixtures/budgets/all-pass.json", "--format", "csv"],
    /'csv' is invalid\. Allowed choices are table, json, markdown/,
  ],
  // calibrate
  [["calibrate", "test/fixtures/missing.csv"], /test\/fixtures\/missing\.csv/],
  [["calibrate", "data/latency/pixel3-cpu-fp32.csv", "--dtype", "int4"], /'int4' is invalid/],
  [["calibrate", "data/latency/pixel3-cpu-fp32.csv", "--fusion", "all"], /'all' is invalid/],
  [
    ["calibrate", "test/fixtures/hardware/npu.json"],
    /npu\.json: column .* is not one calibrate reads|not a valid CSV/,
  ],
  // fit
  [
    ["fit", "v2"],
    /fit needs a budget: give --max-macs or --max-flops, --max-params, and\/or --max-latency-ms/,
  ],
  [["fit", "v2", "--max-macs", "ten"], /--max-macs 'ten': expected a whole number/],
  [["fit", "v2", "--max-params", "1.5"], /--max-params '1\.5': expected a whole number/],
  [
    ["fit", "v2", "--max-macs", "8MB"],
    /--max-macs '8MB': that is bytes; MAC, FLOP and parameter budgets are counts/,
  ],
  [["fit", "v2", "--max-macs", "1G", "--max-flops", "2G"], /give either --max-macs or --max-flops, not both/],
  // explain, paper, formula, ratio, schema
  [["explain", "v2", "--to", "onnx"], /'onnx' is invalid/],
  [["explain", "v2"], /required option '--to <convention>' not specified/],
  [["paper", "v9"], /'v9' is invalid for argument 'family'/],
  [
    ["ridge", "v2", "--ridge-points", "abc"],
    /--ridge-points 'abc' in 'abc' is not a number; expected a list \(0,31\.2,433\.8\)/,
  ],
  [["ridge", "v9"], /unknown model 'v9'/],
  [["app", "--port", "8080"], /unknown option '--port'/],
  [["roofline", "v2"], /roofline needs hardware: --hardware <name\|file> or --ridge-point/],
  [
    ["formula", "deconv"],
    /'deconv' is invalid for argument 'kind'\. Allowed choices are conv, dw, pw, dsconv, gconv, fc/,
  ],
  [["formula", "conv", "--M", "0"], /'0' is invalid\. M must be a positive integer/],
  [["ratio", "--DK", "3.5"], /'3\.5' is invalid\. D_K must be a positive integer/],
  [["ratio", "--N", "0"], /'0' is invalid\. N must be a positive integer/],
  [["ratio", "--N", "abc"], /'abc' is invalid\. N must be a positive integer/],
  [["ratio", "--bogus"], /unknown option '--bogus'/],
  [["formula", "conv", "--notation", "tex"], /'tex' is invalid.*unicode, ascii, latex/],
  [["ratio", "--notation", "tex"], /'tex' is invalid\. Allowed choices are unicode, ascii, latex/],
  [
    ["models", "--format", "xml"],
    /'xml' is invalid\. Allowed choices are table, json, csv, tsv, jsonl, markdown/,
  ],
  [
    ["schema", "everything"],
    /'everything' is invalid for argument 'which'\. Allowed choices are model, budgets/,
  ],
];

describe(`bad input (${cases.length} cases): exit 2, one line, no stack, nothing written`, () => {
  test.each(cases)("%j", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe("");
    expect(r.files.size).toBe(0);
  });

  test("the table covers every command", () => {
    const named = (argv: string[]) => (COMMAND_NAMES as readonly string[]).includes(argv[0]!);
    const commands = new Set(cases.map(([argv]) => (named(argv) ? argv[0] : "show")));
    expect([...commands].sort()).toEqual([...COMMAND_NAMES].sort());
  });
});

describe("internal errors", () => {
  test("a bug exits 3 with a hint to report it, the stack only with --debug", async () => {
    const { main } = await import("../../src/cli/main.js");
    const { makeIo } = await import("../helpers/io.js");
    const io = makeIo();
    const broken = {
      ...io,
      stdout: () => {
        throw new TypeError("boom");
      },
    };
    expect(await main(["ratio"], broken)).toBe(3);
    expect(io.err).toMatch(
      /^internal error: boom\. This is a bug in mbn-cost: please report it with the command you ran \(add --debug for the stack\)\.\n$/,
    );
  });
});

describe("a mistyped command", () => {
  test("is named with the command it is closest to (sweeep → sweep)", async () => {
    const r = await runCli(["sweeep", "v2"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'sweeep' is neither a model nor a command: did you mean the command 'sweep'\?/);
  });

  test("a word close to no command says a model takes no further arguments, and lists the commands", async () => {
    const r = await runCli(["xyzzy", "v2"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /'xyzzy' is not a command, and a model takes no further arguments \(v2\); commands: show, compare, sweep/,
    );
  });
});
