/**
 * The named symbols of the MobileNet papers, in the order the papers print
 * them (D_K·D_K·M·N·D_F·D_F). Printing and canonical term order follow this
 * order; unknown symbols come after, alphabetically.
 */
export interface SymbolInfo {
  readonly name: string;
  readonly latex: string;
  readonly description: string;
}

export const SYMBOLS: readonly SymbolInfo[] = [
  { name: "D_K", latex: "D_K", description: "kernel side (D_K × D_K)" },
  { name: "M", latex: "M", description: "input channels" },
  { name: "N", latex: "N", description: "output channels" },
  { name: "D_F", latex: "D_F", description: "feature map side (square map)" },
  { name: "D_H", latex: "D_H", description: "output feature map height" },
  { name: "D_W", latex: "D_W", description: "output feature map width" },
  { name: "D_Hin", latex: "D_{H,in}", description: "input feature map height" },
  { name: "D_Win", latex: "D_{W,in}", description: "input feature map width" },
  { name: "G", latex: "G", description: "groups of a grouped convolution" },
  { name: "E", latex: "E", description: "expanded channels of an inverted bottleneck" },
  { name: "K_1", latex: "K_1", description: "start depthwise kernel side (UIB)" },
  { name: "K_2", latex: "K_2", description: "middle depthwise kernel side (UIB)" },
  { name: "h", latex: "h", description: "attention heads" },
  { name: "d", latex: "d", description: "attention key (= value) dimension" },
  { name: "D_Hkv", latex: "D_{H,kv}", description: "key/value map height (attention)" },
  { name: "D_Wkv", latex: "D_{W,kv}", description: "key/value map width (attention)" },
  { name: "S_up", latex: "S_{up}", description: "1 where an upsampling changes the map's size, else 0" },
  {
    name: "S_pool",
    latex: "S_{pool}",
    description: "1 where a resampling average-pools (its sides divide), else 0",
  },
  {
    name: "S_linear",
    latex: "S_{linear}",
    description: "1 where a resampling interpolates bilinearly, else 0",
  },
  {
    name: "K_mix",
    latex: "K_{mix}",
    description: "a mixed convolution's weights: Σ k_i²·M_i·N_i / G_i over its channel groups",
  },
  { name: "w", latex: "w", description: "bytes per weight" },
  { name: "a", latex: "a", description: "bytes per activation element" },
  { name: "alpha", latex: "\\alpha", description: "width multiplier" },
  { name: "rho", latex: "\\rho", description: "resolution multiplier" },
];

const rank = new Map(SYMBOLS.map((s, i) => [s.name, i]));

export function compareSymbols(a: string, b: string): number {
  const ra = rank.get(a);
  const rb = rank.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const latexName = (name: string): string => SYMBOLS.find((s) => s.name === name)?.latex ?? name;

/** Symbol names are identifiers: letters, digits and underscores. */
export const isSymbolName = (name: string): boolean => /^[A-Za-z][A-Za-z0-9_]*$/.test(name);
