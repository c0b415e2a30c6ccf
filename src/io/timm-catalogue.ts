/**
 * timm's mobile catalogue by name (configs/timm/catalogue.json, written by scripts/timm-catalogue.py
 * from timm's own generators): each model an architecture in mbn-cost's format, its stages in timm's
 * block strings, at timm's default input size and classes. Read only when a name is neither a
 * built-in nor a file (start-up never pays for it); validated by the tests, as configs/ is.
 */
import { readFileSync } from "node:fs";
import { withDefaults } from "../model/defaults.js";
import type { ModelFile, ModelSpec } from "../model/schema.js";

/** One catalogue model: its family (the generator's), and its architecture. */
export type TimmModel = ModelFile & { readonly family: string };

export interface TimmCatalogue {
  readonly timm: string;
  readonly timm_commit: string;
  readonly models: Readonly<Record<string, TimmModel>>;
  /** Models timm registers under the catalogue's patterns that mbn-cost does not build, with why. */
  readonly not_built: Readonly<Record<string, string>>;
}

let catalogue: TimmCatalogue | undefined;

/** The catalogue, read once when first asked for. */
export function timmCatalogue(): TimmCatalogue {
  catalogue ??= JSON.parse(
    readFileSync(new URL("../../configs/timm/catalogue.json", import.meta.url), "utf8"),
  ) as TimmCatalogue;
  return catalogue;
}

/** A name in the catalogue (own names only: never an Object property). */
export const isTimmModel = (name: string): boolean => Object.hasOwn(timmCatalogue().models, name);

/** A catalogue model's architecture, under its timm name. */
export function findTimmModel(name: string): ModelSpec | undefined {
  if (!isTimmModel(name)) return undefined;
  const { models } = timmCatalogue();
  const { family: _family, ...model } = models[name]!;
  return withDefaults(model);
}

/** Why timm's model of this name is not in the catalogue, when timm registers it. */
export const timmNotBuilt = (name: string): string | undefined => {
  const { not_built } = timmCatalogue();
  return Object.hasOwn(not_built, name) ? not_built[name] : undefined;
};

export const timmModelNames = (): string[] => Object.keys(timmCatalogue().models);
