/** @file The exit codes of `kubeguard`, as `--help` documents them. */

/** No error-severity problem, and no more warnings than `--max-warnings`; also a written baseline. */
export const EXIT_OK = 0;
/** At least one error-severity problem, or more warnings than `--max-warnings`. */
export const EXIT_ERRORS = 1;
/** Bad usage, an input or baseline file that cannot be read (or a fixed file that cannot be written), or a configuration file that cannot be read or has problems. */
export const EXIT_USAGE = 2;
