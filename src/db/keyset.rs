//! `(a, b, c) > (x, y, z)`: the rows after a key, in the order of an index on `(a, b, c)`.
//!
//! Why a row comparison and not `a = x AND b = y AND c > z ORDER BY c`: with the equalities
//! PostgreSQL may walk the primary key in `c`'s order and filter, which its statistics
//! judge cheap when the wanted rows are assumed spread evenly; the newest rows of one
//! meeting are all at the end, so that walk crossed every older registration (the head of
//! a 50,000-long waiting list cost 10–30 ms). Only the index on `(a, b, c)` can answer a
//! row comparison in that order, so each backend takes one index step, with or without
//! statistics. The caller checks that the row found still has `a = x` and `b = y`.

use diesel::backend::Backend;
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping};
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;
use diesel::sql_types::Bool;

/// `(left) > (right)`, compared as rows: see the module's comment.
#[derive(Debug, Clone, Copy, QueryId, ValidGrouping)]
pub struct RowAfter<L, R> {
    left: L,
    right: R,
}

/// The rows whose columns `left` come after the values `right` (the same types, in
/// order).
pub fn row_after<L, R>(left: L, right: R) -> RowAfter<L, R>
where
    L: Expression,
    R: Expression<SqlType = L::SqlType>,
{
    RowAfter { left, right }
}

impl<L: Expression, R: Expression> Expression for RowAfter<L, R> {
    type SqlType = Bool;
}

impl<L, R, QS> AppearsOnTable<QS> for RowAfter<L, R>
where
    L: AppearsOnTable<QS>,
    R: AppearsOnTable<QS>,
    Self: Expression,
{
}

impl<L, R, QS> SelectableExpression<QS> for RowAfter<L, R>
where
    L: SelectableExpression<QS>,
    R: SelectableExpression<QS>,
    Self: AppearsOnTable<QS>,
{
}

impl<L, R, DB> QueryFragment<DB> for RowAfter<L, R>
where
    DB: Backend,
    L: QueryFragment<DB>,
    R: QueryFragment<DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        out.push_sql("(");
        self.left.walk_ast(out.reborrow())?;
        out.push_sql(") > (");
        self.right.walk_ast(out.reborrow())?;
        out.push_sql(")");
        Ok(())
    }
}
