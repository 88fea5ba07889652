//! Integration tests: one binary, a module per feature, over fixture sites.

mod common;

mod errors;
mod markdown;
mod output;
mod report;
mod robustness;
mod threads;
mod translation;
