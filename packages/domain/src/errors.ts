/** Error codes shared by every layer; apps map them to HTTP statuses and form errors. */
export const ERROR_CODES = ["NOT_FOUND", "FORBIDDEN", "CONFLICT", "VALIDATION", "PRECONDITION_FAILED", "LIMIT_EXCEEDED"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A typed failure whose message is safe to show a user; detail belongs in `cause`. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Field (or row) the error is about, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.field = options?.field;
  }
}

/** True when `e` is a DomainError, optionally of a given code. */
export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}
