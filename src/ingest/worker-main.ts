// Entry point of a worker thread: runs the jobs posted to it and replies on its port, then bumps the shared
// counter the main thread waits on.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { runTask, type TaskName } from './worker-tasks.js';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

function notify(): void {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (job: { id: number; task: TaskName; input: never }) => {
  try {
    port.postMessage({ id: job.id, ok: true, value: runTask(job.task, job.input) });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id: job.id, ok: false, error: { message: e.message, stack: e.stack } });
  }
  notify();
});

// Loaded: the pool stops waiting for a worker that never gets here.
port.postMessage({ ready: true });
notify();
