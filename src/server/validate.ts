// Validation at the boundary: every path parameter, query string and body goes through a zod schema first.
import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError } from './errors.js';

/** Episode ids are slugs ("lex-fridman-333", "yt-U5OD8MjYnOM", "ep-2ec22a0f3c00"): no dots, no slashes. */
export const episodeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,159}$/, 'not an episode id');

/** Untrusted free text: bounded, without NUL or other C0 controls except tab and newline. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');
}

/** A query-string integer. */
export function int(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** A query-string number of seconds. */
export const seconds = z
  .string()
  .regex(/^\d{1,7}(\.\d{1,3})?$/, 'expected seconds')
  .transform(Number);

/** A query-string flag: 1/0/true/false. */
export const flag = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map(String).join('.');
      const message = issue.code === 'unrecognized_keys' ? `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.join(', ')}` : issue.message;
      return where ? `${where}: ${message}` : message;
    })
    .join('; ');
}

export function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, `invalid ${what}: ${describe(result.error)}`);
  return result.data;
}

/** The query string as one value per name (a repeated name is an error: it is never meant). */
export function query<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const all = c.req.queries();
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) throw new ApiError(400, `invalid query: ${name} given ${values.length} times`);
  }
  return check(schema, c.req.query(), 'query');
}

export function params<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return check(schema, c.req.param(), 'path');
}

/** A JSON body: 415 unless it is declared JSON, 400 unless it parses and matches the schema. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, 'expected a JSON body (Content-Type: application/json)');
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'invalid JSON body');
  }
  return check(schema, body, 'body');
}
