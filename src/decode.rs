//! Decoding input bytes into text, keeping a map back to original byte offsets.
//!
//! Every span inside the converter is a byte offset into the *decoded* text (always
//! UTF-8). Reports and editors want offsets into the *original* file, so decoding
//! keeps an [`OffsetMap`] from decoded offsets back to original ones:
//!
//! - UTF-8 without a byte-order mark (the common case) maps with no table at all;
//! - UTF-8 with a BOM is a constant shift of 3 bytes;
//! - UTF-16 LE/BE (with a BOM, as SSMS saves files, or without one, recognised by the
//!   pattern of NUL bytes and reported with `SX0006`) and Windows-1252 (the fallback for
//!   bytes that are not valid UTF-8) keep a sorted table of checkpoints.
//!
//! Line endings are kept as they are (CRLF stays CRLF), so that spans, line numbers and
//! comments carried to the output match the file.
//!
//! ```
//! use sqlxlate::decode::{decode, Encoding};
//! let src = decode(b"\xEF\xBB\xBFSELECT 1");
//! assert_eq!(src.encoding, Encoding::Utf8Bom);
//! assert_eq!(src.text, "SELECT 1");
//! assert_eq!(src.to_original(0), 3);
//! ```

use serde::{Deserialize, Serialize};
use sqlxlate_diagnostics::{codes, Diagnostic, Span};

/// The encoding an input was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (`EF BB BF`).
    Utf8Bom,
    /// UTF-16 little-endian, with a byte-order mark (`FF FE`) or recognised without one.
    Utf16Le,
    /// UTF-16 big-endian, with a byte-order mark (`FE FF`) or recognised without one.
    Utf16Be,
    /// Windows-1252, the fallback for input that is not valid UTF-8.
    Windows1252,
}

impl Encoding {
    /// The name used in reports (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `windows-1252`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Decoding options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Strip one trailing Ctrl-Z (0x1A, the DOS end-of-file marker) and any line ending
    /// after it. Off for T-SQL; meant for SAS programs, which often carry one.
    pub strip_trailing_ctrl_z: bool,
}

/// Maps decoded byte offsets back to original byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OffsetMap {
    /// `original = decoded + shift` (UTF-8 with or without a BOM).
    Shift(u32),
    /// Sorted checkpoints; between two checkpoints the text is either a run of bytes
    /// that map one to one, or a single character (offsets inside it map to its start).
    Table {
        /// Checkpoints, sorted by both offsets, ending at the end of the text.
        points: Vec<(u32, u32)>,
    },
}

/// Decoded source text with its encoding and offset map.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The decoded text (line endings as in the file, no BOM).
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
    /// Length of the original input in bytes.
    pub original_len: usize,
    /// Diagnostics raised while decoding (spans are decoded offsets).
    pub diagnostics: Vec<Diagnostic>,
    /// True when a trailing Ctrl-Z was stripped (see [`DecodeOptions`]).
    pub stripped_ctrl_z: bool,
    map: OffsetMap,
    line_starts: Vec<u32>,
}

/// Decodes input bytes with default options.
pub fn decode(bytes: &[u8]) -> SourceText {
    decode_with(bytes, DecodeOptions::default())
}

/// Decodes input bytes: a BOM decides UTF-8 / UTF-16 LE / UTF-16 BE; without one, input
/// whose NUL bytes fall on every other position is UTF-16 (with an `SX0006` info
/// diagnostic, see [`guess_utf16`]), else UTF-8 if valid, else Windows-1252 (with an
/// `SX0001` info diagnostic).
pub fn decode_with(bytes: &[u8], options: DecodeOptions) -> SourceText {
    // Offsets are u32 everywhere; inputs beyond 4 GiB are cut (and said so) rather
    // than silently wrapped.
    let mut diagnostics = Vec::new();
    let limit = u32::MAX as usize - 8;
    let (bytes, truncated) = if bytes.len() > limit {
        (&bytes[..limit], true)
    } else {
        (bytes, false)
    };
    let (text, encoding, map) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8_or_1252(rest, 3, Encoding::Utf8Bom, &mut diagnostics)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_utf16(rest, 2, false, &mut diagnostics)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_utf16(rest, 2, true, &mut diagnostics)
    } else if let Some(big_endian) = guess_utf16(bytes) {
        let decoded = decode_utf16(bytes, 0, big_endian, &mut diagnostics);
        let first = decoded.0.chars().next().map_or(0, char::len_utf8);
        let name = if big_endian { "UTF-16 BE" } else { "UTF-16 LE" };
        diagnostics.push(
            Diagnostic::new(
                codes::SX0006.code,
                Span::new(0, first),
                format!("input has no byte-order mark but looks like {name}; decoded as {name}"),
            )
            .with_label_message("guessed from the NUL bytes in the first few KB")
            .with_hint(
                "if the file is not UTF-16, re-save it as UTF-8; to avoid the guess, save it as UTF-8 or as UTF-16 with a byte-order mark",
            ),
        );
        decoded
    } else {
        decode_utf8_or_1252(bytes, 0, Encoding::Utf8, &mut diagnostics)
    };
    let mut src = SourceText {
        line_starts: Vec::new(),
        text,
        encoding,
        original_len: bytes.len(),
        diagnostics,
        stripped_ctrl_z: false,
        map,
    };
    if truncated {
        let end = src.text.len();
        src.diagnostics.push(Diagnostic::new(
            codes::SX0005.code,
            Span::new(end, end),
            "input is larger than 4 GiB; the rest was not read",
        ));
    }
    if options.strip_trailing_ctrl_z {
        src.strip_ctrl_z();
    }
    src.line_starts = line_starts(&src.text);
    src
}

fn decode_utf8_or_1252(
    bytes: &[u8],
    shift: u32,
    utf8_encoding: Encoding,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Encoding, OffsetMap) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), utf8_encoding, OffsetMap::Shift(shift)),
        Err(e) => {
            let first_bad = e.valid_up_to();
            let (cow, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let text = cow.into_owned();
            // Every Windows-1252 byte decodes to exactly one character: ASCII bytes map
            // one to one, other bytes become 2 or 3 UTF-8 bytes.
            let mut points = vec![(0, shift)];
            let mut first_bad_decoded = None;
            for ((dec, ch), orig) in text.char_indices().zip(0u32..) {
                if !ch.is_ascii() {
                    points.push((dec as u32, orig + shift));
                    points.push(((dec + ch.len_utf8()) as u32, orig + 1 + shift));
                }
                if orig as usize == first_bad {
                    first_bad_decoded = Some(dec);
                }
            }
            points.push((text.len() as u32, bytes.len() as u32 + shift));
            let at = first_bad_decoded.unwrap_or(0);
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            diagnostics.push(
                Diagnostic::new(
                    codes::SX0001.code,
                    Span::new(at, at + len),
                    "input is not valid UTF-8; decoded as Windows-1252",
                )
                .with_label_message("first byte that is not UTF-8")
                .with_hint("if the file is not Windows-1252, re-save it as UTF-8"),
            );
            (
                text,
                Encoding::Windows1252,
                OffsetMap::Table {
                    points: dedup_points(points),
                },
            )
        }
    }
}

/// How many leading bytes [`guess_utf16`] looks at.
const GUESS_WINDOW: usize = 4096;

/// Guesses whether input without a byte-order mark is UTF-16, and which byte order:
/// `Some(false)` for little-endian, `Some(true)` for big-endian, `None` for neither.
///
/// SQL is mostly ASCII, and ASCII in UTF-16 has a NUL high byte: in little-endian every
/// odd-position byte is 0, in big-endian every even-position byte. Text files in UTF-8 or
/// Windows-1252 practically never contain NUL bytes. So, over the first few KB (taken in
/// whole code units), the input is UTF-16 when at least 3 in 4 code units have a NUL on
/// one side and fewer than 1 in 8 have one on the other. An odd total length does not
/// rule UTF-16 out: a file cut short is decoded anyway, with `SX0002` for the last byte.
pub fn guess_utf16(bytes: &[u8]) -> Option<bool> {
    let window = &bytes[..bytes.len().min(GUESS_WINDOW)];
    let units = window.len() / 2;
    if units == 0 {
        return None;
    }
    let (mut nul_even, mut nul_odd) = (0usize, 0usize);
    for pair in window.chunks_exact(2) {
        nul_even += usize::from(pair[0] == 0);
        nul_odd += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 4 >= units * 3;
    let rarely = |n: usize| n * 8 < units;
    if mostly(nul_odd) && rarely(nul_even) {
        Some(false)
    } else if mostly(nul_even) && rarely(nul_odd) {
        Some(true)
    } else {
        None
    }
}

/// Decodes UTF-16 code units; `start` is the original offset of `bytes[0]` (2 after a
/// byte-order mark, 0 without one).
fn decode_utf16(
    bytes: &[u8],
    start: u32,
    big_endian: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> (String, Encoding, OffsetMap) {
    let encoding = if big_endian {
        Encoding::Utf16Be
    } else {
        Encoding::Utf16Le
    };
    let units = bytes.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut points = Vec::with_capacity(bytes.len() / 2 + 1);
    let mut orig: u32 = start;
    let mut first_invalid = None;
    for r in char::decode_utf16(units) {
        points.push((text.len() as u32, orig));
        match r {
            Ok(ch) => {
                text.push(ch);
                orig += 2 * ch.len_utf16() as u32;
            }
            Err(_) => {
                first_invalid.get_or_insert(text.len());
                text.push(char::REPLACEMENT_CHARACTER);
                orig += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        points.push((text.len() as u32, orig));
        first_invalid.get_or_insert(text.len());
        text.push(char::REPLACEMENT_CHARACTER);
    }
    points.push((text.len() as u32, bytes.len() as u32 + start));
    if let Some(at) = first_invalid {
        diagnostics.push(
            Diagnostic::new(
                codes::SX0002.code,
                Span::new(at, at + char::REPLACEMENT_CHARACTER.len_utf8()),
                "input has invalid UTF-16; replaced with U+FFFD",
            )
            .with_label_message("first invalid code unit")
            .with_hint("check that the file was saved completely and as UTF-16"),
        );
    }
    (
        text,
        encoding,
        OffsetMap::Table {
            points: dedup_points(points),
        },
    )
}

fn dedup_points(mut points: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    points.dedup();
    points
}

fn line_starts(text: &str) -> Vec<u32> {
    std::iter::once(0)
        .chain(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i as u32 + 1),
        )
        .collect()
}

impl SourceText {
    /// The decoded text of a span (empty if the span is out of range or splits a character).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// Maps a byte offset of the decoded text to a byte offset of the original input.
    /// Offsets past the end map to the end; offsets inside a character map to its start.
    pub fn to_original(&self, decoded: usize) -> usize {
        let decoded = decoded.min(self.text.len()) as u32;
        let out = match &self.map {
            OffsetMap::Shift(s) => decoded + s,
            OffsetMap::Table { points } => {
                let i = points.partition_point(|p| p.0 <= decoded);
                if i == 0 {
                    // Only reachable if there are no checkpoints at all.
                    decoded
                } else {
                    let (d0, o0) = points[i - 1];
                    match points.get(i) {
                        Some(&(d1, o1))
                            if d1 - d0 == o1 - o0 && !self.is_utf16() || decoded == d0 =>
                        {
                            o0 + (decoded - d0)
                        }
                        Some(_) => o0,
                        None => o0 + (decoded - d0),
                    }
                }
            }
        };
        (out as usize).min(self.original_len)
    }

    fn is_utf16(&self) -> bool {
        matches!(self.encoding, Encoding::Utf16Le | Encoding::Utf16Be)
    }

    /// Maps a decoded span to the original byte range `start..end`.
    pub fn original_range(&self, span: Span) -> std::ops::Range<usize> {
        self.to_original(span.start as usize)..self.to_original(span.end as usize)
    }

    /// One-based line and column of a decoded offset. Columns count characters; a CR of
    /// a CRLF belongs to the line it ends.
    pub fn line_col(&self, decoded: usize) -> (usize, usize) {
        let decoded = decoded.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s as usize <= decoded);
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .map_or(0, |&s| s as usize);
        let column = self
            .text
            .get(start..decoded)
            .map_or(decoded - start, |s| s.chars().count());
        (line.max(1), column + 1)
    }

    /// Byte offsets (decoded) where each line starts.
    pub fn line_starts(&self) -> &[u32] {
        &self.line_starts
    }

    /// The offset map.
    pub fn offset_map(&self) -> &OffsetMap {
        &self.map
    }

    /// Strips one trailing Ctrl-Z (0x1A) and the whitespace after it. Hook for SAS
    /// input; the original length is unchanged, so offsets stay valid.
    fn strip_ctrl_z(&mut self) {
        let trimmed = self.text.trim_end_matches(['\r', '\n']);
        if let Some(without) = trimmed.strip_suffix('\u{1A}') {
            let len = without.len();
            self.text.truncate(len);
            self.stripped_ctrl_z = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in s.encode_utf16() {
            out.extend(if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            });
        }
        out
    }

    #[test]
    fn utf8_without_bom_maps_identically() {
        let src = decode("SELECT 'é' AS x;\r\nGO\r\n".as_bytes());
        assert_eq!(src.encoding, Encoding::Utf8);
        assert_eq!(src.text, "SELECT 'é' AS x;\r\nGO\r\n");
        assert!(src.diagnostics.is_empty());
        for i in 0..=src.text.len() {
            assert_eq!(src.to_original(i), i);
        }
        assert_eq!(src.offset_map(), &OffsetMap::Shift(0));
    }

    #[test]
    fn utf8_bom_shifts_by_three() {
        let src = decode(b"\xEF\xBB\xBFSELECT 1;");
        assert_eq!(src.encoding, Encoding::Utf8Bom);
        assert_eq!(src.text, "SELECT 1;");
        assert_eq!(src.to_original(0), 3);
        assert_eq!(src.to_original(7), 10);
        assert_eq!(src.to_original(src.text.len()), 12);
        assert_eq!(src.original_len, 12);
    }

    #[test]
    fn utf16le_with_bom_decodes_and_maps_spans() {
        let input = "SELECT N'Zoë' -- 😀\r\nFROM t";
        let bytes = utf16(input, false);
        let src = decode(&bytes);
        assert_eq!(src.encoding, Encoding::Utf16Le);
        assert_eq!(src.text, input);
        assert!(src.diagnostics.is_empty());
        // `FROM` starts after the CRLF; in UTF-16 every BMP char is 2 bytes, the emoji 4.
        let from = src.text.find("FROM").unwrap();
        let units_before = input[..from].encode_utf16().count();
        assert_eq!(src.to_original(from), 2 + 2 * units_before);
        assert_eq!(src.to_original(0), 2);
        assert_eq!(src.to_original(src.text.len()), bytes.len());
        // An offset inside the two-byte 'ë' maps to the character's start.
        let e = src.text.find('ë').unwrap();
        assert_eq!(src.to_original(e + 1), src.to_original(e));
        let r = src.original_range(Span::new(from, from + 4));
        assert_eq!(r.len(), 8);
    }

    #[test]
    fn utf16be_with_bom_decodes() {
        let bytes = utf16("SELECT 1", true);
        let src = decode(&bytes);
        assert_eq!(src.encoding, Encoding::Utf16Be);
        assert_eq!(src.text, "SELECT 1");
        assert_eq!(src.to_original(7), 2 + 14);
    }

    /// UTF-16 without a byte-order mark, as SSMS can save it.
    fn utf16_no_bom(s: &str, big_endian: bool) -> Vec<u8> {
        utf16(s, big_endian).split_off(2)
    }

    #[test]
    fn utf16le_without_bom_is_guessed_and_maps_spans() {
        let input = "SELECT N'Zoë' -- 😀\r\nFROM t";
        let bytes = utf16_no_bom(input, false);
        let src = decode(&bytes);
        assert_eq!(src.encoding, Encoding::Utf16Le);
        assert_eq!(src.text, input);
        assert_eq!(src.diagnostics.len(), 1);
        let d = &src.diagnostics[0];
        assert_eq!(d.code, "SX0006");
        assert_eq!(d.severity, sqlxlate_diagnostics::Severity::Info);
        assert!(d.message.contains("UTF-16 LE"), "{}", d.message);
        assert_eq!(src.slice(d.primary_span()), "S");
        // Without a BOM there is no shift: code unit k starts at original byte 2k.
        let from = src.text.find("FROM").unwrap();
        let units_before = input[..from].encode_utf16().count();
        assert_eq!(src.to_original(from), 2 * units_before);
        assert_eq!(src.to_original(0), 0);
        assert_eq!(src.to_original(src.text.len()), bytes.len());
        let e = src.text.find('ë').unwrap();
        assert_eq!(src.to_original(e + 1), src.to_original(e));
        let r = src.original_range(Span::new(from, from + 4));
        assert_eq!(&bytes[r], &utf16_no_bom("FROM", false)[..]);
        // Every character start maps to the start of its code units.
        let mut orig = 0;
        for (dec, ch) in src.text.char_indices() {
            assert_eq!(src.to_original(dec), orig, "char {ch:?} at decoded {dec}");
            orig += 2 * ch.len_utf16();
        }
    }

    #[test]
    fn utf16be_without_bom_is_guessed() {
        let bytes = utf16_no_bom("SELECT 1;\r\n", true);
        let src = decode(&bytes);
        assert_eq!(src.encoding, Encoding::Utf16Be);
        assert_eq!(src.text, "SELECT 1;\r\n");
        assert_eq!(src.diagnostics.len(), 1);
        assert!(src.diagnostics[0].message.contains("UTF-16 BE"));
        assert_eq!(src.to_original(7), 14);
        assert_eq!(src.line_col(src.text.len()), (2, 1));
    }

    #[test]
    fn utf16_guess_needs_the_nul_pattern() {
        assert_eq!(guess_utf16(b""), None);
        assert_eq!(guess_utf16(b"x"), None);
        assert_eq!(guess_utf16(b"SELECT 1;"), None);
        assert_eq!(guess_utf16(&[0; 8]), None);
        assert_eq!(guess_utf16(b"A\0"), Some(false));
        assert_eq!(guess_utf16(b"\0A"), Some(true));
        // A few non-ASCII characters (here CJK, no NUL byte) do not defeat the guess.
        let mixed = utf16_no_bom("SELECT N'患者' AS name FROM dbo.patient;", false);
        assert_eq!(guess_utf16(&mixed), Some(false));
        // Mostly non-ASCII text is not guessed: too few NULs to be sure.
        assert_eq!(guess_utf16(&utf16_no_bom("患者患者患者", false)), None);
        // UTF-8 with a stray NUL is still UTF-8.
        let src = decode(b"SELECT 1;\0\nSELECT 2;\n");
        assert_eq!(src.encoding, Encoding::Utf8);
        // Only the first few KB are looked at.
        let mut long = utf16_no_bom(&"SELECT 1;\n".repeat(400), false);
        long.extend(std::iter::repeat_n(b'x', 10_000));
        assert_eq!(guess_utf16(&long), Some(false));
    }

    #[test]
    fn utf16_without_bom_cut_short_is_decoded_with_a_warning() {
        let mut bytes = utf16_no_bom("SELECT 1", false);
        bytes.push(b'\n');
        let src = decode(&bytes);
        assert_eq!(src.encoding, Encoding::Utf16Le);
        assert_eq!(src.text, "SELECT 1\u{FFFD}");
        let codes: Vec<_> = src.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["SX0002", "SX0006"]);
        assert_eq!(src.to_original(src.text.len()), bytes.len());
    }

    #[test]
    fn utf16_odd_length_and_lone_surrogate_are_replaced_with_a_warning() {
        let mut bytes = vec![0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0];
        bytes.push(b'C'); // an odd trailing byte
        let src = decode(&bytes);
        assert_eq!(src.text, "A\u{FFFD}B\u{FFFD}");
        assert_eq!(src.diagnostics.len(), 1);
        assert_eq!(src.diagnostics[0].code, "SX0002");
        assert_eq!(src.to_original(src.text.find('B').unwrap()), 6);
        assert_eq!(src.to_original(src.text.len()), bytes.len());
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_with_info() {
        // 0xE9 is é and 0x93/0x94 are typographic quotes in Windows-1252.
        let bytes = b"SELECT '\x93caf\xE9\x94' AS x;\r\n";
        let src = decode(bytes);
        assert_eq!(src.encoding, Encoding::Windows1252);
        assert_eq!(src.text, "SELECT '\u{201C}café\u{201D}' AS x;\r\n");
        assert_eq!(src.diagnostics.len(), 1);
        let d = &src.diagnostics[0];
        assert_eq!(d.code, "SX0001");
        assert_eq!(d.severity, sqlxlate_diagnostics::Severity::Info);
        assert_eq!(src.slice(d.primary_span()), "\u{201C}");
        // Every character start maps back to its byte.
        for (orig, (dec, _)) in src.text.char_indices().enumerate() {
            assert_eq!(src.to_original(dec), orig, "char at decoded {dec}");
        }
        assert_eq!(src.to_original(src.text.len()), bytes.len());
        let as_at = src.text.find("AS").unwrap();
        assert_eq!(
            &bytes[src.original_range(Span::new(as_at, as_at + 2))],
            b"AS"
        );
    }

    #[test]
    fn windows_1252_after_bom_keeps_the_shift() {
        let bytes = b"\xEF\xBB\xBFab\xE9cd";
        let src = decode(bytes);
        assert_eq!(src.encoding, Encoding::Windows1252);
        assert_eq!(src.text, "ab\u{e9}cd");
        assert_eq!(src.to_original(0), 3);
        assert_eq!(src.to_original(src.text.find('c').unwrap()), 6);
    }

    #[test]
    fn crlf_is_kept_and_lines_counted() {
        let src = decode(b"SELECT 1;\r\nSELECT  2;\r\n");
        assert!(src.text.contains("\r\n"));
        let second = src.text.find("SELECT  2").unwrap();
        assert_eq!(src.line_col(second), (2, 1));
        assert_eq!(src.line_col(second + 8), (2, 9));
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(src.text.len()), (3, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = decode("N'é' x".as_bytes());
        let x = src.text.find('x').unwrap();
        assert_eq!(src.line_col(x), (1, 6));
    }

    #[test]
    fn ctrl_z_is_stripped_only_when_asked() {
        let bytes = b"data x; run;\r\n\x1A\r\n";
        assert!(decode(bytes).text.ends_with("\x1A\r\n"));
        let src = decode_with(
            bytes,
            DecodeOptions {
                strip_trailing_ctrl_z: true,
            },
        );
        assert!(src.stripped_ctrl_z);
        assert_eq!(src.text, "data x; run;\r\n");
        assert_eq!(src.original_len, bytes.len());
    }

    #[test]
    fn empty_input_is_utf8() {
        let src = decode(b"");
        assert_eq!(src.encoding, Encoding::Utf8);
        assert_eq!(src.to_original(0), 0);
        assert_eq!(src.line_col(0), (1, 1));
    }
}
