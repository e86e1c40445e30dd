// The jobs a worker thread can run: pure functions of plain data (see worker-pool.ts).
import type { Episode } from '../model/episode.js';
import { enrichEpisode, type StepOutcome } from '../enrich/pipeline.js';
import { prepareFile, type PrepareInput, type Prepared } from './prepare-file.js';

interface Tasks {
  prepare: { input: PrepareInput; output: Prepared };
  /** The registered enrichment steps over one episode (custom step lists run on the main thread). */
  enrich: { input: Episode | null; output: StepOutcome[] | null };
}

export type TaskName = keyof Tasks;
export type TaskInput<T extends TaskName> = Tasks[T]['input'];
export type TaskOutput<T extends TaskName> = Tasks[T]['output'];

export function runTask<T extends TaskName>(task: T, input: TaskInput<T>): TaskOutput<T> {
  switch (task) {
    case 'prepare':
      return prepareFile(input as PrepareInput) as TaskOutput<T>;
    case 'enrich':
      return (input ? enrichEpisode(input as Episode).outcomes : null) as TaskOutput<T>;
    default:
      throw new Error(`unknown task ${String(task)}`);
  }
}
