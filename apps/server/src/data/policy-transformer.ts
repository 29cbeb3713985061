import {
  AggregateFunctionNode,
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  FromNode,
  IdentifierNode,
  type JoinNode,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  OperatorNode,
  ParensNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PrimitiveValueListNode,
  type QueryId,
  type QueryResult,
  type RawNode,
  ReferenceNode,
  type RootOperationNode,
  SelectionNode,
  SelectQueryNode,
  TableNode,
  type UnknownRow,
  ValueListNode,
  ValueNode,
} from 'kysely';
import type { Actor } from '../policy/actor.js';
import { policyOf } from '../policy/tables.js';
import { type ImpliedCondition, policyView, policyViewWith } from './policy-view.js';

/** A table read by one statement, and the column of the root row that names its subject. */
interface TableRead {
  table: string;
  subjectKey: string | null;
}

export interface ReadObserver {
  /** Called once per statement with the person-level tables it read and the people its rows are about. */
  onRead(tables: readonly string[], subjectPersonIds: readonly string[]): void;
}

interface StatementReads {
  reads: TableRead[];
  /** Aggregated (counts, groups): no row names a person, the read is recorded by table. */
  aggregated: boolean;
}

const SUBJECT_KEY_PREFIX = '__subject_';

/**
 * The policy, applied to any query by construction. Every table in a FROM or a JOIN, at any
 * depth (subqueries, EXISTS, CTEs), is replaced by its policy view: the rows the actor may read,
 * with the columns the actor may not see read as NULL (data/policy-view.ts). Writes are refused
 * here (they go through ScopedDb's checked insert, update and delete), and so is raw SQL that
 * names a table, which no policy could see into.
 *
 * For the audit, the root SELECT of a plain (not aggregated) query also selects each policy
 * view's subject; the transformed result reports them to the observer and drops those columns.
 */
export class PolicyPlugin implements KyselyPlugin {
  readonly #reads = new WeakMap<QueryId, StatementReads>();

  constructor(
    private readonly actor: Actor,
    private readonly observer: ReadObserver,
  ) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const reads: TableRead[] = [];
    const transformer = new PolicyTransformer(this.actor, reads, commonTableNames(args.node));
    const node = transformer.transformNode(args.node) as RootOperationNode;
    if (!SelectQueryNode.is(node) || reads.length === 0) return node;
    const aggregated = isAggregated(node);
    this.#reads.set(args.queryId, { reads, aggregated });
    return aggregated ? node : withSubjectSelections(node, reads);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const statement = this.#reads.get(args.queryId);
    if (!statement) return args.result;
    const { reads, aggregated } = statement;
    const subjects = new Set<string>();
    const subjectKeys = reads.flatMap((read) => (read.subjectKey ? [read.subjectKey] : []));
    for (const row of args.result.rows) {
      for (const key of Object.keys(row)) {
        if (!key.startsWith('__')) continue;
        const value = row[key];
        if (subjectKeys.includes(key) && typeof value === 'string') subjects.add(value);
        delete row[key];
      }
    }
    const clientTables = [...new Set(reads.map((read) => read.table))].filter(
      (table) => policyOf(table)?.holds === 'client',
    );
    if (clientTables.length > 0 && (aggregated || subjects.size > 0))
      this.observer.onRead(clientTables, [...subjects]);
    return args.result;
  }
}

class PolicyTransformer extends OperationNodeTransformer {
  /** For each SELECT being transformed (innermost last): its WHERE's conditions on a column and a value, by table alias. */
  readonly #implied: Array<Map<string, ImpliedCondition[]>> = [];

  constructor(
    private readonly actor: Actor,
    private readonly reads: TableRead[],
    /** Names the query's own WITH defines: they are not tables (their bodies are transformed). */
    private readonly commonTables: ReadonlySet<string>,
  ) {
    super();
  }

  /** A table in a FROM or JOIN becomes its policy view, under the name the query gave it. */
  private protect(node: OperationNode, queryId?: QueryId): OperationNode {
    const table = TableNode.is(node)
      ? node
      : AliasNode.is(node) && TableNode.is(node.node)
        ? node.node
        : null;
    if (!table) return this.transformNode(node, queryId);
    if (table.table.schema) throw new Error('Schema-qualified tables are not read through the scoped handle');
    const name = table.table.identifier.name;
    if (this.commonTables.has(name)) return node;
    const alias = AliasNode.is(node) && IdentifierNode.is(node.alias) ? node.alias.name : name;
    const view = policyView(this.actor, name);
    this.reads.push({ table: name, subjectKey: view.hasSubject ? `${SUBJECT_KEY_PREFIX}${alias}` : null });
    const implied = (this.#implied.at(-1)?.get(alias) ?? []).filter((condition) =>
      view.maskedColumns.has(condition.column),
    );
    return AliasNode.create(policyViewWith(view, name, implied), IdentifierNode.create(alias));
  }

  protected override transformSelectQuery(node: SelectQueryNode, queryId?: QueryId): SelectQueryNode {
    this.#implied.push(impliedConditions(node));
    try {
      return super.transformSelectQuery(node, queryId);
    } finally {
      this.#implied.pop();
    }
  }

  protected override transformFrom(node: FromNode, queryId?: QueryId): FromNode {
    return FromNode.create(node.froms.map((from) => this.protect(from, queryId)));
  }

  protected override transformJoin(node: JoinNode, queryId?: QueryId): JoinNode {
    const transformed = super.transformJoin({ ...node, table: TableNode.create('__placeholder') }, queryId);
    return { ...transformed, table: this.protect(node.table, queryId) };
  }

  protected override transformRaw(node: RawNode, queryId?: QueryId): RawNode {
    for (const fragment of node.sqlFragments) {
      for (const match of fragment.matchAll(/\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?/gi)) {
        if (policyOf(match[1]!.toLowerCase()))
          throw new Error(`Raw SQL reads ${match[1]} past its policy: write it with the query builder`);
      }
    }
    for (const parameter of node.parameters) {
      if (TableNode.is(parameter) && policyOf(parameter.table.identifier.name))
        throw new Error(`Raw SQL names ${parameter.table.identifier.name} past its policy`);
    }
    return super.transformRaw(node, queryId);
  }

  protected override transformInsertQuery(): never {
    throw new Error('Insert through ScopedDb.insert, which checks the write policy');
  }
  protected override transformUpdateQuery(): never {
    throw new Error('Update through ScopedDb.update, which checks the write policy');
  }
  protected override transformDeleteQuery(): never {
    throw new Error('Delete through ScopedDb.delete, which checks the write policy');
  }
  protected override transformMergeQuery(): never {
    throw new Error('Merge is not available through the scoped handle');
  }
}

/**
 * The WHERE's top-level conditions of the form `alias.column = value` or `alias.column IN (values)`,
 * by alias (a bare column belongs to the only table of a FROM without joins). Only conditions on a
 * literal or parameter are taken: they are what an index on the column can serve.
 */
function impliedConditions(node: SelectQueryNode): Map<string, ImpliedCondition[]> {
  const byAlias = new Map<string, ImpliedCondition[]>();
  if (!node.where) return byAlias;
  const froms = node.from?.froms ?? [];
  const soleAlias = froms.length === 1 && (node.joins ?? []).length === 0 ? aliasOf(froms[0]!) : null;
  const visit = (condition: OperationNode): void => {
    if (ParensNode.is(condition)) {
      visit(condition.node);
      return;
    }
    if (AndNode.is(condition)) {
      visit(condition.left);
      visit(condition.right);
      return;
    }
    if (!BinaryOperationNode.is(condition) || !OperatorNode.is(condition.operator)) return;
    const operator = condition.operator.operator;
    if (operator !== '=' && operator !== 'in') return;
    const { leftOperand: left, rightOperand: right } = condition;
    if (!ReferenceNode.is(left) || !ColumnNode.is(left.column)) return;
    const alias = left.table ? left.table.table.identifier.name : soleAlias;
    if (!alias) return;
    const literal =
      operator === '='
        ? ValueNode.is(right) && right.value !== null
        : PrimitiveValueListNode.is(right) ||
          (ValueListNode.is(right) && right.values.every((value) => ValueNode.is(value)));
    if (!literal) return;
    const conditions = byAlias.get(alias) ?? [];
    conditions.push({ column: left.column.column.name, operator, value: right });
    byAlias.set(alias, conditions);
  };
  visit(node.where.where);
  return byAlias;
}

function aliasOf(item: OperationNode): string | null {
  if (AliasNode.is(item) && IdentifierNode.is(item.alias)) return item.alias.name;
  if (TableNode.is(item)) return item.table.identifier.name;
  return null;
}

/** The names a root query's WITH clause defines; one that would shadow a table is refused. */
function commonTableNames(node: RootOperationNode): Set<string> {
  const names = new Set<string>();
  const withNode = 'with' in node ? node.with : undefined;
  for (const expression of withNode?.expressions ?? []) {
    const name = expression.name.table.table.identifier.name;
    if (policyOf(name)) throw new Error(`A WITH named ${name} would shadow that table's policy`);
    names.add(name);
  }
  return names;
}

/** Adds `alias.__subject AS __subject_alias` for each policy view with a subject, when the query is plain. */
function isAggregated(node: SelectQueryNode): boolean {
  return (
    node.groupBy !== undefined ||
    node.distinctOn !== undefined ||
    (node.setOperations?.length ?? 0) > 0 ||
    (node.frontModifiers ?? []).some(
      (modifier) => modifier.rawModifier !== undefined || modifier.modifier === 'Distinct',
    ) ||
    (node.selections ?? []).some((selection) => containsAggregate(selection.selection))
  );
}

function withSubjectSelections(node: SelectQueryNode, reads: readonly TableRead[]): SelectQueryNode {
  const subjectKeys = [...new Set(reads.flatMap((read) => (read.subjectKey ? [read.subjectKey] : [])))];
  // Only the root's own tables can be addressed from its select list.
  const rootAliases = new Set(rootTableAliases(node));
  const addressable = subjectKeys.filter((key) => rootAliases.has(key.slice(SUBJECT_KEY_PREFIX.length)));
  if (addressable.length === 0) return node;
  const selections = addressable.map((key) =>
    SelectionNode.create(
      AliasNode.create(
        ReferenceNode.create(
          ColumnNode.create('__subject'),
          TableNode.create(key.slice(SUBJECT_KEY_PREFIX.length)),
        ),
        IdentifierNode.create(key),
      ),
    ),
  );
  return SelectQueryNode.cloneWithSelections(node, selections);
}

function rootTableAliases(node: SelectQueryNode): string[] {
  const items = [...(node.from?.froms ?? []), ...(node.joins ?? []).map((join) => join.table)];
  return items.flatMap((item) =>
    AliasNode.is(item) && IdentifierNode.is(item.alias) ? [item.alias.name] : [],
  );
}

function containsAggregate(node: OperationNode): boolean {
  if (AggregateFunctionNode.is(node)) return true;
  if (AliasNode.is(node)) return containsAggregate(node.node);
  return false;
}
