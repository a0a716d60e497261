//! The "Add an article" form. A plain HTML form posting to `/api/articles`,
//! so it works with or without JavaScript; the server answers a browser with a
//! redirect back here (`?added=ID`) or a page that keeps what was typed.

use leptos::prelude::*;

/// What was typed into the form, kept when the server sends it back with
/// an error.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    pub text: String,
    pub published: String,
}

/// The page a browser gets when its article was not added: this form with
/// the error and what was typed (the server's `POST /api/articles`), so it
/// is the dashboard's form in every state, never a copy.
pub fn refused_page_html(stylesheet: &str, error: &str, typed: Typed) -> String {
    let form = view! {
        <AddArticle writes_enabled=true added=None typed error=error.to_owned() />
    }
    .to_html();
    // The document around it, as the dashboard's shell writes its own.
    let stylesheet = view! { <link rel="stylesheet" href=stylesheet.to_owned() /> }.to_html();
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Article not added · tradeline</title>{stylesheet}</head><body><main class="layout"><h1>The article was not added</h1>{form}<p><a href="/">Back to the dashboard</a></p></main></body></html>"#
    )
}

/// `text` as a `<textarea>`'s content. Leptos writes a textarea's text
/// as it is, and a browser reads entities there, so "</textarea><script>"
/// typed into the form would end the field and run: escaped here, it shows
/// as typed (the HTTP tests hold both).
fn escaped_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[component]
pub fn AddArticle(
    writes_enabled: bool,
    added: Option<String>,
    /// What was typed, when the form comes back with an error.
    #[prop(optional)]
    typed: Typed,
    /// Why the article was not added.
    #[prop(optional, into)]
    error: Option<String>,
) -> impl IntoView {
    let notice = added.map(|id| {
        let href = format!("/api/articles/{id}");
        view! {
            <p class="notice" role="status">"Article " {id.clone()} " added. "
                <a href=href>"See what was read from it"</a></p>
        }
    });
    view! {
        <section class="card" aria-labelledby="add-title">
            <h2 id="add-title">"Add an article"</h2>
            {notice}
            {error.map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {(!writes_enabled).then(|| view! {
                <p class="muted" id="add-disabled">"Adding articles is switched off on this server. Start it with "
                    <code>"--admin-token <TOKEN>"</code> " (or set " <code>"TRADELINE_ADMIN_TOKEN"</code>
                    ") and enter that token here. Files dropped into a corpus folder are read without it."</p>
            })}
            <form class="add-form" method="post" action="/api/articles" enctype="multipart/form-data">
                <fieldset disabled=!writes_enabled>
                    // The token comes first: the browser sends fields in
                    // this order, and the server reads no article before a
                    // valid token.
                    <label for="add-token">"Admin token"</label>
                    <input id="add-token" type="password" name="token" autocomplete="current-password" required />
                    <label for="add-text">"Article text"</label>
                    <textarea id="add-text" name="text" rows="5"
                        placeholder="Paste an article: plain text, Markdown or HTML">{escaped_text(&typed.text)}</textarea>
                    <label for="add-file">"…or a file (.txt, .md, .html)"</label>
                    <input id="add-file" type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" />
                    <label for="add-published">"Publication date, YYYY-MM-DD (if the text lacks it)"</label>
                    // Text, not `type="date"`: the date control's picker
                    // costs a fresh renderer an icon font and an image
                    // before the first frame, the format is the one the
                    // command line takes, and the server checks it.
                    <input id="add-published" type="text" name="published" inputmode="numeric"
                        pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" placeholder="YYYY-MM-DD" autocomplete="off"
                        value=typed.published />
                    <button type="submit">"Add article"</button>
                </fieldset>
            </form>
        </section>
    }
}
