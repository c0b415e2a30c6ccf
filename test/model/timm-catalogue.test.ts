/**
 * timm's mobile catalogue (configs/timm/catalogue.json, written by scripts/timm-catalogue.py from
 * timm's generators): every model validates as an architecture file, cites its timm file at a commit,
 * is found under its timm name (and nothing else is, an Object property name included), and builds.
 * Its counts are checked against timm's own models in test/evaluate/timm.test.ts.
 */
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { modelSpecSchema } from "../../src/model/schema.js";
import { findTimmModel, timmCatalogue, timmModelNames, timmNotBuilt } from "../../src/io/timm-catalogue.js";

const catalogue = timmCatalogue();

describe(`timm's mobile catalogue (timm ${catalogue.timm_commit.slice(0, 7)})`, () => {
  test.each(Object.entries(catalogue.models))(
    "%s validates and cites its timm file at the commit",
    (name, model) => {
      const { family, ...file } = model;
      const parsed = modelSpecSchema.safeParse(file);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(file.name).toBe(name);
      expect(file.source).toMatch(
        new RegExp(
          `^huggingface/pytorch-image-models, timm/models/\\w+\\.py at commit ${catalogue.timm_commit.slice(0, 7)}`,
        ),
      );
      expect(family).toMatch(/^[a-z_0-9]+$/);
    },
  );

  test("found by its timm name, at timm's default size; an Object property name is no model", async () => {
    expect(findTimmModel("tinynet_e")?.input.resolution).toBe(106);
    expect(findTimmModel("constructor")).toBeUndefined();
    expect(findTimmModel("__proto__")).toBeUndefined();
    expect(timmNotBuilt("toString")).toBeUndefined();
    const model = await loadModel("lcnet_050", process.cwd());
    expect(model.spec.name).toBe("lcnet_050");
    const { totals } = evaluateModel(model, {
      alpha: { text: "1", value: 1 },
      convention: resolveConvention("timm"),
    });
    expect(totals.params > 0n && totals.macs > 0n).toBe(true);
  });

  test("every model timm registers under the catalogue's patterns is built; a name it does not register is none", () => {
    expect(catalogue.not_built).toEqual({});
    expect(timmNotBuilt("mixnet_s")).toBeUndefined();
    expect(timmModelNames()).toEqual(expect.arrayContaining(["mixnet_s", "mobilenetv4_conv_blur_medium"]));
    expect(timmModelNames().length).toBeGreaterThanOrEqual(60);
  });
});
