/**
 * The papers' symbols: their order (how every formula prints), their LaTeX
 * names and what `mbn-cost formula` says each stands for in its "where" line.
 */
import { describe, expect, test } from "vitest";
import { compareSymbols, isSymbolName, latexName, SYMBOLS } from "../../src/algebra/symbols.js";

describe("symbols", () => {
  test("each symbol, in the papers' order, with its LaTeX name and what it stands for", () => {
    expect(SYMBOLS.map((s) => `${s.name} | ${s.latex} | ${s.description}`)).toEqual([
      "D_K | D_K | kernel side (D_K × D_K)",
      "M | M | input channels",
      "N | N | output channels",
      "D_F | D_F | feature map side (square map)",
      "D_H | D_H | output feature map height",
      "D_W | D_W | output feature map width",
      "D_Hin | D_{H,in} | input feature map height",
      "D_Win | D_{W,in} | input feature map width",
      "G | G | groups of a grouped convolution",
      "E | E | expanded channels of an inverted bottleneck",
      "K_1 | K_1 | start depthwise kernel side (UIB)",
      "K_2 | K_2 | middle depthwise kernel side (UIB)",
      "h | h | attention heads",
      "d | d | attention key (= value) dimension",
      "D_Hkv | D_{H,kv} | key/value map height (attention)",
      "D_Wkv | D_{W,kv} | key/value map width (attention)",
      "S_up | S_{up} | 1 where an upsampling changes the map's size, else 0",
      "S_pool | S_{pool} | 1 where a resampling average-pools (its sides divide), else 0",
      "S_linear | S_{linear} | 1 where a resampling interpolates bilinearly, else 0",
      "K_mix | K_{mix} | a mixed convolution's weights: Σ k_i²·M_i·N_i / G_i over its channel groups",
      "w | w | bytes per weight",
      "a | a | bytes per activation element",
      "alpha | \\alpha | width multiplier",
      "rho | \\rho | resolution multiplier",
    ]);
  });

  test("sorting by compareSymbols gives the table's order; names the papers do not use come after, alphabetically", () => {
    const names = SYMBOLS.map((s) => s.name);
    expect([...names].reverse().sort(compareSymbols)).toEqual(names);
    expect(["zeta", "M", "beta", "D_K"].sort(compareSymbols)).toEqual(["D_K", "M", "beta", "zeta"]);
    expect(SYMBOLS.map((s) => latexName(s.name))).toEqual(SYMBOLS.map((s) => s.latex));
  });

  test("a symbol name is an identifier: a letter, then letters, digits or underscores", () => {
    expect(["M", "D_K", "K_1", "alpha"].every(isSymbolName)).toBe(true);
    expect(["1M", "_M", "M-N", "M N", "", "M\n"].some(isSymbolName)).toBe(false);
  });
});
