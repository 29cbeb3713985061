import ts from 'typescript';

/**
 * The keys the code asks i18next for: `t('key')` with the namespace of the `useTranslation(NS)`
 * that gave that `t` in its scope, `t('ns:key')`, `t('key', { ns: NS })`, both branches of
 * `t(a ? 'x' : 'y')`, and the fixed start of `t(\`prefix.${x}\`)`. Test-only (used-keys.test.ts):
 * a key no English file has would show as the key itself in every language.
 */
export interface UsedKey {
  file: string;
  line: number;
  /** The namespace, or null where `t` came from elsewhere (a parameter): any namespace will do. */
  namespace: string | null;
  key: string;
  /** `t(\`prefix.${x}\`)`: only the start of the key is known. */
  prefix: boolean;
}

/** The namespace constants of namespaces.ts by name, and i18next's default namespace. */
export interface NamespaceNames {
  constants: Readonly<Record<string, string>>;
  defaultNs: string;
}

function namespaceOf(node: ts.Expression | undefined, names: NamespaceNames, sf: ts.SourceFile): string {
  if (!node) return names.defaultNs;
  if (ts.isStringLiteral(node)) return node.text;
  return names.constants[node.getText(sf)] ?? `?${node.getText(sf)}`;
}

/** `const { t } = useTranslation(NS)` (or `{ t: tc }`) declared directly in a block: name → namespace. */
function bindingsIn(block: ts.Node, names: NamespaceNames, sf: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  const statements = ts.isSourceFile(block) || ts.isBlock(block) ? block.statements : [];
  for (const statement of statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!init || !ts.isCallExpression(init) || init.expression.getText(sf) !== 'useTranslation') continue;
      if (!ts.isObjectBindingPattern(declaration.name)) continue;
      for (const element of declaration.name.elements)
        if ((element.propertyName ?? element.name).getText(sf) === 't')
          found.set(element.name.getText(sf), namespaceOf(init.arguments[0], names, sf));
    }
  }
  return found;
}

/** The literal keys of a t() argument: each branch of a conditional, the head of a template. */
function keysOf(node: ts.Expression): { key: string; prefix: boolean }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return [{ key: node.text, prefix: false }];
  if (ts.isTemplateExpression(node)) return node.head.text ? [{ key: node.head.text, prefix: true }] : [];
  if (ts.isParenthesizedExpression(node)) return keysOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...keysOf(node.whenTrue), ...keysOf(node.whenFalse)];
  return [];
}

export function findUsedKeys(file: string, source: string, names: NamespaceNames): UsedKey[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const scopes = new Map<ts.Node, Map<string, string>>();
  const scopeOf = (block: ts.Node) => {
    const bindings = scopes.get(block) ?? bindingsIn(block, names, sf);
    scopes.set(block, bindings);
    return bindings;
  };
  /** The namespace of the nearest `t` of that name in scope; undefined if none was declared. */
  const resolve = (name: string, from: ts.Node): string | undefined => {
    for (let node: ts.Node | undefined = from; node; node = node.parent) {
      const ns = scopeOf(node).get(name);
      if (ns) return ns;
    }
    return undefined;
  };

  const used: UsedKey[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments[0]) {
      const callee = node.expression;
      let namespace: string | null | undefined;
      if (ts.isIdentifier(callee))
        namespace = resolve(callee.text, node) ?? (callee.text === 't' ? null : undefined);
      else if (callee.getText(sf) === 'i18n.t') namespace = names.defaultNs;
      if (namespace !== undefined) {
        const options = node.arguments[1];
        if (options && ts.isObjectLiteralExpression(options))
          for (const property of options.properties)
            if (ts.isPropertyAssignment(property) && property.name.getText(sf) === 'ns')
              namespace = namespaceOf(property.initializer, names, sf);
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        for (const { key, prefix } of keysOf(node.arguments[0])) {
          const explicit = /^(\w+):(.+)$/.exec(key);
          used.push({
            file,
            line,
            namespace: explicit ? explicit[1]! : namespace,
            key: explicit ? explicit[2]! : key,
            prefix,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return used;
}
