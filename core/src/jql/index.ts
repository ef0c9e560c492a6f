export type { JqlAnd, JqlClause, JqlExpr, JqlField, JqlNot, JqlOperator, JqlOr, JqlOrder, JqlQuery } from './ast';
export { jqlFields } from './ast';
export { findJqlBounds, type BoundField, type JqlBound } from './bounds';
export { statusCategoryOf } from './check';
export { compileJql, compileJqlQuery, type CompiledJql, type CompileJqlOptions } from './compile';
export { parseJqlDate, resolveJqlDate, type JqlDateContext, type JqlDateValue } from './dates';
export { parseJql } from './parser';
export { printJql, printJqlExpr, printJqlValue } from './print';
export { isReservedJqlWord } from './reserved';
