package io.citushibernate.internal.sql;

import static io.citushibernate.internal.sql.AstWalker.each;

import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.statement.piped.AggregatePipeOperator;
import net.sf.jsqlparser.statement.piped.AsPipeOperator;
import net.sf.jsqlparser.statement.piped.CallPipeOperator;
import net.sf.jsqlparser.statement.piped.DropPipeOperator;
import net.sf.jsqlparser.statement.piped.ExtendPipeOperator;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.piped.JoinPipeOperator;
import net.sf.jsqlparser.statement.piped.LimitPipeOperator;
import net.sf.jsqlparser.statement.piped.OrderByPipeOperator;
import net.sf.jsqlparser.statement.piped.PipeOperator;
import net.sf.jsqlparser.statement.piped.PipeOperatorVisitor;
import net.sf.jsqlparser.statement.piped.PivotPipeOperator;
import net.sf.jsqlparser.statement.piped.RenamePipeOperator;
import net.sf.jsqlparser.statement.piped.SelectPipeOperator;
import net.sf.jsqlparser.statement.piped.SetOperationPipeOperator;
import net.sf.jsqlparser.statement.piped.SetPipeOperator;
import net.sf.jsqlparser.statement.piped.TableSamplePipeOperator;
import net.sf.jsqlparser.statement.piped.UnPivotPipeOperator;
import net.sf.jsqlparser.statement.piped.WherePipeOperator;
import net.sf.jsqlparser.statement.piped.WindowPipeOperator;
import net.sf.jsqlparser.statement.select.Fetch;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Pivot;
import net.sf.jsqlparser.statement.select.PivotQuery;
import net.sf.jsqlparser.statement.select.PivotVisitor;
import net.sf.jsqlparser.statement.select.PivotXml;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SelectItemVisitor;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Top;
import net.sf.jsqlparser.statement.select.UnPivot;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The part of {@link AstWalker} that walks queries: every kind of {@code Select} with all the
 * clauses it has from {@code Select} (WITH, ORDER BY, LIMIT, OFFSET, FETCH), CTEs, select items,
 * pivots and pipe operators.
 */
final class AstQueries
    implements SelectVisitor<Void>, SelectItemVisitor<Void>, PivotVisitor<Void>, PipeOperatorVisitor<Void, Void> {
  private final AstWalker walker;

  AstQueries(AstWalker walker) {
    this.walker = walker;
  }

  @Override
  public <S> Void visit(PlainSelect select, S context) {
    walker.scope(select);
    AstWalker.WithList with = walker.enter(select.getWithItemsList());
    if (select.getDistinct() != null) {
      walker.selectItems(select.getDistinct().getOnSelectItems());
    }
    walker.selectItems(select.getSelectItems());
    each(select.getIntoTables(), walker::reference);
    if (select.getMySqlSelectIntoClause() != null) {
      walker.expression(select.getMySqlSelectIntoClause().getVariables());
    }
    walker.fromItem(select.getFromItem());
    each(select.getLateralViews(), (LateralView v) -> walker.expression(v.getGeneratorFunction()));
    walker.joins(select.getJoins());
    walker.expression(select.getPreWhere());
    walker.expression(select.getWhere());
    walker.groupBy(select.getGroupBy());
    walker.expression(select.getHaving());
    walker.expression(select.getQualify());
    Top top = select.getTop();
    if (top != null) {
      walker.expression(top.getExpression());
    }
    walker.expression(select.getOracleHierarchical());
    walker.preferring(select.getPreferringClause());
    each(select.getWindowDefinitions(), walker::windowDefinition);
    walker.reference(select.getIntoTempTable());
    walker.updateSets(select.getSettings());
    selectParts(select, with);
    walker.leave(with);
    return null;
  }

  /**
   * The parts every query has from {@code Select}, after its own. The caller opens the WITH list
   * before its own parts: a name anywhere in the query may refer to a CTE. FOR UPDATE OF names
   * qualifiers, not tables, and is not walked.
   */
  private void selectParts(Select select, AstWalker.WithList with) {
    walker.withItems(with);
    walker.limit(select.getLimitBy());
    walker.limit(select.getLimit());
    Offset offset = select.getOffset();
    if (offset != null) {
      walker.expression(offset.getOffset());
    }
    Fetch fetch = select.getFetch();
    if (fetch != null) {
      walker.expression(fetch.getExpression());
    }
    walker.option(select.getOption());
    if (!(select instanceof SetOperationList)) { // which has its own ORDER BY, walked before
      walker.orderBy(select.getOrderByElements());
    }
    each(select.getInterpolate(), i -> {
      walker.expression(i.getColumn());
      walker.expression(i.getExpression());
    });
    if (!(select instanceof ParenthesedSelect)) { // which has its own PIVOT, walked before
      walker.pivot(select.getPivot());
      walker.unPivot(select.getUnPivot());
    }
  }

  @Override
  public <S> Void visit(SetOperationList list, S context) {
    AstWalker.WithList with = walker.enter(list.getWithItemsList());
    each(list.getSelects(), walker::select);
    walker.orderBy(list.getOrderByElements());
    selectParts(list, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    AstWalker.WithList with = walker.enter(select.getWithItemsList());
    walker.pivot(select.getPivot());
    walker.unPivot(select.getUnPivot());
    walker.select(select.getSelect());
    selectParts(select, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(LateralSubSelect select, S context) {
    return visit((ParenthesedSelect) select, context);
  }

  @Override
  public <S> Void visit(Values values, S context) {
    AstWalker.WithList with = walker.enter(values.getWithItemsList());
    walker.expression(values.getExpressions());
    selectParts(values, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(TableStatement statement, S context) {
    AstWalker.WithList with = walker.enter(statement.getWithItemsList());
    walker.reference(statement.getTable());
    selectParts(statement, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(PivotQuery query, S context) {
    AstWalker.WithList with = walker.enter(query.getWithItemsList());
    walker.fromItem(query.getFromItem());
    walker.expression(query.getOnExpressions());
    walker.selectItems(query.getUsingItems());
    walker.expression(query.getGroupByExpressions());
    selectParts(query, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(FromQuery query, S context) {
    AstWalker.WithList with = walker.enter(query.getWithItemsList());
    walker.fromItem(query.getFromItem());
    each(query.getLateralViews(), (LateralView v) -> walker.expression(v.getGeneratorFunction()));
    walker.joins(query.getJoins());
    each(query.getPipeOperators(), (PipeOperator operator) -> operator.accept(this, null));
    selectParts(query, with);
    walker.leave(with);
    return null;
  }

  @Override
  public <S> Void visit(WithItem<?> item, S context) {
    walker.statement(item.getStatement());
    walker.selectItems(item.getWithItemList());
    if (item.getWithFunctionDeclaration() != null) {
      walker.expression(item.getWithFunctionDeclaration().getReturnExpression());
    }
    if (item.getSearchClause() != null) {
      walker.expression(item.getSearchClause().getSearchColumns());
    }
    if (item.getCycleClause() != null) {
      walker.expression(item.getCycleClause().getCycleColumns());
      walker.expression(item.getCycleClause().getMarkValue());
      walker.expression(item.getCycleClause().getMarkDefault());
    }
    return null;
  }

  @Override
  public <S> Void visit(SelectItem<? extends Expression> item, S context) {
    walker.expression(item.getExpression());
    return null;
  }

  @Override
  public <S> Void visit(Pivot pivot, S context) {
    walker.selectItems(pivot.getFunctionItems());
    walker.expression(pivot.getForColumns());
    walker.selectItems(pivot.getSingleInItems());
    walker.selectItems(pivot.getMultiInItems());
    return null;
  }

  @Override
  public <S> Void visit(PivotXml pivot, S context) {
    walker.select(pivot.getInSelect());
    return visit((Pivot) pivot, context);
  }

  @Override
  public <S> Void visit(UnPivot unPivot, S context) {
    walker.expressions(unPivot.getUnPivotClause());
    walker.expressions(unPivot.getUnPivotForClause());
    walker.selectItems(unPivot.getUnPivotInClause());
    return null;
  }

  // ---------------------------------------------------------------- pipe operators (FROM ... |> ...)

  @Override
  public Void visit(AggregatePipeOperator operator, Void context) {
    walker.selectItems(operator.getSelectItems());
    walker.selectItems(operator.getGroupItems());
    return null;
  }

  @Override
  public Void visit(AsPipeOperator operator, Void context) {
    return null;
  }

  @Override
  public Void visit(CallPipeOperator operator, Void context) {
    walker.fromItem(operator.getTableFunction());
    return null;
  }

  @Override
  public Void visit(DropPipeOperator operator, Void context) {
    walker.expression(operator.getColumns());
    return null;
  }

  @Override
  public Void visit(ExtendPipeOperator operator, Void context) {
    return visit((SelectPipeOperator) operator, context);
  }

  @Override
  public Void visit(JoinPipeOperator operator, Void context) {
    walker.joins(operator.getJoin() == null ? null : List.of(operator.getJoin()));
    return null;
  }

  @Override
  public Void visit(LimitPipeOperator operator, Void context) {
    walker.expression(operator.getLimitExpression());
    walker.expression(operator.getOffsetExpression());
    return null;
  }

  @Override
  public Void visit(OrderByPipeOperator operator, Void context) {
    walker.orderBy(operator.getOrderByElements());
    return null;
  }

  @Override
  public Void visit(PivotPipeOperator operator, Void context) {
    walker.expression(operator.getAggregateExpression());
    walker.expression(operator.getInputColumn());
    walker.selectItems(operator.getPivotColumns());
    return null;
  }

  @Override
  public Void visit(RenamePipeOperator operator, Void context) {
    return visit((SelectPipeOperator) operator, context);
  }

  @Override
  public Void visit(SelectPipeOperator operator, Void context) {
    walker.selectItems(operator.getSelectItems());
    return null;
  }

  @Override
  public Void visit(SetPipeOperator operator, Void context) {
    walker.updateSets(operator.getUpdateSets());
    return null;
  }

  @Override
  public Void visit(TableSamplePipeOperator operator, Void context) {
    return null;
  }

  @Override
  public Void visit(SetOperationPipeOperator operator, Void context) {
    each(operator.getSelects(), walker::select);
    return null;
  }

  @Override
  public Void visit(UnPivotPipeOperator operator, Void context) {
    walker.expression(operator.getValuesColumn());
    walker.expression(operator.getNameColumn());
    walker.selectItems(operator.getPivotColumns());
    return null;
  }

  @Override
  public Void visit(WherePipeOperator operator, Void context) {
    walker.expression(operator.getExpression());
    return null;
  }

  @Override
  public Void visit(WindowPipeOperator operator, Void context) {
    return visit((SelectPipeOperator) operator, context);
  }
}
