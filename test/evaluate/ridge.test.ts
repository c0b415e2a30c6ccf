/** ridgeSweep in-process: each model's roofline cost at each ridge point, and the cheapest, first of equals. */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import { ridgeSweep } from "../../src/evaluate/ridge.js";
import { ridgePointProfile, roofline } from "../../src/evaluate/roofline.js";
import { costOf } from "../helpers/models.js";

const at = (text: string) => ({ text, value: rational(Number(text)) });

describe("ridgeSweep", () => {
  test("at ridge point 0 the cost is the MAC count; each cost is the roofline's at that point", async () => {
    const reports = [await costOf("v1", "0.5"), await costOf("v2", "0.5")];
    const [zero, hundred] = ridgeSweep(reports, [at("0"), at("100")], "block", "int8");
    expect(zero!.costs).toEqual(reports.map((r) => rational(r.totals.macs)));
    expect(hundred!.costs).toEqual(
      reports.map(
        (r) => roofline(r, ridgePointProfile(rational(100), "int8"), "block", "int8").totals.rooflineMacs,
      ),
    );
    expect(zero!.ridgePoint.text).toBe("0");
  });
  test("the cheapest is the index of the smallest cost, the first of equals", async () => {
    const v2 = await costOf("v2", "0.5");
    const big = await costOf("v2", "1.0");
    expect(ridgeSweep([big, v2], [at("0")], "none", "fp32")[0]!.cheapest).toBe(1);
    expect(ridgeSweep([v2, big], [at("0")], "none", "fp32")[0]!.cheapest).toBe(0);
    expect(ridgeSweep([v2, v2], [at("0"), at("500")], "none", "fp32").map((p) => p.cheapest)).toEqual([0, 0]);
  });
});
