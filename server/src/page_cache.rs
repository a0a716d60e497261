//! Rendered pages kept and served again, and conditional requests.
//!
//! The dashboard is a pure function of its URL and the library's
//! [generation](app::library::Library::generation): the same link gives
//! the same page until something the page shows changes. So a page is
//! rendered (with its nine chart drawings) once, kept as it was sent,
//! compressed and with its headers, and served again to every request for
//! the same URL in the same encoding until the generation moves on. Each
//! answer carries an `ETag`, and a browser that sends it back gets `304`.
//!
//! A kept page keeps the script nonce it was rendered with. That is safe
//! because the nonce is bound to its URL: nothing an attacker can put into a
//! URL reaches a page kept under another URL, and a page under a URL only
//! the attacker knows is served to no one else. A `304` repeats the kept
//! page's own Content-Security-Policy, so the browser's copy and its policy
//! stay a pair.
//!
//! Bounded: at most [`MAX_PAGES`] pages and [`MAX_BYTES`] bytes, the oldest
//! dropped first, none larger than [`MAX_PAGE`]; nothing is kept while the
//! corpus is being read (the page shows its progress) or for an answer other
//! than `200`.

use std::{
    collections::{HashMap, VecDeque},
    hash::{DefaultHasher, Hash, Hasher},
    sync::{Arc, Mutex},
    time::{SystemTime, UNIX_EPOCH},
};

use axum::{
    body::{to_bytes, Body, Bytes},
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};

use crate::state::AppState;

/// Pages kept at most.
const MAX_PAGES: usize = 256;
/// Bytes kept at most, over all pages (as sent, so mostly compressed).
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// A page larger than this is served but not kept.
const MAX_PAGE: usize = 4 * 1024 * 1024;

/// The request a page is kept for: its path and query, and the encodings
/// the client accepts (the answer is kept compressed as it was sent).
type Key = (String, String);

/// A `200` page as it was sent.
struct Kept {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Pages {
    generation: u64,
    pages: HashMap<Key, Arc<Kept>>,
    order: VecDeque<Key>,
    bytes: usize,
}

/// The pages kept, shared by every request.
#[derive(Clone)]
pub struct PageCache {
    pages: Arc<Mutex<Pages>>,
    /// Tells this process's tags from an earlier one's, whose generations
    /// counted from zero too.
    epoch: u64,
}

impl Default for PageCache {
    fn default() -> Self {
        let epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        PageCache {
            pages: Arc::default(),
            epoch,
        }
    }
}

impl PageCache {
    /// The tag of what `key` names at `generation`.
    pub(crate) fn etag(&self, generation: u64, key: &impl Hash) -> HeaderValue {
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        let tag = format!("W/\"{:x}-{generation}-{:x}\"", self.epoch, hasher.finish());
        HeaderValue::from_str(&tag).unwrap_or(HeaderValue::from_static("W/\"0\""))
    }

    fn get(&self, generation: u64, key: &Key) -> Option<Arc<Kept>> {
        let pages = self.pages.lock().ok()?;
        (pages.generation == generation)
            .then(|| pages.pages.get(key).cloned())
            .flatten()
    }

    fn keep(&self, generation: u64, key: Key, page: Kept) {
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        if pages.generation != generation {
            // A page of a newer generation than the kept ones replaces them
            // all; one of an older is not kept.
            if generation < pages.generation {
                return;
            }
            *pages = Pages {
                generation,
                ..Pages::default()
            };
        }
        let size = page.body.len();
        while pages.pages.len() >= MAX_PAGES || pages.bytes + size > MAX_BYTES {
            let Some(oldest) = pages.order.pop_front() else {
                break;
            };
            if let Some(gone) = pages.pages.remove(&oldest) {
                pages.bytes -= gone.body.len();
            }
        }
        if let Some(old) = pages.pages.insert(key.clone(), Arc::new(page)) {
            pages.bytes -= old.body.len();
            pages.order.retain(|k| *k != key);
        }
        pages.order.push_back(key);
        pages.bytes += size;
    }
}

/// Whether the request's `If-None-Match` names `etag`.
pub(crate) fn matches(headers: &HeaderMap, etag: &HeaderValue) -> bool {
    let Some(wanted) = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let ours = etag.to_str().unwrap_or_default();
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    wanted
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(ours))
}

/// `304 Not Modified` for the answer `headers` describe: its tag, and the
/// headers that go with the copy the browser keeps.
pub(crate) fn not_modified(headers: &HeaderMap) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    for name in [
        header::ETAG,
        header::CACHE_CONTROL,
        header::CONTENT_SECURITY_POLICY,
        header::VARY,
    ] {
        if let Some(value) = headers.get(&name) {
            response.headers_mut().insert(name, value.clone());
        }
    }
    response
}

/// The middleware: serves the dashboard's pages from the cache, and keeps
/// what it renders.
pub async fn pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.method() != Method::GET || request.uri().path() != "/" {
        return next.run(request).await;
    }
    let library = &state.library;
    if library.status().running {
        return next.run(request).await;
    }
    let generation = library.generation();
    let accepts = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let key: Key = (request.uri().to_string(), accepts);
    let cache = &state.pages;
    if let Some(kept) = cache.get(generation, &key) {
        return answer(&kept, request.headers());
    }
    let asked = request.headers().clone();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // The renderer has the whole page in memory already; collecting it
    // costs a copy at most.
    let body = match to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        // The render failed part-way: say so rather than send half a page.
        Err(e) => {
            tracing::warn!("a page failed while it was sent: {e}");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be rendered",
            )
                .into_response();
        }
    };
    let etag = cache.etag(generation, &key);
    parts.headers.insert(header::ETAG, etag);
    let kept = Kept {
        headers: parts.headers,
        body,
    };
    let response = answer(&kept, &asked);
    if kept.body.len() <= MAX_PAGE {
        cache.keep(generation, key, kept);
    }
    response
}

/// A kept page, or `304` when the request already has it.
fn answer(kept: &Kept, asked: &HeaderMap) -> Response {
    if let Some(etag) = kept.headers.get(header::ETAG) {
        if matches(asked, etag) {
            return not_modified(&kept.headers);
        }
    }
    let mut response = Response::new(Body::from(kept.body.clone()));
    *response.headers_mut() = kept.headers.clone();
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(bytes: usize) -> Kept {
        Kept {
            headers: HeaderMap::new(),
            body: Bytes::from(vec![b'x'; bytes]),
        }
    }

    fn key(n: usize) -> Key {
        (format!("/?pair={n}"), "gzip".to_owned())
    }

    #[test]
    fn a_page_is_served_again_only_in_its_generation() {
        let cache = PageCache::default();
        cache.keep(3, key(1), page(10));
        assert!(cache.get(3, &key(1)).is_some());
        assert!(cache.get(4, &key(1)).is_none());
        assert!(cache.get(3, &key(2)).is_none());
        // A newer generation's page clears the older ones; an older one is
        // not kept over newer ones.
        cache.keep(4, key(2), page(10));
        assert!(cache.get(4, &key(1)).is_none());
        cache.keep(3, key(1), page(10));
        assert!(cache.get(4, &key(1)).is_none() && cache.get(4, &key(2)).is_some());
    }

    #[test]
    fn the_oldest_pages_go_first_beyond_the_bounds() {
        let cache = PageCache::default();
        for n in 0..MAX_PAGES + 5 {
            cache.keep(1, key(n), page(10));
        }
        assert!(cache.get(1, &key(4)).is_none());
        assert!(cache.get(1, &key(5)).is_some());
        assert!(cache.get(1, &key(MAX_PAGES + 4)).is_some());
        // Bytes: two pages of half the bound leave room for nothing more.
        cache.keep(2, key(0), page(MAX_BYTES / 2));
        cache.keep(2, key(1), page(MAX_BYTES / 2));
        cache.keep(2, key(2), page(10));
        assert!(cache.get(2, &key(0)).is_none());
        assert!(cache.get(2, &key(1)).is_some() && cache.get(2, &key(2)).is_some());
        let pages = cache.pages.lock().expect("lock");
        assert!(pages.bytes <= MAX_BYTES);
    }

    #[test]
    fn if_none_match_is_read_as_browsers_send_it() {
        let cache = PageCache::default();
        let etag = cache.etag(7, &key(1));
        let asked = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(
                header::IF_NONE_MATCH,
                HeaderValue::from_str(value).expect("ascii"),
            );
            headers
        };
        let tag = etag.to_str().expect("ascii");
        assert!(matches(&asked(tag), &etag));
        assert!(matches(&asked(&format!("\"other\", {tag}")), &etag));
        assert!(matches(&asked(tag.trim_start_matches("W/")), &etag));
        assert!(matches(&asked("*"), &etag));
        assert!(!matches(&asked("\"other\""), &etag));
        assert!(!matches(&HeaderMap::new(), &etag));
        assert_ne!(etag, cache.etag(8, &key(1)));
        assert_ne!(etag, cache.etag(7, &key(2)));
    }
}
