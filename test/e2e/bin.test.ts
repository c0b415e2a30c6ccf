/** A few spawns of the built bin (npm test builds first). */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const runBin = (args: string[]) =>
  spawnSync(process.execPath, ["bin/mbn-cost.js", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

describe("bin/mbn-cost.js", () => {
  test("ratio --N 1024 --DK 3", () => {
    const r = runBin(["ratio", "--N", "1024", "--DK", "3"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1033/9216");
  });

  test("bad input exits 2 with one line on stderr", () => {
    const r = runBin(["ratio", "--N", "0"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("bin: --debug runs the bundle built with the source's names", () => {
  test("an internal error's stack names the functions it passes through (main.cjs's names are minified)", () => {
    const require = createRequire(import.meta.url);
    const { loadCli } = require("../../bin/load-cli.cjs");
    const stackOf = async (bundle: string) => {
      const { cli } = loadCli(join(root, "dist/cli-bundle", bundle));
      let stderr = "";
      const io = {
        ...cli.nodeIo,
        stdout: () => {
          throw new Error("a fault in the output");
        },
        stderr: (text: string) => {
          stderr += text;
        },
      };
      expect(await cli.main(["v2", "--totals", "--debug"], io)).toBe(3);
      return stderr;
    };
    return Promise.all([stackOf("main.debug.cjs"), stackOf("main.cjs")]).then(([named, minified]) => {
      expect(named).toMatch(/\n {4}at writeOutcome \(.*main\.debug\.cjs:\d+:\d+\)\n/);
      expect(minified).not.toContain("writeOutcome");
    });
  });

  test("the bin with --debug answers as without it", () => {
    const plain = runBin(["v2", "--alpha", "0.5", "--format", "json"]);
    const debug = runBin(["v2", "--alpha", "0.5", "--format", "json", "--debug"]);
    expect(debug.status).toBe(0);
    expect(debug.stdout).toBe(plain.stdout);
  });
});

describe("bin: the main report and files", () => {
  test("a damaged .tflite: the decoder's file (its own copy of InputError) still ends in one line and exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "mbn-cost-bin-"));
    const file = join(dir, "damaged.tflite");
    writeFileSync(file, "xxxxTFL3 and then nothing a flatbuffer could read");
    const r = runBin([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: damaged\.tflite: not a valid TensorFlow Lite file \(/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("--format model-explorer: the renderer's own file (dist/cli-bundle/model-explorer.cjs), and its refusals exit 2", () => {
    const made = runBin(["test/fixtures/tflite/person_detect.tflite", "--format", "model-explorer"]);
    expect(made.status, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout).name).toBe("mbn-cost MACs");
    const refused = runBin(["compare", "v1", "v2", "--format", "model-explorer"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error: --format model-explorer: node data is per layer/);
  });

  test("an .onnx file: the bundle requires its decoder file (dist/cli-bundle/onnx-decoder.cjs)", () => {
    const r = runBin([
      "test/fixtures/onnx/mobilenet-v2-opset17.onnx",
      "-c",
      "torchvision",
      "--totals",
      "--exact",
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("3,504,872 params · 300,774,272 MACs");
  });

  test("v2 --alpha 0.5 prints the per-layer table", () => {
    const r = runBin(["v2", "--alpha", "0.5"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("97.13M");
  });

  test("--out writes atomically and refuses to overwrite without --force", async () => {
    const { mkdtempSync, readFileSync, readdirSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "mbn-cost-"));
    const out = join(dir, "v1.csv");
    expect(runBin(["v1", "--out", out]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^index,name/);
    const again = runBin(["v1", "--out", out, "--format", "json"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("file exists; add --force");
    expect(runBin(["v1", "--out", out, "--format", "json", "--force"]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).model).toBe("v1");
    expect(readdirSync(dir)).toEqual(["v1.csv"]);
  });
});

describe("bin: pipes", () => {
  test("a reader that closes early (| head) ends the run quietly, exit 0", () => {
    const r = spawnSync(
      "bash",
      [
        "-c",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${…}
        "node bin/mbn-cost.js sweep v2 --alpha 0.10:2.00:0.01 --resolution 32:512:8 | head -1; exit ${PIPESTATUS[0]}",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.stdout).toMatch(/^model,alpha/);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("bin: --out - and devices", () => {
  test("--out - writes to stdout, in the format asked, and writes no file", () => {
    const r = runBin(["v1", "--out", "-", "--format", "csv"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^index,name/);
    expect(r.stderr).toBe("");
  });

  test("--out /dev/stdout writes through the device (here a pipe) and replaces nothing", () => {
    const r = runBin(["v1", "--out", "/dev/stdout", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).model).toBe("v1");
  });
});

describe("bin: options before the command", () => {
  test("mbn-cost --alpha 0.5 sweep v2 is mbn-cost sweep v2 --alpha 0.5", () => {
    const before = runBin(["--alpha", "0.5", "sweep", "v2"]);
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout).toBe(runBin(["sweep", "v2", "--alpha", "0.5"]).stdout);
  });
});

describe("bin: re-runnable CI", () => {
  test("check --junit run twice replaces the report and keeps the verdict's exit code", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const junit = join(mkdtempSync(join(tmpdir(), "mbn-junit-")), "results.xml");
    const args = ["check", "test/fixtures/budgets/one-exceeded.json", "--junit", junit];
    expect(runBin(args).status).toBe(1);
    const again = runBin(args);
    expect(again.status, again.stderr).toBe(1);
    expect(again.stdout).toContain("EXCEEDED v2-full");
    expect(readFileSync(junit, "utf8")).toContain("<failure");
  });

  test("a --junit file in a missing folder is named by its own flag", () => {
    const r = runBin(["check", "test/fixtures/budgets/all-pass.json", "--junit", "no/such/dir/r.xml"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--junit no/such/dir/r.xml: folder 'no/such/dir' does not exist");
  });
});

describe("bin: a model from standard input", () => {
  test("mbn-cost - reads the architecture from stdin, titled by its name", async () => {
    const { readFileSync } = await import("node:fs");
    const input = readFileSync(new URL("../../examples/my-net.json", import.meta.url), "utf8");
    const r = spawnSync(process.execPath, ["bin/mbn-cost.js", "-", "--totals"], {
      cwd: root,
      encoding: "utf8",
      input,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("My net α 1 224×224: 1.40M params · 214.07M MACs · 428.13M FLOPs (paper)\n");
    const bad = spawnSync(process.execPath, ["bin/mbn-cost.js", "-"], {
      cwd: root,
      encoding: "utf8",
      input: "nope",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: standard input: not valid JSON/);
  });
});

describe("bin: standard output that cannot be written", () => {
  // /dev/full fails every write with ENOSPC, as a full disk does
  const toFullDisk = (args: string[]) => {
    const full = openSync("/dev/full", "w");
    try {
      return spawnSync(process.execPath, ["bin/mbn-cost.js", ...args], {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", full, "pipe"],
      });
    } finally {
      closeSync(full);
    }
  };

  test.each([
    [["v2"]],
    [["v2", "--format", "json"]],
    [["app"]],
    [["sweep", "v2", "--alpha", "0.1:2:0.01", "--resolution", "96:224:8"]],
    [["sweep", "v2", "--format", "jsonl"]],
  ])("%j > /dev/full: exit 2 and one line, never 0 or a stack", (args) => {
    const r = toFullDisk(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "error: cannot write to standard output (ENOSPC); what was written is incomplete\n",
    );
  });
});

describe("bin: a sweep runs in a child with smaller young-generation spaces (its memory bounded)", () => {
  test("the child's rows on this standard output, its exit code this one's; bad input still one line and 2", () => {
    const r = runBin(["sweep", "v2", "--alpha", "0.5,1", "--resolution", "224"]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\r\n")).toEqual([
      "model,alpha,depth,resolution,convention,params,macs,peak_activations,peak_activation_bytes",
      "v2,0.5,1,224,paper,1949136,97131840,351232,1404928",
      "v2,1,1,224,paper,3469760,300774272,602112,2408448",
    ]);
    const bad = runBin(["sweep", "v9", "--alpha", "0.5"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("run with the flag already given, it sweeps in place", () => {
    const r = spawnSync(
      process.execPath,
      ["--max-semi-space-size=8", "bin/mbn-cost.js", "sweep", "v2", "--alpha", "1", "--resolution", "224"],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("v2,1,1,224,paper,3469760,300774272");
  });
});

describe("npm's prepare", () => {
  test("builds only when the build is older than its sources: after a build it does nothing, in silence", () => {
    const r = spawnSync(process.execPath, ["scripts/prepare.mjs"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
  });
});
