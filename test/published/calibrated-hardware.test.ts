/** The built-in calibrated devices (configs/hardware/) are what mbn-cost calibrate fits on their stored measurements. */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CALIBRATED_HARDWARE_NAMES } from "../../src/published/hardware.js";
import { runCli } from "../helpers/io.js";

describe("built-in calibrated devices", () => {
  test.each(CALIBRATED_HARDWARE_NAMES)(
    "%s: calibrate on its stored measurements (data/latency/) writes the same profile",
    async (name) => {
      const stored = JSON.parse(readFileSync(`configs/hardware/${name}.json`, "utf8"));
      const out = join(tmpdir(), `mbn-cost-${name}-never-written.json`);
      const r = await runCli(["calibrate", `data/latency/${name}.csv`, "--name", name, "--out", out]);
      expect(r.code).toBe(0);
      const fitted = JSON.parse(r.files.get(out)!);
      const { source, ...rest } = stored;
      expect({ ...fitted, source }).toEqual({ ...rest, source });
      // the source names the table and the commit the measurements' file names
      const commit = /at commit ([0-9a-f]{40})/.exec(readFileSync(`data/latency/${name}.csv`, "utf8"))![1]!;
      expect(source).toContain(commit);
    },
  );

  test.each(CALIBRATED_HARDWARE_NAMES)("--hardware %s gives milliseconds per layer", async (name) => {
    const r = await runCli(["v1", "--hardware", name, "--format", "json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.totals.latency_ms).toBeGreaterThan(0);
    expect(d.hardware.calibration.measurements).toBeGreaterThanOrEqual(16);
    expect(d.layers[0]).toHaveProperty("compute_ms");
  });

  test("the Pixel 3 CPU in float: MobileNetV1 at 224 within a few percent of the 24.0 ms its table gives", async () => {
    const d = JSON.parse((await runCli(["v1", "--hardware", "pixel3-cpu-fp32", "--format", "json"])).out);
    expect(Math.abs(d.totals.latency_ms / 24.0 - 1)).toBeLessThan(0.05);
  });
});
