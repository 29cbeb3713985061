import type { z } from 'zod';

/** A versioned data file (an instrument, a rules file) that does not validate: the file and each fault's path. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(
      `${file}: ${problems.map((problem) => `${problem.path || '(file)'}: ${problem.message}`).join('; ')}`,
    );
    this.name = new.target.name;
  }
}

/** Parses and validates one data file; a fault is thrown as `failure`, naming the file and the path of each fault. */
export function parseDataFile<S extends z.ZodType>(
  schema: S,
  file: string,
  text: string,
  failure: new (file: string, problems: Array<{ path: string; message: string }>) => DataFileError,
): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new failure(file, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new failure(
      file,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  return parsed.data;
}
