//! The dashboard's components, rendered on the server only. The page is
//! complete HTML: charts as SVG, tables, and links that carry the whole view
//! in the URL (see [`View`]), so it works without JavaScript and a copied
//! link reopens the same view. The one interactive island
//! ([`crate::islands::Interactions`]) adds in-place source panels, event
//! highlighting and touch tooltips on top.

// The components are `pub` for Leptos' `#[component]`, whose generated
// props type takes the function's visibility and which `unreachable_pub`
// flags however the function is written; the modules stay private.
#[allow(unreachable_pub)]
mod add;
#[allow(unreachable_pub)]
mod articles;
#[allow(unreachable_pub)]
mod charts;
#[allow(unreachable_pub)]
mod controls;
#[allow(unreachable_pub)]
mod figures;
#[allow(unreachable_pub)]
mod mirrors;
#[allow(unreachable_pub)]
mod pledges;
#[allow(unreachable_pub)]
mod source;
#[allow(unreachable_pub)]
mod timeline;

pub use add::{refused_page_html, Typed};
pub use source::panel_html;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{get_dashboard, get_source};
use crate::format::pair_name;
use crate::model::{DashboardData, Metric, Pair, PairSummary};
use crate::view::{BadParam, View};

/// The dashboard for the view the URL names.
#[component]
pub fn Dashboard() -> impl IntoView {
    let query = use_query_map();
    let (view, bad) =
        query.with_untracked(|q| View::from_query(q.into_iter().map(|(k, v)| (k.as_ref(), v))));
    let added = query.with_untracked(|q| q.get("added"));
    let for_data = view.clone();
    let for_panel = view.clone();
    view! {
        <header class="masthead">
            <a class="brand" href="/">"tradeline"</a>
            <p class="tagline">"Bilateral trade figures and diplomatic visits, read from the news, every number with its source."</p>
            <crate::islands::Interactions />
        </header>
        <main class="layout">
            <div class="content">
                <ParamWarnings bad />
                <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                    {
                        let view = for_data.clone();
                        let added = added.clone();
                        Suspend::new(async move {
                            match get_dashboard(view.pair.as_ref().map(|p| p.slug())).await {
                                Ok(data) => view! { <Sections data view added /> }.into_any(),
                                Err(e) => view! {
                                    <p class="error" role="alert">"Could not load the dashboard: " {e.to_string()}</p>
                                }.into_any(),
                            }
                        })
                    }
                </Suspense>
            </div>
            <Suspense fallback=|| ()>
                {
                    let view = for_panel.clone();
                    Suspend::new(async move {
                        let source = match &view.source {
                            Some(key) => Some(get_source(key.clone()).await),
                            None => None,
                        };
                        view! { <source::SourcePanel source view /> }
                    })
                }
            </Suspense>
        </main>
    }
}

/// Parameters the URL got wrong, said rather than silently dropped.
#[component]
fn ParamWarnings(bad: Vec<BadParam>) -> impl IntoView {
    (!bad.is_empty()).then(|| {
        let items = bad
            .into_iter()
            .map(|b| view! { <li><code>{format!("{}={}", b.name, b.value)}</code> " was ignored: " {b.reason}</li> })
            .collect_view();
        view! {
            <section class="card warning-card" role="status">
                <h2>"Some of the link's settings could not be used"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

#[component]
fn Sections(data: DashboardData, view: View, added: Option<String>) -> impl IntoView {
    let DashboardData {
        pairs,
        pair,
        series,
        events,
        articles,
        undated_figures,
        mirrors,
        pledges,
        undated,
        rejected,
        status,
        article_count,
        writes_enabled,
    } = data;
    let progress = status.running.then(|| {
        let label = format!("Reading the corpus: {} of {} files", status.done, status.total);
        view! {
            <p class="notice" role="status">
                <label for="ingest-progress">{label.clone()}</label>
                <progress id="ingest-progress" max=status.total.max(1) value=status.done>{label}</progress>
            </p>
        }
    });
    let body = match pair {
        None => view! {
            <section class="empty card" aria-labelledby="empty-title">
                <h1 id="empty-title">"No articles yet"</h1>
                <p>"Start the server with a folder of articles, "
                    <code>"tradeline serve --corpus path/to/articles"</code>
                    " (plain text, Markdown and HTML are read, and the folder is watched for new files), or add one below."</p>
                <p class="muted">{format!("{article_count} articles stored.")}</p>
            </section>
        }
        .into_any(),
        Some(pair) => {
            // The view names the pair actually shown, so every link on the
            // page (and a copied URL) keeps it.
            let view = View {
                pair: Some(pair.clone()),
                ..view
            };
            let selector = (pairs.len() > 1).then(|| {
                if pairs.len() > PAIR_CHIPS {
                    return pair_picker(&pairs, &pair).into_any();
                }
                let links = pairs
                    .iter()
                    .map(|p| {
                        let current = p.pair == pair;
                        let name = pair_name(&p.pair);
                        let label = format!("{name} ({} figures, {} events)", p.observations, p.events);
                        let link = View {
                            pair: Some(p.pair.clone()),
                            ..View::default()
                        }
                        .href();
                        view! {
                            <li><a href=link aria-current=current.then_some("page") aria-label=label>{name}</a></li>
                        }
                    })
                    .collect_view();
                view! { <nav class="pairs" aria-label="Country pairs"><ul>{links}</ul></nav> }.into_any()
            });
            let (values, growth): (Vec<_>, Vec<_>) = series.iter().cloned().partition(|s| !s.metric.is_growth());
            let values: Vec<_> = values.into_iter().filter(|s| s.metric != Metric::TradeTarget || view.layers.trade).collect();
            let points: usize = series.iter().map(|s| s.points.len()).sum();
            let undated_note = match undated_figures.len() {
                0 => String::new(),
                n => format!(" ({n} without a known period)"),
            };
            let last_year = charts::last_year(&series, &events);
            let (v1, v2, v3, v4, v5, v6, v7, v8) = (view.clone(), view.clone(), view.clone(), view.clone(), view.clone(), view.clone(), view.clone(), view.clone());
            view! {
                {selector}
                <Title text=format!("{} · tradeline", pair_name(&pair)) />
                <h1 class="pair-title">{pair_name(&pair)}
                    <span class="muted">{format!(" · {points} figures{undated_note}, {} events, {} articles", events.len(), articles.len())}</span>
                </h1>
                <controls::Controls view=v1 last_year />
                {(points == 1).then(|| view! {
                    <p class="notice" role="status">"Only one figure so far for this pair: a trend needs more articles."</p>
                })}
                <charts::ChartCard kind=crate::chart::ChartKind::TradeValue series=series.clone() events=events.clone() view=v2>
                    <figures::SeriesTables series=values view=v3 empty="No trade values were found for this pair in these years." />
                </charts::ChartCard>
                <charts::ChartCard kind=crate::chart::ChartKind::Growth series=series.clone() events=events.clone() view=v4>
                    <figures::SeriesTables series=growth view=v5 empty="No growth rates were found for this pair in these years." />
                </charts::ChartCard>
                <charts::ChartCard kind=crate::chart::ChartKind::Timeline series=series.clone() events=events.clone() view=v6>
                    <timeline::Timeline events=events.clone() view />
                </charts::ChartCard>
                <figures::UndatedFigures figures=undated_figures view=v7 />
                <pledges::Pledges pledges view=v8 />
                <mirrors::Mirrors mirrors />
                <articles::ArticleList articles />
            }
            .into_any()
        }
    };
    view! {
        {progress}
        {body}
        <articles::UndatedList undated />
        <articles::RejectedList rejected />
        <add::AddArticle writes_enabled added />
    }
}

/// Above this many pairs the chips become a picker.
const PAIR_CHIPS: usize = 12;

/// The pairs as a form with one select, ordered as the store lists them (by
/// how much it holds of each), blocs by their names: it works without
/// script (choose, then "Show"); with it, a search box narrows the select
/// to the pairs whose names hold what is typed.
fn pair_picker(pairs: &[PairSummary], current: &Pair) -> impl IntoView {
    let options = pairs
        .iter()
        .map(|p| {
            let text = format!(
                "{} · {} figures, {} events",
                pair_name(&p.pair),
                p.observations,
                p.events
            );
            view! { <option value=p.pair.slug() selected=p.pair == *current>{text}</option> }
        })
        .collect_view();
    // The search box narrows the select as one types; it needs the page's
    // script, which shows it (`islands.rs`), so without script it stays
    // hidden and the select is the picker.
    view! {
        <form class="pairs pair-picker card" method="get" action="/" aria-label="Country pairs">
            <label for="pair-search" class="pair-search" hidden>"Find a pair"</label>
            <input type="search" id="pair-search" class="pair-search" hidden placeholder="a country or bloc" autocomplete="off" />
            <label for="pair-picker">{format!("Pair ({} with data)", pairs.len())}</label>
            <select id="pair-picker" name="pair">{options}</select>
            <button type="submit">"Show"</button>
        </form>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="layout">
            <section class="empty">
                <h1>"Page not found"</h1>
                <p><a href="/">"Back to the dashboard"</a></p>
            </section>
        </main>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn many_pairs_are_a_select_in_the_stores_order_with_the_current_one_chosen() {
        let pairs: Vec<PairSummary> = ["CN-RU", "ASEAN-IN", "BR-CN", "DE-FR"]
            .iter()
            .enumerate()
            .map(|(i, slug)| PairSummary {
                pair: Pair::from_slug(slug).expect("a pair"),
                observations: 40 - i,
                events: 1,
                articles: 5,
            })
            .collect();
        let current = Pair::from_slug("BR-CN").expect("a pair");
        let html = pair_picker(&pairs, &current).into_view().to_html();
        assert!(
            html.starts_with("<form method=\"get\" action=\"/\""),
            "{html}"
        );
        assert!(
            html.contains("<select id=\"pair-picker\" name=\"pair\">"),
            "{html}"
        );
        let options: Vec<&str> = html.split("<option").skip(1).collect();
        assert_eq!(options.len(), 4);
        assert!(
            options[1].contains("value=\"ASEAN-IN\"")
                && options[1].contains("ASEAN–India · 39 figures"),
            "{html}"
        );
        assert!(options[2].contains("selected"), "{html}");
        assert!(!options[0].contains("selected") && !options[3].contains("selected"));
    }
}
