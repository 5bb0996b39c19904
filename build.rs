//! Compiles every grammar in `grammars/` into `OUT_DIR` with lalrpop.

fn main() {
    println!("cargo:rerun-if-changed=grammars");
    lalrpop::Configuration::new()
        .set_in_dir("grammars")
        .set_out_dir(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .process()
        .expect("grammars compile");
}
