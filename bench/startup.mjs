#!/usr/bin/env node
/**
 * npm run bench: start-up and sweep cost as ratios to bare `node -e 0`,
 * measured interleaved in the same run (so machine load affects both), with
 * the minimum and the median of N rounds, and peak RSS. The bin is run as a
 * user runs it (its shebang's node flags included).
 *
 *   node bench/startup.mjs [rounds]        (default 15)
 *
 * Targets: a cold report ≤ 1.25× bare node on the JSON path and ≤ 2.0× on
 * the table path (which loads cli-table3); `sweep v2 --alpha 0.10:2.00:0.01
 * --resolution 32:512:8` (11,651 configurations) ≥ 20,000 configurations per
 * second; a 971,350-row sweep through a pipe at ≥ 250,000 configurations per
 * second in under 100 MiB, and ended at once when the reader closes the pipe;
 * a 10,000-layer table in under 1 s.
 * ONNX input: the time to count each opset-17 fixture of test/fixtures/onnx
 * beyond the CLI's own start-up (`--version`), target well under 100 ms for
 * graphs of 100+ nodes; time and peak RSS for a 300 MB file (the V2
 * fixture with a 300 MB initializer added), whose weights are never read; and
 * for a 100,000-node graph, target under 2 s.
 * TensorFlow Lite input: time and peak RSS for a 100 MB file (one FULLY_CONNECTED of 5,120 × 5,120
 * float32 weights), read a page at a time: bounded memory, its weights never read.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = Number(process.argv[2] ?? 15);
const bin = "bin/mbn-cost.js";
const SWEEP = ["sweep", "v2", "--alpha", "0.10:2.00:0.01", "--resolution", "32:512:8"];
const SWEEP_CONFIGS = 191 * 61;
const BIG_SWEEP = "sweep v2 --alpha 0.10:4.00:0.001 --resolution 32:1024:4";
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const commands = {
  "node -e 0": [process.execPath, "-e", "0"],
  "mbn-cost --version": [bin, "--version"],
  "mbn-cost v2 --alpha 0.5 --format json": [bin, "v2", "--alpha", "0.5", "--format", "json"],
  "mbn-cost v2 --alpha 0.5 (table)": [bin, "v2", "--alpha", "0.5"],
  "mbn-cost v2 --alpha 0.5 --hardware pixel8-edgetpu --format json": [
    bin,
    "v2",
    "--alpha",
    "0.5",
    "--hardware",
    "pixel8-edgetpu",
    "--format",
    "json",
  ],
  "mbn-cost sweep (11,651 configs)": [bin, ...SWEEP],
};
const ONNX_DIR = "test/fixtures/onnx";
const onnxFixtures = readdirSync(join(root, ONNX_DIR)).filter(
  (f) => /-opset17\.onnx$/.test(f) && !f.includes("-" + "dynamic"),
);
for (const file of onnxFixtures)
  commands[`mbn-cost ${file} --format json`] = [bin, `${ONNX_DIR}/${file}`, "--format", "json"];

function timeOnce([file, ...args]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${file} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function peakRssKb(argv) {
  if (!gnuTime) return undefined;
  const r = spawnSync(gnuTime, ["-f", "%M", ...argv], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  return Number(r.stderr.trim().split("\n").at(-1));
}

/** A shell pipeline, timed, with the sweep's own peak RSS (GNU time on the first stage, into a file). */
function pipeline(consumer) {
  const rssFile = join(mkdtempSync(join(tmpdir(), "mbn-bench-")), "rss");
  const time = gnuTime ? `${gnuTime} -f %M -o ${rssFile}` : "";
  const start = process.hrtime.bigint();
  const r = spawnSync("bash", ["-c", `${time} ./${bin} ${BIG_SWEEP} | ${consumer}`], {
    cwd: root,
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rssMb = gnuTime ? Number(readFileSync(rssFile, "utf8").trim().split("\n").at(-1)) / 1024 : undefined;
  return { ms, out: r.stdout.trim(), rssMb };
}

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const argv of Object.values(commands)) timeOnce(argv); // warm the file cache
for (let i = 0; i < rounds; i++)
  for (const [name, argv] of Object.entries(commands)) samples[name].push(timeOnce(argv));

const min = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = { min: min(samples["node -e 0"]), median: median(samples["node -e 0"]) };

console.log(`node ${process.version}, ${rounds} interleaved rounds (min / median, ms; ratio to bare node)`);
for (const [name, xs] of Object.entries(samples)) {
  const rss = peakRssKb(commands[name]);
  const times = `${min(xs).toFixed(1).padStart(7)} / ${median(xs).toFixed(1).padStart(7)}`;
  const ratios = `×${(min(xs) / base.min).toFixed(2)} / ×${(median(xs) / base.median).toFixed(2)}`;
  console.log(
    `${name.padEnd(40)} ${times}   ${ratios}${rss ? `   peak RSS ${(rss / 1024).toFixed(1)} MB` : ""}`,
  );
}
const cold = min(samples["mbn-cost sweep (11,651 configs)"]);
const sweepWork = cold - min(samples["mbn-cost v2 --alpha 0.5 --format json"]);
const perSecond = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
console.log(
  `sweep throughput: ${perSecond(SWEEP_CONFIGS, cold)} configurations/s including start-up, ${perSecond(SWEEP_CONFIGS, sweepWork)}/s beyond a single report`,
);

const whole = pipeline("wc -l");
const rows = Number(whole.out) - 1;
const closed = pipeline("head -1 > /dev/null; echo done");
console.log(
  `${BIG_SWEEP} | wc -l: ${rows.toLocaleString("en-US")} rows in ${(whole.ms / 1000).toFixed(2)} s (${perSecond(rows, whole.ms)} configurations/s)` +
    (whole.rssMb ? `, peak RSS ${whole.rssMb.toFixed(1)} MB` : ""),
);
console.log(`the same | head -1: ended after ${(closed.ms / 1000).toFixed(2)} s`);

const json = min(samples["mbn-cost v2 --alpha 0.5 --format json"]) / base.min;
const table = min(samples["mbn-cost v2 --alpha 0.5 (table)"]) / base.min;
const ok = (b) => (b ? "✓" : "✗");
// the roofline path against the plain JSON report, beyond bare node's start-up
const plainWork = min(samples["mbn-cost v2 --alpha 0.5 --format json"]);
const rooflineWork = min(samples["mbn-cost v2 --alpha 0.5 --hardware pixel8-edgetpu --format json"]);
const roofline = rooflineWork / plainWork;
// a table of 10,000 layers (rendering is linear in rows)
const deep = join(mkdtempSync(join(tmpdir(), "mbn-bench-")), "deep.json");
writeFileSync(
  deep,
  JSON.stringify({
    name: "deep",
    source: "bench: 10,000 3×3 convolutions",
    input: { resolution: 32, channels: 8 },
    width_rule: "floor",
    classes: 10,
    layers: [{ kind: "conv", kernel: 3, stride: 1, out: 8, repeat: 10_000 }],
  }),
);
const deepTable = min(Array.from({ length: 3 }, () => timeOnce([bin, deep])));
console.log(`a 10,000-layer table: ${(deepTable / 1000).toFixed(2)} s`);
const piped = rows / (whole.ms / 1000);
console.log(
  `targets: JSON path ×${json.toFixed(2)} ${ok(json <= 1.25)} (≤ ×1.25), table path ×${table.toFixed(2)} ${ok(table <= 2)} (≤ ×2.0); ` +
    `roofline path ×${roofline.toFixed(2)} the plain report ${ok(roofline <= 1.1)} (≤ ×1.1); ` +
    `sweep ≥ 20,000/s ${ok(SWEEP_CONFIGS / (cold / 1000) >= 20000)}; piped sweep ≥ 250,000/s ${ok(piped >= 250_000)}, < 100 MiB ${ok((whole.rssMb ?? 0) < 100)}; ` +
    `closed pipe < 0.5 s ${ok(closed.ms < 500)}; 10,000-layer table < 1 s ${ok(deepTable < 1000)}`,
);

// ONNX: counting each fixture beyond the CLI's start-up, and a large file read whole
const { create, fromBinary, toBinary } = await import("@bufbuild/protobuf");
const { ModelProtoSchema, TensorProtoSchema } = await import("onnx-buf");
const decodeFixture = (file) => fromBinary(ModelProtoSchema, readFileSync(join(root, ONNX_DIR, file)));
const startup = min(samples["mbn-cost --version"]);
const onnxLines = onnxFixtures.map((file) => ({
  file,
  nodes: decodeFixture(file).graph.node.length,
  beyond: min(samples[`mbn-cost ${file} --format json`]) - startup,
}));
console.log(
  `ONNX, beyond start-up (--version): ${onnxLines.map((l) => `${l.file} (${l.nodes} nodes) ${l.beyond.toFixed(1)} ms`).join(", ")}; ` +
    `target < 100 ms ${ok(onnxLines.every((l) => l.beyond < 100))}`,
);
const big = decodeFixture("mobilenet-v2-opset17.onnx");
const BIG_BYTES = 300 * 1024 * 1024;
big.graph.initializer.push(
  create(TensorProtoSchema, {
    name: "bench.padding",
    dims: [BigInt(BIG_BYTES / 4)],
    dataType: 1,
    rawData: new Uint8Array(BIG_BYTES),
  }),
);
const bigFile = join(mkdtempSync(join(tmpdir(), "mbn-bench-")), "large.onnx");
writeFileSync(bigFile, toBinary(ModelProtoSchema, big));
const bigArgv = [bin, bigFile, "--format", "json"];
const bigMs = min([timeOnce(bigArgv), timeOnce(bigArgv), timeOnce(bigArgv)]);
const bigRss = peakRssKb(bigArgv);
console.log(
  `ONNX, a ${BIG_BYTES / 1024 / 1024} MB file: ${bigMs.toFixed(0)} ms` +
    (bigRss ? `, peak RSS ${(bigRss / 1024).toFixed(0)} MB` : ""),
);

// TensorFlow Lite: a 100 MB file (one FULLY_CONNECTED of 5,120 × 5,120 float32 weights), read a page at
// a time: its weights are never read, so memory stays that of a small model
const flatbuffers = await import("flatbuffers");
const tfl = await import(join(root, "dist/io/tflite/schema.generated.js"));
const UNITS = 5120;
const fb = new flatbuffers.Builder(1024);
const weights = tfl.Buffer.createDataVector(fb, new Uint8Array(UNITS * UNITS * 4));
const buffers = [tfl.Buffer.createBuffer(fb, 0, 0n, 0n), tfl.Buffer.createBuffer(fb, weights, 0n, 0n)];
const tensor = (name, shape, buffer) => {
  const nameAt = fb.createString(name);
  const shapeAt = tfl.Tensor.createShapeVector(fb, shape);
  tfl.Tensor.startTensor(fb);
  tfl.Tensor.addShape(fb, shapeAt);
  tfl.Tensor.addType(fb, tfl.TensorType.FLOAT32);
  tfl.Tensor.addBuffer(fb, buffer);
  tfl.Tensor.addName(fb, nameAt);
  return tfl.Tensor.endTensor(fb);
};
const tensors = [tensor("x", [1, UNITS], 0), tensor("w", [UNITS, UNITS], 1), tensor("y", [1, UNITS], 0)];
const fcCode = tfl.OperatorCode.createOperatorCode(fb, 9, 0, 1, tfl.BuiltinOperator.FULLY_CONNECTED);
const fcInputs = tfl.Operator.createInputsVector(fb, [0, 1, -1]);
const fcOutputs = tfl.Operator.createOutputsVector(fb, [2]);
tfl.Operator.startOperator(fb);
tfl.Operator.addOpcodeIndex(fb, 0);
tfl.Operator.addInputs(fb, fcInputs);
tfl.Operator.addOutputs(fb, fcOutputs);
const fcOp = tfl.Operator.endOperator(fb);
const subgraph = tfl.SubGraph.createSubGraph(
  fb,
  tfl.SubGraph.createTensorsVector(fb, tensors),
  tfl.SubGraph.createInputsVector(fb, [0]),
  tfl.SubGraph.createOutputsVector(fb, [2]),
  tfl.SubGraph.createOperatorsVector(fb, [fcOp]),
  fb.createString("main"),
  0,
);
const operatorCodes = tfl.Model.createOperatorCodesVector(fb, [fcCode]);
const subgraphs = tfl.Model.createSubgraphsVector(fb, [subgraph]);
const buffersAt = tfl.Model.createBuffersVector(fb, buffers);
const description = fb.createString("bench");
tfl.Model.startModel(fb);
tfl.Model.addVersion(fb, 3);
tfl.Model.addOperatorCodes(fb, operatorCodes);
tfl.Model.addSubgraphs(fb, subgraphs);
tfl.Model.addDescription(fb, description);
tfl.Model.addBuffers(fb, buffersAt);
tfl.Model.finishModelBuffer(fb, tfl.Model.endModel(fb));
const tfliteFile = join(mkdtempSync(join(tmpdir(), "mbn-bench-")), "large.tflite");
writeFileSync(tfliteFile, fb.asUint8Array());
const tfliteArgv = [bin, tfliteFile, "--format", "json"];
const tfliteMs = min([timeOnce(tfliteArgv), timeOnce(tfliteArgv), timeOnce(tfliteArgv)]);
const tfliteRss = peakRssKb(tfliteArgv);
console.log(
  `TensorFlow Lite, a ${(fb.asUint8Array().length / 1024 / 1024).toFixed(0)} MB file: ${tfliteMs.toFixed(0)} ms` +
    (tfliteRss ? `, peak RSS ${(tfliteRss / 1024).toFixed(0)} MB` : ""),
);

// a 100,000-node graph (a chain of 1×1 convolutions and ReLUs sharing one weight): target < 2 s
const { NodeProtoSchema, ValueInfoProtoSchema } = await import("onnx-buf");
const CHAIN = 100_000;
const chain = [];
for (let i = 0; i < CHAIN / 2; i++) {
  const input = i === 0 ? "input" : `r${i - 1}`;
  chain.push(
    create(NodeProtoSchema, {
      name: `/block${i}/conv/Conv`,
      opType: "Conv",
      input: [input, "w"],
      output: [`c${i}`],
    }),
    create(NodeProtoSchema, {
      name: `/block${i}/act/Relu`,
      opType: "Relu",
      input: [`c${i}`],
      output: [`r${i}`],
    }),
  );
}
const dim = (value) => ({ value: { case: "dimValue", value: BigInt(value) } });
const deepGraph = create(ModelProtoSchema, {
  irVersion: 8n,
  producerName: "bench",
  opsetImport: [{ domain: "", version: 17n }],
  graph: {
    name: "chain",
    node: chain,
    input: [
      create(ValueInfoProtoSchema, {
        name: "input",
        type: {
          value: { case: "tensorType", value: { elemType: 1, shape: { dim: [1, 8, 16, 16].map(dim) } } },
        },
      }),
    ],
    initializer: [create(TensorProtoSchema, { name: "w", dims: [8n, 8n, 1n, 1n], dataType: 1 })],
  },
});
const deepFile = join(mkdtempSync(join(tmpdir(), "mbn-bench-")), "chain.onnx");
writeFileSync(deepFile, toBinary(ModelProtoSchema, deepGraph));
const deepArgv = [bin, deepFile, "--totals"];
const deepMs = min([timeOnce(deepArgv), timeOnce(deepArgv), timeOnce(deepArgv)]);
const deepRss = peakRssKb(deepArgv);
console.log(
  `ONNX, a ${CHAIN.toLocaleString("en-US")}-node graph (--totals): ${(deepMs / 1000).toFixed(2)} s` +
    (deepRss ? `, peak RSS ${(deepRss / 1024).toFixed(0)} MB` : "") +
    `; target < 2 s ${ok(deepMs < 2000)}`,
);
