import { spawn, type ChildProcess } from 'node:child_process';

// A benchmark server in a child process (so the load generator does not share its event loop),
// resolved with the first line it prints that starts with "ready".
export function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('ready'));
      if (line) resolve({ child, line });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before it was ready`)));
  });
}

export async function stopProcesses(children: readonly ChildProcess[]): Promise<void> {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.on('exit', r)))),
  );
}
