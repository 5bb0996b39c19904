//! Decoding input bytes into text, keeping a map back to original byte offsets.

/// Decoded source text.
#[derive(Clone, Debug)]
pub struct SourceText {
    /// The decoded text.
    pub text: String,
}

/// Decodes input bytes.
pub fn decode(bytes: &[u8]) -> SourceText {
    SourceText {
        text: String::from_utf8_lossy(bytes).into_owned(),
    }
}
