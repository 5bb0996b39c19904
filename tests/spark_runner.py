#!/usr/bin/env python3
"""Runs converted Databricks SQL notebooks on local Spark and compares results.

Used by tests/executed.rs, which converts every case under testdata/executed/ and then
starts this script ONCE for all cases (Spark starts in about 15 s; one session is
shared, each case gets a fresh `newSession()` and a clean catalog).

    spark_runner.py --manifest MANIFEST.json   run the cases listed in the manifest
    spark_runner.py --selftest                 check the runner itself on real Spark

Manifest: {"selftest": bool, "cases": [{"name", "outdir", "report", "expected",
"ordered", "null_equals_empty"}]}. For each case the runner prints one line
`SQLXLATE_RESULT {json}` with "case", "ok", "message" and, on failure, details
(the failing cell and Spark's error, or expected and actual rows).

How a case runs:
1. reset state: drop every database but `default` (CASCADE) and every table in
   `default`; a new Spark session has no temp views or session variables;
2. `CREATE SCHEMA IF NOT EXISTS` for the schema of every three-part target in the
   report's `tables`;
3. run the report's outputs of kind `main` in order, cell by cell (cells are split on
   `-- COMMAND ----------` lines; cells holding only comments are skipped);
4. keep the last result set of a cell that returns rows (a query);
5. compare it with expected.csv: header names case-insensitively; values normalised
   (booleans as 1/0, numbers as decimals without trailing zeros, floats with a relative
   tolerance of 1e-9 or after rounding to the expected value's decimal places, dates
   and timestamps as ISO text, an empty field is NULL, or NULL or '' with
   null_equals_empty, and a quoted empty field `""` is the empty string); rows in
   order when `ordered`, else as multisets.
"""

import datetime as dt
import decimal
import json
import math
import os
import sys
import tempfile
import traceback

RESULT_PREFIX = "SQLXLATE_RESULT "
CELL_SEPARATOR = "-- COMMAND ----------"
NON_QUERY_STARTS = {
    "SET",
    "SHOW",
    "DESCRIBE",
    "DESC",
    "EXPLAIN",
    "USE",
    "MERGE",
    "UPDATE",
    "DELETE",
    "INSERT",
    "CREATE",
    "DROP",
    "ALTER",
    "TRUNCATE",
    "DECLARE",
    "CALL",
    "REFRESH",
    "CACHE",
    "UNCACHE",
    "ANALYZE",
    "COMMENT",
    "GRANT",
    "REVOKE",
}


# ----------------------------------------------------------------------------- cells


def strip_comments(sql):
    """Removes -- and /* */ comments, keeping string literals and quoted names."""
    out = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"`":
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                if sql[j] == "\\" and c != "`":
                    j += 2
                    continue
                j += 1
            out.append(sql[i : j + 1])
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
        elif sql.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if sql.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif sql.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(" ")
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_cells(notebook):
    """Splits notebook source into cells; drops cells that hold only comments."""
    cells, current = [], []
    for line in notebook.splitlines():
        if line.strip() == CELL_SEPARATOR:
            cells.append("\n".join(current))
            current = []
        else:
            current.append(line)
    cells.append("\n".join(current))
    return [c.strip("\n") for c in cells if strip_comments(c).strip()]


def first_keyword(cell):
    words = strip_comments(cell).replace("(", " ( ").split()
    return words[0].upper().rstrip(";") if words else ""


# ------------------------------------------------------------------------ normalising


class Temporal(str):
    """ISO text of a DATE or TIMESTAMP value (only these get timestamp normalisation)."""


def iso(value):
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        if value.microsecond:
            text += ("%.6f" % (value.microsecond / 1e6))[1:].rstrip("0")
        return text
    return value.isoformat()


def normalise_actual(value):
    """Canonical form of a value Spark returned: None, str, Decimal or float."""
    if value is None:
        return None
    if isinstance(value, bool):
        return decimal.Decimal(1 if value else 0)
    if isinstance(value, int):
        return decimal.Decimal(value)
    if isinstance(value, decimal.Decimal):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return Temporal(iso(value))
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex().upper()
    return str(value)


def show(value):
    if value is None:
        return "NULL"
    if isinstance(value, decimal.Decimal):
        return plain_decimal(value)
    return repr(value) if isinstance(value, float) else value


def plain_decimal(d):
    if d == 0:
        return "0"
    text = format(d.normalize(), "f")
    return text


def parse_decimal(text):
    try:
        d = decimal.Decimal(text.strip())
    except (decimal.InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def normalise_expected_text(text):
    """Expected timestamps may be written with a T or with trailing zero fractions."""
    t = text
    if len(t) >= 19 and t[4] == "-" and t[7] == "-" and t[10] in "T ":
        t = t[:10] + " " + t[11:]
        if "." in t[19:]:
            t = t.rstrip("0").rstrip(".")
    return t


class QuotedEmpty(str):
    """A quoted empty field (`""`) in expected.csv: the empty string, never NULL."""


def read_csv(text):
    """Parses CSV (RFC 4180 quoting); a quoted empty field becomes QuotedEmpty('')."""
    rows, row, field, quoted, i, n = [], [], [], False, 0, len(text)
    at_field_start = True
    while i < n:
        c = text[i]
        if at_field_start and c == '"':
            quoted, at_field_start, i = True, False, i + 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        field.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                field.append(text[i])
                i += 1
            continue
        if c == ",":
            row.append(finish_field(field, quoted))
            field, quoted, at_field_start = [], False, True
        elif c in "\r\n":
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append(finish_field(field, quoted))
            rows.append(row)
            row, field, quoted, at_field_start = [], [], False, True
        else:
            field.append(c)
            at_field_start = False
        i += 1
    if field or quoted or row:
        row.append(finish_field(field, quoted))
        rows.append(row)
    return rows


def finish_field(chars, quoted):
    text = "".join(chars)
    return QuotedEmpty("") if quoted and text == "" else text


def cell_matches(expected, actual, null_equals_empty):
    """True when an expected CSV field matches a normalised actual value."""
    if isinstance(expected, QuotedEmpty):
        return actual == ""
    if expected == "":
        return actual is None or (null_equals_empty and actual == "")
    if actual is None:
        return False
    if isinstance(actual, (decimal.Decimal, float)):
        low = expected.strip().lower()
        if low in ("true", "false"):
            expected = "1" if low == "true" else "0"
        want = parse_decimal(expected)
        if want is None:
            return False
        if isinstance(actual, decimal.Decimal):
            return actual == want
        if math.isnan(actual) or math.isinf(actual):
            return False
        if math.isclose(actual, float(want), rel_tol=1e-9, abs_tol=0.0):
            return True
        places = max(0, -want.as_tuple().exponent)
        rounded = decimal.Decimal(repr(actual)).quantize(
            decimal.Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_EVEN
        )
        return rounded == want
    if isinstance(actual, Temporal):
        return normalise_expected_text(expected) == actual
    return expected == actual


def row_matches(expected_row, actual_row, null_equals_empty):
    return len(expected_row) == len(actual_row) and all(
        cell_matches(e, a, null_equals_empty) for e, a in zip(expected_row, actual_row)
    )


def compare(expected_csv, columns, rows, ordered, null_equals_empty):
    """Returns None when the result matches, else a dict describing the difference."""
    table = read_csv(expected_csv)
    if not table:
        return {"message": "expected.csv is empty (it needs at least a header)"}
    header, expected_rows = table[0], [r for r in table[1:] if r != [""]]
    actual_rows = [[normalise_actual(v) for v in row] for row in rows]
    shown_actual = [[show(v) for v in r] for r in actual_rows]
    detail = {
        "expected_header": header,
        "actual_header": list(columns),
        "expected_rows": expected_rows,
        "actual_rows": shown_actual,
    }
    if [h.strip().lower() for h in header] != [c.lower() for c in columns]:
        return dict(detail, message="column names differ")
    if len(expected_rows) != len(actual_rows):
        return dict(
            detail,
            message=f"expected {len(expected_rows)} rows, got {len(actual_rows)}",
        )
    if ordered:
        for i, (e, a) in enumerate(zip(expected_rows, actual_rows)):
            if not row_matches(e, a, null_equals_empty):
                return dict(detail, message=f"row {i + 1} differs")
        return None
    unmatched = list(range(len(actual_rows)))
    for i, e in enumerate(expected_rows):
        hit = next(
            (j for j in unmatched if row_matches(e, actual_rows[j], null_equals_empty)),
            None,
        )
        if hit is None:
            return dict(
                detail, message=f"expected row {i + 1} has no match (unordered)"
            )
        unmatched.remove(hit)
    return None


# ----------------------------------------------------------------------------- Spark


def start_spark():
    from pyspark.sql import SparkSession

    warehouse = tempfile.mkdtemp(prefix="sqlxlate-warehouse-")
    spark = (
        SparkSession.builder.master("local[1]")
        .appName("sqlxlate-executed-tests")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.warehouse.dir", warehouse)
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.default.parallelism", "1")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def split_name(name):
    """Splits a dotted name, honouring backtick quotes: a.`b.c`.d -> [a, b.c, d]."""
    parts, current, quoted, i = [], [], False, 0
    while i < len(name):
        c = name[i]
        if c == "`":
            if quoted and i + 1 < len(name) and name[i + 1] == "`":
                current.append("`")
                i += 2
                continue
            quoted = not quoted
        elif c == "." and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def quote(part):
    return "`" + part.replace("`", "``") + "`"


def reset(spark):
    session = spark.newSession()
    for db in session.sql("SHOW DATABASES").collect():
        name = db[0]
        if name.lower() != "default":
            session.sql(f"DROP DATABASE IF EXISTS {quote(name)} CASCADE")
    for t in session.catalog.listTables("default"):
        if t.isTemporary:
            continue
        kind = "VIEW" if t.tableType == "VIEW" else "TABLE"
        session.sql(f"DROP {kind} IF EXISTS default.{quote(t.name)}")
    return session


def run_cells(session, cells):
    """Runs cells in order; returns (columns, rows) of the last query, or raises."""
    last = None
    for index, cell in enumerate(cells):
        try:
            df = session.sql(cell)
            rows = df.collect()
        except Exception as e:  # noqa: BLE001 - Spark raises many types
            raise CellError(index, cell, e)
        if df.columns and first_keyword(cell) not in NON_QUERY_STARTS:
            last = (df.columns, [list(r) for r in rows])
    return last


class CellError(Exception):
    def __init__(self, index, cell, error):
        super().__init__(str(error))
        self.index, self.cell, self.error = index, cell, error


def first_lines(text, n=6):
    lines = str(text).strip().splitlines()
    return "\n".join(lines[:n]) + ("\n..." if len(lines) > n else "")


def run_case(spark, case):
    name = case["name"]
    try:
        with open(case["report"], encoding="utf-8") as f:
            report = json.load(f)
        with open(case["expected"], encoding="utf-8") as f:
            expected = f.read()
        session = reset(spark)
        for t in report.get("tables", []):
            parts = split_name(t.get("target", ""))
            if len(parts) == 3:
                session.sql(
                    f"CREATE SCHEMA IF NOT EXISTS {quote(parts[0])}.{quote(parts[1])}"
                )
        cells = []
        for out in report.get("outputs", []):
            if out.get("kind") != "main":
                continue
            with open(os.path.join(case["outdir"], out["path"]), encoding="utf-8") as f:
                cells.extend((out["path"], c) for c in split_cells(f.read()))
        try:
            result = run_cells(session, [c for _, c in cells])
        except CellError as e:
            return {
                "case": name,
                "ok": False,
                "message": f"cell {e.index + 1} of {len(cells)} failed on Spark",
                "file": cells[e.index][0],
                "cell": e.cell,
                "error": first_lines(e.error),
            }
        if result is None:
            return {
                "case": name,
                "ok": False,
                "message": f"no cell returned a result set ({len(cells)} cells run)",
            }
        diff = compare(
            expected,
            result[0],
            result[1],
            bool(case.get("ordered", True)),
            bool(case.get("null_equals_empty", False)),
        )
        if diff is None:
            return {
                "case": name,
                "ok": True,
                "message": f"{len(result[1])} rows match",
            }
        return dict(diff, case=name, ok=False)
    except Exception as e:  # noqa: BLE001 - report, never crash the whole run
        return {
            "case": name,
            "ok": False,
            "message": f"runner error: {first_lines(e)}",
            "traceback": traceback.format_exc(),
        }


def emit(result):
    print(RESULT_PREFIX + json.dumps(result, sort_keys=True, default=str), flush=True)


# -------------------------------------------------------------------------- selftest


SELFTEST_NOTEBOOK = """-- Databricks notebook source
-- A comment-only cell is skipped.

-- COMMAND ----------

CREATE TABLE spark_catalog.dbo.t (id INT, price DECIMAL(10,4), ratio DOUBLE,
  ok BOOLEAN, d DATE, ts TIMESTAMP_NTZ, s STRING) USING parquet

-- COMMAND ----------

/* block comment */ INSERT INTO spark_catalog.dbo.t VALUES
  (1, 3.5000, CAST(1 AS DOUBLE) / 3, true, DATE'2024-01-01', TIMESTAMP_NTZ'2024-01-01 10:00:00', 'a;b'),
  (2, 10.0100, 2.5, false, NULL, TIMESTAMP_NTZ'2024-02-29 23:59:59.5', 'x'),
  (3, NULL, NULL, NULL, DATE'2025-12-31', NULL, NULL)

-- COMMAND ----------

SELECT id, 'ignored' AS x FROM spark_catalog.dbo.t

-- COMMAND ----------

-- The last query of the last cell that returns rows is compared.
SELECT id, price, ratio, ok, d, ts, s FROM spark_catalog.dbo.t ORDER BY id
"""

SELFTEST_EXPECTED = """ID,Price,ratio,ok,d,ts,s
1,3.5,0.333333333333,1,2024-01-01,2024-01-01 10:00:00,a;b
2,10.01,2.5,0,,2024-02-29T23:59:59.500,x
3,,,,2025-12-31,,
"""


def selftest_cases(spark, workdir):
    """Yields (name, passed, detail) for each runner check."""
    # Pure checks of the normalisation and splitting logic.
    pure = [
        ("decimal trailing zeros", cell_matches("3.5", decimal.Decimal("3.50"), False)),
        ("decimal 10.0100", cell_matches("10.01", decimal.Decimal("10.0100"), False)),
        ("int vs decimal text", cell_matches("3.0", decimal.Decimal(3), False)),
        ("float tolerance", cell_matches("0.1", 0.1 + 1e-17, False)),
        (
            "float rounded to expected places",
            cell_matches("0.333333333333", 1 / 3, False),
        ),
        ("float mismatch detected", not cell_matches("0.3334", 1 / 3, False)),
        ("boolean as 1", cell_matches("1", normalise_actual(True), False)),
        ("boolean as true", cell_matches("true", normalise_actual(True), False)),
        ("empty is NULL", cell_matches("", None, False)),
        ("empty string is not NULL", not cell_matches("", "", False)),
        ("null_equals_empty", cell_matches("", "", True)),
        ("quoted empty is the empty string", cell_matches(QuotedEmpty(""), "", False)),
        ("quoted empty is not NULL", not cell_matches(QuotedEmpty(""), None, True)),
        (
            "csv quoting",
            read_csv('a,b,c\r\n"x,""y""",,""\n') == [["a", "b", "c"], ['x,"y"', "", ""]]
            and isinstance(read_csv('a\n""\n')[1][0], QuotedEmpty)
            and not isinstance(read_csv("a\n\n")[1][0], QuotedEmpty),
        ),
        ("NULL is not a value", not cell_matches("0", None, False)),
        ("strings are exact", not cell_matches("abc", "abc  ", False)),
        (
            "timestamp-like strings are exact",
            not cell_matches("2024-03-05 14:07:09", "2024-03-05 14:07:09.000", False)
            and cell_matches(
                "2024-03-05T14:07:09.000", "2024-03-05T14:07:09.000", False
            ),
        ),
        (
            "date iso",
            cell_matches("2024-01-01", normalise_actual(dt.date(2024, 1, 1)), False),
        ),
        (
            "timestamp iso",
            cell_matches(
                "2024-01-01T10:00:00",
                normalise_actual(dt.datetime(2024, 1, 1, 10)),
                False,
            ),
        ),
        (
            "split cells skips comment-only cells",
            split_cells(
                "-- Databricks notebook source\n\n-- COMMAND ----------\n\nSELECT 1\n"
            )
            == ["SELECT 1"],
        ),
        (
            "comment stripping keeps literals",
            strip_comments("SELECT '--x' /* y */ -- z").strip() == "SELECT '--x'",
        ),
        ("split quoted name", split_name("a.`b.c`.d") == ["a", "b.c", "d"]),
        (
            "unordered multiset",
            compare("a\n1\n2\n2\n", ["a"], [[2], [1], [2]], False, False) is None,
        ),
        (
            "unordered multiset counts duplicates",
            compare("a\n1\n2\n2\n", ["a"], [[2], [1], [1]], False, False) is not None,
        ),
        (
            "ordered detects order",
            compare("a\n1\n2\n", ["a"], [[2], [1]], True, False) is not None,
        ),
        ("header mismatch", compare("a,b\n", ["a", "c"], [], True, False) is not None),
    ]
    for name, ok in pure:
        yield name, ok, ""

    # The whole path on real Spark: a notebook, a report, an expected.csv.
    def make_case(name, notebook, expected, ordered=True, tables=None):
        d = os.path.join(workdir, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "case.sql"), "w", encoding="utf-8") as f:
            f.write(notebook)
        report = {
            "version": 1,
            "outputs": [
                {"path": "case.sql", "kind": "main", "language": "databricks-sql"},
                {
                    "path": "missing.sql",
                    "kind": "databricks-only",
                    "language": "databricks-sql",
                },
            ],
            "tables": tables
            if tables is not None
            else [
                {
                    "source": "dbo.t",
                    "target": "spark_catalog.dbo.t",
                    "access": ["create"],
                }
            ],
        }
        with open(os.path.join(d, "report.json"), "w", encoding="utf-8") as f:
            json.dump(report, f)
        with open(os.path.join(d, "expected.csv"), "w", encoding="utf-8") as f:
            f.write(expected)
        return {
            "name": name,
            "outdir": d,
            "report": os.path.join(d, "report.json"),
            "expected": os.path.join(d, "expected.csv"),
            "ordered": ordered,
        }

    spark.sql("CREATE TABLE default.leftover (a INT) USING parquet")
    spark.sql("CREATE VIEW default.leftover_v AS SELECT 1 AS a")
    r = run_case(spark, make_case("spark_types", SELFTEST_NOTEBOOK, SELFTEST_EXPECTED))
    left = [t.name for t in spark.catalog.listTables("default")]
    yield "spark: reset drops tables and views in default", not left, json.dumps(left)
    yield "spark: types normalise and match", r["ok"], json.dumps(r)

    # State is reset between cases: the table from the previous case is gone, so
    # creating it again works, and a wrong value is reported as a row difference.
    r = run_case(
        spark,
        make_case(
            "spark_mismatch",
            SELFTEST_NOTEBOOK,
            SELFTEST_EXPECTED.replace("10.01", "10.02"),
        ),
    )
    yield (
        "spark: state reset and mismatch reported",
        (not r["ok"]) and r.get("message") == "row 2 differs",
        json.dumps(r),
    )

    r = run_case(
        spark,
        make_case(
            "spark_error",
            "SELECT 1 AS a\n\n-- COMMAND ----------\n\nSELECT no_such_column FROM range(1)\n",
            "a\n1\n",
            tables=[],
        ),
    )
    yield (
        "spark: failing cell reported with its index and error",
        (not r["ok"])
        and r.get("message", "").startswith("cell 2 of 2")
        and bool(r.get("error")),
        json.dumps(r),
    )

    r = run_case(
        spark,
        make_case(
            "spark_scripting",
            "DECLARE OR REPLACE VARIABLE v_x INT DEFAULT 5\n\n-- COMMAND ----------\n\n"
            "BEGIN\n  DECLARE n INT DEFAULT 0;\n  SET n = v_x + 1;\n  SELECT n AS n;\nEND\n",
            "n\n6\n",
            tables=[],
        ),
    )
    yield "spark: session variables and compound blocks", r["ok"], json.dumps(r)


def selftest(spark):
    workdir = tempfile.mkdtemp(prefix="sqlxlate-selftest-")
    results = []
    for name, ok, detail in selftest_cases(spark, workdir):
        results.append({"case": "selftest: " + name, "ok": bool(ok), "message": detail})
    return results


# ------------------------------------------------------------------------------ main


def main(argv):
    if len(argv) == 2 and argv[1] == "--selftest":
        spark = start_spark()
        results = selftest(spark)
        for r in results:
            emit(r)
        failed = sum(1 for r in results if not r["ok"])
        print(f"{len(results) - failed} passed, {failed} failed")
        spark.stop()
        return 1 if failed else 0
    if len(argv) == 3 and argv[1] == "--manifest":
        with open(argv[2], encoding="utf-8") as f:
            manifest = json.load(f)
        spark = start_spark()
        if manifest.get("selftest"):
            for r in selftest(spark):
                emit(r)
        for case in manifest.get("cases", []):
            emit(run_case(spark, case))
        spark.stop()
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
