//! HTML whitespace compaction, done once per template and once per Markdown
//! fragment instead of minifying every rendered page.
//!
//! Why: minify-html reads every byte of every page, so a site of
//! 1,000 reports spent most of its build minifying the same theme markup again
//! and again. The markup of a page comes from three places — the theme's
//! templates, the Markdown of the sections, and the values filled in — and the
//! first two are compacted here once, before any page is rendered; the values
//! are short strings. The result is tested against minify-html itself
//! (`tests/testsuite/minified.rs`): minifying a page rendered from compacted
//! templates gives the same bytes as minifying one rendered from the originals.
//!
//! What it does — minify-html's own whitespace rules, applied only where the
//! outcome is certain:
//! - a run of whitespace between text is collapsed to one space;
//! - in a layout element (`<ul>`, `<div>`, `<section>`, `<head>` …) whitespace
//!   that stands alone between tags is removed;
//! - in a layout or content element (`<p>`, `<li>`, `<h2>` …) whitespace right
//!   after its start tag and right before its end tag is removed;
//! - whitespace inside a tag is collapsed, and before `>` removed;
//! - an attribute value written in quotes loses them when it is plain text
//!   (no spaces, quotes, `=<>` or backtick, no template code);
//! - HTML comments are removed;
//! - `<pre>`, `<code>`, `<textarea>`, `<script>` and `<style>` are copied unchanged.
//!
//! Why not minify-html on the templates: its `preserve_brace_template_syntax`
//! (0.18) keeps `{{ … }}` and `{% … %}` between elements, but inside a start
//! tag it reads a statement as attribute names and sorts them, so the default
//! theme's `<span lang="{{ l }}"{% if x %} …{% endif %}>` comes out as
//! `<span lang="{{ l }}" %} endif … if {%>` and Tera refuses the template
//! ("Unknown tag", archive.html; tried at theme load, issue 18). It also keeps
//! the whitespace beside every statement. So the templates are compacted here,
//! and the result is still held to minify-html by `tests/testsuite/minified.rs`.
//!
//! In a template, Tera's `{{ … }}`, `{% … %}` and `{# … #}` (and `{% raw %}`
//! blocks) are copied unchanged. What an expression prints is unknown, so
//! whitespace beside one is kept (as one space); a statement prints nothing
//! itself. The element a run of whitespace is in is tracked through the
//! template; where branches of an `if` or a loop leave it unclear, or a partial
//! or block starts outside any element, only collapsing is done.

/// What the compactor needs to know of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// minify-html's layout elements (whitespace between tags goes).
    Layout,
    /// minify-html's content elements (whitespace at the ends goes).
    Content,
    /// Content copied exactly.
    Verbatim,
    /// No content, no end tag.
    Void,
    /// Inline and unknown elements.
    Other,
}

/// The kind of element `name` (any case): one lookup per start tag, as a
/// `match` rather than a scan of lists of names.
fn kind_of(name: &str) -> Kind {
    let mut lower = [0u8; 10];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return Kind::Other;
    };
    for (l, b) in lower.iter_mut().zip(name.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    match &*lower {
        b"article" | b"aside" | b"blockquote" | b"body" | b"colgroup" | b"datalist" | b"dialog"
        | b"div" | b"dl" | b"fieldset" | b"figure" | b"footer" | b"form" | b"head" | b"header"
        | b"hgroup" | b"html" | b"main" | b"map" | b"menu" | b"nav" | b"ol" | b"optgroup"
        | b"picture" | b"section" | b"select" | b"table" | b"tbody" | b"tfoot" | b"thead"
        | b"tr" | b"ul" => Kind::Layout,
        b"address" | b"audio" | b"button" | b"canvas" | b"caption" | b"figcaption" | b"h1"
        | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"legend" | b"meter" | b"object" | b"option"
        | b"p" | b"summary" | b"video" | b"dd" | b"details" | b"dt" | b"iframe" | b"label"
        | b"li" | b"noscript" | b"output" | b"progress" | b"slot" | b"td" | b"template" | b"th" => {
            Kind::Content
        }
        b"pre" | b"code" | b"textarea" | b"script" | b"style" => Kind::Verbatim,
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"source" | b"track" | b"wbr" => Kind::Void,
        _ => Kind::Other,
    }
}

/// Compacts the HTML of a Tera template, leaving its template code untouched.
pub fn template(source: &str) -> String {
    let document = source
        .trim_start()
        .get(..9)
        .is_some_and(|s| s.eq_ignore_ascii_case("<!doctype"));
    Compactor::new(source, true, document).run()
}

/// Compacts an HTML fragment that will be placed as the content of a block
/// element (a section body, a slide body): whitespace at its two ends goes.
pub fn fragment(html: &str) -> String {
    Compactor::new(html, false, true).run()
}

/// What the whitespace rules may do inside an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// Only collapse (inline elements, unknown ones, or not known which).
    Collapse,
    /// Also trim at the start and the end of the content.
    Trim,
    /// Also remove whitespace that stands alone between tags.
    Destroy,
}

/// What comes right before a run of whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Before {
    /// The start tag of the element the whitespace is in (or the fragment's start).
    Open,
    /// Another tag.
    Tag,
    /// A template statement or comment (prints nothing itself).
    Statement,
    /// Text, or a template expression.
    Text,
}

/// What comes right after a run of whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// The end tag of the element the whitespace is in (or the fragment's end).
    Close,
    Tag,
    Statement,
    Text,
}

struct Compactor<'a> {
    src: &'a str,
    tera: bool,
    out: String,
    /// Open elements with their whitespace rule, innermost last.
    stack: Vec<(&'a str, Rule)>,
    /// Stack depth at each open template block (`if`, `for` …), and whether the
    /// block captures its output into a variable (`{% set x %}…{% endset %}`).
    blocks: Vec<(usize, bool)>,
    /// False once the template's structure could not be followed.
    reliable: bool,
    /// The rule outside any element: for a fragment or a whole document it is
    /// known, for a partial or a block of a child template it is not.
    outer: Rule,
}

impl<'a> Compactor<'a> {
    fn new(src: &'a str, tera: bool, known_outside: bool) -> Self {
        let outer = if known_outside {
            Rule::Destroy
        } else {
            Rule::Collapse
        };
        Compactor {
            src,
            tera,
            out: String::with_capacity(src.len()),
            stack: Vec::new(),
            blocks: Vec::new(),
            reliable: true,
            outer,
        }
    }

    fn rule(&self) -> Rule {
        // Captured output is printed elsewhere, in an element not known here.
        if !self.reliable || self.blocks.iter().any(|&(_, captures)| captures) {
            return Rule::Collapse;
        }
        self.stack.last().map_or(self.outer, |&(_, rule)| rule)
    }

    fn run(mut self) -> String {
        let bytes = self.src.as_bytes();
        let mut i = 0;
        let known_ends = self.outer != Rule::Collapse;
        let mut before = if known_ends {
            Before::Open
        } else {
            Before::Text
        };
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let after = match i == bytes.len() {
                    true if known_ends => After::Close,
                    true => After::Text,
                    false => self.after(i),
                };
                // Between two words (the common case) it is one space whatever the element.
                let remove = if before == Before::Text && after == After::Text {
                    false
                } else {
                    self.removable(before, after)
                };
                if !remove && !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
            } else if let Some(end) = self.tera_end(i) {
                let code = &self.src[i..end];
                self.out.push_str(code);
                before = if code.starts_with("{{") {
                    Before::Text
                } else {
                    self.statement(code)
                };
                i = end;
            } else if b == b'<' {
                match self.markup(i) {
                    Some((end, Some(made))) => {
                        i = end;
                        before = made;
                    }
                    Some((end, None)) => i = end,
                    None => {
                        self.out.push('<');
                        i += 1;
                        before = Before::Text;
                    }
                }
            } else {
                let next = self.next_special(i);
                self.out.push_str(&self.src[i..next]);
                i = next;
                before = Before::Text;
            }
        }
        self.out
    }

    /// Whether a run of whitespace between `before` and `after` may go, by the
    /// rule of the element it is in.
    fn removable(&self, before: Before, after: After) -> bool {
        match self.rule() {
            Rule::Destroy => {
                before == Before::Open
                    || after == After::Close
                    || (matches!(before, Before::Tag | Before::Statement)
                        && matches!(after, After::Tag | After::Statement))
            }
            Rule::Trim => before == Before::Open || after == After::Close,
            Rule::Collapse => false,
        }
    }

    /// Follows the template's blocks, so that the open elements stay known.
    fn statement(&mut self, code: &str) -> Before {
        if code.starts_with("{%") {
            let inner = code[2..code.len().saturating_sub(2)]
                .trim_matches(|c: char| c == '-' || c.is_whitespace());
            let keyword = inner.split_whitespace().next().unwrap_or("");
            let balanced = match keyword {
                "if" | "for" | "block" | "macro" | "filter" => {
                    self.blocks.push((self.stack.len(), false));
                    true
                }
                // `{% set x %}…{% endset %}` captures a block; `{% set x = … %}` has no end.
                "set" | "set_global" if !inner.contains('=') => {
                    self.blocks.push((self.stack.len(), true));
                    true
                }
                "elif" | "else" => self
                    .blocks
                    .last()
                    .is_some_and(|&(depth, _)| depth == self.stack.len()),
                k if k.starts_with("end") => self
                    .blocks
                    .pop()
                    .is_some_and(|(depth, _)| depth == self.stack.len()),
                _ => true,
            };
            self.reliable &= balanced;
        }
        Before::Statement
    }

    /// The end of the run of plain text that starts at `i`: its words and the
    /// single spaces between them. Such a space is kept whatever the element
    /// (between two pieces of text it is never removed, see `run`), so the run
    /// is copied as it is; any other whitespace ends it.
    fn next_special(&self, i: usize) -> usize {
        let bytes = self.src.as_bytes();
        let special = |b: u8| b.is_ascii_whitespace() || b == b'<' || (self.tera && b == b'{');
        let mut j = i + 1;
        while j < bytes.len() {
            if bytes[j] == b' ' && bytes.get(j + 1).is_some_and(|&next| !special(next)) {
                j += 2;
            } else if special(bytes[j]) {
                break;
            } else {
                j += 1;
            }
        }
        j
    }

    /// What starts at `i` (not whitespace), as the neighbour of whitespace before it.
    fn after(&self, i: usize) -> After {
        if let Some(end) = self.tera_end(i) {
            return if self.src[i..end].starts_with("{{") {
                After::Text
            } else {
                After::Statement
            };
        }
        let rest = &self.src[i..];
        let Some(tag) = rest.strip_prefix('<') else {
            return After::Text;
        };
        if tag.starts_with("!--") {
            return After::Text;
        }
        if tag.starts_with('!') {
            return After::Tag;
        }
        if let Some(end) = tag.strip_prefix('/') {
            let name = tag_name(end);
            if !name.is_empty()
                && self
                    .stack
                    .last()
                    .is_some_and(|(open, _)| open.eq_ignore_ascii_case(name))
            {
                return After::Close;
            }
            return if name.is_empty() {
                After::Text
            } else {
                After::Tag
            };
        }
        if tag_name(tag).is_empty() && !(self.tera && tag.starts_with('{')) {
            After::Text
        } else {
            After::Tag
        }
    }

    /// If template code starts at `i`, where it ends (a `{% raw %}` block whole).
    fn tera_end(&self, i: usize) -> Option<usize> {
        if !self.tera {
            return None;
        }
        let rest = &self.src[i..];
        let close = match rest.get(..2)? {
            "{{" => "}}",
            "{%" => "%}",
            "{#" => return rest.find("#}").map(|e| i + e + 2).or(Some(self.src.len())),
            _ => return None,
        };
        let end = i + tera_tag_len(rest, close);
        let inner = rest[2..end - i]
            .trim_end_matches(close)
            .trim_matches(|c: char| c == '-' || c.is_whitespace());
        if close == "%}" && inner == "raw" {
            return Some(find_endraw(self.src, end).unwrap_or(self.src.len()));
        }
        Some(end)
    }

    /// Copies the tag, comment or doctype at `i`; returns where it ends and what
    /// it is as a neighbour (`None` for a removed comment), or `None` if `<` is text.
    fn markup(&mut self, i: usize) -> Option<(usize, Option<Before>)> {
        let rest = &self.src[i + 1..];
        if rest.starts_with("!--") {
            let end = rest
                .find("-->")
                .map(|e| i + 1 + e + 3)
                .unwrap_or(self.src.len());
            if self.tera && self.src[i..end].contains("{%") {
                // A comment around template statements stays: removing it could unbalance them.
                self.out.push_str(&self.src[i..end]);
                return Some((end, Some(Before::Text)));
            }
            return Some((end, None));
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            let end = rest
                .find('>')
                .map(|e| i + 1 + e + 1)
                .unwrap_or(self.src.len());
            self.out.push_str(&self.src[i..end]);
            return Some((end, Some(Before::Tag)));
        }
        let (closing, after) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name = tag_name(after);
        let template_name = self.tera && after.starts_with('{');
        if name.is_empty() && !template_name {
            return None;
        }
        let end = self.tag(i);
        if template_name {
            // `<{{ tag }}>`: which element is opened or closed is not known.
            self.reliable = false;
            return Some((end, Some(Before::Tag)));
        }
        if closing {
            match self
                .stack
                .iter()
                .rposition(|(open, _)| open.eq_ignore_ascii_case(name))
            {
                Some(at) if at + 1 == self.stack.len() => {
                    self.stack.pop();
                }
                Some(at) => {
                    self.stack.truncate(at);
                    self.reliable = false;
                }
                None => self.reliable = false,
            }
            return Some((end, Some(Before::Tag)));
        }
        let kind = kind_of(name);
        if kind == Kind::Void || self.src[..end].ends_with("/>") {
            return Some((end, Some(Before::Tag)));
        }
        if kind == Kind::Verbatim {
            let content_end = find_end_tag(self.src, end, name);
            self.out.push_str(&self.src[end..content_end]);
            self.stack.push((name, Rule::Collapse));
            return Some((content_end, Some(Before::Text)));
        }
        let rule = match kind {
            Kind::Layout => Rule::Destroy,
            Kind::Content => Rule::Trim,
            _ => Rule::Collapse,
        };
        self.stack.push((name, rule));
        Some((end, Some(Before::Open)))
    }

    /// Copies the tag that starts at `i` with its inside compacted; returns its end.
    fn tag(&mut self, i: usize) -> usize {
        let bytes = self.src.as_bytes();
        self.out.push('<');
        let mut j = i + 1;
        while j < bytes.len() {
            let b = bytes[j];
            if b == b'>' {
                self.out.push('>');
                return j + 1;
            }
            if let Some(end) = self.tera_end(j) {
                self.out.push_str(&self.src[j..end]);
                j = end;
            } else if b.is_ascii_whitespace() {
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] != b'>' && !self.src[j..].starts_with("/>") {
                    self.out.push(' ');
                }
            } else if b == b'=' && matches!(bytes.get(j + 1), Some(b'"' | b'\'')) {
                j = self.attr_value(j + 1);
            } else {
                let start = j;
                j += 1;
                while j < bytes.len()
                    && !matches!(bytes[j], b'>' | b'=' | b'{')
                    && !bytes[j].is_ascii_whitespace()
                {
                    j += 1;
                }
                self.out.push_str(&self.src[start..j]);
            }
        }
        bytes.len()
    }

    /// Copies the quoted value that starts at `q` (the quote), unquoted when
    /// that is safe; returns the position after the closing quote.
    fn attr_value(&mut self, q: usize) -> usize {
        let bytes = self.src.as_bytes();
        let quote = bytes[q];
        let mut k = q + 1;
        while k < bytes.len() && bytes[k] != quote {
            // Template code inside the value may hold quotes of its own.
            k = self.tera_end(k).unwrap_or(k + 1);
        }
        if k >= bytes.len() {
            self.out.push_str(&self.src[q - 1..]);
            return self.src.len();
        }
        let value = &self.src[q + 1..k];
        let end = k + 1;
        // `alt="Karta" />` would become `alt=Karta/>`, which a browser reads as
        // the value "Karta/" (the space before `/>` goes in `tag`): keep the quotes.
        let followed_by_slash = self.src[end..].trim_start().starts_with('/');
        let plain = !value.is_empty()
            && !followed_by_slash
            && !value
                .bytes()
                .any(|b| b.is_ascii_whitespace() || b"\"'=<>`".contains(&b))
            && !(self.tera
                && (value.contains("{{") || value.contains("{%") || value.contains("{#")));
        self.out.push('=');
        if plain {
            self.out.push_str(value);
        } else {
            self.out.push_str(&self.src[q..end]);
        }
        end
    }
}

/// The element name at the start of `s`, as written (empty when there is none).
fn tag_name(s: &str) -> &str {
    let bytes = s.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return "";
    }
    let len = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    &s[..len]
}

/// The length of the Tera tag at the start of `s`, up to and including `close`,
/// skipping string literals (which may contain the closing characters).
fn tera_tag_len(s: &str, close: &str) -> usize {
    let bytes = s.as_bytes();
    let mut j = 2;
    while j < bytes.len() {
        match bytes[j] {
            q @ (b'"' | b'\'' | b'`') => {
                j += 1 + s[j + 1..].find(q as char).map_or(s.len(), |e| e + 1);
            }
            _ if s[j..].starts_with(close) => return j + close.len(),
            _ => j += 1,
        }
    }
    s.len()
}

/// The end of the `{% endraw %}` tag after `from`.
fn find_endraw(src: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(open) = src[at..].find("{%") {
        let start = at + open;
        let len = tera_tag_len(&src[start..], "%}");
        let inner = src[start + 2..start + len].trim_end_matches("%}");
        if inner.trim_matches(|c: char| c == '-' || c.is_whitespace()) == "endraw" {
            return Some(start + len);
        }
        at = start + 2;
    }
    None
}

/// Where the end tag `</name` starts after `from` (the content's end).
fn find_end_tag(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let mut at = from;
    while let Some(p) = src[at..].find("</") {
        let start = at + p;
        let after = &bytes[start + 2..];
        if after.len() >= name.len()
            && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && !after
                .get(name.len())
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
        {
            return start;
        }
        at = start + 2;
    }
    src.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_beside_block_tags_goes_and_between_text_collapses() {
        assert_eq!(
            fragment("<ul>\n<li>a\n  b</li>\n<li>c</li>\n</ul>\n"),
            "<ul><li>a b</li><li>c</li></ul>"
        );
        assert_eq!(
            fragment("<p>Hej <strong>du</strong> där</p>\n"),
            "<p>Hej <strong>du</strong> där</p>"
        );
        assert_eq!(fragment("  <p>x</p>  "), "<p>x</p>");
    }

    #[test]
    fn preformatted_text_is_kept() {
        let html = "<pre><code>a\n    b\n</code></pre>\n<p>x</p>";
        assert_eq!(fragment(html), "<pre><code>a\n    b\n</code></pre><p>x</p>");
        assert_eq!(
            fragment("<script>\n  let a = 1;\n</script>"),
            "<script>\n  let a = 1;\n</script>"
        );
    }

    #[test]
    fn attributes_lose_quotes_only_when_plain() {
        assert_eq!(
            fragment("<a href=\"x.html\" title=\"two words\">y</a>"),
            "<a href=x.html title=\"two words\">y</a>"
        );
        assert_eq!(fragment("<link href=\"a\"/>"), "<link href=\"a\"/>");
        // What pulldown-cmark writes for ![Karta](karta.png) (issue 13): the
        // value a browser reads back must be the one written.
        let img = fragment("<p><img src=\"karta.png\" alt=\"Karta\" /></p>\n");
        let tag = crate::html::start_tags(&img)
            .find(|t| t.name == "img")
            .unwrap();
        assert_eq!(
            (tag.attr("src"), tag.attr("alt")),
            (Some("karta.png"), Some("Karta")),
            "{img}"
        );
        assert_eq!(fragment("<p\n   class=\"a\"\n>x</p>"), "<p class=a>x</p>");
        assert_eq!(fragment("<p title=\"\">x</p>"), "<p title=\"\">x</p>");
    }

    #[test]
    fn comments_go() {
        assert_eq!(fragment("<p>a <!-- note --> b</p>"), "<p>a b</p>");
    }

    #[test]
    fn template_code_is_untouched_and_keeps_a_space_beside_it() {
        let t = "<nav>\n  {% for l in links %}\n  <a href=\"{{ l.href }}\">{{ l.name }}</a>\n  {% endfor %}\n</nav>\n";
        assert_eq!(
            template(t),
            "<nav>{% for l in links %}<a href=\"{{ l.href }}\">{{ l.name }}</a>{% endfor %}</nav> "
        );
        let t = "<p>\n  {% for l in links %}\n  <a>{{ l }}</a>\n  {% endfor %}\n</p>";
        assert_eq!(
            template(t),
            "<p>{% for l in links %} <a>{{ l }}</a> {% endfor %}</p>",
            "inline: a space between links stays"
        );
        let t = "<h1{% if x %} lang=\"{{ x }}\"{% endif %}>{{ title }}</h1>\n{{ body | safe }}";
        assert_eq!(
            template(t),
            "<h1{% if x %} lang=\"{{ x }}\"{% endif %}>{{ title }}</h1> {{ body | safe }}"
        );
        assert_eq!(
            template("{{ a }} <time>{{ b }}</time>"),
            "{{ a }} <time>{{ b }}</time>"
        );
        assert_eq!(template("{{ \"}}  x\" }}\n  <p>"), "{{ \"}}  x\" }} <p>");
    }

    #[test]
    fn raw_blocks_and_comments_with_statements_are_kept() {
        let t = "{% raw %}\n  <p>  {{ x }}  </p>\n{% endraw %}\n<p>a</p>";
        assert_eq!(
            template(t),
            "{% raw %}\n  <p>  {{ x }}  </p>\n{% endraw %} <p>a</p>"
        );
        let t = "<!-- {% if a %} -->\n<p>b</p>";
        assert_eq!(template(t), "<!-- {% if a %} --> <p>b</p>");
    }

    #[test]
    fn unclear_structure_only_collapses() {
        let t = "<ul>{% if a %}<li>{% else %}<div>{% endif %}\n<b>x</b>\n</ul>";
        assert_eq!(
            template(t),
            "<ul>{% if a %}<li>{% else %}<div>{% endif %} <b>x</b> </ul>"
        );
        let doc = "<!doctype html>\n<html>\n<head>\n<title>{{ t }}</title>\n</head>\n</html>\n";
        assert_eq!(
            template(doc),
            "<!doctype html><html><head><title>{{ t }}</title></head></html>"
        );
    }

    #[test]
    fn captured_blocks_only_collapse_and_keep_the_structure_known() {
        // What a set block captures is printed elsewhere: its whitespace only collapses.
        let t = "<div>{% set cell %}\n  <b>x</b>\n{% endset %}\n<p>a</p>\n</div>";
        assert_eq!(
            template(t),
            "<div>{% set cell %} <b>x</b> {% endset %}<p>a</p></div>"
        );
        // A plain set has no end: the element structure after it is still followed.
        let t = "<div>{% set n = 1 %}\n<p>a</p>\n</div>";
        assert_eq!(template(t), "<div>{% set n = 1 %}<p>a</p></div>");
    }

    #[test]
    fn non_tags_are_text() {
        assert_eq!(fragment("<p>1 < 2\n and 3</p>"), "<p>1 < 2 and 3</p>");
    }
}
