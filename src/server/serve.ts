// Starting and stopping the server. Loopback by default; any other address only with a token.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { isLoopbackHost, TOKEN_PATTERN } from './security.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4567;

export class BindError extends Error {}

/** Refuses what would leave the library open to the network, or guessable. */
export function checkBind(host: string, token: string | null | undefined): void {
  if (token !== null && token !== undefined && !TOKEN_PATTERN.test(token)) {
    throw new BindError('the token must be 16 to 256 characters of letters, digits, ".", "_", "~" or "-" (e.g. from: openssl rand -hex 24)');
  }
  if (!isLoopbackHost(host) && !token) {
    throw new BindError(`refusing to listen on ${host} without a token: anyone who can reach it could read and change the library. Pass --token or set PODSIFT_TOKEN`);
  }
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions extends AppOptions {
  host?: string;
  port?: number;
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  checkBind(host, options.token);
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const urlHost = host === 'localhost' ? 'localhost' : shown === '0.0.0.0' || shown === '[::]' ? host : shown;
      resolve({
        url: `http://${urlHost}:${address.port}/`,
        host,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
