import { type CostReport, evaluateModel } from "../../evaluate/cost.js";
import { reproduceFigure } from "../../evaluate/reproduce.js";
import { loadModel } from "../../io/read-model-spec.js";
import { resolveConvention } from "../../model/conventions.js";
import { type Family, PUBLISHED_FIGURES, type Setting } from "../../published/figures.js";
import { paperDocument } from "../../report/paper.js";
import type { OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export async function evaluateSetting(s: Setting, cwd: string): Promise<CostReport> {
  return evaluateModel(await loadModel(s.model, cwd), {
    alpha: { text: s.alpha, value: Number(s.alpha) },
    resolution: s.resolution,
    convention: resolveConvention(s.convention),
  });
}

export async function runPaper(
  options: { family: Family; output: OutputChoice },
  io: CliIo,
): Promise<Outcome> {
  const reproductions = [];
  for (const figure of PUBLISHED_FIGURES.filter((f) => f.family === options.family)) {
    reproductions.push(reproduceFigure(figure, await evaluateSetting(figure, io.cwd)));
  }
  return outputDocument(paperDocument(options.family, reproductions), options.output);
}
