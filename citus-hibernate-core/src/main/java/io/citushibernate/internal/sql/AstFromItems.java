package io.citushibernate.internal.sql;

import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.imprt.Import;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.FromItemVisitor;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PivotQuery;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;

/**
 * The part of {@link AstWalker} that walks FROM items: a table is a reference, a derived table
 * is a query, a table function has arguments.
 */
final class AstFromItems implements FromItemVisitor<Void> {
  private final AstWalker walker;

  AstFromItems(AstWalker walker) {
    this.walker = walker;
  }

  @Override
  public <S> Void visit(Table table, S context) {
    walker.reference(table);
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedFromItem item, S context) {
    walker.fromItem(item.getFromItem());
    walker.joins(item.getJoins());
    walker.pivot(item.getPivot());
    walker.unPivot(item.getUnPivot());
    return null;
  }

  @Override
  public <S> Void visit(TableFunction function, S context) {
    walker.pivot(function.getPivot());
    walker.unPivot(function.getUnPivot());
    walker.expression(function.getFunction());
    walker.expression(function.getRowsFromFunctions());
    walker.expressions.functionParts(function);
    return null;
  }

  // ---------------------------------------------------------------- queries, walked as queries

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(LateralSubSelect select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(PlainSelect select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(SetOperationList select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(Values select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(TableStatement select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(PivotQuery select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(FromQuery select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(Import imprt, S context) {
    walker.statement(imprt);
    return null;
  }
}
