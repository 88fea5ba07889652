//! Integration tests: one binary, a module per feature, over fixture sites.

mod common;

mod slides;
