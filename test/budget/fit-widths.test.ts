/** fitWidths and paretoFront in-process: the widest α within every limit, at each resolution, and the front. */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import { type FitAnswer, fitWidths, paretoFront } from "../../src/budget/fit.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { BUILTIN_HARDWARE } from "../../src/published/hardware.js";
import { costOf } from "../helpers/models.js";

const alphas = ["0.25", "0.5", "0.75", "1.0"].map((text) => ({ text, value: Number(text) }));
const paper = resolveConvention("paper");

describe("fitWidths", () => {
  test("a limit equal to a candidate's count admits it; one less does not; the next wider is named", async () => {
    const model = await loadModel("v1", process.cwd());
    const half = (await costOf("v1", "0.5", 160)).totals;
    const [exact] = fitWidths(model, alphas, [160], paper, { macs: half.macs });
    expect([exact!.best?.alpha.text, exact!.nextWider?.alpha.text]).toEqual(["0.5", "0.75"]);
    const [below] = fitWidths(model, alphas, [160], paper, { macs: half.macs - 1n });
    // the narrowest fits alone: the next wider is the second
    expect([below!.best?.alpha.text, below!.nextWider?.alpha.text]).toEqual(["0.25", "0.5"]);
    const [params] = fitWidths(model, alphas, [160], paper, { params: half.params });
    expect(params!.best?.alpha.text).toBe("0.5");
    const [tooTight] = fitWidths(model, alphas, [160], paper, { macs: 1n });
    expect([tooTight!.best, tooTight!.nextWider?.alpha.text]).toEqual([undefined, "0.25"]);
    const [all] = fitWidths(model, alphas, [160], paper, { macs: 10n ** 12n });
    expect([all!.best?.alpha.text, all!.nextWider]).toEqual(["1.0", undefined]);
  });

  test("a latency limit: each candidate's roofline latency, within it or not", async () => {
    const model = await loadModel("v2", process.cwd());
    const hardware = {
      ...BUILTIN_HARDWARE["pixel8-edgetpu"],
      peakMacsPerSecond: 10n ** 11n,
      bandwidthBytesPerSecond: 10n ** 9n,
    };
    const latency = (ms: number) => ({
      ms: rational(ms),
      hardware,
      fusion: "none" as const,
      dtype: "int8" as const,
    });
    const [generous] = fitWidths(model, alphas, [224], paper, { latency: latency(1000) });
    expect(generous!.best?.alpha.text).toBe("1.0");
    expect(generous!.best?.latencyMs).toBeDefined();
    // a limit equal to a candidate's latency, exactly, admits it
    const [exact] = fitWidths(model, alphas, [224], paper, {
      latency: { ...latency(0), ms: generous!.best!.latencyMs! },
    });
    expect(exact!.best?.alpha.text).toBe("1.0");
    const [none] = fitWidths(model, alphas, [224], paper, { latency: latency(0) });
    expect(none!.best).toBeUndefined();
    const [plain] = fitWidths(model, alphas, [224], paper, { macs: 10n ** 12n });
    expect(plain!.best?.latencyMs).toBeUndefined();
  });
});

describe("paretoFront", () => {
  const answer = (alpha: number, resolution: number): FitAnswer => ({
    resolution,
    best: { alpha: { text: `${alpha}`, value: alpha }, resolution, macs: 0n, params: 0n },
    nextWider: undefined,
  });
  test("keeps the answers no other beats on both α and resolution; drops those without a fit", () => {
    const answers = [
      answer(0.5, 224),
      answer(0.75, 160),
      answer(0.5, 160),
      answer(0.75, 224),
      { resolution: 96, best: undefined, nextWider: undefined },
    ];
    expect(paretoFront(answers).map((a) => `${a.best!.alpha.value}@${a.resolution}`)).toEqual(["0.75@224"]);
    expect(paretoFront([answer(0.5, 224), answer(0.75, 160)]).map((a) => a.resolution)).toEqual([224, 160]);
    // equal on both: neither beats the other
    expect(paretoFront([answer(0.5, 224), answer(0.5, 224)])).toHaveLength(2);
  });
});
