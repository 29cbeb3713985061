import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { calleeName, isText, parse, Reader } from './message-reader.js';

/**
 * The English texts an error can carry, read from the source with the TypeScript compiler: what
 * the catalogue test holds the catalogues to. A template literal becomes its template, each
 * `${…}` a named placeholder (`${limit.days}` → `{days}`), as the catalogue keys it; a `${c ? 'a'
 * : 'b'}` of two texts (an English plural "s") becomes one template per branch, so a language
 * can word each. A message that is not text where it is thrown is followed, within the file, to
 * the const, the caller's argument or the function's return it comes from; what cannot be
 * followed is listed as unread, for the test to hold against its reviewed list.
 */
export interface SourceMessage {
  text: string;
  where: string;
}

export interface UnreadMessage {
  expression: string;
  where: string;
}

export interface Extraction {
  messages: SourceMessage[];
  unread: UnreadMessage[];
}

/** The error factories of domain/errors.ts and the argument that is their message. */
const MESSAGE_ARGUMENT: Record<string, number> = {
  AppError: 2,
  invalidInput: 1,
  conflict: 1,
  forbidden: 0,
  unauthenticated: 1,
};
/** AppError's fourth argument: the fields, each with its own message. */
const FIELDS_ARGUMENT = 3;

/** Zod checks whose message follows the check's own argument (`.min(1, 'Enter …')`). */
const ZOD_MESSAGE_AFTER_ARGUMENT = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'gte',
  'lte',
  'gt',
  'lt',
  'multipleOf',
  'startsWith',
  'endsWith',
  'includes',
  'literal',
]);
/** Zod checks whose first argument is the message (`.email('…')`). */
const ZOD_MESSAGE_FIRST = new Set([
  'email',
  'uuid',
  'url',
  'date',
  'datetime',
  'int',
  'positive',
  'nonempty',
]);

export function sourceFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !/^(testing|tests)[/\\]/.test(relative(root, path)))
    .sort();
}

/** Messages thrown by the server: the error factories' message and field arguments, their defaults. */
export function serverMessages(root: string): Extraction {
  const messages: SourceMessage[] = [];
  const unread: UnreadMessage[] = [];
  for (const path of sourceFiles(root)) {
    const file = parse(path);
    const reader = new Reader(file, relative(root, path));
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = calleeName(node);
        const index = name === null ? undefined : MESSAGE_ARGUMENT[name];
        if (index !== undefined && (name !== 'AppError' || ts.isNewExpression(node))) {
          const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
          // errors.ts's own factories pass their parameter on: read at their defaults below.
          const inFactories = relative(root, path).replaceAll('\\', '/') === 'domain/errors.ts';
          if (!inFactories) {
            reader.text(args[index]);
            if (name === 'AppError') reader.fields(args[FIELDS_ARGUMENT]);
          } else if (args[index] && isText(args[index])) reader.text(args[index]);
        }
      }
      if (
        ts.isParameter(node) &&
        node.name.getText(file) === 'message' &&
        node.initializer &&
        isText(node.initializer)
      )
        reader.text(node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(file);
    messages.push(...reader.messages);
    unread.push(...reader.unread);
  }
  return { messages, unread };
}

/** The texts of reviewed sources a thrown message comes from: a function's returns, an object's values. */
export function namedSourceMessages(
  root: string,
  sources: ReadonlyArray<{ file: string; name: string; sentences?: boolean }>,
): Extraction {
  const messages: SourceMessage[] = [];
  const unread: UnreadMessage[] = [];
  for (const source of sources) {
    const path = join(root, source.file);
    const reader = new Reader(parse(path), source.file);
    if (!reader.namedSource(source.name, source.sentences))
      unread.push({ expression: source.name, where: `${source.file} (not found)` });
    messages.push(...reader.messages);
    unread.push(...reader.unread);
  }
  return { messages, unread };
}

/** The custom messages of the shared zod schemas: check arguments and `message:` options. */
export function schemaMessages(root: string): Extraction {
  const messages: SourceMessage[] = [];
  for (const path of sourceFiles(root)) {
    const file = parse(path);
    const reader = new Reader(file, relative(root, path));
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const name = node.expression.name.text;
        const from = ZOD_MESSAGE_AFTER_ARGUMENT.has(name) ? 1 : ZOD_MESSAGE_FIRST.has(name) ? 0 : null;
        if (from !== null) for (const arg of node.arguments.slice(from)) if (isText(arg)) reader.text(arg);
        for (const arg of node.arguments)
          if (ts.isObjectLiteralExpression(arg))
            for (const property of arg.properties)
              if (
                ts.isPropertyAssignment(property) &&
                ['message', 'error'].includes(property.name.getText(file)) &&
                isText(property.initializer)
              )
                reader.text(property.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    messages.push(...reader.messages);
  }
  return { messages, unread: [] };
}

/** The texts passed as first argument to a named function (`RequiredText('a name')`): words put into a message. */
export function firstArguments(root: string, callee: string): SourceMessage[] {
  const messages: SourceMessage[] = [];
  for (const path of sourceFiles(root)) {
    const file = parse(path);
    const reader = new Reader(file, relative(root, path));
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        calleeName(node) === callee &&
        node.arguments[0] &&
        isText(node.arguments[0])
      )
        reader.text(node.arguments[0]);
      ts.forEachChild(node, visit);
    };
    visit(file);
    messages.push(...reader.messages);
  }
  return messages;
}
