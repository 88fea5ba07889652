//! Integration tests: one binary, a module per feature.

mod common;

mod authoring_check;
mod authoring_glossary;
mod authoring_import;
mod authoring_new;
mod authoring_serve;
