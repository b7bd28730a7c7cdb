// The stylesheet of the <article-analysis> element's shadow root, as a string for a
// constructable CSSStyleSheet (no extra request, works under a strict CSP and with or
// without a bundler).
//
// Hosts style the element through these CSS custom properties, set on the element or any
// ancestor (defaults in brackets; the element follows the system's light or dark theme):
//   --aa-font            text of the panels          [system-ui, sans-serif]
//   --aa-article-font    the article and quotes       [Georgia, serif]
//   --aa-color           text                         [#1c1d21 / #e7e8ea]
//   --aa-muted           secondary text               [#5b5f6a / #a3a8b3]
//   --aa-background      the report's background      [transparent]
//   --aa-surface         cards, chips, summary        [#f3f4f6 / #252930]
//   --aa-border          lines and outlines           [#d9dbe0 / #363b44]
//   --aa-accent          links, focus ring, summary   [#1f57b8 / #7fb0ff]
//   --aa-radius          corner radius                [8px]
//   --aa-gap             space between sections       [1.25rem]
//   --aa-positive, --aa-negative   tone bars          [blue / orange]
//   --aa-focus-mark, --aa-flash-mark  picked and jumped-to text  [yellow / orange]
//   --aa-mark-alpha      strength of the highlights   [0.2 / 0.28]
//   --aa-person, --aa-organization, --aa-location, --aa-date, --aa-money, --aa-percent,
//   --aa-quantity, --aa-summary, --aa-quote, --aa-loaded   highlight colours as "r g b"
//   --aa-source-named, --aa-source-anonymous, --aa-source-outlet, --aa-source-document
//                        the sources bar's colours as "r g b"
// The report is also exposed as ::part(report).

export const STYLE = `
:host {
  --_text: var(--aa-color, #1c1d21);
  --_muted: var(--aa-muted, #5b5f6a);
  --_surface: var(--aa-surface, #f3f4f6);
  --_border: var(--aa-border, #d9dbe0);
  --_accent: var(--aa-accent, #1f57b8);
  --_positive: var(--aa-positive, #2f6fd0);
  --_negative: var(--aa-negative, #d4651a);
  --_focus-mark: var(--aa-focus-mark, #ffd84d);
  --_flash-mark: var(--aa-flash-mark, #ff9f43);
  --_alpha: var(--aa-mark-alpha, 0.2);
  --_radius: var(--aa-radius, 8px);
  --_gap: var(--aa-gap, 1.25rem);
  --c-summary: var(--aa-summary, 46 160 80);
  --c-quote: var(--aa-quote, 130 80 220);
  --c-loaded: var(--aa-loaded, 210 30 60);
  --c-person: var(--aa-person, 235 120 40);
  --c-organization: var(--aa-organization, 45 110 230);
  --c-location: var(--aa-location, 0 150 140);
  --c-date: var(--aa-date, 150 90 210);
  --c-money: var(--aa-money, 195 155 0);
  --c-percent: var(--aa-percent, 220 70 130);
  --c-quantity: var(--aa-quantity, 140 115 90);
  display: block;
  color: var(--_text);
  background: var(--aa-background, transparent);
  font: 1rem/1.5 var(--aa-font, system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif);
}
@media (prefers-color-scheme: dark) {
  :host {
    --_text: var(--aa-color, #e7e8ea);
    --_muted: var(--aa-muted, #a3a8b3);
    --_surface: var(--aa-surface, #252930);
    --_border: var(--aa-border, #363b44);
    --_accent: var(--aa-accent, #7fb0ff);
    --_positive: var(--aa-positive, #7fb0ff);
    --_negative: var(--aa-negative, #ff9d5c);
    --_alpha: var(--aa-mark-alpha, 0.28);
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.report { display: grid; gap: var(--_gap); }
.status { margin: 0; color: var(--_muted); }
.status:empty { display: none; }
#results { display: grid; gap: var(--_gap); }
h2 { font-size: 1.15rem; margin: 0 0 0.6rem; }
h3 { font-size: 0.95rem; margin: 0.8rem 0 0.4rem; }
.hint, .note, .unit { color: var(--_muted); font-size: 0.85rem; font-weight: 400; }
button { font: inherit; color: inherit; cursor: pointer; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
button:focus-visible, .arc-point:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.summary { margin: 0; padding: 0 0 0 1.4rem; display: grid; gap: 0.4rem; }
.summary-sentence { display: block; width: 100%; text-align: left; padding: 0.45rem 0.7rem; font-family: var(--aa-article-font, Georgia, "DejaVu Serif", serif); border-left: 4px solid rgb(var(--c-summary)); }
.chips { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; margin: 0; padding: 0; }
.chip { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 2rem; padding: 0.15rem 0.7rem; border-radius: 999px; font-size: 0.9rem; }
.chip-count { font-size: 0.75rem; font-weight: 600; color: var(--_muted); border: 1px solid var(--_border); border-radius: 999px; padding: 0 0.4rem; }
.chip-detail { color: var(--_muted); font-size: 0.85em; }
.chip-swatch { width: 0.65rem; height: 0.65rem; border-radius: 50%; background: rgb(var(--c)); }
.chip[aria-pressed="true"] { background: var(--_focus-mark); color: #1c1d21; }
.show-more { margin-top: 0.4rem; font-size: 0.85rem; padding: 0.2rem 0.7rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.5rem; margin: 0; }
.card { background: var(--_surface); border-radius: var(--_radius); padding: 0.5rem 0.7rem; }
.card.wide { grid-column: span 2; }
.card dt { font-size: 0.8rem; color: var(--_muted); }
.card dd { margin: 0; font-size: 1.3rem; font-weight: 650; }
.card .explain { display: block; font-size: 0.9rem; font-weight: 400; }
.arc { margin: 0.8rem 0 0; }
.arc figcaption { font-size: 0.9rem; margin-bottom: 0.3rem; }
.arc-chart { display: block; width: 100%; height: 5rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
.arc-zero { stroke: var(--_border); vector-effect: non-scaling-stroke; }
.arc-point { cursor: pointer; outline: none; }
.arc-hit { fill: transparent; }
.arc-point:hover .arc-hit, .arc-point.is-current .arc-hit { fill: var(--_surface); }
.arc-up { fill: var(--_positive); }
.arc-down { fill: var(--_negative); }
.arc-flat { fill: var(--_muted); }
.warnings { margin: 0; padding-left: 1.2rem; }
.quote-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
.quote-item { display: block; width: 100%; text-align: left; padding: 0.4rem 0.7rem; font-family: var(--aa-article-font, Georgia, "DejaVu Serif", serif); border-left: 4px solid rgb(var(--c-quote)); }
.quote-item.is-reported { border-left-style: dotted; }
.quote-tag { font: 600 0.68rem/1 var(--aa-font, system-ui, sans-serif); text-transform: uppercase; color: var(--_muted); margin-right: 0.5rem; }
.label-list { position: relative; display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
.label-item { flex: 1 1 auto; }
.label-figure { display: flex; flex-direction: column; align-items: flex-start; width: 100%; height: 100%; padding: 0.4rem 0.7rem; text-align: left; line-height: 1.2; }
.label-value { font-size: 1.25rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.label-name { font-size: 0.8rem; color: var(--_muted); white-space: nowrap; }
.label-figure.is-empty { cursor: default; }
.label-figure[aria-pressed="true"] { background: var(--_focus-mark); color: #1c1d21; }
.label-named .label-figure { border-bottom: 4px solid rgb(var(--aa-source-named, 31 87 184)); }
.label-anonymous .label-figure { border-bottom: 4px solid rgb(var(--aa-source-anonymous, 200 90 20)); }
.label-outlet .label-figure { border-bottom: 4px solid rgb(var(--aa-source-outlet, 130 80 220)); }
.label-document .label-figure { border-bottom: 4px solid rgb(var(--aa-source-document, 0 130 120)); }
.label-tip { position: absolute; left: 0; top: calc(100% + 0.35rem); z-index: 5; max-width: min(36rem, 100%); padding: 0.45rem 0.7rem; border-radius: 6px; background: var(--_text); color: var(--aa-background, #fff); font-size: 0.85rem; visibility: hidden; opacity: 0; pointer-events: none; }
.label-item:hover .label-tip, .label-item:focus-within .label-tip { visibility: visible; opacity: 1; }
.label-item.tip-dismissed .label-tip { visibility: hidden; }
.sources-bar { display: flex; height: 1rem; border-radius: 4px; overflow: hidden; margin: 0.4rem 0; }
.bar-segment { display: block; min-width: 3px; background: rgb(var(--c)); }
.src-named { --c: var(--aa-source-named, 31 87 184); }
.src-anonymous { --c: var(--aa-source-anonymous, 200 90 20); }
.src-outlet { --c: var(--aa-source-outlet, 130 80 220); }
.src-document { --c: var(--aa-source-document, 0 130 120); }
.src-unknown, .src-unattributed { --c: 140 145 155; }
.sources-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; list-style: none; margin: 0; padding: 0; font-size: 0.85rem; }
.sources-legend .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 3px; margin-right: 0.3rem; background: rgb(var(--c)); }
.source-list { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.4rem; }
.source { border-left: 4px solid rgb(var(--c)); padding-left: 0.6rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0 0.6rem; }
.source-name { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 600; padding: 0.15rem 0.7rem; border-radius: 999px; }
.source-name[aria-pressed="true"] { background: var(--_focus-mark); color: #1c1d21; }
.source-kind { color: var(--_muted); font-size: 0.85rem; }
.source-fold[open] { flex-basis: 100%; }
.source-fold > summary { cursor: pointer; font-size: 0.85rem; color: var(--_accent); }
.source-quotes { list-style: none; margin: 0.3rem 0 0; padding: 0; display: grid; gap: 0.25rem; }
.source-quote { display: block; width: 100%; text-align: left; border: 0; border-left: 3px solid rgb(var(--c-quote)); border-radius: 0; background: transparent; padding: 0.25rem 0.6rem; font-family: var(--aa-article-font, Georgia, "DejaVu Serif", serif); }
.source-quote.is-reported { border-left-style: dotted; }
.formula { display: block; margin-top: 0.2rem; font: 0.8rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--_muted); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.missing td { color: var(--_muted); }
.article { font-family: var(--aa-article-font, Georgia, "DejaVu Serif", serif); font-size: 1.05rem; line-height: 1.65; }
.article .block { margin: 0 0 0.8rem; white-space: pre-wrap; }
.article h3.block { font-size: 1.45rem; line-height: 1.25; }
.article h4.block { font-size: 1.1rem; }
.article .block-byline, .article .block-dateline { color: var(--_muted); font-size: 0.95rem; }
.article .tag, .article .badge { font: 600 0.7rem/1 var(--aa-font, system-ui, sans-serif); text-transform: uppercase; color: var(--_muted); margin-right: 0.4rem; }
.article .boilerplate { opacity: 0.6; border-left: 3px dashed var(--_border); padding-left: 0.6rem; margin: 0 0 0.8rem; font-size: 0.9rem; }
.mk-summary { --c: var(--c-summary); }
.mk-quote, .mk-source, .mk-cue { --c: var(--c-quote); }
.mk-loaded { --c: var(--c-loaded); }
.mk-ent-person { --c: var(--c-person); }
.mk-ent-organization { --c: var(--c-organization); }
.mk-ent-location { --c: var(--c-location); }
.mk-ent-date { --c: var(--c-date); }
.mk-ent-money { --c: var(--c-money); }
.mk-ent-percent { --c: var(--c-percent); }
.mk-ent-quantity { --c: var(--c-quantity); }
.mk-ent-other { --c: 120 120 120; }
.article .mk { border-radius: 2px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.article .mk-summary { background: rgb(var(--c) / calc(var(--_alpha) * 0.8)); }
.article .mk-ent { background: rgb(var(--c) / calc(var(--_alpha) * 1.4)); }
.article .mk-loaded { text-decoration: underline wavy rgb(var(--c)); text-underline-offset: 0.2em; }
.article .mk-focus { background: var(--_focus-mark); color: #1c1d21; }
.article .mk-flash { background: var(--_flash-mark); color: #1c1d21; }
::highlight(aa-focus) { background-color: var(--_focus-mark); color: #1c1d21; }
::highlight(aa-flash) { background-color: var(--_flash-mark); color: #1c1d21; }
`;
