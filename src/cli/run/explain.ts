import type { Resolution } from "../../model/resolution.js";
import { evaluateModel } from "../../evaluate/cost.js";
import { explainDifference } from "../../evaluate/explain.js";
import { loadModel } from "../../io/read-model-spec.js";
import type { ModelReadOptions } from "../../io/read-onnx-model.js";
import { type ConventionName, resolveConvention } from "../../model/conventions.js";
import { explainDocument } from "../../report/explain.js";
import type { OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import { type Alpha, toAlpha } from "../../model/configuration.js";
import { targetIn } from "./target.js";

const ONE = toAlpha("1")!;
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

export interface ExplainOptions {
  /** How model files are read (ONNX: --allow-unknown). */
  readonly read?: ModelReadOptions;
  readonly model: string;
  readonly from: ConventionName;
  readonly to: ConventionName;
  /** --alpha, when given (the model may give it too: v2@0.5). */
  readonly alpha: Alpha | undefined;
  readonly resolution: Resolution | undefined;
  readonly output: OutputChoice;
}

export async function runExplain(options: ExplainOptions, io: CliIo): Promise<Outcome> {
  const target = targetIn(options.model, options, io.cwd);
  const model = await loadModel(target.model, io.cwd, options.read);
  const at = (name: ConventionName) =>
    evaluateModel(model, {
      alpha: target.alpha ?? ONE,
      ...(target.resolution !== undefined && { resolution: target.resolution }),
      convention: resolveConvention(name),
    });
  return outputDocument(explainDocument(explainDifference(at(options.from), at(options.to))), options.output);
}
