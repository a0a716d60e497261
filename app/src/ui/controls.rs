//! The view controls: year range presets and custom years, and which series
//! the charts draw. A plain GET form, so the view lands in the URL with or
//! without JavaScript.

use leptos::prelude::*;

use crate::view::{Layers, View, YEAR_PATTERN, YEAR_TITLE};

#[component]
pub fn Controls(view: View, last_year: Option<i32>) -> impl IntoView {
    let presets = last_year.map(|last| {
        let all = view.with_years(None, None);
        let recent = |n: i32| view.with_years(Some(last - n + 1), None);
        let items = [("All years", all), ("Last 5 years", recent(5)), ("Last 10 years", recent(10))]
            .into_iter()
            .map(|(label, target)| {
                let current = target.from == view.from && target.to == view.to;
                view! { <li><a href=target.href() aria-current=current.then_some("true")>{label}</a></li> }
            })
            .collect_view();
        view! { <ul class="presets" aria-label="Year range presets">{items}</ul> }
    });
    let boxes = Layers::NAMES
        .into_iter()
        .map(|(name, label)| {
            let id = format!("show-{name}");
            let label_for = id.clone();
            view! {
                <label for=label_for class="toggle">
                    <input type="checkbox" id=id name="show" value=name checked=view.layers.get(name) />
                    {label}
                </label>
            }
        })
        .collect_view();
    let year = |value: Option<i32>| value.map(|v| v.to_string()).unwrap_or_default();
    view! {
        <form class="controls card" method="get" action="/" aria-label="View settings">
            {view.pair.as_ref().map(|p| view! { <input type="hidden" name="pair" value=p.slug() /> })}
            <fieldset class="years">
                <legend>"Years"</legend>
                {presets}
                // Text fields with a pattern rather than number fields: a
                // number field's spin buttons load an icon font before the
                // first frame, and the pattern refuses what `min`/`max` did.
                <label for="from">"From"</label>
                <input type="text" id="from" name="from" inputmode="numeric" pattern=YEAR_PATTERN title=YEAR_TITLE maxlength="4" value=year(view.from) placeholder="first" autocomplete="off" />
                <label for="to">"to"</label>
                <input type="text" id="to" name="to" inputmode="numeric" pattern=YEAR_PATTERN title=YEAR_TITLE maxlength="4" value=year(view.to) placeholder="last" autocomplete="off" />
            </fieldset>
            <fieldset class="layers">
                <legend>"Show"</legend>
                // Sent with every submission, so unticking every box is not
                // read as "no choice made" (which shows everything).
                <input type="hidden" name="show" value="" />
                {boxes}
            </fieldset>
            <button type="submit">"Apply"</button>
        </form>
    }
}
