import { Command } from 'commander';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/main.ts';
import { formatErrorForLog } from '../../lib/log-safety.ts';

export function startCommand(): Command {
  return new Command('start')
    .description(
      'Start the server (web UI and API). Applies migrations first; on the first start of an empty embedded\n' +
        'database it loads a small synthetic city. PORT, HOST, DATABASE_URL and CONTINUUM_DATA_DIR configure it.',
    )
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      const server = await startServer(config);
      const shutdown = (signal: string) => {
        console.log(`Received ${signal}: stopping…`);
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`continuum: could not stop cleanly: ${formatErrorForLog(error)}`);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
