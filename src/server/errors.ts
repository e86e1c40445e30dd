// Errors the API answers with: always JSON `{error: {status, message}}`, never a stack, never 500 for bad input.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { InputError } from '../model/errors.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function errorBody(status: number, message: string, extra: Record<string, unknown> = {}) {
  return { error: { status, message }, ...extra };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return c.json(errorBody(status, message, extra), status, headers);
}

const REASONS: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  413: 'request body too large',
  415: 'unsupported media type',
};

/** The app's error handler: known errors keep their status; anything else is a bug, logged and answered 500. */
export function onError(log: (line: string) => void) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return errorResponse(c, error.status, error.message, error.extra);
    if (error instanceof InputError) return errorResponse(c, 400, error.message);
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return errorResponse(c, status, error.message || REASONS[status] || 'request failed');
    }
    if (error instanceof URIError) return errorResponse(c, 400, 'malformed URL encoding');
    log(`internal error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return errorResponse(c, 500, 'internal error');
  };
}
