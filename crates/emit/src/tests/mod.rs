mod builders;
mod exprs;
mod funcs;
mod queries;
mod stmts;
