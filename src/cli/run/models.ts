import { readBuiltinSpec } from "../../io/read-model-spec.js";
import { InputError } from "../../errors.js";
import { BUILTIN_MODELS } from "../../model/builtin.js";
import { timmCatalogue } from "../../io/timm-catalogue.js";
import type { Grid, ReportDocument } from "../../report/document.js";
import type { OutputChoice } from "../commands/model-options.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { outputDocument } from "./output.js";

/** The source up to its first clause (the whole text is in CSV and JSON). */
const shortSource = (source: string): string => {
  const first = source.split(/; | \(|: /)[0]!;
  return first.length > 72 ? `${first.slice(0, 71)}…` : first;
};

/** The repository file a catalogue model's source names (timm/models/efficientnet.py). */
const definedIn = (source: string): string => /timm\/models\/[\w.]+/.exec(source)?.[0] ?? source;

interface Listed {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly family: string;
  readonly name: string;
  readonly resolution: number;
  readonly source: string;
}

const builtinModels = (): Listed[] =>
  BUILTIN_MODELS.map((m) => {
    const spec = readBuiltinSpec(m.file);
    return { ...m, name: spec.name, resolution: spec.input.resolution, source: spec.source };
  });

/** timm's catalogue, grouped by family (families in the order timm's patterns list them, names sorted within). */
function timmModels(): Listed[] {
  const entries = Object.entries(timmCatalogue().models);
  const families = [...new Set(entries.map(([, m]) => m.family))];
  return entries
    .map(([id, m]) => ({
      id,
      aliases: [],
      family: m.family,
      name: m.name,
      resolution: m.input.resolution,
      source: m.source ?? "",
    }))
    .sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family) || (a.id < b.id ? -1 : 1));
}

/** Refuses a family neither list has, naming those they have. */
function refuseUnknownFamily(family: string, models: readonly Listed[]): void {
  const families = [...new Set(models.map((m) => m.family))];
  if (!families.includes(family))
    throw new InputError(`--family '${family}': expected one of ${families.join(", ")}`);
}

/** The built-in models' grid and the catalogue's, each when it has a model to show. */
function modelGrids(builtins: readonly Listed[], timm: readonly Listed[], commit: string): Grid[] {
  const right = "right" as const;
  const builtinGrid: Grid = {
    title: "Built-in models",
    columns: [
      { header: "name" },
      { header: "aliases" },
      { header: "family" },
      { header: "resolution", align: right },
      { header: "source" },
    ],
    rows: builtins.map((m) => [
      m.id,
      m.aliases.join(", "),
      m.family,
      `${m.resolution}`,
      shortSource(m.source),
    ]),
  };
  const timmGrid: Grid = {
    title: `timm's mobile catalogue (timm commit ${commit.slice(0, 7)}), by its own names, at its default sizes`,
    columns: [
      { header: "name" },
      { header: "family" },
      { header: "resolution", align: right },
      { header: "defined in" },
    ],
    rows: timm.map((m) => [m.id, m.family, `${m.resolution}`, definedIn(m.source)]),
  };
  return [...(builtins.length ? [builtinGrid] : []), ...(timm.length ? [timmGrid] : [])];
}

/** `mbn-cost models`: every built-in model, read from its file in configs/, and timm's mobile catalogue. */
export function modelsDocument(family?: string): ReportDocument {
  // each list read once: every built-in's file, and the catalogue
  const [allBuiltins, allTimm] = [builtinModels(), timmModels()];
  if (family !== undefined) refuseUnknownFamily(family, [...allBuiltins, ...allTimm]);
  const keep = (m: Listed) => family === undefined || m.family === family;
  const builtins = allBuiltins.filter(keep);
  const timm = allTimm.filter(keep);
  const { not_built, timm_commit } = timmCatalogue();
  const notBuilt = Object.entries(not_built).filter(
    ([name]) => family === undefined || name.includes(family),
  );
  return {
    title: family === undefined ? "Models" : `Models of family ${family}`,
    meta: [
      "a name or an alias is accepted wherever a model is; so is a path to your own JSON, ONNX or TensorFlow Lite file",
    ],
    grids: modelGrids(builtins, timm, timm_commit),
    csv: {
      columns: ["id", "aliases", "family", "resolution", "name", "source"].map((header) => ({ header })),
      rows: [...builtins, ...timm].map((m) => [
        m.id,
        m.aliases.join(" "),
        m.family,
        `${m.resolution}`,
        m.name,
        m.source,
      ]),
    },
    notes: notBuilt.length
      ? [`Not built yet: ${notBuilt.map(([name, why]) => `${name} (${why})`).join(", ")}.`]
      : [],
    data: {
      models: builtins.map(({ id, aliases, family, name, resolution, source }) => ({
        id,
        aliases,
        family,
        name,
        resolution,
        source,
      })),
      timm: timm.map(({ id, family, resolution, source }) => ({ id, family, resolution, source })),
      timm_not_built: Object.fromEntries(notBuilt),
    },
  };
}

export function runModels(output: OutputChoice, _io: CliIo, family?: string): Promise<Outcome> {
  return outputDocument(modelsDocument(family), output);
}
