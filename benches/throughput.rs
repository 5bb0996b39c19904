//! Throughput of decoding and of end-to-end conversion, on a deterministic,
//! realistic T-SQL corpus generated in memory (healthcare encounters and claims:
//! DDL, inserts, selects with joins, CASE and DATEDIFF, updates, procedures, GO
//! batches, comments).
//!
//! Run with `cargo bench --bench throughput`. Set `SQLXLATE_BENCH_MB` to change the
//! corpus size (default 4).

use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};

use sqlxlate::{Options, Profile};

/// A small deterministic generator (64-bit LCG), so every run sees the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

const DEPARTMENTS: &[&str] = &[
    "Cardiology",
    "Oncology",
    "Emergency",
    "Pediatrics",
    "Radiology",
];
const PAYERS: &[&str] = &["MEDICARE", "MEDICAID", "BCBS", "AETNA", "SELF PAY"];
const UNITS: &[&str] = &["day", "month", "year", "hour", "minute"];

fn batch(rng: &mut Rng, i: usize, out: &mut String) {
    let n = i;
    let dept = rng.pick(DEPARTMENTS);
    let payer = rng.pick(PAYERS);
    let unit = rng.pick(UNITS);
    let days = rng.below(90);
    let amount = rng.below(1_000_000) as f64 / 100.0;
    let _ = write!(
        out,
        "-- ============================================================\n\
         -- Batch {n}: encounter metrics for {dept}\n\
         -- ============================================================\n\
         SET NOCOUNT ON;\n\
         IF OBJECT_ID('dbo.Encounter_{n}', 'U') IS NOT NULL DROP TABLE dbo.Encounter_{n};\n\
         CREATE TABLE dbo.Encounter_{n} (\n\
         \x20   EncounterID INT NOT NULL PRIMARY KEY,\n\
         \x20   PatientID INT NOT NULL,\n\
         \x20   AdmitDate DATETIME NOT NULL,\n\
         \x20   DischargeDate DATETIME NULL,\n\
         \x20   Department VARCHAR(50) NOT NULL,\n\
         \x20   IsReadmission BIT NOT NULL DEFAULT 0,\n\
         \x20   ChargeAmount MONEY NULL\n\
         );\n\
         INSERT INTO dbo.Encounter_{n} (EncounterID, PatientID, AdmitDate, DischargeDate, Department, IsReadmission, ChargeAmount)\n\
         VALUES ({a}, {b}, '2024-01-{d:02} 08:30:00', '2024-02-{e:02} 17:00:00', '{dept}', {r}, {amount:.2}),\n\
         \x20      ({a2}, {b}, '2024-03-{d:02}', NULL, N'{dept}', 0, NULL);\n\
         GO\n\
         /* Length of stay and payer mix, bucketed the way finance reports it. */\n\
         SELECT e.EncounterID,\n\
         \x20      p.LastName + ', ' + p.FirstName AS PatientName,\n\
         \x20      DATEDIFF({unit}, e.AdmitDate, ISNULL(e.DischargeDate, GETDATE())) AS StayLength,\n\
         \x20      CASE WHEN DATEDIFF(day, e.AdmitDate, e.DischargeDate) > {days} THEN 'LONG'\n\
         \x20           WHEN e.DischargeDate IS NULL THEN 'OPEN'\n\
         \x20           ELSE 'SHORT' END AS StayBucket,\n\
         \x20      c.PayerName, SUM(c.PaidAmount) AS Paid\n\
         FROM dbo.Encounter_{n} e\n\
         JOIN dbo.Patient p ON p.PatientID = e.PatientID\n\
         LEFT JOIN dbo.Claim c ON c.EncounterID = e.EncounterID AND c.PayerName = '{payer}'\n\
         WHERE e.Department = '{dept}' AND e.AdmitDate >= '2024-01-01'\n\
         GROUP BY e.EncounterID, p.LastName, p.FirstName, e.AdmitDate, e.DischargeDate, c.PayerName\n\
         ORDER BY Paid DESC;\n\
         UPDATE c SET c.Status = 'REVIEW'\n\
         FROM dbo.Claim c JOIN dbo.Encounter_{n} e ON e.EncounterID = c.EncounterID\n\
         WHERE c.PaidAmount > {amount:.2} AND e.IsReadmission = 1;\n\
         GO\n",
        a = 1000 * n + 1,
        a2 = 1000 * n + 2,
        b = rng.below(100_000),
        d = 1 + rng.below(28),
        e = 1 + rng.below(28),
        r = rng.below(2),
    );
    if i.is_multiple_of(5) {
        let _ = write!(
            out,
            "CREATE PROCEDURE dbo.usp_Readmissions_{n} @Dept VARCHAR(50), @Days INT = 30\n\
             AS\n\
             BEGIN\n\
             \x20   SET NOCOUNT ON;\n\
             \x20   DECLARE @Count INT = 0;\n\
             \x20   SELECT @Count = COUNT(*) FROM dbo.Encounter_{n} WHERE Department = @Dept;\n\
             \x20   IF @Count > 0\n\
             \x20   BEGIN\n\
             \x20       SELECT TOP 10 EncounterID, DATEDIFF(day, AdmitDate, DischargeDate) AS Los\n\
             \x20       FROM dbo.Encounter_{n} WHERE DATEDIFF(day, AdmitDate, DischargeDate) <= @Days;\n\
             \x20   END\n\
             \x20   ELSE\n\
             \x20       PRINT 'no encounters';\n\
             END\n\
             GO\n"
        );
    }
}

fn corpus(bytes: usize) -> String {
    let mut rng = Rng(0x5EED_0FC0_FFEE);
    let mut out = String::with_capacity(bytes + 4096);
    let mut i = 0;
    while out.len() < bytes {
        batch(&mut rng, i, &mut out);
        i += 1;
    }
    out
}

/// Runs `f` at least 3 times and for at least 2 seconds; returns the best time.
fn best_of(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut best = Duration::MAX;
    let mut runs = 0;
    while runs < 3 || start.elapsed() < Duration::from_secs(2) {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        runs += 1;
        if runs >= 50 {
            break;
        }
    }
    best
}

fn report(name: &str, bytes: usize, t: Duration) {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "{name:<32} {mb:>6.2} MiB in {:>9.3} ms  {:>8.1} MiB/s",
        t.as_secs_f64() * 1e3,
        mb / t.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this without it, so
    // keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let mb: usize = std::env::var("SQLXLATE_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 1 } else { 4 });
    let text = corpus(mb * 1024 * 1024);
    let bytes = text.as_bytes();
    let lines = text.lines().count();
    println!(
        "corpus: {} bytes, {} lines, {} GO batches",
        bytes.len(),
        lines,
        text.matches("\nGO\n").count()
    );

    let t = best_of(|| {
        black_box(sqlxlate::decode::decode(black_box(bytes)));
    });
    report("decode (utf-8)", bytes.len(), t);

    let latin: Vec<u8> = bytes
        .iter()
        .map(|&b| if b == b'~' { 0xE9 } else { b })
        .chain(std::iter::once(0xE9))
        .collect();
    let t = best_of(|| {
        black_box(sqlxlate::decode::decode(black_box(&latin)));
    });
    report("decode (windows-1252)", latin.len(), t);

    for profile in [Profile::Databricks, Profile::Portable] {
        let options = Options {
            profile,
            ..Options::default()
        };
        let mut stats = None;
        let t = best_of(|| {
            let conv = sqlxlate::convert("bench.sql", black_box(bytes), &options);
            stats = Some((conv.report.inputs[0].statements, conv.diagnostics.len()));
            black_box(conv);
        });
        report(&format!("convert end to end ({profile:?})"), bytes.len(), t);
        if let Some((s, d)) = stats {
            println!(
                "  statements: {} total, {} converted, {} with warnings, {} unconverted; {} diagnostics",
                s.total, s.converted, s.converted_with_warnings, s.unconverted, d
            );
        }
    }
}
