/**
 * The one error type for bad input. It names where the problem is (file, line or field) and why, so the CLI can
 * print it as one line and the server can answer 4xx. Anything else that escapes a reader is a bug.
 */
export class InputError extends Error {
  readonly reason: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(reason: string, where: { file?: string; line?: number; field?: string } = {}) {
    super(formatInputError(reason, where));
    this.name = 'InputError';
    this.reason = reason;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }

  /** The same error, now naming the file (readers often do not know it). */
  inFile(file: string): InputError {
    return new InputError(this.reason, { file, line: this.line, field: this.field });
  }
}

function formatInputError(reason: string, where: { file?: string; line?: number; field?: string }): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.field !== undefined) parts.push(`field ${where.field}`);
  return parts.length > 0 ? `${parts.join(': ')}: ${reason}` : reason;
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
