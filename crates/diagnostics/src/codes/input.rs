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
}
