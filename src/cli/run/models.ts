import { readBuiltinSpec } from "../../io/read-model-spec.js";
import { BUILTIN_MODELS } from "../../model/builtin.js";
import type { ReportDocument } from "../../report/document.js";
import type { OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

/** The source up to its first clause (the whole text is in CSV and JSON). */
const shortSource = (source: string): string => {
  const first = source.split(/; | \(|: /)[0]!;
  return first.length > 72 ? `${first.slice(0, 71)}…` : first;
};

/** `mbn-cost models`: every built-in model, read from its file in configs/. */
export function modelsDocument(): ReportDocument {
  const models = BUILTIN_MODELS.map((m) => {
    const spec = readBuiltinSpec(m.file);
    return { ...m, name: spec.name, resolution: spec.input.resolution, source: spec.source };
  });
  return {
    title: "Built-in models",
    meta: ["a name or an alias is accepted wherever a model is; so is a path to your own JSON file"],
    grids: [
      {
        columns: [
          { header: "name" },
          { header: "aliases" },
          { header: "family" },
          { header: "resolution", align: "right" },
          { header: "source" },
        ],
        rows: models.map((m) => [
          m.id,
          m.aliases.join(", "),
          m.family,
          `${m.resolution}`,
          shortSource(m.source),
        ]),
      },
    ],
    csv: {
      columns: ["id", "aliases", "family", "resolution", "name", "source"].map((header) => ({ header })),
      rows: models.map((m) => [m.id, m.aliases.join(" "), m.family, `${m.resolution}`, m.name, m.source]),
    },
    notes: [],
    data: {
      models: models.map((m) => ({
        id: m.id,
        aliases: m.aliases,
        family: m.family,
        name: m.name,
        resolution: m.resolution,
        source: m.source,
      })),
    },
  };
}

export function runModels(output: OutputChoice, _io: CliIo): Promise<Outcome> {
  return outputDocument(modelsDocument(), output);
}
