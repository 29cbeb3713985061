import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { SourceMessage, UnreadMessage } from './message-sources.js';

/**
 * Reads one source file's message expressions as English texts: literals, templates (each `${…}` a
 * named placeholder), and — followed within the file — consts, callers' arguments, functions' returns.
 */
export const isText = (
  node: ts.Node,
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)
    ? unwrap(node.expression)
    : node;

/** The placeholder a `${…}` becomes: the name the value is read from. */
export function placeholderName(expression: ts.Expression): string {
  const node = unwrap(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return placeholderName(node.expression);
  if (ts.isCallExpression(node)) {
    // `role.replaceAll('_', ' ')`, `missing.join(', ')`: the value is the object's.
    if (ts.isPropertyAccessExpression(node.expression)) return placeholderName(node.expression.expression);
    if (node.arguments[0]) return placeholderName(node.arguments[0]);
  }
  return 'value';
}

/** The literal texts a span can be, or null when it is a value (a placeholder). */
function spanAlternatives(expression: ts.Expression): string[] | null {
  const node = unwrap(expression);
  if (!ts.isConditionalExpression(node)) return null;
  const sides = [unwrap(node.whenTrue), unwrap(node.whenFalse)];
  if (!sides.every((side) => ts.isStringLiteral(side) || ts.isNoSubstitutionTemplateLiteral(side)))
    return null;
  return sides.map((side) => (side as ts.StringLiteral).text);
}

/** `text ${a} more ${b.c}` → [`text {a} more {c}`]; a two-text condition gives one per branch. */
export function templatesOf(node: ts.TemplateExpression): string[] {
  let texts = [node.head.text];
  for (const span of node.templateSpans) {
    const alternatives = spanAlternatives(span.expression) ?? [`{${placeholderName(span.expression)}}`];
    texts = texts.flatMap((text) =>
      alternatives.map((alternative) => text + alternative + span.literal.text),
    );
  }
  return texts;
}

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

export class Reader {
  readonly messages: SourceMessage[] = [];
  readonly unread: UnreadMessage[] = [];
  private readonly followed = new Set<ts.Node>();

  constructor(
    private readonly file: ts.SourceFile,
    private readonly label: string,
  ) {}

  private where(node: ts.Node) {
    const { line } = this.file.getLineAndCharacterOfPosition(node.getStart(this.file));
    return `${this.label}:${line + 1}`;
  }

  private miss(node: ts.Node) {
    this.unread.push({ expression: node.getText(this.file).replace(/\s+/g, ' '), where: this.where(node) });
  }

  /** Each node is followed once: a function called from many places is read once. */
  private once(node: ts.Node): boolean {
    if (this.followed.has(node)) return false;
    this.followed.add(node);
    return true;
  }

  text(expression: ts.Expression | undefined): void {
    if (!expression) return;
    const node = unwrap(expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      this.messages.push({ text: node.text, where: this.where(node) });
    } else if (ts.isTemplateExpression(node)) {
      for (const text of templatesOf(node)) this.messages.push({ text, where: this.where(node) });
    } else if (ts.isConditionalExpression(node)) {
      this.text(node.whenTrue);
      this.text(node.whenFalse);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
    ) {
      this.text(node.left);
      this.text(node.right);
    } else if (ts.isIdentifier(node)) {
      this.follow(node, (value) => this.text(value));
    } else if (ts.isCallExpression(node) && this.localFunction(node)) {
      this.returnsOf(this.localFunction(node)!, (value) => this.text(value));
    } else {
      this.miss(node);
    }
  }

  /** The fields argument: literal fields, mapped fields, a local function's or a caller's fields. */
  fields(expression: ts.Expression | undefined): void {
    if (!expression) return;
    const node = unwrap(expression);
    if (ts.isArrayLiteralExpression(node)) {
      for (const element of node.elements) this.field(element);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'map'
    ) {
      const mapper = node.arguments[0];
      if (mapper && (ts.isArrowFunction(mapper) || ts.isFunctionExpression(mapper)))
        this.returnsOf(mapper, (value) => this.field(value));
      else this.miss(node);
    } else if (ts.isCallExpression(node) && this.localFunction(node)) {
      this.returnsOf(this.localFunction(node)!, (value) => this.fields(value));
    } else if (ts.isIdentifier(node)) {
      this.follow(node, (value) => this.fields(value));
    } else {
      this.miss(node);
    }
  }

  /** One field: the text of its `message`. */
  private field(expression: ts.Expression): void {
    const node = unwrap(expression);
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties)
        if (ts.isPropertyAssignment(property) && property.name.getText(this.file) === 'message')
          this.text(property.initializer);
    } else if (ts.isIdentifier(node)) {
      this.follow(node, (value) => this.field(value));
    } else {
      this.miss(node);
    }
  }

  /** A name: the const it is, or — a parameter — what each caller in the file passes. */
  private follow(name: ts.Identifier, read: (value: ts.Expression) => void): void {
    const declaration = this.declarationOf(name);
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      if (this.once(declaration)) read(declaration.initializer);
      return;
    }
    if (declaration && ts.isParameter(declaration)) {
      const owner = declaration.parent as FunctionLike;
      const index = owner.parameters.indexOf(declaration);
      const calls = this.callsOf(owner);
      if (calls.length === 0 || !this.once(declaration)) {
        if (calls.length === 0) this.miss(name);
        return;
      }
      for (const call of calls) {
        const argument = call.arguments[index] ?? declaration.initializer;
        if (argument) read(argument);
      }
      return;
    }
    this.miss(name);
  }

  /** The declaration a name refers to: the nearest enclosing parameter, else a const of the file. */
  private declarationOf(name: ts.Identifier): ts.Node | null {
    for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
      if (ts.isFunctionLike(scope)) {
        const parameter = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name.text);
        if (parameter) return parameter;
      }
    }
    let found: ts.Node | null = null;
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name.text)
        found = node;
      if (!found) ts.forEachChild(node, visit);
    };
    visit(this.file);
    return found;
  }

  /** A function's name in the file: a declaration, a method, or the const it is assigned to. */
  private nameOf(fn: FunctionLike): string | null {
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name)
      return fn.name.getText(this.file);
    const parent = fn.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if (ts.isPropertyAssignment(parent)) return parent.name.getText(this.file);
    return null;
  }

  private callsOf(fn: FunctionLike): ts.CallExpression[] {
    const name = this.nameOf(fn);
    if (!name) return [];
    const calls: ts.CallExpression[] = [];
    // A function of the file is called by its bare name; a method also as `x.name(…)`.
    const bare = !ts.isMethodDeclaration(fn) && !ts.isPropertyAssignment(fn.parent);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        calleeName(node) === name &&
        (!bare || ts.isIdentifier(node.expression))
      )
        calls.push(node);
      ts.forEachChild(node, visit);
    };
    visit(this.file);
    return calls;
  }

  /** The function of this file a call calls, by name. */
  private localFunction(call: ts.CallExpression): FunctionLike | null {
    const name = calleeName(call);
    let found: FunctionLike | null = null;
    const visit = (node: ts.Node) => {
      if (
        (ts.isFunctionDeclaration(node) ||
          ts.isMethodDeclaration(node) ||
          ts.isArrowFunction(node) ||
          ts.isFunctionExpression(node)) &&
        this.nameOf(node) === name
      )
        found = node;
      if (!found) ts.forEachChild(node, visit);
    };
    if (name) visit(this.file);
    return found;
  }

  /** Every value a function returns (an arrow's body, each `return`), nested functions aside. */
  returnsOf(fn: FunctionLike, read: (value: ts.Expression) => void): void {
    if (!fn.body || !this.once(fn)) return;
    if (!ts.isBlock(fn.body)) {
      read(fn.body);
      return;
    }
    const visit = (node: ts.Node) => {
      if (
        ts.isReturnStatement(node) &&
        node.expression &&
        unwrap(node.expression).kind !== ts.SyntaxKind.NullKeyword
      )
        read(node.expression);
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
  }

  /**
   * A reviewed source: the texts a named function returns (or, `sentences`, every text in it that
   * reads as a sentence — for one that collects its messages as it goes), or a named object's values.
   */
  namedSource(name: string, sentences = false): boolean {
    let found = false;
    const visit = (node: ts.Node) => {
      if (
        (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node)) &&
        this.nameOf(node) === name
      ) {
        found = true;
        if (sentences) this.sentencesIn(node);
        else
          this.returnsOf(node, (value) =>
            ts.isObjectLiteralExpression(unwrap(value)) ? this.field(value) : this.text(value),
          );
      }
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === name &&
        node.initializer
      ) {
        const value = unwrap(node.initializer);
        if (ts.isObjectLiteralExpression(value)) {
          found = true;
          for (const property of value.properties)
            if (ts.isPropertyAssignment(property)) this.text(property.initializer);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(this.file);
    return found;
  }

  private sentencesIn(fn: ts.Node): void {
    const visit = (node: ts.Node) => {
      const start = isText(node) ? (ts.isTemplateExpression(node) ? node.head.text : node.text) : '';
      // A sentence: a capital, then words (not a code such as FST_ERR_CTP_BODY_TOO_LARGE).
      if (isText(node) && /^[A-Z][^_]*\s/.test(start)) this.text(node);
      else ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn, visit);
  }
}

export function calleeName(node: ts.CallExpression | ts.NewExpression): string | null {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

export function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}
