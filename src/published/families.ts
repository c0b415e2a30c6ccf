export const FAMILIES = ["v1", "v2", "v3", "fd", "v4", "v5", "efficientnet", "mnasnet", "timm"] as const;
export type Family = (typeof FAMILIES)[number];
