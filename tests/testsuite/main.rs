//! Integration tests: one binary, a module per feature, over fixture sites.

mod common;

mod accessibility_statement;
mod archive;
mod authoring_check;
mod authoring_glossary;
mod authoring_import;
mod authoring_new;
mod authoring_serve;
mod brand;
mod charts;
mod deck_layout;
mod deck_views;
mod document_cache;
mod drafts;
mod errors;
mod fonts;
mod limits;
mod markdown;
mod messages;
mod messages_catalogued;
mod minified;
mod output;
mod output_safety;
mod page_hierarchy;
mod pdf;
mod pictures;
mod pptx;
mod report;
mod report_print;
mod robustness;
mod slides;
mod snapshots;
mod threads;
mod translation;
mod word_habits;
