/**
 * Properties over random valid architectures and options (fast-check):
 * the evaluator never throws on a schema-valid config (it may refuse with an
 * InputError, e.g. a map too small for a pool); a config survives a JSON
 * round trip; table, JSON, CSV and Markdown agree.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.js";
import { type CostReport, evaluateModel, type Totals } from "../../src/evaluate/cost.js";
import { CONVENTION_NAMES, resolveConvention } from "../../src/model/conventions.js";
import { type ModelSpec, modelSpecSchema } from "../../src/model/schema.js";
import { activationMemory } from "../../src/evaluate/memory.js";
import { layersDocument } from "../../src/report/layers.js";
import { renderCsv } from "../../src/report/csv.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderTable } from "../../src/report/table.js";

const channels = fc.integer({ min: 1, max: 96 });
const stride = fc.integer({ min: 1, max: 2 });
const act = fc.constantFrom("none", "relu", "relu6", "hswish");
const width = fc.constantFrom(
  "scale",
  "fixed",
  "keep-below-1",
  { input_times: 2 },
  { "tf-slim": "scale", torchvision: "fixed" },
);

const arbLayer = fc.oneof(
  fc.record(
    { kind: fc.constant("conv"), kernel: fc.integer({ min: 1, max: 5 }), stride, out: channels, act },
    { requiredKeys: ["kind", "kernel", "stride", "out"] },
  ),
  fc.record({ kind: fc.constant("dw"), kernel: fc.constantFrom(3, 5), stride }),
  fc.record({ kind: fc.constant("pw"), out: channels, width }, { requiredKeys: ["kind", "out"] }),
  fc.record(
    { kind: fc.constant("dsconv"), stride, out: channels, repeat: fc.integer({ min: 1, max: 3 }) },
    { requiredKeys: ["kind", "stride", "out"] },
  ),
  fc.record({
    kind: fc.constant("gconv"),
    kernel: fc.constant(3),
    stride,
    out: fc.constantFrom(16, 32, 64),
    groups: fc.constantFrom(1, 2, 4),
  }),
  fc.record(
    {
      kind: fc.constant("inverted_residual"),
      t: fc.constantFrom(1, 3, 6),
      c: channels,
      n: fc.integer({ min: 1, max: 3 }),
      s: stride,
      shortcut: fc.constantFrom("identity", "projection"),
      expand: fc.constantFrom("auto", "always"),
    },
    { requiredKeys: ["kind", "t", "c", "n", "s"] },
  ),
  fc.record({
    kind: fc.constant("bneck"),
    kernel: fc.constantFrom(3, 5),
    exp: channels,
    out: channels,
    se: fc.boolean(),
    nl: fc.constantFrom("RE", "HS"),
    stride,
  }),
  fc.record({ kind: fc.constant("se"), reduction: fc.constantFrom(2, 4, 8) }, { requiredKeys: ["kind"] }),
);

/** These generated files give source and width_rule, so they are full specs. */
const parseSpec = (data: unknown): ModelSpec => modelSpecSchema.parse(data) as ModelSpec;

const arbSpec: fc.Arbitrary<ModelSpec> = fc
  .record({
    layers: fc.array(arbLayer, { minLength: 1, maxLength: 8 }),
    width_rule: fc.constantFrom("floor-min8", "floor", "make-divisible-8"),
    classes: fc.integer({ min: 1, max: 1000 }),
    pool: fc.boolean(),
  })
  .map(({ layers, width_rule, classes, pool }) =>
    parseSpec({
      name: "random",
      source: "fast-check",
      input: { resolution: 64, channels: 3 },
      width_rule,
      classes,
      layers: [...layers, ...(pool ? [{ kind: "avgpool" }] : []), { kind: "fc", out: "classes" }],
    }),
  );

const arbOptions = fc.record({
  alpha: fc.integer({ min: 10, max: 200 }).map((h) => h / 100),
  resolution: fc.integer({ min: 1, max: 160 }),
  convention: fc.constantFrom(...CONVENTION_NAMES),
});

const evaluate = (
  spec: ModelSpec,
  o: { alpha: number; resolution: number; convention: (typeof CONVENTION_NAMES)[number] },
) =>
  evaluateModel(
    { ref: "random", id: "random", spec },
    {
      alpha: { text: String(o.alpha), value: o.alpha },
      resolution: o.resolution,
      convention: resolveConvention(o.convention),
    },
  );

describe("properties of random architectures", () => {
  test("the evaluator never throws on a schema-valid config, except a clear InputError", () => {
    fc.assert(
      fc.property(arbSpec, arbOptions, (spec, options) => {
        try {
          const r = evaluate(spec, options);
          expect(r.rows.reduce((a, row) => a + row.macs, 0n)).toBe(r.totals.macs);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).toMatch(/^layer \S+: /);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a config survives a JSON round trip: same spec, same counts", () => {
    fc.assert(
      fc.property(arbSpec, arbOptions, (spec, options) => {
        const again = parseSpec(JSON.parse(JSON.stringify(spec)));
        expect(again).toEqual(spec);
        let a: Totals | undefined;
        let b: Totals | undefined;
        try {
          a = evaluate(spec, options).totals;
          b = evaluate(again, options).totals;
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  test("table, JSON, CSV and Markdown agree on every layer and on the totals", () => {
    fc.assert(
      fc.property(
        arbSpec,
        arbOptions.filter((o) => o.resolution >= 32),
        (spec, options) => {
          let report: CostReport | undefined;
          try {
            report = evaluate(spec, options);
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            return;
          }
          const doc = layersDocument(
            report,
            activationMemory(report.rows, { dtype: "fp32", memoryModel: "block" }),
          );
          const json = JSON.parse(renderJson(doc));
          const csv = renderCsv(doc)
            .split("\r\n")
            .slice(1, -1)
            .map((line) => line.split(","));
          const table = renderTable(doc, { exact: true });
          const markdown = renderMarkdown(doc, { exact: true });
          const unit = report.convention.unit === "flops" ? "flops" : "macs";
          report.rows.forEach((row, i) => {
            const count = unit === "flops" ? 2n * row.macs : row.macs;
            expect(BigInt(json.layers[i][unit])).toBe(count);
            expect(csv[i]![12]).toBe(count.toString());
            expect(BigInt(json.layers[i].params)).toBe(row.params);
            expect(csv[i]![11]).toBe(row.params.toString());
          });
          const total = (unit === "flops" ? 2n * report.totals.macs : report.totals.macs).toLocaleString(
            "en-US",
          );
          expect(table).toContain(total);
          expect(markdown).toContain(`**${total}**`);
          expect(table).toContain(report.totals.params.toLocaleString("en-US"));
        },
      ),
      { numRuns: 100 },
    );
  });
});
