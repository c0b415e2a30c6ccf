/** Built-in architectures: names and aliases → files in configs/. */
export interface BuiltinModel {
  readonly id: string;
  readonly file: string;
  readonly aliases: readonly string[];
}

export const BUILTIN_MODELS: readonly BuiltinModel[] = [
  { id: "mobilenet-v1", file: "mobilenet-v1.json", aliases: ["v1"] },
  { id: "mobilenet-v2", file: "mobilenet-v2.json", aliases: ["v2"] },
  { id: "mobilenet-v3-large", file: "mobilenet-v3-large.json", aliases: ["v3-large"] },
  { id: "mobilenet-v3-small", file: "mobilenet-v3-small.json", aliases: ["v3-small"] },
  { id: "fd-mobilenet", file: "fd-mobilenet.json", aliases: ["fd"] },
  { id: "mobilenet-v1-conv", file: "mobilenet-v1-conv.json", aliases: [] },
  { id: "mobilenet-v1-shallow", file: "mobilenet-v1-shallow.json", aliases: [] },
  { id: "mobilenet-v2-cifar", file: "mobilenet-v2-cifar.json", aliases: [] },
];

export const findBuiltinModel = (name: string): BuiltinModel | undefined =>
  BUILTIN_MODELS.find((m) => m.id === name || m.aliases.includes(name));

export const builtinModelNames = (): string[] => BUILTIN_MODELS.flatMap((m) => [...m.aliases, m.id]);
