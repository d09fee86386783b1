// A user's mistake on the command line: printed as one line, exit code 1.
export class CliError extends Error {}

// A command that did its work and has an outcome to signal with its exit code (an import that rejected
// some records, say), having printed what happened already.
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
