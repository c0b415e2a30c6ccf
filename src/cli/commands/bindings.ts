import type { Command } from "commander";
import { parsePositiveInteger } from "../options.js";

/** The paper's symbols as flags: --M 32 --N 64 --DK 3 --DH 112 --DW 112 (--DF sets both sides). */
const SYMBOL_FLAGS = [
  ["M", "M", "input channels"],
  ["N", "N", "output channels"],
  ["DK", "D_K", "kernel side"],
  ["DH", "D_H", "output feature map height"],
  ["DW", "D_W", "output feature map width"],
  ["DF", "D_F", "square feature map side (sets D_H and D_W)"],
  ["G", "G", "groups"],
] as const;

export function addSymbolOptions(command: Command): Command {
  for (const [flag, symbol, description] of SYMBOL_FLAGS) {
    command.option(`--${flag} <n>`, `${symbol}: ${description}`, parsePositiveInteger(symbol));
  }
  return command;
}

export function collectBindings(raw: Record<string, unknown>): Record<string, number> {
  const bindings: Record<string, number> = {};
  for (const [flag, symbol] of SYMBOL_FLAGS) {
    const value = raw[flag];
    if (typeof value === "number") bindings[symbol] = value;
  }
  const side = bindings["D_F"];
  if (side !== undefined) {
    delete bindings["D_F"];
    bindings["D_H"] ??= side;
    bindings["D_W"] ??= side;
  }
  return bindings;
}
