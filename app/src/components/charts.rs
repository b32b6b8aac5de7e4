//! Charts drawn on the server as SVG, with their data in a table beside
//! them: the picture for the eye, the table for screen readers and for
//! checking. No inline styles (the Content-Security-Policy forbids them):
//! colours come from classes.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// One bar: a label, a count and a share in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub count: u64,
    pub percent: f64,
}

const WIDTH: f64 = 600.0;
const LABEL_WIDTH: f64 = 220.0;
const ROW: f64 = 34.0;

fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        format!("{}…", label.chars().take(max - 1).collect::<String>())
    }
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
    let height = ROW * bars.len().max(1) as f64 + 8.0;
    let max = bars.iter().map(|b| b.percent).fold(0.0_f64, f64::max).max(1.0);
    let title_id = format!("{id}-title");
    let table_id = format!("{id}-table");
    let description =
        bars.iter().map(|b| format!("{} : {} ({} %)", b.label, b.count, b.percent)).collect::<Vec<_>>().join(" ; ");
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 4.0 + ROW * i as f64;
            let width = ((WIDTH - LABEL_WIDTH - 90.0) * bar.percent / max).max(1.0);
            view! {
                <g>
                    <text x="0" y=y + 21.0 class="chart__label">{shorten(&bar.label, 28)}</text>
                    <rect x=LABEL_WIDTH y=y + 6.0 width=width height="20" rx="3" class="chart__bar"></rect>
                    <text x=LABEL_WIDTH + width + 8.0 y=y + 21.0 class="chart__value">{format!("{} %", bar.percent)}</text>
                </g>
            }
        })
        .collect_view();
    let value_label = value_label.unwrap_or_else(|| i18n.t("results-count"));
    let labelled_by = title_id.clone();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=labelled_by class="chart__svg">
                <title id=title_id>{format!("{title}. {description}")}</title>
                {rows}
            </svg>
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
