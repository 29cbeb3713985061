import ts from 'typescript';

/**
 * Finds user-visible text in a .tsx or .ts file that does not pass through i18next: JSX text, string
 * literals given as JSX children, and string literals in the props, object properties (notifications,
 * options), document.title and alert/confirm that the user reads or hears. Test-only
 * (hard-coded-strings.test.ts). Text kept in a constant and shown later is not seen.
 *
 * Written with the TypeScript compiler API, not i18next-cli's linter: i18next-cli 1.x needs
 * Node 22 (and i18next 26), and the project runs on Node 20 with i18next 25.
 */

/** Props and object properties whose value the user reads, or a screen reader says. */
export const VISIBLE_PROPS: ReadonlySet<string> = new Set([
  'label',
  'title',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'description',
  'alt',
  'message',
  'error',
  'confirmLabel',
  'cancelLabel',
  'nothingFoundMessage',
  'emptyMessage',
  'tooltip',
  'legend',
  'caption',
  'hint',
]);

/** Custom components' props named like them: documentTitle, submitLabel, emptyText, episodeHint… */
const VISIBLE_SUFFIX = /(Label|Title|Text|Message|Hint|Description|Placeholder|Caption|Tooltip)$/;
export const isVisibleProp = (name: string | undefined) =>
  name !== undefined && (VISIBLE_PROPS.has(name) || VISIBLE_SUFFIX.test(name));

export interface HardCodedString {
  file: string;
  line: number;
  text: string;
}

/** Text is user-visible only if it has a letter: "—", "·", "/" and numbers are not words to translate. */
const hasWords = (text: string) => /\p{L}/u.test(text);

/** The literal text of an expression, or of each branch of `a ? 'x' : 'y'` and `a || 'x'`. */
function literalTexts(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  if (ts.isConditionalExpression(node))
    return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
      ts.SyntaxKind.AmpersandAmpersandToken,
    ].includes(node.operatorToken.kind)
  )
    return literalTexts(node.right);
  return [];
}

/** The words written in a literal: a template's own text, not what it interpolates. */
function wordsOf(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  if (ts.isJsxText(node)) return node.text;
  return '';
}

const propName = (name: ts.Node): string | undefined =>
  ts.isIdentifier(name) || ts.isStringLiteral(name)
    ? name.text
    : ts.isJsxNamespacedName(name)
      ? `${name.namespace.text}:${name.name.text}`
      : undefined;

/** Browser dialogs that show their argument as it is. */
const DIALOGS: ReadonlySet<string> = new Set([
  'alert',
  'confirm',
  'prompt',
  'window.alert',
  'window.confirm',
  'window.prompt',
]);

export function findHardCodedStrings(file: string, source: string): HardCodedString[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: HardCodedString[] = [];
  const report = (node: ts.Node) => {
    const text = wordsOf(node).replace(/\s+/g, ' ').trim();
    if (!hasWords(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, text });
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      // {'Text'} or {cond ? 'Yes' : 'No'} as a child of an element
      for (const literal of literalTexts(node.expression)) report(literal);
    else if (ts.isJsxAttribute(node) && node.initializer && isVisibleProp(propName(node.name))) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init);
      else if (ts.isJsxExpression(init) && init.expression)
        for (const literal of literalTexts(init.expression)) report(literal);
    } else if (ts.isPropertyAssignment(node) && isVisibleProp(propName(node.name)))
      // notifications.show({ title: '…', message: '…' }), select options { label: '…' }
      for (const literal of literalTexts(node.initializer)) report(literal);
    else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      isVisibleProp(node.left.name.text)
    )
      // document.title = '…'
      for (const literal of literalTexts(node.right)) report(literal);
    else if (ts.isCallExpression(node) && DIALOGS.has(node.expression.getText(sf)) && node.arguments[0])
      for (const literal of literalTexts(node.arguments[0])) report(literal);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
