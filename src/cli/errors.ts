// A user's mistake on the command line: printed as one line, exit code 1.
export class CliError extends Error {}
