import { startApp } from './app.js';
import { loadConfig } from './config/config.js';
import { createLogger } from './observability/logger.js';

/** Exit code for a configuration the server refuses to start with. */
const EXIT_BAD_CONFIG = 2;

async function main(): Promise<void> {
  const result = loadConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`hugmood: invalid configuration, not starting:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(EXIT_BAD_CONFIG);
  }
  const config = result.config;
  const log = createLogger({ level: config.logLevel, nodeId: config.nodeId });
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

  const app = await startApp(config, log);
  log.info(
    { event: 'listening', host: config.host, port: app.port, metricsPort: app.metricsPort, transport: app.transport, wire: config.wire, nodeId: config.nodeId },
    `HugMood realtime listening on http://${config.host}:${app.port}`,
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining');
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.stop().then(
      () => {
        log.info('shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`hugmood: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
