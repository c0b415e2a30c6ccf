/** Built-in architectures: names and aliases → files in configs/. */
export interface BuiltinModel {
  readonly id: string;
  readonly file: string;
  readonly aliases: readonly string[];
  /** The family whose paper it comes from (`mbn-cost paper <family>`). */
  readonly family: "v1" | "v2" | "v3" | "fd" | "v4" | "v5" | "efficientnet" | "mnasnet";
}

export const BUILTIN_MODELS: readonly BuiltinModel[] = [
  { id: "mobilenet-v1", file: "mobilenet-v1.json", aliases: ["v1"], family: "v1" },
  { id: "mobilenet-v2", file: "mobilenet-v2.json", aliases: ["v2"], family: "v2" },
  { id: "mobilenet-v3-large", file: "mobilenet-v3-large.json", aliases: ["v3-large"], family: "v3" },
  { id: "mobilenet-v3-small", file: "mobilenet-v3-small.json", aliases: ["v3-small"], family: "v3" },
  { id: "fd-mobilenet", file: "fd-mobilenet.json", aliases: ["fd"], family: "fd" },
  { id: "mobilenet-v1-conv", file: "mobilenet-v1-conv.json", aliases: [], family: "v1" },
  { id: "mobilenet-v1-shallow", file: "mobilenet-v1-shallow.json", aliases: [], family: "v1" },
  { id: "mobilenet-v2-cifar", file: "mobilenet-v2-cifar.json", aliases: [], family: "v2" },
  {
    id: "mobilenet-v4-conv-small",
    file: "mobilenet-v4-conv-small.json",
    aliases: ["mnv4-conv-s"],
    family: "v4",
  },
  {
    id: "mobilenet-v4-conv-medium",
    file: "mobilenet-v4-conv-medium.json",
    aliases: ["mnv4-conv-m"],
    family: "v4",
  },
  {
    id: "mobilenet-v4-conv-large",
    file: "mobilenet-v4-conv-large.json",
    aliases: ["mnv4-conv-l"],
    family: "v4",
  },
  {
    id: "mobilenet-v4-hybrid-medium",
    file: "mobilenet-v4-hybrid-medium.json",
    aliases: ["mnv4-hybrid-m"],
    family: "v4",
  },
  {
    id: "mobilenet-v4-hybrid-large",
    file: "mobilenet-v4-hybrid-large.json",
    aliases: ["mnv4-hybrid-l"],
    family: "v4",
  },
  { id: "mobilenet-v5-300m", file: "mobilenet-v5-300m.json", aliases: ["mobilenetv5_300m"], family: "v5" },
  {
    id: "mobilenet-v5-300m-enc",
    file: "mobilenet-v5-300m-enc.json",
    aliases: ["mobilenetv5_300m_enc"],
    family: "v5",
  },
  { id: "mobilenet-v5-base", file: "mobilenet-v5-base.json", aliases: ["mobilenetv5_base"], family: "v5" },
  ...[0, 1, 2, 3, 4, 5, 6, 7].map(
    (b): BuiltinModel => ({
      id: `efficientnet-b${b}`,
      file: `efficientnet-b${b}.json`,
      aliases: [],
      family: "efficientnet",
    }),
  ),
  ...["s", "m", "l"].map(
    (size): BuiltinModel => ({
      id: `efficientnet-v2-${size}`,
      file: `efficientnet-v2-${size}.json`,
      aliases: [],
      family: "efficientnet",
    }),
  ),
  { id: "mnasnet", file: "mnasnet.json", aliases: ["mnasnet-b1"], family: "mnasnet" },
];

export const findBuiltinModel = (name: string): BuiltinModel | undefined =>
  BUILTIN_MODELS.find((m) => m.id === name || m.aliases.includes(name));

export const builtinModelNames = (): string[] => BUILTIN_MODELS.flatMap((m) => [...m.aliases, m.id]);
