/**
 * timm's block-string grammar (huggingface/pytorch-image-models, timm/models/_efficientnet_builder.py
 * `_decode_block_str`, commit aa4b585): a block type, then options joined by "_", in any order —
 * `ir_r2_k3_s2_e6_c24_se0.25`, `uir_r1_a3_k5_s2_e6_c256`, `mqa_r1_k3_h12_v2_s1_d64_c640`.
 *
 * Each option is a key and a number (`k3`, `se0.25`), `n` and an activation (`nre`, `nhs`), or a flag
 * (`noskip`, `skip`). Where timm ignores what it does not know, this parser refuses it, naming the
 * string, the token and what the block type allows.
 */
import type { Activation } from "../layers/define-layer-kind.js";

export const TIMM_BLOCK_TYPES = ["ir", "ds", "dsa", "er", "cn", "uir", "mqa", "mha"] as const;
export type TimmBlockType = (typeof TIMM_BLOCK_TYPES)[number];

/** One block string decoded: its type, repeats and options (absent where the string leaves them out). */
export interface TimmBlockArgs {
  readonly type: TimmBlockType;
  /** r: blocks in the stage from this string. */
  readonly repeat: number;
  /** k: the (depthwise, or ConvBnAct's, or EdgeResidual's) kernel; UIR's middle depthwise kernel (0: none). */
  readonly kernel: number;
  /** s: the stride (1 or 2; only a stage's first block strides). */
  readonly stride: number;
  /** c: output channels, before the channel multiplier. */
  readonly out: number;
  /** e: expansion ratio. */
  readonly e?: number;
  /** se: squeeze-and-excite ratio. */
  readonly se?: number;
  /** n: the activation, over the model's. */
  readonly act?: Activation;
  /** k as a list (k3.5.7): a mixed depthwise conv's kernels, one per channel group. */
  readonly kernels?: readonly number[];
  /** a, p of ir (p of ds): the expansion's and the projection's kernels, one per channel group (default 1). */
  readonly expKernels?: readonly number[];
  readonly pwKernels?: readonly number[];
  /** a: UIR's start depthwise kernel (0: none). */
  readonly start?: number;
  /** p: UIR's end depthwise kernel (0: none). */
  readonly end?: number;
  /** h, d, v: attention's heads, key (= value) dimension and key/value stride. */
  readonly heads?: number;
  readonly keyDim?: number;
  readonly kvStride?: number;
  /** noskip / skip: the residual forced off, or on (ConvBnAct). */
  readonly noskip: boolean;
  readonly skip: boolean;
}

/** `n` options: timm's get_act_layer names (mish has no counterpart here). */
const ACTIVATION_OF: Record<string, Activation> = { re: "relu", r6: "relu6", hs: "hswish", sw: "silu" };

/** The numeric options each type takes, and which it needs. */
const OPTIONS: Record<
  TimmBlockType,
  { readonly allowed: readonly string[]; readonly required: readonly string[] }
> = {
  ir: { allowed: ["r", "k", "a", "p", "s", "e", "c", "se"], required: ["r", "k", "s", "e", "c"] },
  // a ds block's e is read and left unused, as timm does
  ds: { allowed: ["r", "k", "p", "s", "e", "c", "se"], required: ["r", "k", "s", "c"] },
  dsa: { allowed: ["r", "k", "p", "s", "e", "c", "se"], required: ["r", "k", "s", "c"] },
  er: { allowed: ["r", "k", "s", "e", "c", "se"], required: ["r", "k", "s", "e", "c"] },
  cn: { allowed: ["r", "k", "s", "c"], required: ["r", "k", "s", "c"] },
  uir: { allowed: ["r", "a", "k", "p", "s", "e", "c", "se"], required: ["r", "k", "s", "e", "c"] },
  mqa: { allowed: ["r", "k", "h", "v", "s", "d", "c"], required: ["r", "k", "h", "s", "d", "c"] },
  mha: { allowed: ["r", "k", "h", "v", "s", "d", "c"], required: ["r", "k", "h", "s", "d", "c"] },
};

/** timm options this grammar knows but mbn-cost does not build yet, and why. */
const NOT_BUILT: Record<string, string> = {
  fc: "a forced input width (TPU EdgeTPU definitions)",
  cc: "CondConv experts",
  gs: "grouped convolutions",
  d: "space-to-depth",
};

const INTEGER = /^\d+$/;
/** Kernel sizes joined by dots (k3.5.7): a mixed convolution's, one per channel group. */
const KERNEL_LIST = /^\d+(\.\d+)+$/;
/** The types whose convs may mix kernels (timm's MixedConv2d), and the options that may list them. */
const MIXED = new Set<TimmBlockType>(["ir", "ds", "dsa"]);
const DECIMAL = /^\d+(\.\d+)?$/;

/** A key and its value as timm splits a token: the letters before the first digit, and the rest. */
function splitToken(token: string): [string, string] | undefined {
  const at = token.search(/\d/);
  return at <= 0 ? undefined : [token.slice(0, at), token.slice(at)];
}

/** Why this option's value is not allowed, if it is not. */
function valueProblem(type: TimmBlockType, key: string, value: string): string | undefined {
  if ((key === "k" || key === "a" || key === "p") && KERNEL_LIST.test(value)) {
    if (!MIXED.has(type)) return "mixed kernels (k3.5.7) are for ir, ds and dsa blocks";
    return value.split(".").some((k) => Number(k) < 1 || Number(k) > 1_000)
      ? "expected kernels 1 to 1000"
      : undefined;
  }
  if (key === "e" || key === "se") {
    if (!DECIMAL.test(value) || Number(value) <= 0) return "expected a positive number";
    if (key === "se" && Number(value) > 1) return "expected a ratio at most 1";
    return undefined;
  }
  if (!INTEGER.test(value)) return "expected a whole number";
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n > 1_000_000) return "expected a whole number up to 1000000";
  if (key === "s" && n !== 1 && n !== 2) return "timm's builder takes a stride of 1 or 2";
  if ((key === "r" || key === "c" || key === "h" || key === "d" || key === "v") && n < 1)
    return "expected a positive whole number";
  return undefined;
}

/** A block string decoded, or why not: "token 'zz1' is not an option of ir blocks; allowed: …". */
export function decodeBlockString(text: string): TimmBlockArgs | string {
  const [type, ...tokens] = text.split("_");
  if (!(TIMM_BLOCK_TYPES as readonly string[]).includes(type!))
    return `'${type}' is not a timm block type; expected one of ${TIMM_BLOCK_TYPES.join(", ")}`;
  const blockType = type as TimmBlockType;
  const { allowed, required } = OPTIONS[blockType];
  const allowedText = `${allowed.join(", ")}, n (re, r6, hs, sw), noskip${blockType === "cn" ? ", skip" : ""}`;
  const values = new Map<string, string>();
  let act: Activation | undefined;
  let noskip = false;
  let skip = false;
  for (const token of tokens) {
    if (token === "noskip") noskip = true;
    else if (token === "skip" && blockType === "cn") skip = true;
    else if (token.startsWith("n") && !/\d/.test(token)) {
      const named = Object.hasOwn(ACTIVATION_OF, token.slice(1)) ? ACTIVATION_OF[token.slice(1)] : undefined;
      if (!named) return `token '${token}': the activations are nre, nr6, nhs and nsw`;
      act = named;
    } else {
      const split = splitToken(token);
      const key = split?.[0];
      if (key !== undefined && Object.hasOwn(NOT_BUILT, key) && !(key === "d" && blockType.startsWith("m")))
        return `token '${token}': ${NOT_BUILT[key]} are not built by mbn-cost yet`;
      if (!split || !allowed.includes(split[0]))
        return `token '${token}' is not an option of ${blockType} blocks; allowed: ${allowedText}`;
      const problem = valueProblem(blockType, split[0], split[1]);
      if (problem) return `token '${token}': ${problem}`;
      if (values.has(split[0])) return `token '${token}': option ${split[0]} is given twice`;
      values.set(split[0], split[1]);
    }
  }
  const missing = required.filter((key) => !values.has(key));
  if (missing.length) return `${blockType} blocks need ${missing.join(", ")}; allowed: ${allowedText}`;
  if (blockType !== "uir" && values.get("k") !== undefined && Number(values.get("k")) === 0)
    return `token 'k0': ${blockType} blocks need a kernel of at least 1 (only uir's middle one may be 0: none)`;
  return blockArgs(blockType, values, { act, noskip, skip });
}

/** The options read, as block arguments (numbers, and kernel lists where dotted). */
function blockArgs(
  blockType: TimmBlockType,
  values: ReadonlyMap<string, string>,
  { act, noskip, skip }: { act: Activation | undefined; noskip: boolean; skip: boolean },
): TimmBlockArgs {
  const number = (key: string) => (values.has(key) ? Number(values.get(key)) : undefined);
  const kernels = (key: string) => values.get(key)?.split(".").map(Number);
  return {
    type: blockType,
    repeat: number("r")!,
    kernel: kernels("k")![0]!,
    ...(KERNEL_LIST.test(values.get("k")!) && { kernels: kernels("k")! }),
    // ir's a and p: its expansion's and projection's kernels (ds: p); uir's: its start and end depthwise
    ...(values.has("a") && blockType !== "uir" && { expKernels: kernels("a")! }),
    ...(values.has("p") && blockType !== "uir" && { pwKernels: kernels("p")! }),
    stride: number("s")!,
    out: number("c")!,
    ...(values.has("e") && { e: number("e")! }),
    ...(values.has("se") && { se: number("se")! }),
    ...(act && { act }),
    ...(values.has("a") && blockType === "uir" && { start: number("a")! }),
    ...(values.has("p") && blockType === "uir" && { end: number("p")! }),
    ...(values.has("h") && { heads: number("h")! }),
    ...(values.has("d") && { keyDim: number("d")! }),
    ...(values.has("v") && { kvStride: number("v")! }),
    noskip,
    skip,
  };
}
