//! Codes raised while reading and decoding input (SX0001–SX0099).

crate::declare_codes! {
    SX0001 {
        title: "input is not valid UTF-8; decoded as Windows-1252",
        severity: Info,
        kind: Input,
        meaning: "The input file had no byte-order mark and was not valid UTF-8, so it was decoded as Windows-1252.",
        why: "Legacy scripts saved by Windows editors are often Windows-1252; decoding them as UTF-8 would corrupt accented names and typographic quotes.",
        example: "A script containing the byte 0xE9 (é in Windows-1252).",
        what_to_do: "Nothing, if the file is Windows-1252. Otherwise re-save it as UTF-8.",
    }
    SX0002 {
        title: "invalid UTF-16 replaced with U+FFFD",
        severity: Warning,
        kind: Input,
        meaning: "The input was decoded as UTF-16 (it started with a UTF-16 byte-order mark, or looked like UTF-16 without one, see SX0006) but contained an unpaired surrogate or an odd trailing byte. Each invalid code unit was replaced with the replacement character U+FFFD.",
        why: "A truncated or corrupted UTF-16 file cannot be decoded exactly; the rest of the file is still converted, but text at the replaced positions differs from what the author wrote.",
        example: "A file saved by SSMS as UTF-16 LE whose last byte was cut off by a copy.",
        what_to_do: "Re-save the file from its source, or convert it to UTF-8, and convert again. Check string literals near the reported position.",
    }
    SX0003 {
        title: "source language not supported yet",
        severity: Error,
        kind: Input,
        meaning: "The input's language (given with `--from` or inferred from its extension) has no front-end in this version, so nothing was converted.",
        why: "SAS and Informatica PowerCenter are planned but not implemented yet; converting them as T-SQL would produce nonsense.",
        example: "`sqlxlate convert claims.sas` or `sqlxlate convert --from informatica wf_claims.xml`.",
        what_to_do: "Convert T-SQL inputs only for now. If the file is really T-SQL with an unusual extension, pass `--from tsql`.",
    }
    SX0004 {
        title: "output language not available for this source language",
        severity: Error,
        kind: Input,
        meaning: "The requested output (`--to`) is not available for the input's language, so nothing was converted.",
        why: "PySpark output is planned for SAS and Informatica; T-SQL converts to Databricks SQL, which runs the same logic without a rewrite into DataFrame code.",
        example: "`sqlxlate convert --to pyspark proc.sql`.",
        what_to_do: "Use `--to databricks-sql` (the default) for T-SQL.",
    }
    SX0005 {
        title: "input too large",
        severity: Error,
        kind: Input,
        meaning: "The input is larger than 4 GiB; only the first 4 GiB were read.",
        why: "Spans are 32-bit byte offsets. A single source file of this size is almost certainly generated data, not code.",
        example: "A 5 GiB script of INSERT statements.",
        what_to_do: "Split the file, or load the data with a bulk loader instead of converting it.",
    }
    SX0006 {
        title: "input has no byte-order mark but looks like UTF-16",
        severity: Info,
        kind: Input,
        meaning: "The input had no byte-order mark, but NUL bytes fell on every other position of its first few KB, the pattern of mostly-ASCII text in UTF-16. It was decoded as UTF-16 little-endian (NULs on odd positions) or big-endian (NULs on even positions). Spans and report offsets still point at the original bytes.",
        why: "SSMS and some export tools save scripts as UTF-16 without a byte-order mark. Read as UTF-8, such a file is valid but every other character is a NUL, so nothing would convert. The encoding is a guess, so it is reported.",
        example: "A script exported as UTF-16 without a signature: it starts with the bytes `53 00 45 00 4C 00` (`SEL` in UTF-16 LE) and no `FF FE` before them.",
        what_to_do: "Nothing, if the output reads correctly. To avoid the guess, re-save the file as UTF-8, or as UTF-16 with a byte-order mark. If the file is not UTF-16 at all (a binary file, say), do not convert it.",
    }
}
