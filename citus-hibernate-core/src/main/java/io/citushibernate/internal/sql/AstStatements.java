package io.citushibernate.internal.sql;

import static io.citushibernate.internal.sql.AstWalker.each;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.expression.SpannerInterleaveIn;
import net.sf.jsqlparser.schema.Sequence;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Block;
import net.sf.jsqlparser.statement.CSVFileDestination;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.DeclareStatement;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.DoStatement;
import net.sf.jsqlparser.statement.ErrorClause;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.FileSourceDestination;
import net.sf.jsqlparser.statement.IfElseStatement;
import net.sf.jsqlparser.statement.LikeClause;
import net.sf.jsqlparser.statement.PurgeStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.ScriptSourceDestination;
import net.sf.jsqlparser.statement.SessionStatement;
import net.sf.jsqlparser.statement.SetIdentityInsertStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.StatementVisitor;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterDomain;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterExpressionPartition;
import net.sf.jsqlparser.statement.alter.AlterExpressionPrimaryKey;
import net.sf.jsqlparser.statement.alter.AlterExtension;
import net.sf.jsqlparser.statement.alter.AlterPublication;
import net.sf.jsqlparser.statement.alter.AlterSession;
import net.sf.jsqlparser.statement.alter.AlterSubscription;
import net.sf.jsqlparser.statement.alter.AlterSystemStatement;
import net.sf.jsqlparser.statement.alter.AlterType;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.analyze.Analyze;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.database.CreateDatabase;
import net.sf.jsqlparser.statement.create.domain.CreateDomain;
import net.sf.jsqlparser.statement.create.domain.DomainConstraint;
import net.sf.jsqlparser.statement.create.event.AlterEvent;
import net.sf.jsqlparser.statement.create.event.CreateEvent;
import net.sf.jsqlparser.statement.create.event.EventSchedule;
import net.sf.jsqlparser.statement.create.event.EventStatement;
import net.sf.jsqlparser.statement.create.extension.CreateExtension;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.policy.CreatePolicy;
import net.sf.jsqlparser.statement.create.publication.CreatePublication;
import net.sf.jsqlparser.statement.create.publication.PublicationTable;
import net.sf.jsqlparser.statement.create.publication.PublicationTarget;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.subscription.CreateSubscription;
import net.sf.jsqlparser.statement.create.synonym.CreateSynonym;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.ColumnOption;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.DefaultConstraint;
import net.sf.jsqlparser.statement.create.table.ExcludeConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.ForeignKeyReference;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.PartitionBound;
import net.sf.jsqlparser.statement.create.table.TablePartitioning;
import net.sf.jsqlparser.statement.create.trigger.CreateTrigger;
import net.sf.jsqlparser.statement.create.trigger.TriggerEvent;
import net.sf.jsqlparser.statement.create.type.CreateType;
import net.sf.jsqlparser.statement.create.user.CreateUser;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.create.view.ViewOption;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.delete.ParenthesedDelete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.export.DBMSDestination;
import net.sf.jsqlparser.statement.export.Export;
import net.sf.jsqlparser.statement.export.FileDestination;
import net.sf.jsqlparser.statement.grant.AlterDefaultPrivileges;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.grant.Privilege;
import net.sf.jsqlparser.statement.grant.PrivilegeClause;
import net.sf.jsqlparser.statement.grant.Revoke;
import net.sf.jsqlparser.statement.imprt.DBMSSource;
import net.sf.jsqlparser.statement.imprt.FileSource;
import net.sf.jsqlparser.statement.imprt.Import;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertBulk;
import net.sf.jsqlparser.statement.insert.InsertConflictAction;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.insert.InsertDuplicateAction;
import net.sf.jsqlparser.statement.insert.ParenthesedInsert;
import net.sf.jsqlparser.statement.lock.LockStatement;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeOperationVisitor;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.oracle.OracleAssignment;
import net.sf.jsqlparser.statement.oracle.OracleBlock;
import net.sf.jsqlparser.statement.oracle.OracleNullStatement;
import net.sf.jsqlparser.statement.refresh.RefreshMaterializedViewStatement;
import net.sf.jsqlparser.statement.replication.ReplicationOption;
import net.sf.jsqlparser.statement.role.AlterRole;
import net.sf.jsqlparser.statement.role.CreateRole;
import net.sf.jsqlparser.statement.role.RoleOption;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.ParenthesedUpdate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The part of {@link AstWalker} that walks statements: the target of INSERT, UPDATE, DELETE and
 * MERGE is a table, never a CTE; every other statement's tables are references, so that a
 * definition or command naming a tenant table is seen and refused.
 */
final class AstStatements implements StatementVisitor<Void>, MergeOperationVisitor<Void> {
  private final AstWalker walker;

  AstStatements(AstWalker walker) {
    this.walker = walker;
  }

  @Override
  public <S> Void visit(Select select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(Insert insert, S context) {
    walker.scope(insert);
    AstWalker.WithList with = walker.enter(insert.getWithItemsList());
    insertParts(insert, with);
    walker.leave(with);
    return null;
  }

  private void insertParts(Insert insert, AstWalker.WithList with) {
    walker.target(insert.getTable());
    walker.expression(insert.getColumns());
    each(insert.getPartitions(), p -> {
      walker.expression(p.getColumn());
      walker.expression(p.getValue());
    });
    walker.select(insert.getSelect());
    walker.updateSets(insert.getDuplicateUpdateSets());
    walker.returning(insert.getReturningClause());
    walker.updateSets(insert.getSetUpdateSets());
    walker.withItems(with);
    walker.output(insert.getOutputClause());
    InsertConflictTarget conflictTarget = insert.getConflictTarget();
    if (conflictTarget != null) {
      indexColumns(conflictTarget.getIndexElements());
      walker.expression(conflictTarget.getWhereExpression());
    }
    InsertConflictAction conflictAction = insert.getConflictAction();
    if (conflictAction != null) {
      walker.expression(conflictAction.getWhereExpression());
      walker.updateSets(conflictAction.getUpdateSets());
    }
    duplicateAction(insert.getDuplicateAction());
    each(insert.getOracleMultiInsertBranches(), branch -> {
      walker.expression(branch.getWhenExpression());
      each(branch.getClauses(), clause -> {
        walker.target(clause.getTable());
        walker.expression(clause.getColumns());
        walker.select(clause.getSelect());
      });
    });
  }

  private void duplicateAction(InsertDuplicateAction action) {
    if (action != null) {
      walker.expression(action.getWhereExpression());
      walker.updateSets(action.getUpdateSets());
    }
  }

  @Override
  public <S> Void visit(ParenthesedInsert insert, S context) {
    walker.scope(insert);
    AstWalker.WithList with = walker.enter(insert.getWithItemsList());
    walker.statement(insert.getInsert());
    insertParts(insert, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(Update update, S context) {
    walker.scope(update);
    AstWalker.WithList with = walker.enter(update.getWithItemsList());
    updateParts(update, with);
    walker.leave(with);
    return null;
  }

  private void updateParts(Update update, AstWalker.WithList with) {
    walker.withItems(with);
    walker.target(update.getTable());
    walker.forPortion(update.getForPortionClause());
    walker.expression(update.getWhere());
    walker.preferring(update.getPreferringClause());
    walker.updateSets(update.getUpdateSets());
    walker.fromItem(update.getFromItem());
    walker.joins(update.getJoins());
    walker.joins(update.getStartJoins());
    walker.orderBy(update.getOrderByElements());
    walker.limit(update.getLimit());
    walker.option(update.getOption());
    walker.returning(update.getReturningClause());
    walker.output(update.getOutputClause());
  }

  @Override
  public <S> Void visit(ParenthesedUpdate update, S context) {
    walker.scope(update);
    AstWalker.WithList with = walker.enter(update.getWithItemsList());
    walker.statement(update.getUpdate());
    updateParts(update, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(Delete delete, S context) {
    walker.scope(delete);
    AstWalker.WithList with = walker.enter(delete.getWithItemsList());
    deleteParts(delete, with);
    walker.leave(with);
    return null;
  }

  private void deleteParts(Delete delete, AstWalker.WithList with) {
    walker.withItems(with);
    walker.target(delete.getTable());
    walker.forPortion(delete.getForPortionClause());
    each(delete.getTables(), walker::target);
    walker.fromItems(delete.getUsingFromItemList());
    walker.joins(delete.getJoins());
    walker.expression(delete.getWhere());
    walker.preferring(delete.getPreferringClause());
    walker.limit(delete.getLimit());
    walker.option(delete.getOption());
    walker.orderBy(delete.getOrderByElements());
    walker.returning(delete.getReturningClause());
    walker.output(delete.getOutputClause());
  }

  @Override
  public <S> Void visit(ParenthesedDelete delete, S context) {
    walker.scope(delete);
    AstWalker.WithList with = walker.enter(delete.getWithItemsList());
    walker.statement(delete.getDelete());
    deleteParts(delete, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(Merge merge, S context) {
    AstWalker.WithList with = walker.enter(merge.getWithItemsList());
    walker.withItems(with);
    walker.target(merge.getTable());
    walker.fromItem(merge.getFromItem());
    walker.expression(merge.getOnCondition());
    mergeOperation(merge.getMergeInsert());
    mergeOperation(merge.getMergeUpdate());
    visit(merge.getOperations(), null);
    walker.returning(merge.getReturningClause());
    walker.output(merge.getOutputClause());
    walker.option(merge.getOption());
    walker.leave(with);
    return null;
  }

  private void mergeOperation(MergeOperation operation) {
    if (operation != null && walker.firstTime(operation)) { // MERGE lists its INSERT and UPDATE twice
      operation.accept(this, null);
    }
  }

  @Override
  public <S> Void visit(Collection<MergeOperation> operations, S context) {
    each(operations, this::mergeOperation);
    return null;
  }

  @Override
  public <S> Void visit(MergeInsert insert, S context) {
    walker.expression(insert.getAndPredicate());
    walker.expression(insert.getColumns());
    walker.expression(insert.getValues());
    walker.expression(insert.getWhereCondition());
    return null;
  }

  @Override
  public <S> Void visit(MergeUpdate update, S context) {
    walker.updateSets(update.getUpdateSets());
    walker.expression(update.getAndPredicate());
    walker.expression(update.getWhereCondition());
    walker.expression(update.getDeleteWhereCondition());
    return null;
  }

  @Override
  public <S> Void visit(MergeDelete delete, S context) {
    walker.expression(delete.getAndPredicate());
    return null;
  }

  @Override
  public <S> Void visit(Upsert upsert, S context) {
    walker.target(upsert.getTable());
    walker.expression(upsert.getColumns());
    walker.expression(upsert.getExpressions());
    walker.select(upsert.getSelect());
    walker.updateSets(upsert.getUpdateSets());
    walker.updateSets(upsert.getDuplicateUpdateSets());
    duplicateAction(upsert.getDuplicateAction());
    return null;
  }

  @Override
  public <S> Void visit(InsertBulk insert, S context) {
    walker.reference(insert.getTable());
    columnDefinitions(insert.getColumns());
    each(insert.getOptions(), o -> {
      walker.expression(o.getValue());
      walker.orderBy(o.getOrderByElements());
    });
    return null;
  }

  @Override
  public <S> Void visit(ExplainStatement explain, S context) {
    walker.statement(explain.getStatement());
    walker.reference(explain.getTable());
    return null;
  }

  @Override
  public <S> Void visit(Statements statements, S context) {
    walker.statements(statements);
    return null;
  }

  @Override
  public <S> Void visit(Block block, S context) {
    walker.statements(block.getStatements());
    return null;
  }

  @Override
  public <S> Void visit(OracleBlock block, S context) {
    each(block.getDeclarations(), d -> walker.expression(d.getInitializer()));
    each(block.getExceptionHandlers(), h -> walker.statements(h.getStatements()));
    walker.statements(block.getStatements());
    return null;
  }

  @Override
  public <S> Void visit(IfElseStatement statement, S context) {
    walker.expression(statement.getCondition());
    walker.statement(statement.getIfStatement());
    walker.statement(statement.getElseStatement());
    return null;
  }

  @Override
  public <S> Void visit(OracleAssignment assignment, S context) {
    walker.expression(assignment.getTarget());
    walker.expression(assignment.getValue());
    return null;
  }

  @Override
  public <S> Void visit(DeclareStatement declare, S context) {
    each(declare.getTypeDefExprList(), t -> walker.expression(t.getDefaultExpr()));
    columnDefinitions(declare.getColumnDefinitions());
    return null;
  }

  @Override
  public <S> Void visit(SetStatement set, S context) {
    for (int i = 0; i < set.getCount(); i++) {
      walker.part(set.getName(i));
      walker.expressions(set.getExpressions(i));
    }
    return null;
  }

  @Override
  public <S> Void visit(Execute execute, S context) {
    walker.expression(execute.getExprList());
    return null;
  }

  @Override
  public <S> Void visit(PurgeStatement purge, S context) {
    walker.part(purge.getObject());
    return null;
  }

  @Override
  public <S> Void visit(ShowTablesStatement show, S context) {
    walker.expression(show.getLikeExpression());
    walker.expression(show.getWhereCondition());
    return null;
  }

  @Override
  public <S> Void visit(DescribeStatement describe, S context) {
    walker.reference(describe.getTable());
    return null;
  }

  @Override
  public <S> Void visit(SetIdentityInsertStatement statement, S context) {
    walker.reference(statement.getTable());
    return null;
  }

  @Override
  public <S> Void visit(LockStatement lock, S context) {
    walker.reference(lock.getTable());
    return null;
  }

  @Override
  public <S> Void visit(Truncate truncate, S context) {
    walker.reference(truncate.getTable());
    each(truncate.getTables(), walker::reference);
    return null;
  }

  @Override
  public <S> Void visit(Analyze analyze, S context) {
    each(analyze.getTables(), walker::reference);
    walker.expressions(analyze.getHistogramColumns());
    return null;
  }

  @Override
  public <S> Void visit(Comment comment, S context) {
    walker.reference(comment.getTable());
    walker.expression(comment.getColumn());
    walker.reference(comment.getView());
    return null;
  }

  @Override
  public <S> Void visit(Drop drop, S context) {
    each(drop.getNames(), walker::reference);
    return null;
  }

  @Override
  public <S> Void visit(RefreshMaterializedViewStatement refresh, S context) {
    walker.reference(refresh.getView());
    return null;
  }

  @Override
  public <S> Void visit(RenameTableStatement rename, S context) {
    each(rename.getTableNames(), (Map.Entry<Table, Table> names) -> {
      walker.reference(names.getKey());
      walker.reference(names.getValue());
    });
    return null;
  }

  @Override
  public <S> Void visit(CreateTable create, S context) {
    walker.reference(create.getTable());
    columnDefinitions(create.getColumnDefinitions());
    each(create.getIndexes(), this::index);
    each(create.getTableElements(), walker::part);
    walker.select(create.getSelect());
    walker.reference(create.getLikeTable());
    partitioning(create.getPartitioning());
    walker.reference(create.getPartitionOf());
    partitionBound(create.getPartitionBound());
    SpannerInterleaveIn interleaveIn = create.getSpannerInterleaveIn();
    if (interleaveIn != null) {
      walker.reference(interleaveIn.getTable());
    }
    return null;
  }

  @Override
  public <S> Void visit(CreateView create, S context) {
    walker.reference(create.getView());
    walker.select(create.getSelect());
    walker.expression(create.getColumnNames());
    each(create.getOptions(), (ViewOption o) -> walker.expression(o.getValue()));
    indexOptions(create.getStorageParameters());
    return null;
  }

  @Override
  public <S> Void visit(AlterView alter, S context) {
    walker.reference(alter.getView());
    walker.select(alter.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(CreateIndex create, S context) {
    walker.reference(create.getTable());
    index(create.getIndex());
    indexOptions(create.getStorageParameters());
    walker.expression(create.getWhere());
    return null;
  }

  @Override
  public <S> Void visit(CreatePolicy create, S context) {
    walker.reference(create.getTable());
    walker.expression(create.getUsingExpression());
    walker.expression(create.getWithCheckExpression());
    return null;
  }

  @Override
  public <S> Void visit(CreateTrigger create, S context) {
    each(create.getEvents(), (TriggerEvent e) -> walker.expression(e.getColumns()));
    walker.reference(create.getTrigger());
    walker.reference(create.getReferencedTable());
    walker.expression(create.getWhenExpression());
    walker.expression(create.getRoutine());
    walker.reference(create.getTable());
    walker.reference(create.getOtherTrigger());
    walker.statement(create.getBody());
    return null;
  }

  @Override
  public <S> Void visit(CreateEvent create, S context) {
    event(create);
    return null;
  }

  @Override
  public <S> Void visit(AlterEvent alter, S context) {
    walker.reference(alter.getRenameTo());
    event(alter);
    return null;
  }

  private void event(EventStatement event) {
    walker.reference(event.getEvent());
    EventSchedule schedule = event.getSchedule();
    if (schedule != null) {
      walker.expression(schedule.getExecuteAt());
      walker.expression(schedule.getInterval());
      walker.expression(schedule.getStarts());
      walker.expression(schedule.getEnds());
    }
    walker.statement(event.getBody());
  }

  @Override
  public <S> Void visit(CreateFunctionalStatement create, S context) {
    if (create.getReturnType() != null) {
      each(create.getReturnType().getTableElements(), walker::part);
    }
    return null;
  }

  @Override
  public <S> Void visit(CreateSchema create, S context) {
    walker.statements(create.getStatements());
    return null;
  }

  @Override
  public <S> Void visit(CreateSequence create, S context) {
    sequenceOwner(create.getSequence());
    return null;
  }

  @Override
  public <S> Void visit(AlterSequence alter, S context) {
    sequenceOwner(alter.getSequence());
    return null;
  }

  private void sequenceOwner(Sequence sequence) {
    if (sequence != null && sequence.getOwnership() != null) {
      walker.expression(sequence.getOwnership().getColumn());
    }
  }

  @Override
  public <S> Void visit(CreateDomain create, S context) {
    walker.expression(create.getDefaultExpression());
    each(create.getConstraints(), (DomainConstraint c) -> walker.expression(c.getExpression()));
    return null;
  }

  @Override
  public <S> Void visit(AlterDomain alter, S context) {
    walker.expression(alter.getDefaultExpression());
    if (alter.getConstraint() != null) {
      walker.expression(alter.getConstraint().getExpression());
    }
    return null;
  }

  @Override
  public <S> Void visit(CreateExtension create, S context) {
    each(create.getOptions(), o -> walker.expression(o.getVersion()));
    return null;
  }

  @Override
  public <S> Void visit(AlterExtension alter, S context) {
    walker.expression(alter.getVersion());
    return null;
  }

  @Override
  public <S> Void visit(CreatePublication create, S context) {
    publication(create.getTargets(), create.getOptions());
    return null;
  }

  @Override
  public <S> Void visit(AlterPublication alter, S context) {
    publication(alter.getTargets(), alter.getOptions());
    return null;
  }

  private void publication(List<PublicationTarget> targets, List<? extends ReplicationOption<?>> options) {
    each(targets, target -> each(target.getTables(), (PublicationTable table) -> {
      walker.reference(table.getTable());
      walker.expression(table.getColumns());
      walker.expression(table.getWhere());
    }));
    replicationOptions(options);
  }

  private void replicationOptions(List<? extends ReplicationOption<?>> options) {
    each(options, o -> walker.expression(o.getValue()));
  }

  @Override
  public <S> Void visit(CreateSubscription create, S context) {
    replicationOptions(create.getOptions());
    return null;
  }

  @Override
  public <S> Void visit(AlterSubscription alter, S context) {
    replicationOptions(alter.getOptions());
    return null;
  }

  @Override
  public <S> Void visit(CreateRole create, S context) {
    roleOptions(create.getOptions());
    return null;
  }

  @Override
  public <S> Void visit(AlterRole alter, S context) {
    walker.expression(alter.getValues());
    roleOptions(alter.getOptions());
    return null;
  }

  private void roleOptions(List<RoleOption> options) {
    each(options, o -> walker.expression(o.getValue()));
  }

  @Override
  public <S> Void visit(Grant grant, S context) {
    privileges(grant.getClause());
    return null;
  }

  @Override
  public <S> Void visit(Revoke revoke, S context) {
    privileges(revoke.getClause());
    return null;
  }

  @Override
  public <S> Void visit(AlterDefaultPrivileges alter, S context) {
    if (alter.getGrant() != null) {
      visit(alter.getGrant(), null);
    }
    if (alter.getRevoke() != null) {
      visit(alter.getRevoke(), null);
    }
    return null;
  }

  private void privileges(PrivilegeClause clause) {
    if (clause != null) {
      each(clause.getPrivileges(), (Privilege p) -> walker.expression(p.getColumns()));
    }
  }

  @Override
  public <S> Void visit(Alter alter, S context) {
    walker.reference(alter.getTable());
    each(alter.getAlterExpressions(), this::alterExpression);
    return null;
  }

  private void alterExpression(AlterExpression alter) {
    if (alter instanceof AlterExpressionPartition partition) {
      walker.reference(partition.getPartitionTable());
      partitionBound(partition.getPartitionBound());
      partitioning(partition.getPartitioning());
      walker.reference(partition.getExchangeTable());
    } else if (alter instanceof AlterExpressionPrimaryKey primaryKey) {
      walker.expression(primaryKey.getBucketCount());
    }
    each(alter.getColDataTypeList(), c -> {
      walker.expression(c.getUsingExpression());
      columnDefinition(c);
    });
    each(alter.getColumnSetDefaultList(), c -> walker.expression(c.getDefaultExpression()));
    index(alter.getIndex());
    index(alter.getOldIndex());
    walker.expression(alter.getPartitionExpression());
  }

  @Override
  public <S> Void visit(Import imprt, S context) {
    walker.reference(imprt.getTable());
    walker.expression(imprt.getColumns());
    each(imprt.getImportColumns(), walker::part);
    walker.part(imprt.getFromItem());
    return null;
  }

  @Override
  public <S> Void visit(Export export, S context) {
    walker.reference(export.getTable());
    walker.expression(export.getColumns());
    walker.select(export.getSelect());
    walker.part(export.getExportIntoItem());
    return null;
  }

  // ---------------------------------------------------------------- leaves: no part names a table or holds a query

  @Override
  public <S> Void visit(SavepointStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(RollbackStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(Commit statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(CreateDatabase statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(CreateUser statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(CreateType statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AlterType statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(CreateSynonym statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AlterSession statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AlterSystemStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(DoStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(ResetStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(ShowColumnsStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(ShowIndexStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(ShowStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(UseStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(UnsupportedStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(SessionStatement statement, S context) {
    return null;
  }

  @Override
  public <S> Void visit(OracleNullStatement statement, S context) {
    return null;
  }

  // ---------------------------------------------------------------- parts of definitions

  /**
   * A part of a definition whose JSqlParser type is an interface without a visitor: a table
   * element, an import column or source, an export target, an error destination. A JSqlParser
   * node of a type not known here is refused rather than skipped.
   */
  void definition(Object part) {
    if (part instanceof ColumnDefinition definition) {
      columnDefinition(definition);
    } else if (part instanceof Index index) {
      index(index);
    } else if (part instanceof LikeClause like) {
      walker.reference(like.getTable());
      walker.selectItems(like.getColumnsList());
    } else if (part instanceof DBMSSource source) {
      walker.reference(source.getTable());
      walker.expression(source.getColumns());
      errorClause(source.getErrorClause());
    } else if (part instanceof DBMSDestination destination) {
      walker.reference(destination.getTable());
      walker.expression(destination.getColumns());
      each(destination.getDBMSTableDestinationOptions(), o -> walker.expression(o.getValue()));
      errorClause(destination.getErrorClause());
    } else if (part instanceof FileSource source) {
      file(source);
      errorClause(source.getErrorClause());
    } else if (part instanceof FileDestination destination) {
      file(destination);
      errorClause(destination.getErrorClause());
    } else if (part instanceof ScriptSourceDestination script) {
      walker.reference(script.getScript());
      errorClause(script.getErrorClause());
    } else if (!(part instanceof CSVFileDestination)) {
      throw new IllegalStateException("citus-hibernate does not know the JSqlParser node "
          + part.getClass().getName() + ", so it cannot tell whether it names a table: " + part);
    }
  }

  private void file(FileSourceDestination file) {
    each(file.getFBVColumns(), c -> walker.expression(c.getValue()));
    each(file.getFileOptions(), o -> walker.expression(o.getValue()));
  }

  private void errorClause(ErrorClause clause) {
    if (clause != null) {
      walker.part(clause.getErrorDestination());
      walker.expression(clause.getExpression());
    }
  }

  void columnDefinitions(List<? extends ColumnDefinition> definitions) {
    each(definitions, this::columnDefinition);
  }

  private void columnDefinition(ColumnDefinition definition) {
    each(definition.getColumnOptions(), (ColumnOption option) -> {
      foreignKeyReference(option.getForeignKeyReference());
      index(option.getConstraint());
      walker.expression(option.getDefaultExpression());
    });
  }

  private void foreignKeyReference(ForeignKeyReference reference) {
    if (reference != null) {
      walker.reference(reference.getTable());
    }
  }

  private void index(Index index) {
    if (index == null) {
      return;
    }
    if (index instanceof CheckConstraint check) {
      walker.reference(check.getTable());
      walker.expression(check.getExpression());
    } else if (index instanceof ForeignKeyIndex foreignKey) {
      walker.reference(foreignKey.getTable());
      foreignKeyReference(foreignKey.getReference());
    } else if (index instanceof DefaultConstraint defaultConstraint) {
      walker.expression(defaultConstraint.getExpression());
      walker.expression(defaultConstraint.getColumn());
    } else if (index instanceof ExcludeConstraint exclude) {
      walker.expression(exclude.getExpression());
    }
    indexColumns(index.getColumns());
    indexOptions(index.getStorageParameters());
  }

  private void indexColumns(List<Index.ColumnParams> columns) {
    each(columns, column -> {
      walker.expression(column.getExpression());
      indexOptions(column.getOperatorClassParameters());
    });
  }

  private void indexOptions(List<Index.Option> options) {
    each(options, o -> walker.expression(o.getValue()));
  }

  private void partitioning(TablePartitioning partitioning) {
    if (partitioning != null) {
      walker.expression(partitioning.getExpression());
      walker.expression(partitioning.getExpressionList());
      walker.expression(partitioning.getColumns());
      partitioning(partitioning.getSubPartitioning());
    }
  }

  private void partitionBound(PartitionBound bound) {
    if (bound != null) {
      walker.expression(bound.getFromExpressions());
      walker.expression(bound.getToExpressions());
      walker.expression(bound.getInExpressions());
      walker.expression(bound.getModulus());
      walker.expression(bound.getRemainder());
    }
  }
}
