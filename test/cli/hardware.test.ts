/** `--hardware` and `--ridge-point` on the main command: the roofline report, its JSON contract and its errors. */
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const json = async (args: string[]) => JSON.parse((await runCli([...args, "--format", "json"])).out);

describe("the roofline report", () => {
  test("--hardware pixel8-edgetpu: bytes, intensity, bound and roofline MACs per layer; a header with the totals", async () => {
    const r = await runCli(["v2", "--hardware", "pixel8-edgetpu"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("hardware: pixel8-edgetpu — ridge point 433.8 MACs/byte, int8");
    expect(r.out).toContain(
      "roofline: 17.63MB moved · 7.65G MAC-equivalents (×25.43 the MACs) · 64 of 64 layers memory-bound",
    );
    // the stem: 10,838,016 MACs over 27·32 weights + 224²·3 in + 112²·32 out = 552,800 bytes at int8
    expect(r.out).toMatch(/│ +1 │ conv_1 +│ conv +│ +10\.84M │ +552\.80K │ +19\.61 │ memory/);
  });

  test("JSON: hardware, totals.bytes, totals.roofline_macs, and per layer bytes, intensity, bound, roofline_macs", async () => {
    const d = await json(["v1", "--hardware", "pixel6-cpu"]);
    expect(d.hardware).toEqual({
      name: "pixel6-cpu",
      ridge_point: 31.2,
      dtype: "int8",
      fusion: "none",
      source: "Qin et al. 2024, MobileNetV4, Appendix F, Table 16 (ridge point fitted to int8 latency)",
    });
    expect(d.totals).toMatchObject({
      bytes: 14_449_040,
      roofline_macs: 759_485_017.6,
      memory_bound_layers: 17,
    });
    const pw = d.layers.find((l: { name: string }) => l.name === "ds_13/pw");
    expect(pw).toMatchObject({ bound: "compute", roofline_macs: pw.macs });
    // ShuffleNet V2's G1 memory access cost of a 1×1 conv: h·w·(c1 + c2) + c1·c2 = 7·7·2048 + 1024²
    expect(pw.memory_access_cost).toBe(7 * 7 * 2048 + 1024 * 1024);
    expect(d.layers.find((l: { name: string }) => l.name === "ds_13/dw").memory_access_cost).toBeUndefined();
    expect(d.layers.reduce((a: number, l: { bytes: number }) => a + l.bytes, 0)).toBe(d.totals.bytes);
  });

  test("--ridge-point 0 is the plain MAC count; --fusion block moves less", async () => {
    const plain = await json(["v2", "--ridge-point", "0"]);
    expect(plain.totals.roofline_macs).toBe(plain.totals.macs);
    const fused = await json(["v2", "--ridge-point", "0", "--fusion", "block"]);
    expect(fused.totals.bytes).toBeLessThan(plain.totals.bytes);
    expect(fused.hardware.fusion).toBe("block");
  });

  test("a profile file with peaks gives milliseconds: Σ max(MACs / 2T, bytes / 25G)", async () => {
    const d = await json(["v2", "--hardware", "test/fixtures/hardware/npu.json"]);
    expect(d.hardware).toMatchObject({ ridge_point: 80, peak_macs_per_s: 2e12, bandwidth_bytes_per_s: 25e9 });
    // every V2 layer is below 80 MACs/byte at int8, so the time is the bytes over the bandwidth
    expect(d.totals.memory_bound_layers).toBe(64);
    expect(d.totals.latency_ms).toBeCloseTo((17_630_224 / 25e9) * 1000, 9);
    expect((await runCli(["v2", "--hardware", "test/fixtures/hardware/npu.json"])).out).toContain("0.705 ms");
  });

  test("--dtype overrides the profile's", async () => {
    const fp16 = await json(["v1", "--hardware", "pixel6-cpu", "--dtype", "fp16"]);
    expect(fp16.hardware.dtype).toBe("fp16");
    expect(fp16.totals.bytes).toBe(2 * 14_449_040);
  });

  test("CSV rows carry the roofline columns", async () => {
    const [header] = (await runCli(["v1", "--ridge-point", "100", "-f", "csv"])).out.split("\r\n");
    expect(header).toMatch(/,bytes,weight_bytes,activation_bytes,intensity,bound,roofline_macs$/);
  });

  test("schema hardware prints the profile file's JSON Schema", async () => {
    const schema = JSON.parse((await runCli(["schema", "hardware"])).out);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["name", "ridge_point", "peak_macs_per_s", "bandwidth_bytes_per_s", "dtype"]),
    );
  });
});

describe("--by with hardware", () => {
  test("--by bound: V1 on the Pixel 6 CPU: the pointwise convs but the first, at 112² (21.3 MACs/byte) are compute-bound; the 17 others cost 4.5× their MACs", async () => {
    const d = await json(["v1", "--hardware", "pixel6-cpu", "--by", "bound"]);
    const [compute, memory] = d.by_bound;
    // all pointwise MACs (Table 2's 539,492,352) less ds_1/pw's 112·112·32·64
    expect(compute).toMatchObject({ bound: "compute", layers: 12, macs: 539_492_352 - 112 * 112 * 32 * 64 });
    expect(memory).toMatchObject({ bound: "memory", layers: 17 });
    expect(compute.roofline_macs).toBe(compute.macs);
    expect(compute.roofline_macs + memory.roofline_macs).toBeCloseTo(d.totals.roofline_macs, 3);
  });

  test("--by type on an EdgeTPU-like ridge point: depthwise layers take a third of the cost for 7% of the MACs", async () => {
    const d = await json(["v2", "--hardware", "pixel8-edgetpu", "--by", "type"]);
    const depthwise = d.by_type.find((g: { type: string }) => g.type === "depthwise");
    expect(depthwise.roofline_pct).toBeGreaterThan(30);
    expect(depthwise.macs / d.totals.macs).toBeLessThan(0.07);
  });

  test("--by bound without hardware says what it needs", async () => {
    const r = await runCli(["v1", "--by", "bound"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--by bound: compute- or memory-bound needs hardware; add --hardware/);
  });
});

describe("bad hardware input: one line, exit 2", () => {
  test.each([
    [
      ["v2", "--hardware", "tpu"],
      /--hardware 'tpu': expected one of pixel6-cpu, s23-cpu, pixel4-dsp, pixel8-edgetpu, pixel3-cpu-fp32, .*pixel1-cpu-fp32, or a hardware JSON file/,
    ],
    [
      ["v2", "--hardware", "test/fixtures/hardware/invalid.json"],
      /give ridge_point, or bandwidth_bytes_per_s with peak_macs_per_s or macs_per_s/,
    ],
    [["v2", "--hardware", "nope.json"], /nope\.json: no such file/],
    [
      ["v2", "--ridge-point", "-1"],
      /'-1' is invalid\. Ridge point must be a number of MACs per byte from 0 to 100000/,
    ],
    [["v2", "--hardware", "pixel6-cpu", "--ridge-point", "3"], /--hardware and --ridge-point: give one/],
    [
      ["v2", "--fusion", "layer", "--ridge-point", "3"],
      /'layer' is invalid\. Allowed choices are none, block/,
    ],
  ])("%j", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });
});

describe("mbn-cost ridge: roofline cost against the ridge point", () => {
  test("V2 is cheaper than V1 by MACs and at a CPU's ridge point, V1 on an EdgeTPU's: the MobileNetV4 paper's point", async () => {
    const r = await runCli(["ridge", "v1", "v2", "--ridge-points", "0,31.2,433.8"]);
    expect(r.out).toContain("the cheapest changes at RP 433.8 (to v1)");
    const csv = (
      await runCli(["ridge", "v1", "v2", "--ridge-points", "0,31.2,433.8", "-f", "csv"])
    ).out.split("\r\n");
    expect(csv.slice(0, 4)).toEqual([
      "spec,ridge_point,roofline_macs,cheapest",
      "v1,0,568740352,false", // at RP 0, the MACs
      "v1,31.2,759485017.6,false",
      "v1,433.8,6267993552,true", // 433.8 × 14,449,040 bytes: every V1 layer is memory-bound
    ]);
  });

  test("the chart is one line per model against the ridge point; by default 0 to 500 in steps of 25", async () => {
    const d = JSON.parse((await runCli(["ridge", "v2", "mnv4-conv-s", "-f", "json"])).out);
    expect(d.points).toHaveLength(21);
    expect(d.points[0].costs[0]).toEqual({ spec: "v2", roofline_macs: 300_774_272 });
    const svg = (await runCli(["ridge", "v2", "mnv4-conv-s", "-f", "svg"])).out;
    expect(svg.match(/<path class="line"/g)).toHaveLength(2);
    expect(svg).toContain("ridge point (MACs per byte)");
  });

  test("a bad ridge point is refused", async () => {
    const r = await runCli(["ridge", "v2", "--ridge-points", "-1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--ridge-points '-1' in '-1': a ridge point is from 0 to 100000 MACs per byte/);
  });
});

describe("mbn-cost roofline: the chart", () => {
  test("on a terminal, the table, not raw SVG; --format svg or --out x.svg still draw it", async () => {
    const terminal = await runCli(["roofline", "v2", "--hardware", "pixel6-cpu"], {}, 120);
    expect(terminal.code).toBe(0);
    expect(terminal.out).not.toContain("<svg");
    expect(terminal.out).toContain("roofline:");
    const asked = await runCli(["roofline", "v2", "--hardware", "pixel6-cpu", "--format", "svg"], {}, 120);
    expect(asked.out).toMatch(/^<svg /);
  });

  test("log-log, the ridge marked, a point per layer with MACs coloured by type; SVG into a pipe unless asked otherwise", async () => {
    const r = await runCli(["roofline", "v2", "--hardware", "pixel6-cpu"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<svg /);
    expect(r.out).toContain("ridge point 31.2 MACs/byte");
    expect(r.out).toContain("arithmetic intensity (MACs per byte, log)");
    // 64 rows, of which 10 residual adds and the pool have no MACs
    expect(r.out.match(/<circle class="point"/g)).toHaveLength(53);
    expect(r.out).toMatch(/<title>64 fc_1: 1\.00 MACs\/byte, 3\.2% of peak<\/title>/);
    // the legend's every type in view: the rarest painted last, V2's one conv over the pointwise layers beside it
    const titles = [...r.out.matchAll(/<circle class="point"[^>]*><title>\d+ (\w+?)_\d+:/g)].map((m) => m[1]);
    expect(titles.slice(-2).sort()).toEqual(["conv", "fc"]);
    const json = JSON.parse((await runCli(["roofline", "v2", "--hardware", "pixel6-cpu", "-f", "json"])).out);
    expect(json.hardware.name).toBe("pixel6-cpu");
  });

  test("it needs a ridge point above 0", async () => {
    for (const args of [
      ["roofline", "v2"],
      ["roofline", "v2", "--ridge-point", "0"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/roofline needs hardware|a roofline has no ridge at 0/);
    }
  });
});

describe("sweep on hardware", () => {
  test("bytes, roofline_macs and latency_ms columns; each row equals the main command at that setting", async () => {
    const csv = (
      await runCli([
        "sweep",
        "v2",
        "--alpha",
        "0.5,1",
        "--resolution",
        "224",
        "--hardware",
        "test/fixtures/hardware/npu.json",
      ])
    ).out.split("\r\n");
    expect(csv[0]).toMatch(/,bytes,roofline_macs,latency_ms$/);
    // V2 1.0 at 224: 17,630,224 bytes at int8, all memory-bound at RP 80: 80 × bytes, and bytes / 25 GB/s exactly;
    // the peak's bytes at the same int8 (--dtype means one thing: the profile's when not given)
    expect(csv[2]).toMatch(
      /^v2,1,1,224,paper,3469760,300774272,602112,602112,17630224,1410417920,0\.70520896$/,
    );
    const at = await json(["v2", "--alpha", "0.5", "--hardware", "test/fixtures/hardware/npu.json"]);
    const row = csv[1]!.split(",");
    expect([Number(row[9]), Number(row[10])]).toEqual([at.totals.bytes, at.totals.roofline_macs]);
  });

  test("JSON lines carry them too, without latency on a ridge point alone", async () => {
    const row = JSON.parse(
      (await runCli(["sweep", "v2", "--alpha", "0.5", "--ridge-point", "31.2", "-f", "jsonl"])).out,
    );
    expect(row).toMatchObject({ bytes: 9_746_656, roofline_macs: 307_096_832 });
    expect(row.latency_ms).toBeUndefined();
  });
});

describe("compare on hardware", () => {
  test("each spec's bytes, roofline cost and ratio to the first beside the comparison; CSV and JSON too", async () => {
    const r = await runCli(["compare", "v1", "v2", "--hardware", "pixel8-edgetpu"]);
    expect(r.out).toContain("On pixel8-edgetpu (int8, fusion none)");
    // V2 moves more bytes than V1 (17.63M vs 14.45M) though it has half the MACs: it costs ×1.220 on the EdgeTPU
    expect(r.out).toMatch(/│ v2 +│ 17\.63M │ +7\.65G │ +1\.220 │ +64 of 64 │/);
    const csv = (await runCli(["compare", "v1", "v2", "--ridge-point", "31.2", "-f", "csv"])).out.split(
      "\r\n",
    );
    expect(csv[0]).toMatch(/,bytes,roofline_macs$/);
    expect(csv[1]).toMatch(/,14449040,759485017\.6$/);
    const d = JSON.parse((await runCli(["compare", "v1", "v2", "--ridge-point", "31.2", "-f", "json"])).out);
    expect(d.models[1]).toMatchObject({ bytes: 17_630_224, roofline_macs: 601_833_356.8 });
    expect(d.hardware.ridge_point).toBe(31.2);
  });
});

describe("fit --max-latency-ms", () => {
  test("the widest α whose roofline time on a profile with peaks is within the budget, the next wider over it", async () => {
    const d = JSON.parse(
      (
        await runCli([
          "fit",
          "v2",
          "--max-latency-ms",
          "0.3",
          "--hardware",
          "test/fixtures/hardware/npu.json",
          "-f",
          "json",
        ])
      ).out,
    );
    expect(d.alpha).toBe(0.27);
    expect(d.latency_ms).toBeLessThanOrEqual(0.3);
    expect(d.next_wider.latency_ms).toBeGreaterThan(0.3);
    // the same time as the main command reports at that width
    const at = await json(["v2", "--alpha", "0.27", "--hardware", "test/fixtures/hardware/npu.json"]);
    expect(d.latency_ms).toBeCloseTo(at.totals.latency_ms, 9);
  });

  test("it needs a profile that gives times: the message names the calibrated devices, the fields and mbn-cost calibrate", async () => {
    for (const args of [
      ["fit", "v2", "--max-latency-ms", "0.3"],
      ["fit", "v2", "--max-latency-ms", "0.3", "--hardware", "pixel6-cpu"],
      ["fit", "v2", "--max-latency-ms", "0.0001", "--hardware", "pixel6-cpu"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /needs hardware that gives times|has a ridge point but no peaks|at most 3 decimals/,
      );
      if (!/at most 3 decimals/.test(r.err)) expect(r.err).toMatch(/pixel3-cpu-fp32, .*mbn-cost calibrate/);
    }
  });
});

describe("report --hardware", () => {
  test("the HTML report gains the roofline chart and the roofline cost by type", async () => {
    const r = await runCli(["report", "v2", "--hardware", "pixel8-edgetpu"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('<section id="roofline">');
    expect(r.out).toContain("v2: the roofline on pixel8-edgetpu");
    expect(r.out).toContain("arithmetic intensity (MACs per byte, log)");
    expect(r.out).toContain('<section id="roofline-by-type">');
    expect(r.out.match(/<svg /g)).toHaveLength(4);
  });
});

describe("--totals with hardware", () => {
  test("the one-line answer gains the bytes moved and the roofline cost (and time, with peaks)", async () => {
    expect((await runCli(["v2", "--totals", "--hardware", "pixel8-edgetpu"])).out).toBe(
      "v2 α 1 224×224: 3.47M params · 300.77M MACs · 601.55M FLOPs (paper) · 17.63MB moved · 7.65G roofline MACs on pixel8-edgetpu\n",
    );
    const [header, row] = (
      await runCli(["v2", "--totals", "--hardware", "test/fixtures/hardware/npu.json", "-f", "csv"])
    ).out.split("\r\n");
    expect(header).toBe(
      "model,alpha,depth,resolution,batch,convention,params,macs,flops,bytes,roofline_macs,latency_ms",
    );
    expect(row).toBe("v2,1,1,224,1,paper,3469760,300774272,601548544,17630224,1410417920,0.70520896");
  });
});
