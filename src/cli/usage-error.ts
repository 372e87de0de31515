/** Thrown by a command that was given arguments it cannot use (exit code 2). Its own module
 *  so that commands and actions need not import main.ts, which imports them. */
export class UsageError extends Error {}
