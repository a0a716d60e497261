//! The "Add an article" form. A plain HTML form posting to `/api/articles`,
//! so it works with or without JavaScript; the server answers a browser with a
//! redirect back here (`?added=ID`) or a page that keeps what was typed.

use leptos::prelude::*;

#[component]
pub fn AddArticle(writes_enabled: bool, added: Option<String>) -> impl IntoView {
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
                        placeholder="Paste an article: plain text, Markdown or HTML"></textarea>
                    <label for="add-file">"…or a file (.txt, .md, .html)"</label>
                    <input id="add-file" type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" />
                    <label for="add-published">"Publication date, YYYY-MM-DD (if the text lacks it)"</label>
                    // Text, not `type="date"`: the date control's picker
                    // costs a fresh renderer an icon font and an image
                    // before the first frame, the format is the one the
                    // command line takes, and the server checks it.
                    <input id="add-published" type="text" name="published" inputmode="numeric"
                        pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" placeholder="YYYY-MM-DD" autocomplete="off" />
                    <button type="submit">"Add article"</button>
                </fieldset>
            </form>
        </section>
    }
}
