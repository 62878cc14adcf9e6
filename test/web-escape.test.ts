/**
 * Hostile strings in every field — title, URL, text, speaker names, roles, timex values — come out of every page
 * escaped: no element, attribute or `javascript:` link of theirs survives, and direction overrides are shown as
 * visible escapes. (String checks; the browser tests check that nothing executes.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCHEMA_ID, type AnalysisOut, type Span } from '../src/model/format.js';
import { esc, safeHttpUrl } from '../src/web/security.js';
import { get, seg, serveAnalyses, type TestServer } from './web-helpers.js';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(2)>';
const RLO = '\u202Etxt.exe';
const NAME = `Eve ${BREAKOUT} Mallory`;
const TEXT = `${NAME} said that ${SCRIPT} was harmless ${RLO}. It happened on 'javascript:alert(3)' day.`;

function span(s: string): Span {
  const at = TEXT.indexOf(s);
  if (at < 0) throw new Error(`missing ${s}`);
  return { start: at, end: at + s.length, text: s };
}

function hostile(): AnalysisOut {
  const content = `${SCRIPT} was harmless ${RLO}`;
  return {
    schema: SCHEMA_ID,
    document: { id: `evil"><script>x</script>`, title: `${SCRIPT}${BREAKOUT}${RLO}`, url: 'javascript:alert(4)', published: '2024-05-01',
      publishedSource: 'metadata', language: 'en', text: TEXT, source: `${BREAKOUT}.txt` },
    warnings: [`warning ${SCRIPT}`],
    entities: [{ id: 'e1', name: NAME, type: 'PERSON', roles: [`role ${BREAKOUT}`], roleSpans: [], mentions: [{ ...span(NAME), kind: 'name' }] }],
    statements: [{ id: 's1', kind: 'indirect', speaker: { mention: span(NAME), entity: 'e1', name: null, entities: [] }, cue: span('said'),
      content: [span(content)], channel: span("'javascript:alert(3)'"), via: [], addressee: null, time: 't1' }],
    timexes: [{ id: 't1', ...span("'javascript:alert(3)' day"), type: 'DATE', value: `2024-05-01${BREAKOUT}`, resolved: true }],
    claims: [{ id: 'c1', statement: 's1', text: span(content), status: 'asserted', by: ['e1'], evidence: null }],
    events: [], quantities: [],
  };
}

function assertClean(html: string, where: string): void {
  assert.ok(!html.includes('<script>alert'), `${where}: raw <script>`);
  assert.ok(!html.includes('<script>x'), `${where}: raw <script> from the id`);
  assert.ok(!/<img/i.test(html), `${where}: raw <img>`);
  assert.ok(!/onerror=alert\(2\)>/.test(html.replace(/&gt;/g, '')) || !/<[^>]*onerror=/i.test(html), `${where}: an onerror attribute`);
  assert.ok(!/href="\s*javascript:/i.test(html), `${where}: a javascript: link`);
  assert.ok(!html.includes('\u202E'), `${where}: a raw direction override`);
  // Every tag on the page is one the app writes; none comes from the data.
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)) {
    assert.ok(ALLOWED_TAGS.has(m[1]!.toLowerCase()), `${where}: unexpected <${m[1]}>`);
  }
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'link', 'script', 'body', 'a', 'header', 'nav', 'ul', 'li', 'main', 'h1', 'h2', 'h3',
  'footer', 'p', 'dl', 'dt', 'dd', 'code', 'div', 'section', 'span', 'ol', 'q', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'form', 'label',
  'input', 'button', 'select', 'option', 'time', 'mark', 'blockquote', 'br', 'strong', 'svg', 'desc', 'line', 'text', 'g', 'circle', 'rect', 'textarea']);

describe('web escaping', () => {
  let t: TestServer;
  let base: string;
  let speakerId: string;
  before(async () => {
    t = await serveAnalyses([hostile()]);
    base = t.web.url;
    speakerId = JSON.parse((await get(base, '/speakers.json')).text).results[0].id;
  });
  after(async () => { await t.stop(); });

  it('escapes hostile text, names, titles, ids and URLs on every page', async () => {
    const id = seg(hostile().document.id);
    const pages = [`/article/${id}`, '/', '/articles', '/speakers', `/speaker/${seg(speakerId)}`, '/claims', '/search?q=harmless',
      '/stories', `/story/${id}`];
    for (const p of pages) {
      const r = await get(base, p);
      assert.equal(r.status, 200, `${p}: ${r.text.slice(0, 300)}`);
      assertClean(r.text, p);
      const scripts = [...r.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, ['<script src="/static/app.js" defer>'], `${p}: only the app's own script file`);
    }
    const article = (await get(base, `/article/${id}`)).text;
    assert.ok(article.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text is shown, escaped');
    assert.ok(article.includes('&lt;U+202E&gt;'), 'the direction override is visible');
    assert.ok(article.includes('<span class="url">javascript:alert(4)</span>'), 'a javascript: URL is text, not a link');
    assert.ok(article.includes('Eve &quot;&gt;&lt;img src=x onerror=alert(2)&gt; Mallory'), 'the speaker name, escaped');
  });

  it('error pages escape what the request said', async () => {
    const r = await get(base, `/article/${seg(SCRIPT + BREAKOUT)}`);
    assert.equal(r.status, 404);
    assertClean(r.text, 'error page');
  });

  it('esc and safeHttpUrl', () => {
    assert.equal(esc(`<a href="x" onclick='y'>&\``), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
    assert.equal(safeHttpUrl('javascript:alert(1)'), null);
    assert.equal(safeHttpUrl(' JaVaScRiPt:alert(1)'), null);
    assert.equal(safeHttpUrl('data:text/html,<b>'), null);
    assert.equal(safeHttpUrl('/relative'), null);
    assert.equal(safeHttpUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  });
});
