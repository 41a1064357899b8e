/// The one stylesheet: readable on an old phone and in print, no web fonts.
enum Stylesheet {
    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font-family:"Times New Roman",Times,serif;font-size:17px;line-height:1.45;color:#111;background:#fff}
    header.site,footer.site{padding:.6rem 1rem;background:#16365c;color:#fff}
    header.site a{color:#fff;text-decoration:none;margin-right:1rem}
    header.site .brand{font-weight:bold;font-size:1.15rem}
    footer.site{background:#eef1f5;color:#444;font-size:.85rem;margin-top:2rem}
    main{max-width:72rem;margin:0 auto;padding:1rem}
    h1{font-size:1.45rem;margin:.4rem 0 1rem}
    h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:2px solid #16365c}
    h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
    table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
    details.picker code{cursor:pointer;white-space:nowrap}
    details.picker .builder output{font-family:monospace}
    th,td{border:1px solid #999;padding:.3rem .45rem;vertical-align:top;text-align:left}
    th{background:#eef1f5}
    td.num{text-align:right;white-space:nowrap}
    .meta{color:#444}
    .muted{color:#666}
    .badge{display:inline-block;padding:0 .35rem;border:1px solid #666;border-radius:.25rem;font-size:.85rem;white-space:nowrap}
    .s-done{background:#e3f4e1}.s-progress{background:#fff6d6}.s-not{background:#fbe3e1}
    .ev-met{background:#e3f4e1}.ev-partly{background:#fff6d6}.ev-below{background:#fde9d2}.ev-not{background:#fbe3e1}.ev-none{background:#f1f1f1}
    ul.figures{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0}
    ul.figures li{border:1px solid #bbb;border-radius:.3rem;padding:.4rem .7rem}
    ul.figures strong{font-size:1.3rem}
    .warn{border-left:4px solid #8a5a00;padding:.3rem .6rem;background:#fff6d6}
    .lint-text mark{background:#fbe3e1;outline:1px solid #a33}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem}
    dl.facts dt{font-weight:bold}
    dl.facts dd{margin:0}
    figure{margin:.4rem 0 1rem;max-width:100%;overflow-x:auto}
    svg.chart{max-width:100%;height:auto}
    svg.mini{vertical-align:middle}
    form.inline{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.4rem 0}
    tr.total th{background:#f6f6f6}
    ul.tree{list-style:none;padding-left:1.1rem}
    ul.tree li{margin:.15rem 0}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:.8rem;padding:0;list-style:none}
    .cards li{border:1px solid #bbb;border-radius:.3rem;padding:.7rem}
    @media (max-width:40rem){body{font-size:16px}th,td{padding:.25rem}.wide{display:block;overflow-x:auto}}
    @media print{header.site nav,footer.site,form.inline{display:none}.badge{border-color:#000}header.site{background:none;color:#000}a{color:#000}}
    \(ReportingStyles.css)
    \(FormStyles.css)
    """
}
