// JSON at the trust boundary: parsing with errors that name the line, and zod validation errors that name the field
// and say why in plain words. Shared by every JSON reader (Whisper, Podcasting 2.0, Lexicap).
import type { z } from 'zod';
import { InputError } from '../model/errors.js';

export class JsonSyntaxError extends Error {}

/** Reads a JSON document, turning syntax errors into a JsonSyntaxError carrying JSON.parse's message. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new JsonSyntaxError(message.replace(/^JSON\.parse: /, ''));
  }
}

/**
 * Parses JSON, turning a syntax error into an InputError that names the line. `repair`, when given, may offer a
 * corrected text for a known writer's mistake; if that parses it is used, otherwise the original error is reported
 * (it points at the first real problem).
 */
export function parseJsonInput(text: string, repair?: (text: string, message: string) => string | null): unknown {
  try {
    return parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const repaired = repair?.(text, error.message);
    if (repaired) {
      try {
        return JSON.parse(repaired);
      } catch {
        // fall through to the original error
      }
    }
    throw jsonInputError(text, error.message);
  }
}

/** 1-based line of a character position. */
function lineAt(text: string, position: number): number {
  let line = 1;
  const stop = Math.min(position, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < stop; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * An InputError from V8's JSON.parse message, which gives either "… in JSON at position 123" or
 * "Unexpected token 'N', …"context"… is not valid JSON" (the context is then found in the text for the line).
 */
export function jsonInputError(text: string, message: string): InputError {
  const at = /at position (\d+)/.exec(message);
  const context = /, (?:\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  let position = text.length;
  if (at) position = Number(at[1]);
  else if (context && context[1]) {
    const found = text.indexOf(context[1]);
    if (found !== -1) position = found;
  }
  const why = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '');
  const truncated = /unexpected end/i.test(why) || position >= text.trimEnd().length;
  const reason = truncated
    ? 'the JSON ends too early (truncated file?)'
    : `not valid JSON: ${why.charAt(0).toLowerCase()}${why.slice(1)}`;
  return new InputError(reason, { line: lineAt(text, position) });
}

type PathPart = PropertyKey;
interface IssueLike {
  code: string;
  path: PathPart[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  errors?: IssueLike[][];
}

/** "segments[12].end" from ["segments", 12, "end"]. */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** A JSON value as a message names it: "null", "a list", "the text "abc"", "number 3". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    return `the text ${JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value)}`;
  }
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

/** For a failed union, the first issue of the branch that accepted the value's outer type (a list or an object). */
function unionBranch(issue: IssueLike): IssueLike | undefined {
  const firsts = (issue.errors ?? []).map((branch) => branch[0]).filter((i): i is IssueLike => i !== undefined);
  const first = firsts.find((i) => !(i.path.length === 0 && i.code === 'invalid_type')) ?? firsts[0];
  return first ? { ...first, path: [...issue.path, ...first.path] } : undefined;
}

/** The first problem zod found, as an InputError naming the field and saying why in plain words. */
export function inputErrorFromZod(error: z.ZodError, data: unknown, prefix: readonly PathPart[] = []): InputError {
  let issue = error.issues[0] as unknown as IssueLike | undefined;
  if (!issue) return new InputError('unexpected shape');
  for (let depth = 0; issue.code === 'invalid_union' && depth < 4; depth++) {
    const inner = unionBranch(issue);
    if (!inner) break;
    issue = inner;
  }
  const value = valueAt(data, issue.path);
  const field = formatPath([...prefix, ...issue.path]);
  let reason: string;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    reason = `${value} is not a usable number`;
  } else if (issue.code === 'invalid_type') {
    const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
    reason =
      value === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(value)}`;
  } else if (issue.code === 'too_small' && typeof value === 'number' && issue.minimum === 0) {
    reason = `${value} is negative; times are seconds from the start`;
  } else {
    // Our own messages say what the value must be; the value it was makes them actionable.
    reason = /^must\b/.test(issue.message) && value !== undefined ? `${issue.message}, not ${describeValue(value)}` : issue.message;
  }
  if (!field) return new InputError(`the document ${reason.replace(/^expected/, 'should be')}`);
  return new InputError(reason, { field });
}

/** Data checked against a zod schema, or the InputError saying which field is wrong and why. */
export function validated<T>(schema: z.ZodType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, data);
  return parsed.data;
}
