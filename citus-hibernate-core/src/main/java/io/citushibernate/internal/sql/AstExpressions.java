package io.citushibernate.internal.sql;

import static io.citushibernate.internal.sql.AstWalker.each;

import java.util.List;
import net.sf.jsqlparser.expression.AliasedExpression;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.ConnectByPriorOperator;
import net.sf.jsqlparser.expression.ConnectByRootOperator;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateUnitExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.HighExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.Inverse;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.JsonTableFunction.JsonTableColumnsClause;
import net.sf.jsqlparser.expression.JsonTableFunction.JsonTableNestedColumnDefinition;
import net.sf.jsqlparser.expression.JsonTableFunction.JsonTablePlanExpression;
import net.sf.jsqlparser.expression.JsonTableFunction.JsonTableValueColumnDefinition;
import net.sf.jsqlparser.expression.JsonTableFunction;
import net.sf.jsqlparser.expression.KeepExpression;
import net.sf.jsqlparser.expression.KeyExpression;
import net.sf.jsqlparser.expression.LambdaExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.LowExpression;
import net.sf.jsqlparser.expression.MapExpression;
import net.sf.jsqlparser.expression.MethodCallExpression;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.NumericBind;
import net.sf.jsqlparser.expression.OracleHierarchicalExpression;
import net.sf.jsqlparser.expression.OracleHint;
import net.sf.jsqlparser.expression.OracleNamedFunctionParameter;
import net.sf.jsqlparser.expression.OverlapsCondition;
import net.sf.jsqlparser.expression.PostgresNamedFunctionParameter;
import net.sf.jsqlparser.expression.RangeExpression;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.StructType;
import net.sf.jsqlparser.expression.TernaryExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.XMLSerializeExpr;
import net.sf.jsqlparser.expression.XmlTableFunction;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseAnd;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseLeftShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseOr;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseRightShift;
import net.sf.jsqlparser.expression.operators.arithmetic.BitwiseXor;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ContainedBy;
import net.sf.jsqlparser.expression.operators.relational.Contains;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExcludesExpression;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.FullTextSearch;
import net.sf.jsqlparser.expression.operators.relational.GeometryDistance;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IncludesExpression;
import net.sf.jsqlparser.expression.operators.relational.Intersects;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsDistinctExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.IsUnknownExpression;
import net.sf.jsqlparser.expression.operators.relational.JsonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.Matches;
import net.sf.jsqlparser.expression.operators.relational.MemberOfExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.Plus;
import net.sf.jsqlparser.expression.operators.relational.PriorTo;
import net.sf.jsqlparser.expression.operators.relational.RegExpMatchOperator;
import net.sf.jsqlparser.expression.operators.relational.SimilarToExpression;
import net.sf.jsqlparser.expression.operators.relational.TSQLLeftJoin;
import net.sf.jsqlparser.expression.operators.relational.TSQLRightJoin;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.execute.ExecuteArgument;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FunctionAllColumns;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The part of {@link AstWalker} that walks expressions, into every argument, FILTER, ORDER BY,
 * window and subquery; literals, parameters and names are leaves.
 */
final class AstExpressions implements ExpressionVisitor<Void> {
  private final AstWalker walker;

  AstExpressions(AstWalker walker) {
    this.walker = walker;
  }

  // ---------------------------------------------------------------- queries, walked as queries

  @Override
  public <S> Void visit(Select select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(ParenthesedSelect select, S context) {
    walker.select(select);
    return null;
  }

  @Override
  public <S> Void visit(FromQuery select, S context) {
    walker.select(select);
    return null;
  }

  // ---------------------------------------------------------------- expressions

  /** GROUP BY is no expression, but JSqlParser's expression visitor has it. */
  @Override
  public <S> Void visit(GroupByElement groupBy, S context) {
    walker.groupBy(groupBy);
    return null;
  }

  private Void binary(BinaryExpression e) {
    return parts(e.getLeftExpression(), e.getRightExpression());
  }

  private Void parts(Expression... parts) {
    for (Expression part : parts) {
      walker.expression(part);
    }
    return null;
  }

  @Override
  public <S> Void visit(ExpressionList<? extends Expression> list, S context) {
    walker.expressions(list);
    return null;
  }

  @Override
  public <S> Void visit(RowConstructor<? extends Expression> row, S context) {
    walker.expressions(row);
    return null;
  }

  @Override
  public <S> Void visit(Column column, S context) {
    // its table is a qualifier, not a reference; its resolved table is never set by the parser
    walker.expression(column.getArrayConstructor());
    return null;
  }

  @Override
  public <S> Void visit(AllColumns columns, S context) {
    walker.expression(columns.getExceptColumns());
    walker.selectItems(columns.getReplaceExpressions());
    return null;
  }

  @Override
  public <S> Void visit(AllTableColumns columns, S context) {
    // its table is a qualifier, not a reference
    return visit((AllColumns) columns, context);
  }

  @Override
  public <S> Void visit(FunctionAllColumns columns, S context) {
    walker.expression(columns.getFunction());
    return visit((AllColumns) columns, context);
  }

  @Override
  public <S> Void visit(Function function, S context) {
    functionParts(function);
    return null;
  }

  void functionParts(Function function) {
    walker.expression(function.getParameters());
    walker.expression(function.getChainedParameters());
    walker.expression(function.getNamedParameters());
    Object attribute = function.getAttribute(); // the attribute expression, else the attribute column
    if (attribute != function.getAttributeColumn()) {
      walker.part(attribute);
    }
    if (function.getHavingClause() != null) {
      walker.expression(function.getHavingClause().getExpression());
    }
    walker.expression(function.getAttributeColumn());
    walker.orderBy(function.getOrderByElements());
    walker.limit(function.getLimit());
    keep(function.getKeep());
    keywordArguments(function.getKeywordArguments());
  }

  private void keep(KeepExpression keep) {
    if (keep != null) {
      walker.orderBy(keep.getOrderByElements());
    }
  }

  private void keywordArguments(List<Function.KeywordArgument> arguments) {
    each(arguments, a -> walker.expression(a.getExpression()));
  }

  @Override
  public <S> Void visit(JsonTableFunction function, S context) {
    walker.expression(function.getJsonInputExpression());
    walker.expression(function.getJsonPathExpression());
    each(function.getPassingClauses(), p -> walker.expression(p.getValueExpression()));
    jsonTableColumns(function.getColumnsClause());
    if (function.getPlanClause() != null) {
      jsonTablePlan(function.getPlanClause().getPlanExpression());
    }
    functionParts(function);
    return null;
  }

  private void jsonTableColumns(JsonTableColumnsClause columns) {
    if (columns == null) {
      return;
    }
    each(columns.getColumnDefinitions(), column -> {
      if (column instanceof JsonTableNestedColumnDefinition nested) {
        walker.expression(nested.getPathExpression());
        jsonTableColumns(nested.getColumnsClause());
      } else if (column instanceof JsonTableValueColumnDefinition value) {
        walker.expression(value.getPathExpression());
        jsonResponse(value.getOnEmptyBehavior());
        jsonResponse(value.getOnErrorBehavior());
      } else {
        walker.part(column); // a kind of column not known here: refused
      }
    });
  }

  private void jsonTablePlan(JsonTablePlanExpression plan) {
    if (plan != null) {
      each(plan.getTerms(), term -> {
        jsonTablePlan(term.getNestedPlanExpression());
        walker.expression(term.getExpression());
      });
    }
  }

  private void jsonResponse(JsonFunction.JsonOnResponseBehavior behavior) {
    if (behavior != null) {
      walker.expression(behavior.getExpression());
    }
  }

  @Override
  public <S> Void visit(XmlTableFunction function, S context) {
    walker.expression(function.getRowPathExpression());
    each(function.getPassingClauses(), p -> walker.expression(p.getValueExpression()));
    each(function.getColumnDefinitions(), c -> {
      walker.expression(c.getPathExpression());
      walker.expression(c.getDefaultExpression());
    });
    functionParts(function);
    return null;
  }

  @Override
  public <S> Void visit(AnalyticExpression e, S context) {
    walker.expression(e.getExpression());
    walker.expression(e.getOffset());
    walker.expression(e.getDefaultValue());
    keep(e.getKeep());
    walker.expression(e.getFilterExpression());
    walker.orderBy(e.getFuncOrderBy());
    walker.windowDefinition(e.getWindowDefinition());
    if (e.getHavingClause() != null) {
      walker.expression(e.getHavingClause().getExpression());
    }
    walker.limit(e.getLimit());
    keywordArguments(e.getKeywordArguments());
    return null;
  }

  @Override
  public <S> Void visit(JsonAggregateFunction e, S context) {
    walker.orderBy(e.getExpressionOrderByElements());
    walker.expression(e.getExpression());
    walker.part(e.getKey());
    walker.part(e.getValue());
    walker.orderBy(e.getOrderByElements());
    walker.expression(e.getPartitionExpressionList());
    walker.expression(e.getFilterExpression());
    walker.windowElement(e.getWindowElement());
    return null;
  }

  @Override
  public <S> Void visit(JsonFunction e, S context) {
    each(e.getKeyValuePairs(), (JsonKeyValuePair pair) -> {
      walker.part(pair.getKey());
      walker.part(pair.getValue());
    });
    each(e.getExpressions(), (JsonFunctionExpression f) -> walker.expression(f.getExpression()));
    walker.expressions(e.getPassingExpressions());
    if (e.getInputExpression() != null) {
      walker.expression(e.getInputExpression().getExpression());
    }
    walker.expression(e.getJsonPathExpression());
    jsonResponse(e.getOnEmptyBehavior());
    jsonResponse(e.getOnErrorBehavior());
    return null;
  }

  @Override
  public <S> Void visit(JsonExpression e, S context) {
    each(e.getIdentList(), ident -> walker.expression(ident.getKey()));
    walker.expression(e.getExpression());
    return null;
  }

  @Override
  public <S> Void visit(MapExpression e, S context) {
    each(e.getEntries(), entry -> {
      walker.expression(entry.getKey());
      walker.expression(entry.getValue());
    });
    return null;
  }

  @Override
  public <S> Void visit(MySQLGroupConcat e, S context) {
    walker.expression(e.getExpressionList());
    walker.orderBy(e.getOrderByElements());
    return null;
  }

  @Override
  public <S> Void visit(XMLSerializeExpr e, S context) {
    walker.expression(e.getExpression());
    walker.orderBy(e.getOrderByElements());
    return null;
  }

  @Override
  public <S> Void visit(StructType e, S context) {
    walker.selectItems(e.getArguments());
    return null;
  }

  @Override
  public <S> Void visit(LikeExpression e, S context) {
    walker.expression(e.getEscape());
    return binary(e);
  }

  @Override
  public <S> Void visit(BitwiseRightShift e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(BitwiseLeftShift e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Addition e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Division e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(IntegerDivision e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Multiplication e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Subtraction e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(AndExpression e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(OrExpression e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(XorExpression e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(EqualsTo e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(GreaterThan e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(GreaterThanEquals e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(MinorThan e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(MinorThanEquals e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(NotEqualsTo e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(DoubleAnd e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Contains e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(ContainedBy e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Concat e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Matches e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(BitwiseAnd e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(BitwiseOr e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(BitwiseXor e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Modulo e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(RegExpMatchOperator e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(JsonOperator e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(SimilarToExpression e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(IsDistinctExpression e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(GeometryDistance e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Intersects e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(TSQLLeftJoin e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(TSQLRightJoin e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(Plus e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(PriorTo e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(CosineSimilarity e, S context) {
    return binary(e);
  }

  @Override
  public <S> Void visit(SignedExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(ExistsExpression e, S context) {
    return parts(e.getRightExpression());
  }

  @Override
  public <S> Void visit(ExtractExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(IntervalExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(RowGetExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(NotExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(CollateExpression e, S context) {
    return parts(e.getLeftExpression());
  }

  @Override
  public <S> Void visit(ConnectByRootOperator e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(ConnectByPriorOperator e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(OracleNamedFunctionParameter e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(TranscodingFunction e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(LambdaExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(HighExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(LowExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(Inverse e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(KeyExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(PostgresNamedFunctionParameter e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(AliasedExpression e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(ExecuteArgument e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(IsNullExpression e, S context) {
    return parts(e.getLeftExpression());
  }

  @Override
  public <S> Void visit(IsBooleanExpression e, S context) {
    return parts(e.getLeftExpression());
  }

  @Override
  public <S> Void visit(IsUnknownExpression e, S context) {
    return parts(e.getLeftExpression());
  }

  @Override
  public <S> Void visit(AnyComparisonExpression e, S context) {
    walker.select(e.getSelect());
    return null;
  }

  @Override
  public <S> Void visit(VariableAssignment e, S context) {
    return parts(e.getExpression());
  }

  @Override
  public <S> Void visit(ArrayConstructor e, S context) {
    return parts(e.getExpressions());
  }

  @Override
  public <S> Void visit(Between e, S context) {
    return parts(e.getLeftExpression(), e.getBetweenExpressionStart(), e.getBetweenExpressionEnd());
  }

  @Override
  public <S> Void visit(OverlapsCondition e, S context) {
    return parts(e.getLeft(), e.getRight());
  }

  @Override
  public <S> Void visit(InExpression e, S context) {
    return parts(e.getLeftExpression(), e.getRightExpression());
  }

  @Override
  public <S> Void visit(IncludesExpression e, S context) {
    return parts(e.getLeftExpression(), e.getRightExpression());
  }

  @Override
  public <S> Void visit(ExcludesExpression e, S context) {
    return parts(e.getLeftExpression(), e.getRightExpression());
  }

  @Override
  public <S> Void visit(FullTextSearch e, S context) {
    return parts(e.getMatchColumns(), e.getAgainstValue());
  }

  @Override
  public <S> Void visit(MemberOfExpression e, S context) {
    return parts(e.getLeftExpression(), e.getRightExpression());
  }

  @Override
  public <S> Void visit(OracleHierarchicalExpression e, S context) {
    return parts(e.getStartExpression(), e.getConnectExpression());
  }

  @Override
  public <S> Void visit(ArrayExpression e, S context) {
    return parts(e.getObjExpression(), e.getIndexExpression(), e.getStartIndexExpression(), e.getStopIndexExpression());
  }

  @Override
  public <S> Void visit(TrimFunction e, S context) {
    return parts(e.getExpression(), e.getFromExpression());
  }

  @Override
  public <S> Void visit(RangeExpression e, S context) {
    return parts(e.getStartExpression(), e.getEndExpression());
  }

  @Override
  public <S> Void visit(TernaryExpression e, S context) {
    return parts(e.getCondition(), e.getThenExpression(), e.getElseExpression());
  }

  @Override
  public <S> Void visit(WhenClause e, S context) {
    return parts(e.getWhenExpression(), e.getThenExpression());
  }

  @Override
  public <S> Void visit(MethodCallExpression e, S context) {
    return parts(e.getExpression(), e.getMethod());
  }

  @Override
  public <S> Void visit(CaseExpression e, S context) {
    walker.expression(e.getSwitchExpression());
    walker.expressions(e.getWhenClauses());
    walker.expression(e.getElseExpression());
    return null;
  }

  @Override
  public <S> Void visit(CastExpression e, S context) {
    walker.expression(e.getLeftExpression());
    walker.statements.columnDefinitions(e.getColumnDefinitions());
    return null;
  }

  @Override
  public <S> Void visit(TimezoneExpression e, S context) {
    walker.expressions(e.getTimezoneExpressions());
    walker.expression(e.getLeftExpression());
    return null;
  }

  @Override
  public <S> Void visit(KeepExpression e, S context) {
    keep(e);
    return null;
  }

  // ---------------------------------------------------------------- leaves: no part names a table or holds a query

  @Override
  public <S> Void visit(NullValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(JdbcParameter e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(JdbcNamedParameter e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(DoubleValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(LongValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(HexValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(DateValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(TimeValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(TimestampValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(StringValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(BooleanValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(UserVariable e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(NumericBind e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(OracleHint e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(TimeKeyExpression e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(DateTimeLiteralExpression e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(NextValExpression e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(AllValue e, S context) {
    return null;
  }

  @Override
  public <S> Void visit(DateUnitExpression e, S context) {
    return null;
  }
}
