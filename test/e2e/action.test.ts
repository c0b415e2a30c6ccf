/**
 * The GitHub Action (action.yml) as a workflow runs it: its check step's script, scripts/action.sh,
 * with the inputs as the environment the step gives it, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT as
 * temporary files, in a git repository whose budgets and model file changed since the baseline. The
 * built CLI runs (npm run build); git is needed for the baseline.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

const net = (channels: number) =>
  JSON.stringify({
    name: "net",
    input: { resolution: 64, channels: 3 },
    classes: 10,
    layers: [
      { kind: "conv", kernel: 3, stride: 2, out: channels },
      { kind: "avgpool" },
      { kind: "fc", out: "classes" },
    ],
  });

const budgets = (alpha: number) =>
  [
    "{",
    '  "budgets": [',
    `    { "name": "v2", "model": "v2", "alpha": ${alpha}, "max_macs": "100M" },`,
    '    { "name": "mine", "model": "net.json", "max_macs": "10M" }',
    "  ]",
    "}",
  ].join("\n");

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd,
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
}

describe("the GitHub Action", () => {
  test("action.yml: a composite action that installs mbn-cost alone and hands the inputs to its script as environment", () => {
    const action = readFileSync(join(root, "action.yml"), "utf8");
    expect(action).toMatch(/^ {2}using: composite$/m);
    expect(action).toMatch(/^ {6}run: npm ci --prefix "\$GITHUB_ACTION_PATH" /m);
    expect(action).toMatch(/^ {6}run: bash "\$GITHUB_ACTION_PATH\/scripts\/action\.sh"$/m);
    for (const [env, input] of [
      ["MBN_COST_BUDGETS", "budgets"],
      ["MBN_COST_BASELINE", "baseline"],
      ["MBN_COST_FAIL_ON_INCREASE", "fail-on-increase"],
    ])
      expect(action).toContain(`${env}: \${{ inputs.${input} }}`);
    // no input is pasted into a script's text
    expect(action).not.toMatch(/run:.*\$\{\{/);
  });

  test("a pull request over budget and past its growth limit: annotations on the budgets' lines, the summary, the outputs, exit 1", () => {
    const repo = mkdtempSync(join(tmpdir(), "mbn-cost-action-"));
    git(repo, "init", "-q");
    writeFileSync(join(repo, "budgets.json"), budgets(0.5));
    writeFileSync(join(repo, "net.json"), net(16));
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "baseline");
    // the pull request: a wider V2 and a wider first conv
    writeFileSync(join(repo, "budgets.json"), budgets(0.75));
    writeFileSync(join(repo, "net.json"), net(32));
    const [summary, output] = [join(repo, "summary.md"), join(repo, "output.txt")] as const;
    writeFileSync(summary, "");
    writeFileSync(output, "");
    const run = spawnSync("bash", [join(root, "scripts/action.sh")], {
      cwd: repo,
      encoding: "utf8",
      env: {
        ...process.env,
        GITHUB_ACTION_PATH: root,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        MBN_COST_BUDGETS: "budgets.json",
        MBN_COST_BASELINE: "HEAD",
        MBN_COST_FAIL_ON_INCREASE: "2%",
      },
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=budgets\.json,line=3,title=mbn-cost budget exceeded%3A v2::v2: MACs 209,069,792 exceed the limit of 100,000,000/m,
    );
    const written = readFileSync(summary, "utf8");
    expect(written).toMatch(/^## Budgets: 1 of 2 within their limits/m);
    expect(written).toMatch(/^## Cost diff: budgets\.json at HEAD → budgets\.json$/m);
    expect(written).toContain("- EXCEEDED v2: MACs grew +115.24%, more than 2%");
    // the model file as the baseline has it, read from git: 16 → 32 output channels doubles the conv
    expect(written).toContain("- EXCEEDED mine: MACs grew +");
    expect(written).toContain("| mine | params | 592 | 1.18K | +592 | +100.00% |");
    expect(readFileSync(output, "utf8")).toBe("passed=false\ncheck-exit-code=1\ndiff-exit-code=1\n");
  });
});
