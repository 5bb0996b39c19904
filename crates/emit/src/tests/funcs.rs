use super::builders::*;
use sqlxlate_ir::*;

fn ts(name: &str) -> Expr {
    typed(col(name), DataType::TimestampNtz)
}

fn date(name: &str) -> Expr {
    typed(col(name), DataType::Date)
}

fn s(name: &str) -> Expr {
    typed(col(name), string_ty())
}

fn row(label: &str, x: Expr) -> String {
    format!("{label}: {}", sql(x))
}

#[test]
fn string_functions() {
    use Func::*;
    let lines = [
        row("upper", f(Upper, vec![s("s")])),
        row("lower", f(Lower, vec![s("s")])),
        row("trim", f(Trim, vec![s("s")])),
        row("ltrim", f(LTrim, vec![s("s")])),
        row("rtrim", f(RTrim, vec![s("s")])),
        row("replace", f(Replace, vec![s("t"), str_("a"), str_("z")])),
        row("substring", f(Substring, vec![s("s"), int(2), int(3)])),
        row(
            "substring clamp",
            f(Substring, vec![s("s"), col("st"), col("n")]),
        ),
        row("substring zero", f(Substring, vec![s("s"), int(0), int(3)])),
        row("left", f(Left, vec![s("s"), int(2)])),
        row("right", f(Right, vec![s("s"), int(2)])),
        row("reverse", f(Reverse, vec![s("s")])),
        row("len", f(LengthIgnoringTrailingSpaces, vec![s("s")])),
        row("char_length", f(CharLength, vec![s("s")])),
        row("datalength", f(OctetLength, vec![s("s")])),
        row("datalength national", f(OctetLength, vec![nstr("abc")])),
        row(
            "datalength char(10)",
            f(
                OctetLength,
                vec![typed(
                    col("c"),
                    DataType::String {
                        max_len: Some(10),
                        fixed: true,
                        collation: None,
                    },
                )],
            ),
        ),
        row(
            "concat strings",
            f(ConcatNullAsEmpty, vec![s("s"), str_("|"), s("t")]),
        ),
        row(
            "concat mixed",
            f(
                ConcatNullAsEmpty,
                vec![s("s"), typed(col("n"), DataType::Int), col("u"), null()],
            ),
        ),
        row("concat_ws", f(ConcatWs, vec![str_(","), s("a"), s("b")])),
        row("charindex", f(Locate, vec![str_("B"), s("s")])),
        row(
            "charindex start",
            f(Locate, vec![str_("B"), s("s"), col("p")]),
        ),
        row(
            "charindex start 3",
            f(Locate, vec![str_("B"), s("s"), int(3)]),
        ),
        row("patindex", f(PatternIndex, vec![str_("%[0-9]_x%"), s("s")])),
        row(
            "patindex anchored",
            f(PatternIndex, vec![str_("ab%"), s("s")]),
        ),
        row("stuff", f(Stuff, vec![s("s"), int(2), int(3), str_("xy")])),
        row("replicate", f(Repeat, vec![s("s"), col("n")])),
        row("replicate literal", f(Repeat, vec![s("s"), int(3)])),
        row("space", f(Space, vec![int(2)])),
        row("ascii", f(Ascii, vec![s("s")])),
        row("chr", f(Chr, vec![int(65)])),
        row(
            "translate",
            f(Translate, vec![s("s"), str_("ab"), str_("xy")]),
        ),
        row(
            "string_split scalar",
            f(StringSplit, vec![s("s"), str_(".")]),
        ),
        row("quotename", f(QuoteName, vec![s("s")])),
        row("quotename dq", f(QuoteName, vec![s("s"), str_("\"")])),
        row("format", f(Format, vec![date("d"), str_("dd MMM yyyy")])),
    ]
    .join("\n");
    insta::assert_snapshot!(lines, @r#"
        upper: upper(s)
        lower: lower(s)
        trim: trim(s)
        ltrim: ltrim(s)
        rtrim: rtrim(s)
        replace: replace(t, 'a', 'z')
        substring: substring(s, 2, 3)
        substring clamp: substring(s, greatest(st, 1), greatest(n - (greatest(st, 1) - st), 0))
        substring zero: substring(s, greatest(0, 1), greatest(3 - (greatest(0, 1) - 0), 0))
        left: left(s, 2)
        right: right(s, 2)
        reverse: reverse(s)
        len: length(rtrim(s))
        char_length: char_length(s)
        datalength: octet_length(s)
        datalength national: octet_length(encode('abc', 'UTF-16LE'))
        datalength char(10): octet_length(rpad(c, 10, ' '))
        concat strings: concat_ws('', s, '|', t)
        concat mixed: concat(coalesce(s, ''), coalesce(CAST(n AS STRING), ''), coalesce(CAST(u AS STRING), ''))
        concat_ws: concat_ws(',', a, b)
        charindex: locate('B', s)
        charindex start: locate('B', s, greatest(p, 1))
        charindex start 3: locate('B', s, 3)
        patindex: regexp_instr(s COLLATE UTF8_BINARY, '(?i)(?s)[0-9].x')
        patindex anchored: regexp_instr(s COLLATE UTF8_BINARY, '(?i)(?s)^ab')
        stuff: SELECT
          CASE
            WHEN 2 < 1 OR 2 > length(s) OR 3 < 0 THEN NULL
            ELSE overlay(s PLACING coalesce('xy', '') FROM 2 FOR 3)
          END
        replicate: CASE WHEN n < 0 THEN NULL ELSE repeat(s, n) END
        replicate literal: repeat(s, 3)
        space: space(2)
        ascii: ascii(s)
        chr: chr(65)
        translate: translate(s, 'ab', 'xy')
        string_split scalar: explode(split(s COLLATE UTF8_BINARY, '\\.'))
        quotename: concat('[', replace(s, ']', ']]'), ']')
        quotename dq: concat('"', replace(s, '"', '""'), '"')
        format: date_format(d, 'dd MMM yyyy')
        "#);
}

#[test]
fn null_and_number_functions() {
    use Func::*;
    let dec = DataType::Decimal {
        precision: 19,
        scale: 4,
    };
    let lines = [
        row("coalesce", f(Coalesce, vec![col("a"), col("b"), int(0)])),
        row(
            "isnull typed",
            f(
                IfNullKeepFirstType,
                vec![typed(col("a"), DataType::Int), str_("1")],
            ),
        ),
        row(
            "isnull unknown",
            f(IfNullKeepFirstType, vec![col("a"), col("b")]),
        ),
        row(
            "isnull strings",
            f(IfNullKeepFirstType, vec![s("a"), str_("x")]),
        ),
        row(
            "isnull varchar(3)",
            f(
                IfNullKeepFirstType,
                vec![
                    typed(
                        col("a"),
                        DataType::String {
                            max_len: Some(3),
                            fixed: false,
                            collation: None,
                        },
                    ),
                    str_("abcdef"),
                ],
            ),
        ),
        row(
            "isnull char(2)",
            f(
                IfNullKeepFirstType,
                vec![
                    typed(
                        col("a"),
                        DataType::String {
                            max_len: Some(2),
                            fixed: true,
                            collation: None,
                        },
                    ),
                    str_("x"),
                ],
            ),
        ),
        row("nullif", f(NullIf, vec![col("a"), int(0)])),
        row("nullif strings", f(NullIf, vec![s("a"), str_("")])),
        row("abs", f(Abs, vec![col("x")])),
        row("ceiling", f(Ceiling, vec![col("x")])),
        row("floor", f(Floor, vec![col("x")])),
        row(
            "round",
            f(Round, vec![typed(col("m"), dec.clone()), int(2)]),
        ),
        row(
            "round truncate",
            f(RoundTruncate, vec![typed(col("m"), dec), int(2)]),
        ),
        row(
            "round truncate unknown",
            f(RoundTruncate, vec![col("m"), int(2)]),
        ),
        row(
            "power",
            f(Power, vec![typed(col("i"), DataType::Int), int(2)]),
        ),
        row("power double", f(Power, vec![col("x"), int(2)])),
        row("sqrt", f(Sqrt, vec![col("x")])),
        row("square", f(Square, vec![col("x")])),
        row("exp", f(Exp, vec![col("x")])),
        row("log", f(Ln, vec![col("x")])),
        row("log base", f(Ln, vec![col("x"), int(2)])),
        row("log10", f(Log10, vec![col("x")])),
        row("sign", f(Sign, vec![typed(col("i"), DataType::Int)])),
        row("pi", f(Pi, vec![])),
        row("rand", f(Random, vec![])),
        row("greatest", f(Greatest, vec![col("a"), col("b")])),
        row("least", f(Least, vec![col("a"), col("b")])),
        row("newid", f(NewUuid, vec![])),
        row("md5", f(Hash(HashAlgo::Md5), vec![s("s")])),
        row("sha1", f(Hash(HashAlgo::Sha1), vec![s("s")])),
        row("sha256", f(Hash(HashAlgo::Sha256), vec![s("s")])),
        row(
            "sha512 national",
            f(Hash(HashAlgo::Sha512), vec![nstr("abc")]),
        ),
        row("isnumeric", f(IsNumeric, vec![s("s")])),
        row("isdate", f(IsDate, vec![s("s")])),
        row("object_id", f(ObjectId, vec![str_("dbo.T")])),
    ]
    .join("\n");
    insta::assert_snapshot!(lines, @r#"
        coalesce: coalesce(a, b, 0)
        isnull typed: coalesce(a, CAST('1' AS INT))
        isnull unknown: coalesce(a, b)
        isnull strings: coalesce(a, 'x')
        isnull varchar(3): coalesce(a, left('abcdef', 3))
        isnull char(2): coalesce(a, rpad('x', 2, ' '))
        nullif: nullif(a, 0)
        nullif strings: CASE WHEN a = '' THEN NULL ELSE a END
        abs: abs(x)
        ceiling: ceil(x)
        floor: floor(x)
        round: round(m, 2)
        round truncate: CAST(CASE WHEN m >= 0 THEN floor(m, 2) ELSE ceil(m, 2) END AS DECIMAL(19,4))
        round truncate unknown: CASE WHEN m >= 0 THEN floor(m, 2) ELSE ceil(m, 2) END
        power: CAST(power(i, 2) AS INT)
        power double: power(x, 2)
        sqrt: sqrt(x)
        square: power(x, 2)
        exp: exp(x)
        log: ln(x)
        log base: log(2, x)
        log10: log10(x)
        sign: CAST(sign(i) AS INT)
        pi: pi()
        rand: rand()
        greatest: greatest(a, b)
        least: least(a, b)
        newid: upper(uuid())
        md5: unhex(md5(s))
        sha1: unhex(sha1(s))
        sha256: unhex(sha2(s, 256))
        sha512 national: unhex(sha2(encode('abc', 'UTF-16LE'), 512))
        isnumeric: SELECT
          CASE
            WHEN try_cast(regexp_replace(
              s COLLATE UTF8_BINARY,
              '^[$€£¥]|,',
              ''
            ) AS DOUBLE) IS NOT NULL THEN 1
            ELSE 0
          END
        isdate: SELECT
          CASE
            WHEN coalesce(
              try_cast(s COLLATE UTF8_BINARY AS TIMESTAMP_NTZ),
              try_to_timestamp(s COLLATE UTF8_BINARY, 'yyyyMMdd HH:mm:ss'),
              try_to_timestamp(s COLLATE UTF8_BINARY, 'yyyyMMdd HH:mm'),
              try_to_timestamp(s COLLATE UTF8_BINARY, 'yyyyMMdd')
            ) IS NOT NULL THEN 1
            ELSE 0
          END
        object_id: CAST(NULL AS INT)
        "#);
}

#[test]
fn date_functions() {
    use Func::*;
    let lines = [
        row("getdate", f(CurrentTimestamp, vec![])),
        row("getutcdate", f(CurrentTimestampUtc, vec![])),
        row("current_date", f(CurrentDate, vec![])),
        row(
            "dateadd day date",
            f(DateAdd(DateUnit::Day), vec![int(1), date("d")]),
        ),
        row(
            "dateadd week date",
            f(DateAdd(DateUnit::Week), vec![col("n"), date("d")]),
        ),
        row(
            "dateadd month date",
            f(DateAdd(DateUnit::Month), vec![int(1), date("d")]),
        ),
        row(
            "dateadd quarter date",
            f(DateAdd(DateUnit::Quarter), vec![int(1), date("d")]),
        ),
        row(
            "dateadd year date",
            f(DateAdd(DateUnit::Year), vec![int(1), date("d")]),
        ),
        row(
            "dateadd day ts",
            f(DateAdd(DateUnit::Day), vec![int(1), ts("t")]),
        ),
        row(
            "dateadd hour date",
            f(DateAdd(DateUnit::Hour), vec![int(1), date("d")]),
        ),
        row(
            "dateadd ns",
            f(DateAdd(DateUnit::Nanosecond), vec![col("n"), ts("t")]),
        ),
        row("eomonth", f(EndOfMonth, vec![date("d")])),
        row("eomonth n", f(EndOfMonth, vec![date("d"), int(1)])),
        row(
            "datefromparts",
            f(DateFromParts, vec![col("y"), col("m"), col("d")]),
        ),
        row(
            "datetimefromparts",
            f(
                DateTimeFromParts,
                vec![
                    col("y"),
                    col("m"),
                    col("d"),
                    col("h"),
                    col("mi"),
                    col("s"),
                    col("ms"),
                ],
            ),
        ),
    ]
    .join("\n");
    insta::assert_snapshot!(lines, @r#"
        getdate: current_timestamp()
        getutcdate: convert_timezone('UTC', current_timestamp())
        current_date: current_date()
        dateadd day date: date_add(d, 1)
        dateadd week date: date_add(d, n * 7)
        dateadd month date: add_months(d, 1)
        dateadd quarter date: add_months(d, 1 * 3)
        dateadd year date: add_months(d, 1 * 12)
        dateadd day ts: timestampadd(DAY, 1, t)
        dateadd hour date: timestampadd(HOUR, 1, d)
        dateadd ns: timestampadd(MICROSECOND, n DIV 1000, t)
        eomonth: last_day(d)
        eomonth n: last_day(add_months(d, 1))
        datefromparts: CAST(try_make_timestamp_ntz(y, m, d, 0, 0, 0) AS DATE)
        datetimefromparts: make_timestamp_ntz(y, m, d, h, mi, s + ms / 1000.0)
        "#);
}

#[test]
fn datediff_counts_unit_boundaries() {
    use DateUnit::*;
    let mut lines = Vec::new();
    for u in [
        Year,
        Quarter,
        Month,
        DayOfYear,
        Day,
        Week,
        IsoWeek,
        Weekday,
        Hour,
        Minute,
        Second,
        Millisecond,
        Microsecond,
        Nanosecond,
    ] {
        lines.push(row(
            &format!("{u:?}"),
            f(Func::DateDiffBoundaries(u), vec![ts("a"), ts("b")]),
        ));
    }
    lines.push(row(
        "Day on dates",
        f(Func::DateDiffBoundaries(Day), vec![date("a"), date("b")]),
    ));
    insta::assert_snapshot!(lines.join("\n"), @r#"
        Year: year(b) - year(a)
        Quarter: (year(b) * 4 + quarter(b)) - (year(a) * 4 + quarter(a))
        Month: (year(b) * 12 + month(b)) - (year(a) * 12 + month(a))
        DayOfYear: datediff(CAST(b AS DATE), CAST(a AS DATE))
        Day: datediff(CAST(b AS DATE), CAST(a AS DATE))
        Week: SELECT
          datediff(
            date_sub(CAST(b AS DATE), dayofweek(b) - 1),
            date_sub(CAST(a AS DATE), dayofweek(a) - 1)
          ) DIV 7
        IsoWeek: SELECT
          datediff(
            date_sub(CAST(b AS DATE), (dayofweek(b) + 5) % 7),
            date_sub(CAST(a AS DATE), (dayofweek(a) + 5) % 7)
          ) DIV 7
        Weekday: datediff(CAST(b AS DATE), CAST(a AS DATE))
        Hour: datediff(CAST(b AS DATE), CAST(a AS DATE)) * 24 + (hour(b) - hour(a))
        Minute: SELECT
          (datediff(CAST(b AS DATE), CAST(a AS DATE)) * 24 + (hour(b) - hour(a))) * 60 + (minute(b)
            - minute(a))
        Second: SELECT
          ((datediff(CAST(b AS DATE), CAST(a AS DATE)) * 24 + (hour(b) - hour(a))) * 60 + (minute(b)
            - minute(a))) * 60 + (second(b) - second(a))
        Millisecond: SELECT
          (((datediff(CAST(b AS DATE), CAST(a AS DATE)) * 24 + (hour(b) - hour(a))) * 60 + (minute(b)
            - minute(a))) * 60 + (second(b) - second(a))) * 1000 + (CAST(date_part(
              'SECOND',
              b
            ) * 1000 AS BIGINT) % 1000 - CAST(date_part('SECOND', a) * 1000 AS BIGINT) % 1000)
        Microsecond: SELECT
          (((datediff(CAST(b AS DATE), CAST(a AS DATE)) * 24 + (hour(b) - hour(a))) * 60 + (minute(b)
            - minute(a))) * 60 + (second(b) - second(a))) * 1000000 + (CAST(date_part(
              'SECOND',
              b
            ) * 1000000 AS BIGINT) % 1000000 - CAST(date_part('SECOND', a) * 1000000 AS BIGINT) % 1000000)
        Nanosecond: SELECT
          ((((datediff(CAST(b AS DATE), CAST(a AS DATE)) * 24 + (hour(b) - hour(a))) * 60 + (minute(b)
            - minute(a))) * 60 + (second(b) - second(a))) * 1000000 + (CAST(date_part(
              'SECOND',
              b
            ) * 1000000 AS BIGINT) % 1000000 - CAST(date_part(
              'SECOND',
              a
            ) * 1000000 AS BIGINT) % 1000000)) * 1000
        Day on dates: datediff(b, a)
        "#);
}

#[test]
fn datepart_and_datename() {
    use DateUnit::*;
    let mut lines = Vec::new();
    for u in [
        Year,
        Quarter,
        Month,
        DayOfYear,
        Day,
        Week,
        IsoWeek,
        Weekday,
        Hour,
        Minute,
        Second,
        Millisecond,
        Microsecond,
        Nanosecond,
    ] {
        lines.push(row(
            &format!("part {u:?}"),
            f(Func::DatePart(u), vec![ts("d")]),
        ));
    }
    for u in [Month, Weekday, Year] {
        lines.push(row(
            &format!("name {u:?}"),
            f(Func::DateName(u), vec![ts("d")]),
        ));
    }
    insta::assert_snapshot!(lines.join("\n"), @r#"
        part Year: year(d)
        part Quarter: quarter(d)
        part Month: month(d)
        part DayOfYear: dayofyear(d)
        part Day: day(d)
        part Week: (dayofyear(d) + dayofweek(trunc(CAST(d AS DATE), 'YEAR')) - 2) DIV 7 + 1
        part IsoWeek: weekofyear(d)
        part Weekday: dayofweek(d)
        part Hour: hour(d)
        part Minute: minute(d)
        part Second: second(d)
        part Millisecond: CAST(date_part('SECOND', d) * 1000 AS INT) % 1000
        part Microsecond: CAST(date_part('SECOND', d) * 1000000 AS INT) % 1000000
        part Nanosecond: (CAST(date_part('SECOND', d) * 1000000 AS INT) % 1000000) * 1000
        name Month: date_format(d, 'MMMM')
        name Weekday: date_format(d, 'EEEE')
        name Year: CAST(year(d) AS STRING)
        "#);
}

#[test]
fn convert_styles() {
    let conv = |style: i32, try_: bool, to: DataType, x: Expr| {
        typed(
            f(
                Func::ConvertStyle { style, try_ },
                vec![int(style as i64), x],
            ),
            to,
        )
    };
    let varchar = |n: Option<u32>| DataType::String {
        max_len: n,
        fixed: false,
        collation: None,
    };
    let mut lines = Vec::new();
    for style in [101, 103, 110, 111, 112, 120, 121, 23, 126, 100] {
        lines.push(row(
            &format!("to string {style}"),
            conv(style, false, varchar(None), ts("d")),
        ));
    }
    lines.push(row(
        "varchar(10) 120",
        conv(120, false, varchar(Some(10)), ts("d")),
    ));
    lines.push(row("to date 101", conv(101, false, DataType::Date, s("s"))));
    lines.push(row(
        "try to date 112",
        conv(112, true, DataType::Date, s("s")),
    ));
    lines.push(row(
        "to datetime 120",
        conv(120, false, DataType::TimestampNtz, s("s")),
    ));
    lines.push(row(
        "try to datetime 121",
        conv(121, true, DataType::TimestampNtz, s("s")),
    ));
    lines.push(row(
        "unknown style",
        conv(999, false, DataType::Int, s("s")),
    ));
    lines.push(row(
        "varchar(20) 100",
        conv(100, false, varchar(Some(20)), ts("d")),
    ));
    let bin_hash = f(Func::Hash(HashAlgo::Md5), vec![s("s")]);
    lines.push(row(
        "hash style 2",
        conv(2, false, varchar(None), bin_hash.clone()),
    ));
    lines.push(row("hash style 1", conv(1, false, varchar(None), bin_hash)));
    insta::assert_snapshot!(lines.join("\n"), @r#"
        to string 101: date_format(d, 'MM/dd/yyyy')
        to string 103: date_format(d, 'dd/MM/yyyy')
        to string 110: date_format(d, 'MM-dd-yyyy')
        to string 111: date_format(d, 'yyyy/MM/dd')
        to string 112: date_format(d, 'yyyyMMdd')
        to string 120: date_format(d, 'yyyy-MM-dd HH:mm:ss')
        to string 121: date_format(d, 'yyyy-MM-dd HH:mm:ss.SSS')
        to string 23: date_format(d, 'yyyy-MM-dd')
        to string 126: date_format(d, 'yyyy-MM-dd\'T\'HH:mm:ss.SSS')
        to string 100: SELECT
          concat(
            date_format(d, 'MMM'),
            ' ',
            lpad(date_format(d, 'd'), 2, ' '),
            ' ',
            date_format(d, 'yyyy'),
            ' ',
            lpad(date_format(d, 'h:mm'), 5, ' '),
            date_format(d, 'a')
          )
        varchar(10) 120: left(date_format(d, 'yyyy-MM-dd HH:mm:ss'), 10)
        to date 101: to_date(s, 'MM/dd/yyyy')
        try to date 112: try_to_date(s, 'yyyyMMdd')
        to datetime 120: to_timestamp_ntz(s, 'yyyy-MM-dd HH:mm:ss')
        try to datetime 121: CAST(try_to_timestamp(s, 'yyyy-MM-dd HH:mm:ss.SSS') AS TIMESTAMP_NTZ)
        unknown style: CAST(s AS INT)
        varchar(20) 100: SELECT
          concat(
            date_format(d, 'MMM'),
            ' ',
            lpad(date_format(d, 'd'), 2, ' '),
            ' ',
            date_format(d, 'yyyy'),
            ' ',
            lpad(date_format(d, 'h:mm'), 5, ' '),
            date_format(d, 'a')
          )
        hash style 2: hex(unhex(md5(s)))
        hash style 1: concat('0x', hex(unhex(md5(s))))
        "#);
}

#[test]
fn approximations_raise_diagnostics() {
    let q = |x: Expr| q_stmt(query(select(vec![item(x, None)], vec![], None)));
    let codes = codes_of(
        vec![
            q(f(Func::Format, vec![col("x"), str_("N2")])),
            q(f(Func::ObjectId, vec![str_("dbo.T")])),
            q(f(Func::PatternIndex, vec![var("p"), col("s")])),
            q(typed(
                f(
                    Func::ConvertStyle {
                        style: 109,
                        try_: false,
                    },
                    vec![int(109), ts("d")],
                ),
                string_ty(),
            )),
        ],
        Profile::Databricks,
    );
    assert_eq!(codes, vec!["SX3803", "SX3805", "SX3807", "SX3802"]);
}

#[test]
fn like_pattern_translates_to_regex() {
    use crate::funcs::like_to_regex;
    assert_eq!(like_to_regex("%abc%"), "(?s)abc");
    assert_eq!(like_to_regex("abc%"), "(?s)^abc");
    assert_eq!(like_to_regex("%a_c"), "(?s)a.c$");
    assert_eq!(like_to_regex("%[^0-9]%"), "(?s)[^0-9]");
    assert_eq!(like_to_regex("%a.b%"), "(?s)a\\.b");
    assert_eq!(like_to_regex("%[a"), "(?s)\\[a$");
}

#[test]
fn dotnet_numeric_formats_print_as_number_formatting() {
    let q = |x: Expr| q_stmt(query(select(vec![item(x, None)], vec![], None)));
    let m = module(vec![
        q(f(Func::Format, vec![col("amt"), str_("N2")])),
        q(f(Func::Format, vec![col("amt"), str_("F1")])),
        q(f(Func::Format, vec![col("d"), str_("yyyy-MM")])),
    ]);
    let out = run_with(&m, Profile::Portable, 100).main;
    assert!(out.contains("SELECT format_number(amt, 2)"), "{out}");
    assert!(out.contains("SELECT format_string('%.1f', amt)"), "{out}");
    assert!(out.contains("SELECT date_format(d, 'yyyy-MM')"), "{out}");
}
