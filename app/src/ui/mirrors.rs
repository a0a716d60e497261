//! Mirror statistics: a flow as both ends report it, with the difference
//! analysts read for freight and insurance, re-exports and under-invoicing.

use leptos::prelude::*;

use crate::format::{flow_name, format_figure, format_gap, period_label};
use crate::model::{Mirror, Pair};

/// The pair's mirrored flows, when official statistics from both ends are
/// imported; nothing otherwise.
#[component]
pub fn Mirrors(mirrors: Vec<Mirror>) -> impl IntoView {
    (!mirrors.is_empty()).then(|| {
        let rows = mirrors
            .into_iter()
            .map(|m| {
                let flow = flow_name(&Pair(m.from.clone(), m.to.clone()));
                let money = |v| format_figure(v, Some(&m.currency), None);
                let pct = m.difference_pct.map(|p| format!(" ({})", format_gap(p)));
                view! {
                    <tr>
                        <td data-label="Flow">{flow}</td>
                        <td data-label="Period">{period_label(&m.period)}</td>
                        <td data-label="Exports, as the exporter reports" class="num">{money(m.exports)}<span class="official-source">{m.exports_source.clone()}</span></td>
                        <td data-label="Imports, as the importer reports" class="num">{money(m.imports)}<span class="official-source">{m.imports_source.clone()}</span></td>
                        <td data-label="Difference" class="num">{money(m.difference)}{pct}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="mirrors-title">
                <h2 id="mirrors-title">"Mirror statistics"</h2>
                <p class="muted">"One flow as both ends report it. Imports are usually valued with freight and insurance and exports without, so imports run a few percent higher; "
                    "a wider gap can mean re-exports through third countries or goods invoiced below their value at one end."</p>
                <div class="table-wrap">
                    <table>
                        <caption>"Exports against the partner's imports"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Flow"</th>
                                <th scope="col">"Period"</th>
                                <th scope="col" class="num">"Exports, as the exporter reports"</th>
                                <th scope="col" class="num">"Imports, as the importer reports"</th>
                                <th scope="col" class="num">"Difference"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}
