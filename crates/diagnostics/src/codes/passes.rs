//! Codes raised by passes and back-ends (SX2500–SX2999, SX3500–SX3999, SX4500–SX4999).
crate::declare_codes! {}
