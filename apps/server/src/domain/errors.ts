/**
 * Errors a command may end with. The HTTP error handler turns them into ErrorResponse;
 * anything else becomes a bare 500 with no detail (no stack trace or SQL reaches a client).
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: ReadonlyArray<{ path: string; message: string; detail?: string }>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** "Not found" and "not yours" are one answer, so a refusal does not reveal that something exists. */
export const notFound = () => new AppError(404, 'not_found', 'Not found');

export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError(403, 'forbidden', message);

export const invalidInput = (path: string, message: string) =>
  new AppError(400, 'invalid_input', message, [{ path, message }]);

export const conflict = (path: string, message: string) =>
  new AppError(409, 'conflict', message, [{ path, message }]);

export const unauthenticated = (code = 'unauthenticated', message = 'Please sign in') =>
  new AppError(401, code, message);
