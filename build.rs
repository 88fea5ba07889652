//! Links the `summering` binary as a non-PIE executable on Linux (GNU toolchain).
//!
//! Why: minify-html ships its HTML entity table as a static trie of pointers,
//! about 10 MB of `.data.rel.ro`. In a position-independent executable every
//! one of those pointers is relocated by the dynamic loader at each start,
//! which touches ~2,500 pages and costs ~12 ms of system time before `main`
//! runs — more than building the whole one-report sample site. Linked at a
//! fixed address, the table is resolved at link time and paged in only where
//! it is read: `summering --version` goes from ~14 ms to ~2 ms (measured with
//! hyperfine, see benches/bench.sh). The price is that the executable itself
//! (not its heap, stack or libraries) loads at a fixed address, i.e. without
//! ASLR for the program image; summering is a local build tool, so the faster
//! start is worth it. Only the binaries get this flag, not the library or tests.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
