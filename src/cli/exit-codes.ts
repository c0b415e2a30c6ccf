/** Exit codes scripts can rely on (README, "Exit codes"). */
export const ExitCode = { Ok: 0, CheckFailed: 1, BadInput: 2, Internal: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
