/**
 * The one error type for bad input. It names where the problem is (file, line or field) and why, so the CLI can
 * print it as one line and the server can answer 4xx. Anything else that escapes a reader is a bug.
 */
export class InputError extends Error {
  readonly reason: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  /** The format the file was read as, when known. */
  readonly format: string | undefined;

  constructor(reason: string, where: Where = {}) {
    super(formatInputError(reason, where));
    this.name = 'InputError';
    this.reason = reason;
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
    this.format = where.format;
  }

  /** The same error with more said about where (readers know the line, not the file or the format). */
  at(where: Where): InputError {
    return new InputError(this.reason, { file: this.file, line: this.line, field: this.field, format: this.format, ...where });
  }
}

interface Where {
  file?: string;
  line?: number;
  field?: string;
  format?: string;
}

function formatInputError(reason: string, where: Where): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.format !== undefined) parts.push(where.format);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.field !== undefined) parts.push(`field ${where.field}`);
  return parts.length > 0 ? `${parts.join(': ')}: ${reason}` : reason;
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
