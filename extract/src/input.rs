//! From the bytes of a file to the plain text every later step reads.
//!
//! Bytes are decoded (UTF-8, or UTF-16 with a byte-order mark), refused with a
//! precise reason when they are not text, and reduced to one paragraph a line:
//! HTML through a real HTML parser with scripts, styles and navigation dropped,
//! Markdown with its markup and front matter removed. Offsets in observations
//! refer to this reduced text, which is what the store keeps and shows.

use std::{borrow::Cow, fmt};

use scraper::{node::Node, Html, Selector};

use crate::model::PartialDate;

/// How a file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// From the file name's ending, or by looking at the start of the content.
    pub fn detect(path: &str, text: &str) -> Format {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            Some("txt") => Format::Text,
            _ => {
                let head: String = text.trim_start().chars().take(256).collect();
                let head = head.to_ascii_lowercase();
                if head.starts_with("<!doctype html") || head.starts_with("<html") {
                    Format::Html
                } else {
                    Format::Text
                }
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        })
    }
}

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("the file is empty")]
    Empty,
    #[error("the file looks binary, not like an article (a NUL byte at offset {offset})")]
    Binary { offset: usize },
    #[error(
        "the file is not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); save it as UTF-8 and add it again"
    )]
    NotUtf8 { offset: usize, byte: u8 },
    #[error("the file starts with a UTF-16 byte-order mark but is not valid UTF-16")]
    BadUtf16,
    #[error("no readable text is left once the {format} markup is removed")]
    NoText { format: Format },
}

/// A file reduced to text, with what its markup said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub text: String,
    pub format: Format,
    /// From `<title>`, `og:title`, `<h1>` or front matter.
    pub title: Option<String>,
    /// From HTML meta tags or front matter, with where it was found.
    pub published: Option<(PartialDate, String)>,
}

/// Decodes and reduces a file. `format` overrides detection.
pub fn read(path: &str, bytes: &[u8], format: Option<Format>) -> Result<Input, InputError> {
    let decoded = decode(bytes)?;
    let decoded: &str = &decoded;
    let format = format.unwrap_or_else(|| Format::detect(path, decoded));
    let mut input = match format {
        Format::Html => reduce_html(decoded),
        Format::Markdown => reduce_markdown(decoded),
        Format::Text => Input {
            text: normalise_lines(decoded),
            format,
            title: None,
            published: None,
        },
    };
    input.format = format;
    if input.text.trim().is_empty() {
        return Err(if decoded.trim().is_empty() {
            InputError::Empty
        } else {
            InputError::NoText { format }
        });
    }
    Ok(input)
}

/// Bytes to a string, or the reason they are not text. UTF-8 input, nearly
/// all of it, is borrowed rather than copied: the reduction makes its own copy.
pub(crate) fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, encoding_rs::UTF_16LE).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, encoding_rs::UTF_16BE).map(Cow::Owned);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(InputError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(InputError::NotUtf8 {
                offset,
                byte: bytes.get(offset).copied().unwrap_or(0),
            })
        }
    }
}

fn decode_utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
) -> Result<String, InputError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(InputError::BadUtf16);
    }
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(InputError::BadUtf16)?;
    if let Some(offset) = text.find('\0') {
        return Err(InputError::Binary { offset });
    }
    Ok(text.into_owned())
}

/// One paragraph a line: line endings unified, control characters and runs of
/// spaces folded, blank lines kept as paragraph breaks (at most one in a row).
fn normalise_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.split('\n') {
        // A trailing '\r' is whitespace, which folding drops at the end of a line.
        let line_start = out.len();
        if is_folded(line) {
            out.push_str(line);
        } else {
            fold_spaces_into(line, &mut out);
        }
        if out.len() == line_start {
            blank_run += 1;
            if blank_run == 1 && !out.is_empty() {
                out.push('\n');
            }
            continue;
        }
        blank_run = 0;
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Whether folding would leave `line` as it is: printable ASCII with single
/// spaces between words and none at either end, which is most lines of most
/// articles. Written without early exits so the compiler can test many bytes
/// at a time; a line that fails is folded byte by byte.
fn is_folded(line: &str) -> bool {
    let b = line.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    let outside = b
        .iter()
        .fold(0u8, |acc, &c| acc | u8::from(!(0x20..0x7f).contains(&c)));
    let double_space = b
        .iter()
        .zip(&b[1..])
        .fold(0u8, |acc, (&x, &y)| acc | u8::from(x == b' ' && y == b' '));
    outside | double_space == 0
}

/// Collapses whitespace and control characters to single spaces, trimmed.
fn fold_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_spaces_into(s, &mut out);
    out
}

/// [`fold_spaces`] appending to `out`. Runs of printable ASCII with single
/// spaces between words, most of any article, are already folded and copied
/// whole; other characters are judged one by one.
fn fold_spaces_into(s: &str, out: &mut String) {
    let start = out.len();
    let bytes = s.as_bytes();
    let printable = |b: u8| (0x21..0x7f).contains(&b);
    let mut pending = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if printable(b) {
            let mut run_end = i + 1;
            while run_end < bytes.len() {
                if printable(bytes[run_end]) {
                    run_end += 1;
                } else if bytes[run_end] == b' '
                    && bytes.get(run_end + 1).is_some_and(|&b| printable(b))
                {
                    // One space between printable characters folds to itself.
                    run_end += 2;
                } else {
                    break;
                }
            }
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push_str(&s[i..run_end]);
            i = run_end;
        } else if b.is_ascii() {
            // Every other ASCII byte is a space or a control character.
            pending = out.len() > start;
            i += 1;
        } else {
            // `i` is a character boundary: runs and ASCII bytes end on one.
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
                pending = out.len() > start;
            } else {
                if pending {
                    out.push(' ');
                    pending = false;
                }
                out.push(c);
            }
            i += c.len_utf8();
        }
    }
}

/// Elements whose content is never article text.
const SKIPPED: [&str; 16] = [
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
    "select", "svg", "iframe", "object", "head", "menu", "dialog",
];

/// Elements that end a line of text.
const BLOCKS: [&str; 29] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "hr",
    "address",
    "details",
    "summary",
];

/// Deeper nesting than this is not a real article, and the HTML parsing
/// algorithm's scope checks make it quadratic: such input is reduced by a
/// plain tag stripper instead.
const MAX_HTML_DEPTH: usize = 512;

fn reduce_html(html: &str) -> Input {
    if nesting_depth(html) > MAX_HTML_DEPTH {
        return Input {
            text: normalise_lines(&strip_tags(html)).replace("\n\n", "\n"),
            format: Format::Html,
            title: None,
            published: None,
        };
    }
    let doc = Html::parse_document(html);
    let title = html_title(&doc);
    let published = html_published(&doc);

    // An explicit walk over open and close edges instead of recursion: hostile
    // input can nest elements thousands deep.
    let mut raw = String::with_capacity(html.len() / 2);
    let mut skip_depth = 0usize;
    for edge in doc.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    let hidden = el.attr("hidden").is_some()
                        || el.attr("aria-hidden") == Some("true")
                        || el.attr("role") == Some("navigation");
                    if skip_depth > 0 || SKIPPED.contains(&name) || hidden {
                        skip_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        raw.push('\n');
                    }
                }
                Node::Text(t) if skip_depth == 0 => raw.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCKS.contains(&el.name()) {
                        raw.push('\n');
                    }
                }
            }
        }
    }
    Input {
        text: normalise_lines(&raw).replace("\n\n", "\n"),
        format: Format::Html,
        title,
        published,
    }
}

/// Elements that never have a closing tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The deepest nesting of elements, counted from the tags alone in one pass.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(p) = html[i..].find('<') {
        let at = i + p + 1;
        i = at;
        match bytes.get(at) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = html[at..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(html.len(), |e| at + e);
                let name = html[at..name_end].to_ascii_lowercase();
                // The tag's end, looked for only up to the next tag: a text
                // of unclosed "<a<a<a..." would otherwise be searched to its
                // end once for each.
                let tag_end = html[at..].find(['<', '>']).map_or(html.len(), |e| at + e);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !VOID.contains(&name.as_str()) && !self_closing {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// A fallback reducer for pathological HTML: drops scripts, styles and tags,
/// ends a line at every tag, and decodes the common entities.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    // Where the next "</script" and "</style" are, found once and again only
    // once passed: many unclosed "<script>" would otherwise each search the
    // rest of the text (100,000 of them took 31 s).
    let mut closing: [Option<Option<usize>>; 2] = [None, None];
    let mut i = 0;
    while i < html.len() {
        let Some(p) = html[i..].find('<') else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..i + p]);
        let at = i + p;
        let skip_to =
            ["script", "style"]
                .iter()
                .zip(closing.iter_mut())
                .find_map(|(name, next)| {
                    if !lower[at + 1..].starts_with(name) {
                        return None;
                    }
                    let stale = matches!(*next, Some(Some(e)) if e < at);
                    if next.is_none() || stale {
                        *next = Some(lower[at..].find(&format!("</{name}")).map(|e| at + e));
                    }
                    (*next)?
                });
        let from = skip_to.unwrap_or(at);
        i = html[from..].find('>').map_or(html.len(), |e| from + e + 1);
        out.push('\n');
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn select_first(doc: &Html, selector: &str, attr: Option<&str>) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    let el = doc.select(&sel).next()?;
    let value = match attr {
        Some(a) => el.value().attr(a)?.to_owned(),
        None => el.text().collect::<String>(),
    };
    let value = fold_spaces(&value);
    (!value.is_empty()).then_some(value)
}

fn html_title(doc: &Html) -> Option<String> {
    select_first(doc, r#"meta[property="og:title"]"#, Some("content"))
        .or_else(|| select_first(doc, "h1", None))
        .or_else(|| select_first(doc, "title", None))
}

fn html_published(doc: &Html) -> Option<(PartialDate, String)> {
    const SOURCES: [(&str, &str, &str); 8] = [
        (
            r#"meta[property="article:published_time"]"#,
            "content",
            "the article:published_time meta tag",
        ),
        (
            r#"meta[itemprop="datePublished"]"#,
            "content",
            "the datePublished meta tag",
        ),
        (r#"meta[name="date"]"#, "content", "the date meta tag"),
        (r#"meta[name="pubdate"]"#, "content", "the pubdate meta tag"),
        (
            r#"meta[name="publish-date"]"#,
            "content",
            "the publish-date meta tag",
        ),
        (
            r#"meta[name="parsely-pub-date"]"#,
            "content",
            "the parsely-pub-date meta tag",
        ),
        (
            r#"meta[name="DC.date.issued"]"#,
            "content",
            "the DC.date.issued meta tag",
        ),
        ("time[datetime]", "datetime", "the first <time> element"),
    ];
    // The <time> element comes last, after the page's JSON-LD.
    let (tags, time) = SOURCES.split_at(SOURCES.len() - 1);
    let from_tags = || {
        tags.iter().find_map(|(selector, attr, basis)| {
            let value = select_first(doc, selector, Some(attr))?;
            let date = iso_date_prefix(&value)?;
            Some((date, format!("{basis} ({value})")))
        })
    };
    let (time_selector, time_attr, time_basis) = time[0];
    from_tags().or_else(|| json_ld_published(doc)).or_else(|| {
        let value = select_first(doc, time_selector, Some(time_attr))?;
        let date = iso_date_prefix(&value)?;
        Some((date, format!("{time_basis} ({value})")))
    })
}

/// `"datePublished"` in the page's JSON-LD (`<script
/// type="application/ld+json">`), where most news sites state it. Read as
/// text, not parsed: the value is a plain string, and the blocks are often
/// not valid JSON (trailing commas, several objects in one block).
fn json_ld_published(doc: &Html) -> Option<(PartialDate, String)> {
    let sel = Selector::parse(r#"script[type="application/ld+json"]"#).ok()?;
    doc.select(&sel).find_map(|script| {
        let json: String = script.text().collect();
        let key = json.find("\"datePublished\"")?;
        let rest = json[key + "\"datePublished\"".len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
        let value = &rest[..rest.find('"')?];
        let date = iso_date_prefix(value)?;
        Some((date, format!("the page's JSON-LD datePublished ({value})")))
    })
}

/// `2025-04-02`, `2025-04-02T10:00:00Z`, `2025-04` or `20250402` at the
/// start of a value.
fn iso_date_prefix(value: &str) -> Option<PartialDate> {
    let v = value.trim();
    let end = v.find(['T', ' ']).unwrap_or(v.len());
    let v = &v[..end];
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        let date = chrono::NaiveDate::parse_from_str(v, "%Y%m%d").ok()?;
        return Some(PartialDate::day(date));
    }
    PartialDate::parse(v)
}

fn reduce_markdown(md: &str) -> Input {
    let (front, body) = split_front_matter(md);
    // Folded like the text: a control character in a title would make the
    // SVG export invalid XML and could forge a log line.
    let mut title = front
        .iter()
        .find(|(k, _)| k == "title")
        .map(|(_, v)| fold_spaces(v))
        .filter(|v| !v.is_empty());
    let published = front
        .iter()
        .filter(|(k, _)| {
            matches!(
                k.as_str(),
                "date" | "published" | "pubdate" | "published_at"
            )
        })
        .find_map(|(k, v)| iso_date_prefix(v).map(|d| (d, format!("front matter `{k}: {v}`"))));

    let mut out = String::with_capacity(body.len());
    let mut paragraph = String::new();
    let mut in_code = false;
    let flush = |paragraph: &mut String, out: &mut String| {
        let folded = fold_spaces(paragraph);
        if !folded.is_empty() {
            out.push_str(&folded);
            out.push('\n');
        }
        paragraph.clear();
    };
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            flush(&mut paragraph, &mut out);
            continue;
        }
        if in_code {
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut out);
            continue;
        }
        let (block_start, content) = strip_block_marker(trimmed);
        if block_start {
            flush(&mut paragraph, &mut out);
        }
        if let Some(heading) = content.strip_prefix('\u{1}') {
            // A heading is a paragraph of its own; the first is the title if
            // front matter gave none.
            let heading = strip_inline(heading);
            if title.is_none() {
                title = Some(fold_spaces(&heading));
            }
            paragraph.push_str(&heading);
            flush(&mut paragraph, &mut out);
            continue;
        }
        if !paragraph.is_empty() {
            paragraph.push(' ');
        }
        paragraph.push_str(&strip_inline(&content));
    }
    flush(&mut paragraph, &mut out);
    Input {
        text: out,
        format: Format::Markdown,
        title,
        published,
    }
}

/// `---`-fenced `key: value` lines at the very start, and the rest.
fn split_front_matter(md: &str) -> (Vec<(String, String)>, &str) {
    let md = md.strip_prefix('\u{feff}').unwrap_or(md);
    let Some(rest) = md
        .strip_prefix("---\n")
        .or_else(|| md.strip_prefix("---\r\n"))
    else {
        return (Vec::new(), md);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), md);
    };
    let pairs = rest[..end]
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            let v = v.trim().trim_matches(['"', '\'']).to_owned();
            Some((k.trim().to_ascii_lowercase(), v))
        })
        .collect();
    let after = &rest[end + 4..];
    let after = after.split_once('\n').map_or("", |(_, body)| body);
    (pairs, after)
}

/// Removes a line's block marker (heading, quote, list item). Returns whether
/// the line starts a new block, and the content; headings come back prefixed
/// with `\u{1}` so the caller can tell them apart.
fn strip_block_marker(line: &str) -> (bool, std::borrow::Cow<'_, str>) {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        let text = line[hashes..].trim().trim_end_matches('#').trim();
        return (true, format!("\u{1}{text}").into());
    }
    if let Some(rest) = line.strip_prefix('>') {
        return (false, rest.trim_start().into());
    }
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return (true, rest.into());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 && line[digits..].starts_with(". ") {
        return (true, line[digits + 2..].into());
    }
    (false, line.into())
}

/// Inline Markdown to text: links and images keep their text, emphasis and
/// code markers go.
///
/// Linear in the text: a link's text is looked for only up to the next `[`
/// and its address only up to the next `[` or space (an address has none),
/// so no byte is searched again for each of many `[` (400,000 of them
/// took 25 s when each search ran to the end of the text).
fn strip_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        if let Some((text, after)) = link(from) {
            out.push_str(text);
            rest = after;
            continue;
        }
        out.push('[');
        rest = &from[1..];
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

/// `[text](address)` at the start of `from`: the text, and what follows the
/// link.
fn link(from: &str) -> Option<(&str, &str)> {
    let inner = &from[1..];
    let close = inner.find(['[', ']'])?;
    let address = inner[close..].strip_prefix("](")?;
    let end = address.find([')', '[', ' ', '\t', '\n'])?;
    address[end..]
        .starts_with(')')
        .then(|| (&inner[..close], &address[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[rstest::rstest]
    #[case::a_link("See [the ministry](http://x.example/a) now", "See the ministry now")]
    #[case::an_image("![a chart](c.png) here", "a chart here")]
    #[case::brackets_that_are_no_link("[1] and [2] (notes)", "[1] and [2] (notes)")]
    #[case::an_address_with_a_space("[a](b c) d", "[a](b c) d")]
    #[case::an_unclosed_address("[a](http://x", "[a](http://x")]
    #[case::emphasis_and_code("**Trade** rose `5%`", "Trade rose 5%")]
    fn inline_markdown_keeps_the_text(#[case] given: &str, #[case] text: &str) {
        assert_eq!(strip_inline(given), text);
    }

    /// Inputs that made a search run to the end of the text once per mark:
    /// each is read whole (a quadratic reader takes minutes on these).
    #[rstest::rstest]
    #[case::unclosed_brackets("a.md", "Trade rose. ".to_owned() + &"[".repeat(400_000))]
    #[case::links_without_an_end("a.md", "Trade rose. ".to_owned() + &"[a](xxxx".repeat(100_000))]
    #[case::unclosed_tags("a.html", "<p>Trade rose.</p>".to_owned() + &"<a".repeat(200_000))]
    #[case::unclosed_scripts(
        "a.html",
        "<div>".repeat(600) + "<p>Trade rose.</p>" + &"<script>x".repeat(100_000)
    )]
    fn hostile_markup_is_read_in_one_pass(#[case] name: &str, #[case] text: String) {
        let input = read(name, text.as_bytes(), None).expect("reads");
        assert!(
            input.text.contains("Trade rose."),
            "{}",
            &input.text[..200.min(input.text.len())]
        );
    }

    #[test]
    fn bad_bytes_are_refused_with_a_precise_reason() {
        assert_eq!(read("a.txt", b"", None), Err(InputError::Empty));
        assert_eq!(read("a.txt", b"  \n\t ", None), Err(InputError::Empty));
        assert_eq!(
            read("a.txt", b"trade\x00\x01", None),
            Err(InputError::Binary { offset: 5 })
        );
        assert_eq!(
            read("a.txt", b"caf\xe9 au lait", None),
            Err(InputError::NotUtf8 {
                offset: 3,
                byte: 0xe9
            })
        );
        assert_eq!(
            read("a.txt", b"\xff\xfe\x00", None),
            Err(InputError::BadUtf16)
        );
        assert!(matches!(
            read("a.html", b"<script>var x = 1;</script>", None),
            Err(InputError::NoText {
                format: Format::Html
            })
        ));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Trade rose.".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(
            read("a.txt", &bytes, None).expect("decodes").text,
            "Trade rose.\n"
        );
    }

    #[test]
    fn html_keeps_the_article_and_drops_the_rest() {
        let html = r#"<!doctype html><html><head><title>T</title>
            <meta property="article:published_time" content="2024-01-15T08:00:00Z">
            <style>p { color: red }</style></head>
            <body><nav>Home &gt; News</nav><h1>Trade hits record</h1>
            <p>Trade between China and <b>Brazil</b> rose.</p><script>alert("$5 billion")</script>
            <aside>Related: $9 billion</aside><p>Second   paragraph.</p><footer>(c) 2024</footer></body></html>"#;
        let input = read("a.html", html.as_bytes(), None).expect("reads");
        assert_eq!(
            input.text,
            "Trade hits record\nTrade between China and Brazil rose.\nSecond paragraph.\n"
        );
        assert_eq!(input.title.as_deref(), Some("Trade hits record"));
        assert_eq!(
            input.published.map(|(d, _)| d.to_string()),
            Some("2024-01-15".to_owned())
        );
    }

    #[rstest::rstest]
    #[case(r#"<meta name="pubdate" content="20240315">"#, "2024-03-15")]
    #[case(
        r#"<meta name="publish-date" content="2024-03-15 08:00">"#,
        "2024-03-15"
    )]
    #[case(
        r#"<meta name="parsely-pub-date" content="2024-03-15T08:00:00Z">"#,
        "2024-03-15"
    )]
    #[case(r#"<meta name="DC.date.issued" content="2024-03">"#, "2024-03")]
    fn meta_tags_give_the_publication_date(#[case] tag: &str, #[case] date: &str) {
        let html = format!("<html><head>{tag}</head><body><p>Trade rose.</p></body></html>");
        let input = read("a.html", html.as_bytes(), None).expect("reads");
        assert_eq!(
            input.published.map(|(d, _)| d.to_string()).as_deref(),
            Some(date)
        );
    }

    #[test]
    fn an_impossible_compact_date_is_no_date() {
        let html = r#"<html><head><meta name="pubdate" content="20241345"></head><body><p>Trade rose.</p></body></html>"#;
        let input = read("a.html", html.as_bytes(), None).expect("reads");
        assert_eq!(input.published, None);
    }

    #[test]
    fn json_ld_gives_the_publication_date() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"NewsArticle","headline":"H","datePublished" : "2025-01-09T08:30:00+07:00",}</script>
            </head><body><p>Trade rose.</p><time datetime="2020-01-01">old</time></body></html>"#;
        let input = read("a.html", html.as_bytes(), None).expect("reads");
        let (date, basis) = input.published.expect("a date");
        assert_eq!(date.to_string(), "2025-01-09");
        assert!(basis.contains("JSON-LD"), "{basis}");
    }

    #[test]
    fn deeply_nested_html_does_not_overflow_the_stack() {
        for depth in [400, 100_000] {
            let html = format!("{}Trade.{}", "<div>".repeat(depth), "</div>".repeat(depth));
            assert_eq!(
                read("a.html", html.as_bytes(), None).expect("reads").text,
                "Trade.\n"
            );
        }
        let html = format!(
            "<script>x</script>{}<p>Trade &amp; more.</p>",
            "<b>".repeat(1000)
        );
        assert_eq!(
            read("a.html", html.as_bytes(), None).expect("reads").text,
            "Trade & more.\n"
        );
    }

    #[test]
    fn control_characters_leave_a_front_matter_title() {
        let md = "---\ntitle: \"Trade\u{1} up\u{1b}[31m \u{7f}now\"\n---\nTrade rose in 2023.\n";
        let input = read("a.md", md.as_bytes(), None).expect("reads");
        let title = input.title.expect("a title");
        assert!(!title.chars().any(char::is_control), "{title:?}");
        assert_eq!(title, "Trade up [31m now");
    }

    #[test]
    fn markdown_loses_its_markup_and_keeps_its_front_matter() {
        let md = "---\ntitle: \"Trade up\"\ndate: 2024-05-02\n---\n# Heading\n\nTrade **rose** to\n$5 billion, says [the ministry](http://x).\n\n- item one\n";
        let input = read("a.md", md.as_bytes(), None).expect("reads");
        assert_eq!(input.title.as_deref(), Some("Trade up"));
        assert_eq!(
            input.published.map(|(d, _)| d.to_string()),
            Some("2024-05-02".to_owned())
        );
        assert_eq!(
            input.text,
            "Heading\nTrade rose to $5 billion, says the ministry.\nitem one\n"
        );
    }

    #[test]
    fn text_lines_are_normalised() {
        let input = read("a.txt", b"A  line\r\n\r\n\r\n\tB\x07 line\n", None).expect("reads");
        assert_eq!(input.text, "A line\n\nB line\n");
    }

    #[test]
    fn html_is_recognised_without_an_ending() {
        assert_eq!(
            Format::detect("article", "  <!DOCTYPE html><p>x"),
            Format::Html
        );
        assert_eq!(Format::detect("article", "Trade rose."), Format::Text);
    }
}
