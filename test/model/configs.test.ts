import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { schemaText } from "../../src/cli/run/schema.js";
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
import { modelSpecSchema } from "../../src/model/schema.js";

const CONFIGS = new URL("../../configs/", import.meta.url);

describe("built-in configs", () => {
  test.each(BUILTIN_MODELS.map((m) => [m.id, m.file] as const))(
    "%s validates against the schema and cites its source",
    (_id, file) => {
      const data = JSON.parse(readFileSync(new URL(file, CONFIGS), "utf8"));
      const parsed = modelSpecSchema.safeParse(data);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      // a public source: a paper (arXiv) or a repository file at a commit
      expect(parsed.data?.source).toMatch(
        /arXiv \d{4}\.\d{5}|[\w-]+\/[\w.-]+, [\w/.-]+\.py at commit [0-9a-f]{7}/,
      );
    },
  );

  test("every file in configs/ is a registered model (or a schema)", () => {
    const files = readdirSync(CONFIGS).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"));
    expect(files.sort()).toEqual(BUILTIN_MODELS.map((m) => m.file).sort());
  });

  test("configs/model.schema.json is the schema generated from the validator (run `node bin/mbn-cost.js schema > configs/model.schema.json`)", async () => {
    expect(readFileSync(new URL("model.schema.json", CONFIGS), "utf8")).toBe(await schemaText("model"));
  });

  test("configs/budgets.schema.json is the budgets file's schema generated from its validator (run `node bin/mbn-cost.js schema budgets > configs/budgets.schema.json`)", async () => {
    expect(readFileSync(new URL("budgets.schema.json", CONFIGS), "utf8")).toBe(await schemaText("budgets"));
  });
});
