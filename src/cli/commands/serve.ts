// `podsift serve`: the local web app and HTTP API over the library.
import { spawn } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import type { Library } from '../../store/library.js';
import { libraryPath, openLibrary } from '../../store/open.js';
import { BindError, DEFAULT_HOST, DEFAULT_PORT, startServer, type RunningServer } from '../../server/serve.js';
import { print, UsageError } from '../context.js';

export interface ServeFlags {
  port?: number;
  host?: string;
  token?: string;
  open?: boolean;
  /** False with --no-cache: every request goes to the library (for benchmarks). */
  cache?: boolean;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number (0 picks a free one)');
  return n;
}

export function addServeOptions(command: Command): Command {
  return command
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`, port)
    .option('--host <address>', `address to listen on (default ${DEFAULT_HOST}; any other address needs --token)`)
    .option('--token <token>', 'require this token on every request (default: $PODSIFT_TOKEN)')
    .option('--open', 'open the app in the default browser')
    .option('--no-cache', 'answer every request from the library, without the in-memory caches (for benchmarks)');
}

export function openLibraryOrFail(command: Command): Library {
  const options = command.optsWithGlobals<{ library?: string }>();
  try {
    return openLibrary(options.library);
  } catch (error) {
    throw new UsageError(`cannot open library ${libraryPath(options.library)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => print(`(could not open a browser; open ${url} yourself)`));
    child.unref();
  } catch {
    print(`(could not open a browser; open ${url} yourself)`);
  }
}

/** Serves the library until SIGINT/SIGTERM; prints the address (with the token, when there is one). */
export async function runServer(library: Library, flags: ServeFlags): Promise<void> {
  const token = flags.token ?? process.env.PODSIFT_TOKEN ?? null;
  let server: RunningServer;
  try {
    server = await startServer({ library, host: flags.host ?? DEFAULT_HOST, port: flags.port ?? DEFAULT_PORT, token: token || null, cache: { enabled: flags.cache !== false } });
  } catch (error) {
    library.close();
    if (error instanceof BindError) throw new UsageError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${flags.port ?? DEFAULT_PORT} is in use: pick another with --port (0 picks a free one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${flags.host}: no such address on this machine`);
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${flags.port}`);
    throw error;
  }
  const address = token ? `${server.url}?token=${encodeURIComponent(token)}` : server.url;
  const episodes = library.listEpisodes().length;
  print(`podsift is serving ${library.location} (${episodes} episode${episodes === 1 ? '' : 's'})`);
  print(`Open ${address}`);
  print('Press Ctrl+C to stop.');
  if (flags.open) openBrowser(address);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        library.close();
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function register(program: Command): void {
  addServeOptions(program.command('serve').description('serve the web app and HTTP API over the library (127.0.0.1 unless --host and --token)')).action(async function (
    this: Command,
    flags: ServeFlags,
  ) {
    await runServer(openLibraryOrFail(this), flags);
  });
}
