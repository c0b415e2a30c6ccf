// One place prints (src/cli/main.ts, through CliIo). Any console.* call during
// a test is a bug: make it throw so it cannot slip through.
for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  console[method] = (...args: unknown[]) => {
    throw new Error(`console.${method} called during a test: ${args.map(String).join(" ")}`);
  };
}
