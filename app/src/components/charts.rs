//! Charts drawn on the server, with their data in a table beside them: the
//! picture for the eye, the table for screen readers and for checking. Each
//! bar's label is text of the page (it wraps on a phone and keeps the body's
//! size); only the bar itself is a small SVG, since the
//! Content-Security-Policy forbids inline styles (its length is an SVG
//! attribute, its colour a class).

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// One bar: a label, a count and a share in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: u64,
    pub percent: f64,
}

/// A horizontal bar chart with its data table.
#[component]
pub fn BarChart(
    /// Unique on the page (ids of the title and table).
    id: String,
    title: String,
    bars: Vec<Bar>,
    /// The header of the value column.
    #[prop(optional, into)]
    value_label: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let max = bars.iter().map(|b| b.percent).fold(0.0_f64, f64::max).max(1.0);
    let table_id = format!("{id}-table");
    let rows = bars
        .iter()
        .map(|bar| {
            let length = format!("{:.2}", (100.0 * bar.percent / max).max(0.5));
            view! {
                <li class="chart__row">
                    <span class="chart__label">{bar.label.clone()}</span>
                    <span class="chart__measure">
                        <svg class="chart__track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                            <rect width=length height="10" rx="1" class="chart__bar"></rect>
                        </svg>
                        <span class="chart__value">{format!("{} %", bar.percent)}</span>
                    </span>
                </li>
            }
        })
        .collect_view();
    let value_label = value_label.unwrap_or_else(|| i18n.t("results-count"));
    view! {
        <figure class="chart">
            // The table below says the same to screen readers.
            <ul class="chart__bars" aria-hidden="true">
                {rows}
            </ul>
            <figcaption class="visually-hidden">{title.clone()}</figcaption>
            <div class="table-wrap">
                <table id=table_id>
                    <caption class="visually-hidden">{title}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("results-answer")}</th>
                            <th scope="col" class="num">{value_label}</th>
                            <th scope="col" class="num">"%"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {bars
                            .into_iter()
                            .map(|bar| view! {
                                <tr>
                                    <th scope="row">{bar.label}</th>
                                    <td class="num">{bar.count}</td>
                                    <td class="num">{bar.percent}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
