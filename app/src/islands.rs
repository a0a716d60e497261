//! The page's one interactive island. Everything else is server-rendered
//! HTML that already works: links open sources, the form sets the view, CSS
//! shows tooltips on hover and focus. The island makes that quicker and
//! richer without changing what the HTML means:
//!
//! - a link to a source opens it in the panel in place (fetched as HTML from
//!   the `source_panel` server function) and updates the URL;
//! - hovering or focusing an event anywhere highlights its markers on every
//!   chart and its entry in the list;
//! - a tap on a chart mark keeps its tooltip shown (touch has no hover);
//! - ticking a series box applies the view at once;
//! - with many pairs, a search box narrows the pair picker as one types.
//!
//! This is the only component compiled to wasm, which keeps the bundle small.

use leptos::prelude::*;

/// Mount point of the interactive layer. It renders nothing visible; the
/// listeners it installs act on the server-rendered page.
#[island]
pub fn Interactions() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| enhance::install());
    view! { <span class="interactive-marker" hidden></span> }
}

#[cfg(feature = "hydrate")]
mod enhance {
    use leptos::ev;
    use leptos::prelude::*;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{
        Element, HtmlElement, HtmlInputElement, HtmlOptionElement, HtmlSelectElement, MouseEvent,
    };

    use crate::api::source_panel;

    pub(super) fn install() {
        if let Some(body) = document().body() {
            // Lets tests (and curious users) tell an interactive page from a
            // server-rendered one.
            let _ = body.set_attribute("data-hydrated", "true");
        }
        // The same moment in the performance timeline, where a measurement
        // (`.ci/measure-page.cjs`) or a real-user monitoring script can read
        // it after the fact without watching the page load.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("tradeline:interactive");
        }
        let _ = window_event_listener(ev::click, on_click);
        let _ = window_event_listener(ev::mouseover, |e| highlight(e.target()));
        let _ = window_event_listener(ev::focusin, |e| highlight(e.target()));
        let _ = window_event_listener(ev::change, |e| {
            if let Some(input) = closest(e.target(), "form.controls input[type=checkbox]") {
                if let Some(form) = input.closest("form").ok().flatten() {
                    if let Ok(form) = form.dyn_into::<leptos::web_sys::HtmlFormElement>() {
                        let _ = form.request_submit();
                    }
                }
            }
        });
        // The pair picker's search box needs this script: shown only now.
        if let Ok(parts) = document().query_selector_all(".pair-search") {
            for i in 0..parts.length() {
                if let Some(Ok(part)) = parts.item(i).map(|n| n.dyn_into::<Element>()) {
                    let _ = part.remove_attribute("hidden");
                }
            }
        }
        let _ = window_event_listener(ev::input, |e| {
            if let Some(search) = closest(e.target(), "#pair-search") {
                narrow_pairs(&search);
            }
        });
        let _ = window_event_listener(ev::popstate, |_| {
            let search = window().location().search().unwrap_or_default();
            match source_in(&search) {
                Some(key) => open(key, search),
                None => close_panel(),
            }
        });
    }

    /// Hides the picker's pairs whose names do not hold what the search box
    /// holds, and chooses the first that does, so "Show" goes there.
    fn narrow_pairs(search: &Element) {
        let Ok(input) = search.clone().dyn_into::<HtmlInputElement>() else {
            return;
        };
        let wanted = input.value().trim().to_lowercase();
        let Some(Ok(select)) = document()
            .get_element_by_id("pair-picker")
            .map(|s| s.dyn_into::<HtmlSelectElement>())
        else {
            return;
        };
        let options = select.options();
        let mut first: Option<HtmlOptionElement> = None;
        for i in 0..options.length() {
            let Some(Ok(option)) = options.item(i).map(|o| o.dyn_into::<HtmlOptionElement>())
            else {
                continue;
            };
            let label = option.text().to_lowercase();
            let shown = wanted.is_empty() || label.contains(&wanted);
            option.set_hidden(!shown);
            if shown && first.is_none() {
                first = Some(option);
            }
        }
        if let Some(option) = first.filter(|_| !wanted.is_empty()) {
            option.set_selected(true);
        }
    }

    fn on_click(e: MouseEvent) {
        // Let the browser handle new tabs, downloads and the like.
        if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
            return;
        }
        if let Some(link) = closest(e.target(), "a[data-close]") {
            e.prevent_default();
            push(&link);
            close_panel();
            return;
        }
        let Some(link) = closest(e.target(), "a[data-source]") else {
            return;
        };
        let Some(key) = link.get_attribute("data-source") else {
            return;
        };
        e.prevent_default();
        activate(&link);
        push(&link);
        open(key, window().location().search().unwrap_or_default());
    }

    /// Fetches the panel for `key` and shows it, quote scrolled into view.
    fn open(key: String, query: String) {
        leptos::task::spawn_local(async move {
            let html = match source_panel(key, query).await {
                Ok(html) => html,
                Err(e) => format!(
                    "<h2 id=\"source-title\">Source unavailable</h2><p role=\"alert\">{}</p>",
                    escape(&e.to_string())
                ),
            };
            let Some(panel) = document().get_element_by_id("source-panel") else {
                return;
            };
            panel.set_inner_html(&html);
            let _ = panel.remove_attribute("hidden");
            // On the next frame, once the panel is laid out: bring the quote
            // to the upper third of the panel by scrolling the panel alone.
            // (`scrollIntoView` would scroll the window too, away from the
            // chart the reader just clicked.)
            if let (Ok(Some(quote)), Ok(panel)) = (
                panel.query_selector("#quote"),
                panel.clone().dyn_into::<HtmlElement>(),
            ) {
                if let Ok(quote) = quote.dyn_into::<HtmlElement>() {
                    request_animation_frame(move || {
                        panel.set_scroll_top(
                            (quote.offset_top() - panel.client_height() / 3).max(0),
                        );
                    });
                }
            }
            if let Ok(Some(close)) = panel.query_selector("a[data-close]") {
                if let Ok(close) = close.dyn_into::<HtmlElement>() {
                    let _ = close.focus();
                }
            }
        });
    }

    fn close_panel() {
        if let Some(panel) = document().get_element_by_id("source-panel") {
            let _ = panel.set_attribute("hidden", "");
            panel.set_inner_html("");
        }
    }

    /// Puts the link's view in the address bar, so reload and copy keep it.
    fn push(link: &Element) {
        if let (Some(href), Ok(history)) = (link.get_attribute("href"), window().history()) {
            let _ =
                history.push_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    }

    /// Keeps a tapped mark's tooltip shown until another is tapped.
    fn activate(link: &Element) {
        let Ok(active) = document().query_selector_all(".hit.active") else {
            return;
        };
        for i in 0..active.length() {
            if let Some(Ok(el)) = active.item(i).map(|n| n.dyn_into::<Element>()) {
                let _ = el.class_list().remove_1("active");
            }
        }
        if link.class_list().contains("hit") {
            let _ = link.class_list().add_1("active");
        }
    }

    /// Marks every element of the hovered event (`data-ev`) and unmarks the rest.
    fn highlight(target: Option<leptos::web_sys::EventTarget>) {
        let key = closest(target, "[data-ev]").and_then(|el| el.get_attribute("data-ev"));
        let Ok(lit) = document().query_selector_all("[data-ev].hl") else {
            return;
        };
        for i in 0..lit.length() {
            if let Some(Ok(el)) = lit.item(i).map(|n| n.dyn_into::<Element>()) {
                if el.get_attribute("data-ev") != key {
                    let _ = el.class_list().remove_1("hl");
                }
            }
        }
        let Some(key) = key.filter(|k| k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        else {
            return;
        };
        if let Ok(all) = document().query_selector_all(&format!("[data-ev=\"{key}\"]")) {
            for i in 0..all.length() {
                if let Some(Ok(el)) = all.item(i).map(|n| n.dyn_into::<Element>()) {
                    let _ = el.class_list().add_1("hl");
                }
            }
        }
    }

    fn closest(target: Option<leptos::web_sys::EventTarget>, selector: &str) -> Option<Element> {
        target?
            .dyn_into::<Element>()
            .ok()?
            .closest(selector)
            .ok()
            .flatten()
    }

    /// The `source` parameter of a query string.
    fn source_in(search: &str) -> Option<String> {
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|p| p.strip_prefix("source="))
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    fn escape(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
}
