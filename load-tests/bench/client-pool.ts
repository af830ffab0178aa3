import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './bench-server.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The bench's client processes, and a request/response channel to each. */
export class ClientPool {
  private readonly workers: ChildProcess[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () =>
      fork(join(ROOT, 'load-tests/bench/client-worker.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    process.once('exit', () => {
      for (const w of this.workers) w.kill('SIGKILL');
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends `message(i)` to every worker `i` and resolves with each one's answer of type `reply`. */
  all<T extends FromWorker['type']>(message: (index: number) => ToWorker, reply: T): Promise<Extract<FromWorker, { type: T }>[]> {
    return Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
            const onMessage = (answer: FromWorker) => {
              if (answer.type === 'error') {
                worker.off('message', onMessage);
                reject(new Error(`client ${i}: ${answer.message}`));
              } else if (answer.type === reply) {
                worker.off('message', onMessage);
                resolve(answer as Extract<FromWorker, { type: T }>);
              }
            };
            worker.on('message', onMessage);
            worker.send(message(i));
          }),
      ),
    );
  }

  /** Ends every client process. */
  close(): void {
    for (const w of this.workers) w.kill('SIGTERM');
  }
}
