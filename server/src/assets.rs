//! The site (wasm, JavaScript, CSS and everything in `public/`) embedded in the
//! executable, so a release build is one file to deploy.
//!
//! `cargo leptos build --release --precompress` writes the site and a `.gz` and
//! `.br` copy of each file before it compiles this crate; `rust-embed` then
//! bakes all of them in. In debug builds rust-embed reads the same folder from
//! disk instead, so `cargo leptos watch` picks up changes without a rebuild.
//!
//! The script, wasm and stylesheet are addressed as `/pkg/{fingerprint}/{file}`:
//! the fingerprint changes whenever their content does, so those responses can
//! be cached for a year, while HTML is always revalidated.

use std::sync::OnceLock;

use axum::{
    body::Body,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::Response,
};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "$CARGO_MANIFEST_DIR/../target/site"]
#[allow_missing = true]
struct Site;

/// The folder below the site root that holds the compiled front end.
pub const PKG_DIR: &str = "pkg";

/// Cache lifetime for fingerprinted assets: a year, never revalidated.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else is revalidated on every use (its ETag makes that cheap).
const REVALIDATE: &str = "no-cache";

/// A short hash over the names and contents of everything in `pkg/`.
pub fn fingerprint() -> &'static str {
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    FINGERPRINT.get_or_init(|| {
        let mut names: Vec<_> = Site::iter()
            .filter(|name| name.starts_with("pkg/") && !is_precompressed(name))
            .collect();
        names.sort();
        // FNV-1a over (name, sha256) pairs: the hashes already come from
        // rust-embed, this only folds them into a short, URL-friendly tag.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for name in names {
            let digest = Site::get(&name).map(|f| f.metadata.sha256_hash());
            let bytes = name.as_bytes().iter().chain(digest.iter().flatten());
            for b in bytes {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{h:016x}")[..12].to_owned()
    })
}

/// The `site_pkg_dir` to give Leptos so it writes fingerprinted URLs.
pub fn fingerprinted_pkg_dir() -> String {
    format!("{PKG_DIR}/{}", fingerprint())
}

/// Whether the embedded site has the compiled front end at all (a `cargo
/// build` without cargo-leptos produces a server without one).
pub fn has_front_end() -> bool {
    Site::iter().any(|name| name.starts_with("pkg/") && name.ends_with(".wasm"))
}

fn is_precompressed(name: &str) -> bool {
    name.ends_with(".gz") || name.ends_with(".br")
}

/// Serves the embedded file at `path` (no leading slash), choosing a
/// precompressed copy the client accepts. `None` when there is no such file.
///
/// A request for `pkg/{fingerprint}/{file}` is served as `pkg/{file}` with a
/// long cache lifetime; an out-of-date fingerprint is still served, but
/// revalidated, so a page rendered by an older build keeps working.
pub fn serve(path: &str, request_headers: &HeaderMap) -> Option<Response> {
    let (path, immutable) = strip_fingerprint(path);
    if path.is_empty() || path.ends_with('/') || is_precompressed(&path) {
        return None;
    }
    let file = Site::get(&path)?;
    let etag = format!("\"{}\"", hex(&file.metadata.sha256_hash()[..12]));
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let cache = if immutable { IMMUTABLE } else { REVALIDATE };

    let mut builder = Response::builder()
        .header(header::CONTENT_TYPE, mime.essence_str())
        .header(header::CACHE_CONTROL, cache)
        .header(header::VARY, "Accept-Encoding");

    if let Some(tag) = request_headers.get(header::IF_NONE_MATCH) {
        if tag.as_bytes() == etag.as_bytes() {
            return builder
                .status(StatusCode::NOT_MODIFIED)
                .header(header::ETAG, etag)
                .body(Body::empty())
                .ok();
        }
    }

    let accepts = accepted_encodings(request_headers);
    let mut body = file.data;
    for (encoding, suffix) in [("br", ".br"), ("gzip", ".gz")] {
        if accepts.iter().any(|a| a == encoding) {
            if let Some(compressed) = Site::get(&format!("{path}{suffix}")) {
                body = compressed.data;
                builder = builder.header(header::CONTENT_ENCODING, encoding);
                break;
            }
        }
    }
    builder
        .header(header::ETAG, etag)
        .header(header::CONTENT_LENGTH, HeaderValue::from(body.len()))
        .body(Body::from(body.into_owned()))
        .ok()
}

/// `pkg/{fingerprint}/x.js` -> (`pkg/x.js`, fingerprint is current).
fn strip_fingerprint(path: &str) -> (String, bool) {
    let path = path.trim_start_matches('/');
    if let Some(rest) = path.strip_prefix("pkg/") {
        if let Some((tag, file)) = rest.split_once('/') {
            if tag.len() == 12 && tag.bytes().all(|b| b.is_ascii_hexdigit()) {
                return (format!("pkg/{file}"), tag == fingerprint());
            }
        }
    }
    (path.to_owned(), false)
}

/// The content codings the client accepts (q=0 excluded), lower case.
fn accepted_encodings(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';');
            let coding = parts.next()?.trim().to_ascii_lowercase();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            (!coding.is_empty() && !refused).then_some(coding)
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_with_q_zero_are_refused() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("gzip;q=0, br;q=0.8, deflate"),
        );
        assert_eq!(accepted_encodings(&h), vec!["br", "deflate"]);
    }

    #[test]
    fn fingerprints_are_stripped_and_checked() {
        let (path, current) = strip_fingerprint(&format!("pkg/{}/tradeline.js", fingerprint()));
        assert_eq!(path, "pkg/tradeline.js");
        assert!(current);
        let (path, current) = strip_fingerprint("pkg/000000000000/tradeline.js");
        assert_eq!(path, "pkg/tradeline.js");
        assert_eq!(current, fingerprint() == "000000000000");
        assert_eq!(
            strip_fingerprint("/favicon.svg"),
            ("favicon.svg".to_owned(), false)
        );
    }

    #[test]
    fn precompressed_copies_are_not_served_by_their_own_name() {
        assert!(serve("pkg/tradeline.wasm.br", &HeaderMap::new()).is_none());
        assert!(serve("", &HeaderMap::new()).is_none());
    }
}
