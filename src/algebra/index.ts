export * from "./expr.js";
export * from "./factor.js";
export * from "./evaluate.js";
export * from "./print.js";
export * from "./rational.js";
export * from "./symbols.js";
