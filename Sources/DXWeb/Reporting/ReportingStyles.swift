/// Styles of forms and reporting pages: one column, large touch targets, readable at 360 px.
enum ReportingStyles {
    static let css = """
    label{display:block;margin:.45rem 0}
    label.check{display:flex;gap:.4rem;align-items:flex-start}
    input,select,textarea,button{font:inherit;max-width:100%}
    input:not([type=checkbox]):not([type=hidden]),select,textarea{display:block;width:100%;padding:.4rem;border:1px solid #777;border-radius:.2rem;margin-top:.15rem}
    [aria-invalid=true]{border-color:#b00020;outline:2px solid #b00020}
    button,.button{display:inline-block;padding:.45rem .9rem;border:1px solid #16365c;border-radius:.25rem;background:#eef1f5;color:#16365c;text-decoration:none;cursor:pointer;min-height:2.5rem}
    button.primary{background:#16365c;color:#fff}
    button.link{border:none;background:none;color:#fff;padding:0;min-height:0;text-decoration:underline}
    form.inline{display:inline}
    form.inline input{display:inline-block;width:auto}
    .stack{max-width:48rem}.narrow{max-width:24rem}
    fieldset{border:1px solid #bbb;border-radius:.3rem;margin:.8rem 0;padding:.5rem .8rem}
    fieldset.item legend{font-weight:bold;float:left;width:100%;padding:0;margin:0 0 .3rem}
    fieldset.item legend+*{clear:both}
    .row{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
    .err{color:#b00020;margin:.1rem 0 .4rem}
    .warn{color:#7a4d00;margin:.1rem 0 .4rem}
    .ok{color:#1b5e20;font-weight:bold}
    .box{border:2px solid #999;border-radius:.3rem;padding:.5rem .8rem;margin:.6rem 0}
    .errbox{border-color:#b00020;background:#fdf0f0}.warnbox{border-color:#c28a00;background:#fff8e1}
    .computed{background:#f3f6f9;padding:.3rem .5rem;margin:.3rem 0}
    .actions{position:sticky;bottom:0;background:#fff;padding:.6rem 0;border-top:1px solid #ccc}
    .hint{color:#555;font-size:.9rem;margin:.1rem 0}
    .crumbs{font-size:.9rem}
    .who{opacity:.9}
    iframe.preview{width:100%;height:80vh;border:1px solid #999;background:#fff}
    .st-submitted,.st-approved{background:#e3f4e1}.st-returned{background:#fbe3e1}.st-draft{background:#fff6d6}
    @media (max-width:40rem){.row{grid-template-columns:1fr}header.site nav a,header.site nav form{display:inline-block;margin:.15rem .5rem .15rem 0}}
    """
}
