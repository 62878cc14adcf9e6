/**
 * The app's one stylesheet and one script, served as files (/static/app.css, /static/app.js) because the
 * Content-Security-Policy allows no inline style or script. The pages work without the script: statements are
 * links to their details; the script only turns the details list into a panel that shows the selected one.
 */

const HUES = [210, 25, 130, 280, 0, 55, 175, 320, 95, 245, 345, 150];

const speakerCss = HUES.map((h, i) => `.spk-${i}{--spk:hsl(${h} 70% 88%);--spk-line:hsl(${h} 60% 32%)}`).join('\n');

export const APP_CSS = `:root{--fg:#1a1a1a;--bg:#fff;--muted:#555;--line:#ccc;--focus:#0b57d0;--link:#0645ad;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0;padding:0 1rem 2rem;max-width:78rem;margin-inline:auto}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip-link:focus{left:.5rem;z-index:10}
header.site nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:.75rem 0;margin:0;border-bottom:1px solid var(--line)}
header.site a[aria-current="page"]{font-weight:700;text-decoration-thickness:3px}
h1{font-size:1.6rem;overflow-wrap:anywhere}
h2{font-size:1.2rem;margin-top:2rem}
h3{font-size:1rem;margin:.25rem 0}
code{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.fields dt{font-weight:600;color:var(--muted)}
dl.fields dd{margin:0;overflow-wrap:anywhere}
.none{color:var(--muted)}
.hint{color:var(--muted);font-size:.9rem}
.article-layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem}
.article-text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem;line-height:1.7}
${speakerCss}
.spk-none{--spk:#e6e6e6;--spk-line:#444}
a.stmt{background:var(--spk);color:inherit;text-decoration:none;border-bottom:2px solid var(--spk-line);padding:0 .1rem}
a.stmt:hover,a.stmt.selected{outline:2px solid var(--spk-line)}
.speaker-label{font-family:system-ui,sans-serif;font-size:.75rem;font-weight:700;background:var(--spk-line);color:#fff;border-radius:.25rem;padding:0 .3rem;margin-right:.2rem;white-space:nowrap}
.speaker-label::after{content:":"}
.speaker-mention{font-weight:700}
.cue{text-decoration:underline dotted}
.timex{border-bottom:1px dashed #666}
.statement-index{padding-left:1.5rem}
a.stmt-index{border-left:.5rem solid var(--spk-line);padding-left:.3rem}
.statement-detail{border-left:.5rem solid var(--spk-line);padding:.25rem .75rem;margin:.75rem 0;background:#fafafa}
.statement-detail:target,.statement-detail.selected{background:var(--spk)}
.status{font-weight:700;text-transform:uppercase;font-size:.8rem;padding:0 .3rem;border:1px solid currentColor;border-radius:.2rem}
.status-denied,.status-retracted{color:#a00}
.status-confirmed{color:#060}
.status-unconfirmed,.status-disputed{color:#8a5a00}
form.filters,form.analyse{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
form.filters label{display:block;font-size:.85rem;color:var(--muted)}
form.analyse{display:block}
form.analyse label{display:block;font-weight:600}
textarea{width:100%;font:inherit}
input,select,button,textarea{font:inherit;padding:.35rem .5rem;max-width:100%}
button{cursor:pointer}
.facets{display:flex;flex-wrap:wrap;gap:1rem}
.facets section{min-width:12rem}
.facets ul{list-style:none;padding:0;margin:0}
.facet a[aria-current="true"]{font-weight:700}
.pager{margin:1rem 0;display:flex;gap:1rem}
.snippet mark{background:#ffe58a}
.timeline-svg{width:100%;height:auto;max-width:100%;border:1px solid var(--line)}
.timeline-svg text{font-size:11px;font-family:system-ui,sans-serif}
.legend span{margin-right:1rem}
footer.site{margin-top:3rem;border-top:1px solid var(--line);color:var(--muted)}
.export{margin-left:.5rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.4rem;background:var(--spk-line);border-radius:50%}
.superseded{color:var(--muted);text-decoration:line-through}
body.enhanced .statement-detail[hidden]{display:none}
body.enhanced .statement-details{position:sticky;top:0}
@media (max-width:48rem){.article-layout{grid-template-columns:1fr}dl.fields{grid-template-columns:1fr}body{padding:0 .6rem 2rem}h1{font-size:1.3rem}}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto}}
`;

/** Progressive enhancement of the article page: selecting a statement shows its details beside the text. */
export const APP_JS = `'use strict';
(function () {
  var details = document.getElementById('statement-details');
  if (!details) return;
  document.body.classList.add('enhanced');
  var sections = details.querySelectorAll('.statement-detail');
  function select(id, focus) {
    var shown = null;
    for (var i = 0; i < sections.length; i++) {
      var on = sections[i].getAttribute('data-statement') === id;
      sections[i].hidden = !on;
      sections[i].classList.toggle('selected', on);
      if (on) shown = sections[i];
    }
    var links = document.querySelectorAll('a.stmt, a.stmt-index');
    for (var j = 0; j < links.length; j++) {
      var sel = links[j].getAttribute('data-statement') === id;
      links[j].classList.toggle('selected', sel);
      if (sel) links[j].setAttribute('aria-current', 'true'); else links[j].removeAttribute('aria-current');
    }
    if (shown) {
      if (history.replaceState) history.replaceState(null, '', '#st-' + id);
      if (focus) shown.focus();
    }
    return shown;
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    var a = t && t.closest ? t.closest('a.stmt, a.stmt-index, a[data-back]') : null;
    if (!a) return;
    if (a.hasAttribute('data-back')) {
      var q = document.getElementById('q-' + a.getAttribute('data-back') + '-1');
      if (q) { e.preventDefault(); q.focus(); }
      return;
    }
    if (select(a.getAttribute('data-statement'), true)) e.preventDefault();
  });
  var m = /^#st-(.+)$/.exec(location.hash);
  for (var k = 0; k < sections.length; k++) sections[k].hidden = true;
  if (m) select(decodeURIComponent(m[1]), false);
})();
`;
