import cliProgress from 'cli-progress';
import type { Progress } from '../ingest/add-files.js';

/**
 * A progress bar on stderr with counts, files/s and MB/s, only when stderr is a terminal; `log` prints a line
 * above the bar (or plainly when there is no bar).
 */
export function progressBar(enabled: boolean, out: (line: string) => void) {
  if (!enabled || !process.stderr.isTTY) {
    return { update: (_p: Progress) => {}, log: out, stop: () => {} };
  }
  const started = Date.now();
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format: ' {bar} {value}/{total} files | {rate} files/s | {mbps} MB/s | {file}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(p: Progress) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const payload = {
        rate: (p.done / seconds).toFixed(1),
        mbps: (p.bytes / 1024 / 1024 / seconds).toFixed(1),
        file: p.current ? p.current.split('/').pop()!.slice(0, 40) : '',
      };
      bar ??= multi.create(p.total, 0, payload);
      bar.update(p.done, payload);
    },
    log(line: string) {
      multi.log(`${line}\n`);
    },
    stop() {
      multi.stop();
    },
  };
}
