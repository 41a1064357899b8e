/// The one stylesheet, the whole design system: no web fonts, no CDN, no build step.
///
/// - A system font stack that has Vietnamese glyphs on every common platform.
/// - Type and spacing scales and colours as custom properties; every text colour is at least
///   4.5:1 on its background (WCAG 2.1 AA), badges too.
/// - Components: the header with a phone menu (a checkbox and its label, no JavaScript), cards,
///   badges for judgements and report states, tables that become stacked cards under 600 px
///   (`table.stacked` with `data-label` on the cells) or scroll inside a labelled `.wide` region,
///   form fields, buttons, flash messages and empty states.
/// - Readable on an old phone at 360 px and in print.
enum Stylesheet {
    static let css = """
    :root{
    --font:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;
    --mono:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;
    --fs-xs:.8125rem;--fs-s:.875rem;--fs-m:1rem;--fs-l:1.125rem;--fs-xl:1.375rem;--fs-xxl:1.75rem;
    --sp-1:.25rem;--sp-2:.5rem;--sp-3:.75rem;--sp-4:1rem;--sp-5:1.5rem;--sp-6:2rem;
    --radius:.375rem;
    --ink:#1b1f24;--muted:#4d5966;--line:#c5ced8;--soft:#f3f5f8;--page:#fff;
    --brand:#15396b;--brand-ink:#fff;--brand-soft:#e7eef8;--link:#0b4ea2;--focus:#c25e00;
    --ok:#1b5e20;--ok-bg:#e3f2e5;--warn:#6b4500;--warn-bg:#fff1cc;--bad:#a4161a;--bad-bg:#fde7e7;
    --info:#0b4a8f;--info-bg:#e5effa;--none:#3f4a55;--none-bg:#eceff2;
    }
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;font-family:var(--font);font-size:var(--fs-m);line-height:1.5;color:var(--ink);background:var(--page)}
    a{color:var(--link);text-underline-offset:.15em}
    a:hover{text-decoration-thickness:2px}
    :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
    img,svg{max-width:100%}
    code,output{font-family:var(--mono);font-size:.92em}
    .skip{position:absolute;left:-999px;top:0}.skip:focus{left:var(--sp-2);z-index:10;background:#fff;padding:var(--sp-2)}
    .nav-toggle{display:none}
    .sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}

    /* Header: brand, menu, who is signed in. Under 600 px the menu folds behind a button-like
       label of a checkbox, so it opens without JavaScript. */
    header.site{background:var(--brand);color:var(--brand-ink)}
    header.site .bar{max-width:80rem;margin:0 auto;padding:var(--sp-2) var(--sp-4);display:flex;flex-wrap:wrap;align-items:center;gap:var(--sp-2) var(--sp-4)}
    header.site a{color:var(--brand-ink);text-decoration:none}
    header.site a:hover{text-decoration:underline}
    header.site .brand{font-weight:700;font-size:var(--fs-l);letter-spacing:.02em;margin-right:auto}
    header.site .menu-button{display:none}
    header.site nav{display:flex;flex-wrap:wrap;align-items:center;gap:var(--sp-1) var(--sp-4);font-size:var(--fs-s)}
    header.site nav a,header.site nav button.link{padding:var(--sp-1) 0}
    header.site .who{opacity:1;color:#dfe8f3}
    header.site form.inline{display:inline}
    button.link{border:0;background:none;color:inherit;padding:0;min-height:0;font:inherit;text-decoration:underline;cursor:pointer}
    header.site button.link{color:var(--brand-ink)}
    footer.site{background:var(--soft);color:var(--muted);font-size:var(--fs-s);margin-top:var(--sp-6);padding:var(--sp-3) var(--sp-4);text-align:center}

    main{max-width:80rem;margin:0 auto;padding:var(--sp-4)}
    h1{font-size:var(--fs-xxl);line-height:1.25;margin:var(--sp-2) 0 var(--sp-4)}
    h2{font-size:var(--fs-xl);line-height:1.3;margin:var(--sp-6) 0 var(--sp-3);padding-bottom:var(--sp-1);border-bottom:2px solid var(--brand)}
    h3{font-size:var(--fs-l);margin:var(--sp-5) 0 var(--sp-2)}
    p{margin:var(--sp-2) 0}
    .meta,.crumbs{color:var(--muted);font-size:var(--fs-s)}
    .muted{color:var(--muted)}
    .hint{color:var(--muted);font-size:var(--fs-s);margin:var(--sp-1) 0}
    .lead{font-size:var(--fs-l)}

    /* Cards and key figures. */
    .card,.cards>li{background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:var(--sp-3) var(--sp-4)}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:var(--sp-3);padding:0;margin:var(--sp-3) 0;list-style:none}
    ul.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:var(--sp-3);list-style:none;padding:0;margin:var(--sp-3) 0}
    ul.figures li{border:1px solid var(--line);border-left:6px solid var(--none);border-radius:var(--radius);padding:var(--sp-2) var(--sp-3);background:#fff}
    ul.figures li.f-met{border-left-color:var(--ok)}ul.figures li.f-partly{border-left-color:#b07800}ul.figures li.f-not{border-left-color:var(--bad)}
    ul.figures strong{display:block;font-size:var(--fs-xxl);line-height:1.2}
    .answers{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:var(--sp-3);margin:var(--sp-3) 0}
    .answers>section{border:1px solid var(--line);border-top:4px solid var(--brand);border-radius:var(--radius);padding:var(--sp-3) var(--sp-4);background:#fff}
    .answers h2{font-size:var(--fs-m);border:0;margin:0 0 var(--sp-2);padding:0;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
    .answers .big{font-size:var(--fs-xxl);font-weight:700;line-height:1.2;margin:0}
    .answers ul{margin:var(--sp-2) 0 0;padding-left:1.1rem}

    /* Badges: the word is always written, the colour only repeats it. */
    .badge{display:inline-block;padding:.05rem .45rem;border:1px solid currentColor;border-radius:999px;font-size:var(--fs-s);font-weight:600;line-height:1.4;white-space:nowrap;color:var(--none);background:var(--none-bg)}
    .ev-met,.s-done,.st-submitted,.st-approved{color:var(--ok);background:var(--ok-bg)}
    .ev-partly,.s-progress,.st-draft,.st-awaitingApproval{color:var(--warn);background:var(--warn-bg)}
    .ev-below{color:#7a3300;background:#fde9d6}
    .ev-not,.s-not,.st-returned{color:var(--bad);background:var(--bad-bg)}
    .ev-none,.st-notStarted{color:var(--none);background:var(--none-bg)}

    /* Messages: flash after an action, warnings, errors, empty states. */
    .flash,p.ok[role=status]{border-left:5px solid var(--ok);background:var(--ok-bg);color:var(--ok);padding:var(--sp-2) var(--sp-3);border-radius:var(--radius);font-weight:600}
    .ok{color:var(--ok);font-weight:600}
    .err{color:var(--bad);margin:var(--sp-1) 0 var(--sp-2)}
    .warn{border-left:4px solid var(--warn);padding:var(--sp-2) var(--sp-3);background:var(--warn-bg);color:#4a3000;margin:var(--sp-1) 0 var(--sp-2);border-radius:var(--radius)}
    .box{border:2px solid var(--line);border-radius:var(--radius);padding:var(--sp-2) var(--sp-4);margin:var(--sp-3) 0}
    .errbox{border-color:var(--bad);background:var(--bad-bg)}.warnbox{border-color:#b07800;background:var(--warn-bg)}.okbox{border-color:var(--ok);background:var(--ok-bg)}
    .empty{border:2px dashed var(--line);border-radius:var(--radius);padding:var(--sp-4);background:var(--soft);color:var(--ink)}
    .empty strong{display:block;margin-bottom:var(--sp-1)}
    details.empty summary strong{display:inline}
    .lint-text mark{background:var(--bad-bg);outline:1px solid var(--bad)}

    /* Tables. A .wide region scrolls sideways on its own and says so; a table.stacked becomes
       one card per row under 600 px, each cell labelled by its data-label. */
    table{border-collapse:collapse;width:100%;margin:var(--sp-2) 0 var(--sp-4);font-size:var(--fs-s)}
    th,td{border:1px solid var(--line);padding:var(--sp-2);vertical-align:top;text-align:left}
    thead th{background:var(--brand-soft);font-weight:600}
    tbody th{background:var(--soft)}
    td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    td.nowrap,td.act .button{white-space:nowrap}
    td.title .muted{font-weight:400;font-size:var(--fs-s)}
    pre{white-space:pre-wrap;overflow-wrap:anywhere;font-family:var(--mono);font-size:var(--fs-s)}
    tr.total th,tr.total td{background:var(--soft);font-weight:600}
    caption{text-align:left;font-weight:600;padding:var(--sp-1) 0}
    .wide{overflow-x:auto;max-width:100%}
    .wide:focus-visible{outline:3px solid var(--focus)}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:var(--sp-1) var(--sp-3)}
    dl.facts dt{font-weight:600}
    dl.facts dd{margin:0}
    ul.tree{list-style:none;padding-left:1.1rem}
    ul.tree li{margin:.15rem 0}
    details.picker code{cursor:pointer;white-space:nowrap}
    details.picker .builder output{font-family:var(--mono)}
    details>summary{cursor:pointer}

    /* Charts: SVG drawn on the server, scaled to the column; each has its figures as text too. */
    figure{margin:var(--sp-2) 0 var(--sp-4);max-width:100%}
    svg.chart{display:block;max-width:100%;height:auto}
    svg.chart text{font-family:var(--font)}
    svg.chart text:not([fill]){fill:var(--ink)}
    svg.mini{vertical-align:middle}
    figure details{font-size:var(--fs-s);margin-top:var(--sp-1)}

    /* Forms: one column, large touch targets, readable at 360 px. */
    label{display:block;margin:var(--sp-2) 0}
    label.check{display:flex;gap:var(--sp-2);align-items:flex-start}
    label.check input[type=radio]{display:inline-block;width:auto;margin:.2rem 0 0;flex:none}
    input,select,textarea,button{font:inherit;max-width:100%}
    input:not([type=checkbox]):not([type=hidden]):not([type=radio]),select,textarea{display:block;width:100%;min-height:2.75rem;padding:var(--sp-2);border:1px solid #6b7682;border-radius:var(--radius);margin-top:var(--sp-1);background:#fff;color:var(--ink)}
    input[type=checkbox],input[type=radio]{width:1.25rem;height:1.25rem;accent-color:var(--brand)}
    [aria-invalid=true]{border-color:var(--bad)!important;outline:2px solid var(--bad)}
    button,.button{display:inline-flex;align-items:center;justify-content:center;gap:var(--sp-1);padding:var(--sp-2) var(--sp-4);border:1px solid var(--brand);border-radius:var(--radius);background:#fff;color:var(--brand);font-weight:600;text-decoration:none;cursor:pointer;min-height:2.75rem}
    button:hover,.button:hover{background:var(--brand-soft)}
    button.primary,.button.primary{background:var(--brand);color:var(--brand-ink)}
    button.primary:hover{background:#0f2b52}
    form.inline{display:inline-flex;gap:var(--sp-2);align-items:flex-end;flex-wrap:wrap;margin:var(--sp-1) 0}
    form.inline label{margin:0}
    form.inline input,form.inline select{display:inline-block;width:auto}
    .stack{max-width:48rem}.narrow{max-width:24rem}
    .buttons{display:flex;flex-wrap:wrap;gap:var(--sp-2)}
    form.search{display:flex;flex-wrap:wrap;align-items:flex-end;gap:0 var(--sp-2);max-width:48rem}
    form.search label{flex:1 1 16rem}
    form.search button{margin:var(--sp-2) 0}
    table.targets input,table.targets select{margin:0;min-width:4.5rem}
    fieldset{border:1px solid var(--line);border-radius:var(--radius);margin:var(--sp-3) 0;padding:var(--sp-2) var(--sp-3);min-width:0}
    fieldset.item legend{font-weight:600;float:left;width:100%;padding:0;margin:0 0 var(--sp-1)}
    fieldset.item legend+*{clear:both}
    .row{display:grid;grid-template-columns:1fr 1fr;gap:var(--sp-3)}
    .computed{background:var(--soft);padding:var(--sp-1) var(--sp-2);margin:var(--sp-1) 0}
    .actions{position:sticky;bottom:0;background:#fff;padding:var(--sp-3) 0;border-top:1px solid var(--line);display:flex;flex-wrap:wrap;gap:var(--sp-2)}
    iframe.preview{width:100%;height:80vh;border:1px solid var(--line);background:#fff}
    #period-form label,#period-form select{display:inline-block;width:auto}

    /* Form designer and consolidated tables. */
    table.designer input:not([type=checkbox]),table.designer select{min-width:3.5rem;margin:0}
    table.form-table th{text-align:center;vertical-align:middle}
    table.form-table tbody th{text-align:left;font-weight:normal;background:none}
    table.form-table tr.numbers th{font-weight:normal;font-style:italic}
    table.form-table tr.total th,table.form-table tr.total td{font-weight:bold}

    @media (max-width:600px){
    main{padding:var(--sp-3)}
    h1{font-size:var(--fs-xl)}
    h2{font-size:var(--fs-l)}
    .row{grid-template-columns:1fr}
    dl.facts{grid-template-columns:1fr;gap:0}
    dl.facts dd{margin-bottom:var(--sp-2)}
    .nav-toggle{display:block;position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
    header.site .menu-button{display:inline-flex;align-items:center;gap:var(--sp-2);padding:var(--sp-1) var(--sp-3);border:1px solid var(--brand-ink);border-radius:var(--radius);cursor:pointer;min-height:2.5rem;font-size:var(--fs-s)}
    header.site .menu-button::before{content:"";width:1rem;height:.75rem;border-top:2px solid;border-bottom:2px solid;background:linear-gradient(currentColor,currentColor) center/100% 2px no-repeat}
    header.site nav{display:none;flex-basis:100%;flex-direction:column;align-items:stretch;gap:0;font-size:var(--fs-m);border-top:1px solid rgba(255,255,255,.3)}
    header.site nav>a,header.site nav>span,header.site nav>form{display:block;padding:var(--sp-2) 0;border-bottom:1px solid rgba(255,255,255,.15)}
    .nav-toggle:checked~nav{display:flex}
    .nav-toggle:focus-visible+.menu-button{outline:3px solid #ffd27a;outline-offset:2px}
    .nav-toggle:checked+.menu-button{background:rgba(255,255,255,.15)}
    table.stacked,table.stacked tbody,table.stacked tr,table.stacked td,table.stacked th{display:block;width:100%}
    table.stacked{border:0}
    table.stacked thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
    table.stacked tr{border:1px solid var(--line);border-radius:var(--radius);margin:0 0 var(--sp-3);padding:var(--sp-2) var(--sp-3);background:#fff}
    table.stacked td,table.stacked tbody th{border:0;padding:var(--sp-1) 0;text-align:left;white-space:normal;background:none}
    table.stacked td[data-label]{display:grid;grid-template-columns:minmax(6.5rem,40%) 1fr;gap:var(--sp-2)}
    table.stacked td[data-label]::before{content:attr(data-label);font-weight:600;color:var(--muted)}
    table.stacked td.title{display:block;font-weight:600;font-size:var(--fs-m)}
    table.stacked td.title::before{content:none}
    table.stacked td:has(>.v:empty){display:none}
    table.stacked .badge{white-space:normal}
    table.stacked td.code{font-size:var(--fs-xs);color:var(--muted);padding:0}
    table.stacked td.act .button{width:100%}
    table.stacked caption{display:block}
    details.picker code{white-space:normal;overflow-wrap:anywhere}
    .wide[data-hint]::before{content:attr(data-hint);display:block;position:sticky;left:0;font-size:var(--fs-xs);color:var(--muted)}
    }
    @media print{header.site nav,header.site .menu-button,footer.site,form.inline{display:none}.badge{border-color:#000;color:#000;background:none}header.site{background:none;color:#000}header.site a{color:#000}a{color:#000}body{font-size:11pt}}
    """
}
