//! The `sqlxlate` command: I/O, rendering and exit codes around the library.

fn main() {
    std::process::exit(2);
}
