/** The metrics Model Explorer's node data can carry (`--node-data`): a module of its own, so the CLI's options name them without loading the renderer. */
export const NODE_DATA_METRICS = ["macs", "params", "bytes", "latency", "bound"] as const;
export type NodeDataMetric = (typeof NODE_DATA_METRICS)[number];
