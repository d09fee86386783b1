import fs from 'node:fs';
import { CliError } from './errors.ts';

// A JSON file given to a command ("-" reads standard input), with a clear error when it cannot be read
// or is not JSON.
export function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file === '-' ? 'standard input' : file} is not valid JSON: ${(error as Error).message}`);
  }
}
