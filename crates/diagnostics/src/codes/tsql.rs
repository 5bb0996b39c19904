//! Codes raised by the T-SQL front-end (SX0100–SX0199, SX1000–SX4499).
crate::declare_codes! {}
