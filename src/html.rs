//! Reading HTML as a browser does, with html5ever's tokenizer (the HTML
//! standard's tokenizer, already in the tree through ammonia).
//!
//! What it gives is a flat list of tags and text: element names in lower
//! case, attribute values and text with every character reference decoded
//! (`&amp;`, `&#39;`, `&auml;` …), and the text of `<script>`, `<style>`,
//! `<title>` and `<textarea>` read as their raw text. There is no tree here
//! (nothing is implied or reordered): the link checker and the Markdown
//! sanitiser's depth guard only need the tags as written.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// One piece of an HTML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A start tag: `<a href="x">`, `<br/>`.
    Start(Tag),
    /// An end tag's element name: `</p>` is `p`.
    End(String),
    /// Text, decoded.
    Text(String),
}

/// A start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    /// The element name, lower case.
    pub name: String,
    /// Each attribute as (lower-case name, decoded value), in the order written.
    pub attrs: Vec<(String, String)>,
    /// Written `<x/>`.
    pub self_closing: bool,
}

impl Tag {
    /// The value of attribute `name`, if the tag has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the element has content and an end tag: not a void element
    /// (`<img>`, `<br>` …) and not written self-closing.
    pub fn opens(&self) -> bool {
        !self.self_closing && !VOID.contains(&self.name.as_str())
    }
}

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The pieces of `html`, in order (comments and doctypes left out).
pub fn pieces(html: &str) -> Vec<Piece> {
    let tokenizer = Tokenizer::new(Collect::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks for a script to run, so the tokenizer reads to the end.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.pieces.into_inner()
}

/// The start tags of `html`, in order.
pub fn start_tags(html: &str) -> impl Iterator<Item = Tag> {
    pieces(html).into_iter().filter_map(|p| match p {
        Piece::Start(tag) => Some(tag),
        _ => None,
    })
}

/// An attribute value as lol_html gives it (character references left as
/// written) decoded as a browser would, by html5ever's tokenizer.
pub fn decode_attribute(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    // As the text of an element: the same references as in an attribute; a
    // `<` cannot start a tag once it is written `&lt;`.
    let html = format!("<p>{}</p>", raw.replace('<', "&lt;"));
    pieces(&html)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[derive(Default)]
struct Collect {
    pieces: RefCell<Vec<Piece>>,
}

impl TokenSink for Collect {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut pieces = self.pieces.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                let name = tag.name.to_string();
                // What the tree builder would tell the tokenizer: these elements' content is text.
                let raw = match name.as_str() {
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                    "script" => Some(RawKind::ScriptData),
                    _ => None,
                };
                pieces.push(Piece::Start(Tag {
                    name,
                    attrs: tag
                        .attrs
                        .into_iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect(),
                    self_closing: tag.self_closing,
                }));
                if let Some(kind) = raw.filter(|_| !tag.self_closing) {
                    return TokenSinkResult::RawData(kind);
                }
            }
            Token::TagToken(tag) => pieces.push(Piece::End(tag.name.to_string())),
            Token::CharacterTokens(text) => match pieces.last_mut() {
                Some(Piece::Text(t)) => t.push_str(&text),
                _ => pieces.push(Piece::Text(text.to_string())),
            },
            Token::NullCharacterToken => match pieces.last_mut() {
                Some(Piece::Text(t)) => t.push('\u{FFFD}'),
                _ => pieces.push(Piece::Text('\u{FFFD}'.into())),
            },
            Token::DoctypeToken(_)
            | Token::CommentToken(_)
            | Token::EOFToken
            | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_text_come_decoded() {
        let html = "<!DOCTYPE html><P Title='a>b &amp; &auml;'>x &lt; y</P><script>if (a<b) {}</script><!-- c --><br/><img alt=Karta/>";
        let start = |name: &str, attrs: &[(&str, &str)], self_closing| {
            Piece::Start(Tag {
                name: name.into(),
                attrs: attrs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                self_closing,
            })
        };
        assert_eq!(
            pieces(html),
            [
                start("p", &[("title", "a>b & ä")], false),
                Piece::Text("x < y".into()),
                Piece::End("p".into()),
                start("script", &[], false),
                Piece::Text("if (a<b) {}".into()),
                Piece::End("script".into()),
                start("br", &[], true),
                // An unquoted value takes the slash: what issue 13 is about.
                start("img", &[("alt", "Karta/")], false),
            ]
        );
        let img = start_tags("<img src=\"k.png\" alt=\"\">").next().unwrap();
        assert_eq!(
            (img.attr("alt"), img.attr("id"), img.opens()),
            (Some(""), None, false)
        );
    }
}
