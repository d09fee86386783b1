import { vi } from 'vitest';
import { runCli } from '../src/cli/main.ts';

// runCli prints with console.log / console.error; commander writes its own errors to stderr.
export async function runCliCapturing(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(`${args.join(' ')}\n`));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...args: unknown[]) => void err.push(`${args.join(' ')}\n`));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}
