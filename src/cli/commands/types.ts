// What a command's register function is given and may return: in a file of its own, so
// the commands and the file that registers them all do not import each other.

/** Sets the process's exit code when the command's action ends. */
export type Done = (exitCode: number) => void;

/** Finishes registering a command whose sub-commands or choices come from a heavy module. */
export type Complete = () => Promise<void>;
