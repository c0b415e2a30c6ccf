/** The schemes a chart draws in: light (the default) or dark, each on its own background, or the viewer's (auto). */
export const THEMES = ["light", "dark", "auto"] as const;
export type Theme = (typeof THEMES)[number];
