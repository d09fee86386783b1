#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the server, CLI and tests share one code path with no compile step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
