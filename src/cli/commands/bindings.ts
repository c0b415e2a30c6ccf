import { type Command, Option } from "commander";
import { NOTATIONS, type Notation } from "../../algebra/notations.js";
import { parsePositiveInteger } from "../options.js";

/** Output of `formula` and `ratio`: text for people, JSON for scripts. */
export const PLAIN_FORMATS = ["text", "json"] as const;
export type PlainFormat = (typeof PLAIN_FORMATS)[number];

/** `--notation` and `--format text|json`, as `formula` and `ratio` print. */
export function addPlainOutputOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--notation <notation>", "how to print formulas").choices(NOTATIONS).default("unicode"),
    )
    .addOption(new Option("-f, --format <format>", "output format").choices(PLAIN_FORMATS).default("text"));
}

/** The values addPlainOutputOptions adds. */
export type PlainOutputValues = { notation: Notation; format: PlainFormat };

/** The paper's symbols as flags: --M 32 --N 64 --DK 3 --DH 112 --DW 112 (--DF sets both sides). */
const SYMBOL_OF_FLAG = {
  M: "M",
  N: "N",
  DK: "D_K",
  DH: "D_H",
  DW: "D_W",
  DF: "D_F",
  G: "G",
  DHin: "D_Hin",
  DWin: "D_Win",
  E: "E",
  K1: "K_1",
  K2: "K_2",
  h: "h",
  d: "d",
  DHkv: "D_Hkv",
  DWkv: "D_Wkv",
  w: "w",
  a: "a",
} as const;
export type SymbolFlag = keyof typeof SYMBOL_OF_FLAG;

/** The flags a subset may take, with their help. */
const SYMBOL_HELP: Readonly<Record<"N" | "DK", string>> = {
  N: "N: output channels",
  DK: "D_K: kernel side",
};

/** The symbols' flags, or only `only` (ratio's formula has N and D_K alone). */
export function addSymbolOptions(command: Command, only?: readonly (keyof typeof SYMBOL_HELP)[]): Command {
  const value = (flag: SymbolFlag) => parsePositiveInteger(SYMBOL_OF_FLAG[flag]);
  if (only) {
    for (const flag of only) command.option(`--${flag} <n>`, SYMBOL_HELP[flag], value(flag));
    return command;
  }
  return command
    .option("--M <n>", "M: input channels", value("M"))
    .option("--N <n>", "N: output channels", value("N"))
    .option("--DK <n>", "D_K: kernel side", value("DK"))
    .option("--DH <n>", "D_H: output feature map height", value("DH"))
    .option("--DW <n>", "D_W: output feature map width", value("DW"))
    .option("--DF <n>", "D_F: square feature map side (sets D_H and D_W)", value("DF"))
    .option("--G <n>", "G: groups", value("G"))
    .option("--DHin <n>", "D_Hin: input feature map height (uib)", value("DHin"))
    .option("--DWin <n>", "D_Win: input feature map width (uib)", value("DWin"))
    .option("--E <n>", "E: expanded channels (uib, fused-ib)", value("E"))
    .option("--K1 <n>", "K_1: start depthwise kernel (uib)", value("K1"))
    .option("--K2 <n>", "K_2: middle depthwise kernel (uib)", value("K2"))
    .option("--h <n>", "h: attention heads (mqa)", value("h"))
    .option("--d <n>", "d: attention key dimension (mqa)", value("d"))
    .option("--DHkv <n>", "D_Hkv: key/value map height (mqa)", value("DHkv"))
    .option("--DWkv <n>", "D_Wkv: key/value map width (mqa)", value("DWkv"))
    .option("--w <n>", "w: bytes per weight (bytes moved)", value("w"))
    .option("--a <n>", "a: bytes per activation element (bytes moved)", value("a"));
}

/** The values addSymbolOptions adds. */
export type SymbolOptionValues = Partial<Record<SymbolFlag, number>>;

export function collectBindings(opts: SymbolOptionValues): Record<string, number> {
  const bindings: Record<string, number> = {};
  for (const flag of Object.keys(SYMBOL_OF_FLAG) as SymbolFlag[]) {
    const value = opts[flag];
    if (value !== undefined) bindings[SYMBOL_OF_FLAG[flag]] = value;
  }
  const side = bindings["D_F"];
  if (side !== undefined) {
    delete bindings["D_F"];
    bindings["D_H"] ??= side;
    bindings["D_W"] ??= side;
  }
  return bindings;
}
