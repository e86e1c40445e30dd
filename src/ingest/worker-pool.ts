// Worker threads for the CPU-heavy pure parts of add and enrich (reading formats, enrichment steps), driven
// synchronously: the library is one SQLite connection on the main thread and its writes stay there, in order, one
// transaction per file, while workers prepare the next items. The main thread blocks on a shared counter
// (Atomics.wait) and takes replies with receiveMessageOnPort, so callers keep a plain synchronous loop.
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type Transferable, type WorkerOptions } from 'node:worker_threads';
import { runTask as runHere, type TaskInput, type TaskName, type TaskOutput } from './worker-tasks.js';

export interface Reply<T extends TaskName = TaskName> {
  id: number;
  ok: boolean;
  value?: TaskOutput<T>;
  /** A bug in a task (input errors are part of the value): message and stack, re-thrown on the main thread. */
  error?: { message: string; stack?: string };
}

interface Slot {
  worker: Worker;
  port: MessagePort;
  pending: Set<number>;
  /** When the oldest job still pending was handed over; a worker silent for too long is given up on. */
  since: number;
  /** Whether the worker has loaded and said so; one that has not within STARTUP_LIMIT_MS failed to start. */
  ready: boolean;
  started: number;
}

/** A worker silent this long with jobs pending is presumed dead; its jobs run on the main thread. */
const SILENT_LIMIT_MS = 120_000;
const STARTUP_LIMIT_MS = 15_000;

/** Starts a worker on worker-main; from TypeScript sources (tests, benchmarks) through tsx, which workers do not inherit. */
function startWorker(workerData: unknown, transferList: Transferable[]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker-main.js', import.meta.url), { workerData, transferList } as WorkerOptions);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker-main.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData, transferList } as WorkerOptions);
}

/**
 * Worker threads worth starting: one per core, at most `max`, less one for the main thread when it has much work
 * of its own (PODSIFT_WORKERS overrides; 0 runs everything on the main thread).
 */
export function workerCount(max: number, mainIsBusy: boolean): number {
  const wanted = Number(process.env.PODSIFT_WORKERS ?? NaN);
  if (Number.isInteger(wanted) && wanted >= 0) return Math.min(wanted, 16);
  return Math.max(1, Math.min(max, availableParallelism() - (mainIsBusy ? 1 : 0)));
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly replies = new Map<number, Reply>();
  private readonly jobs = new Map<number, { task: TaskName; input: unknown; slot: Slot | null }>();
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      try {
        const { port1, port2 } = new MessageChannel();
        const worker = startWorker({ port: port2, signal: this.signal }, [port2]);
        worker.unref();
        port1.unref();
        // A worker that fails to start or crashes is noticed by its silence; its jobs then run here.
        worker.on('error', () => {});
        this.slots.push({ worker, port: port1, pending: new Set(), since: 0, ready: false, started: Date.now() });
      } catch {
        break;
      }
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Hands a job to the least busy worker (or keeps it for the main thread when there is none); returns its id. */
  submit<T extends TaskName>(task: T, input: TaskInput<T>): number {
    const id = this.nextId++;
    const slot = this.slots.reduce<Slot | null>((best, s) => (!best || s.pending.size < best.pending.size ? s : best), null);
    this.jobs.set(id, { task, input, slot });
    if (slot) {
      if (slot.pending.size === 0) slot.since = Date.now();
      slot.pending.add(id);
      slot.worker.postMessage({ id, task, input });
    }
    return id;
  }

  /** Blocks until job `id` is done and returns its output. */
  take<T extends TaskName>(id: number): TaskOutput<T> {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    let reply = this.replies.get(id);
    while (!reply && job.slot) {
      const seen = Atomics.load(this.signal, 0);
      this.drain();
      reply = this.replies.get(id);
      if (reply) break;
      const now = Date.now();
      if (job.slot.ready ? now - job.slot.since > SILENT_LIMIT_MS : now - job.slot.started > STARTUP_LIMIT_MS) this.abandon(job.slot);
      else Atomics.wait(this.signal, 0, seen, 1000);
    }
    this.jobs.delete(id);
    this.replies.delete(id);
    if (!reply) return runHere(job.task as T, job.input as TaskInput<T>);
    if (!reply.ok) {
      const error = new Error(reply.error?.message ?? 'worker task failed');
      if (reply.error?.stack) error.stack = reply.error.stack;
      throw error;
    }
    return reply.value as TaskOutput<T>;
  }

  close(): void {
    for (const slot of this.slots) {
      slot.port.close();
      void slot.worker.terminate();
    }
    this.slots.length = 0;
  }

  private drain(): void {
    for (const slot of this.slots) {
      for (let message = receiveMessageOnPort(slot.port); message; message = receiveMessageOnPort(slot.port)) {
        const reply = message.message as Reply | { ready: true };
        if ('ready' in reply) {
          slot.ready = true;
          continue;
        }
        this.replies.set(reply.id, reply);
        slot.pending.delete(reply.id);
        slot.since = Date.now();
      }
    }
  }

  /** Gives up on a silent worker: its pending jobs run on the main thread when taken. */
  private abandon(slot: Slot): void {
    for (const id of slot.pending) {
      const job = this.jobs.get(id);
      if (job) job.slot = null;
    }
    slot.pending.clear();
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.port.close();
    void slot.worker.terminate();
  }
}

/**
 * Maps `items` through `task` in order, keeping up to `ahead` jobs in flight on `pool` (or running each on this
 * thread when the pool has no workers). The consumer's work on one item overlaps the workers' on the next ones.
 */
export function* mapAhead<I, T extends TaskName>(pool: WorkerPool, items: readonly I[], task: T, toInput: (item: I) => TaskInput<T>, ahead: number): Generator<TaskOutput<T>> {
  if (pool.size === 0) {
    for (const item of items) yield runHere(task, toInput(item));
    return;
  }
  const ids: number[] = [];
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next < i + ahead) ids.push(pool.submit(task, toInput(items[next++]!)));
    yield pool.take<T>(ids[i]!);
  }
}
