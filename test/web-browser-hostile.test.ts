/**
 * Hostile input in a real browser: articles whose text, title, URL, id and speaker, entity, role, channel, claim
 * and time-expression fields carry `<script>`, `<img onerror>`, attribute breakouts, `javascript:` URLs and Unicode
 * direction controls go into the store three ways (the analyse form, `claimline ingest`, and an analysis stored
 * with every name and label replaced, since the pipeline itself never makes a name out of markup). Then every page
 * type the app links to is opened in headless Chromium, and the test checks in the page that nothing ran: no dialog
 * opened, the flag every payload sets is unset, no element or handler the payloads carry exists in the DOM, no link
 * has a script URL, and no direction control can reorder the text around it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { analyze } from '../src/pipeline/analyze.js';
import type { AnalysisOut } from '../src/model/format.js';
import { SqliteStore } from '../src/store/index.js';
import { updateStoreCorpus } from '../src/store/corpus-state.js';
import { analyseThroughForm, ingestRecords, launchBrowser, newContext, startServer, tempStore, watchPage, type PageWatch, type RunningServer, SERVE_MISSING } from './browser.js';

/** Every payload sets `window.__pwned` to where it came from and opens a dialog, so either shows it ran. */
const run = (tag: string) => `window.__pwned='${tag}';alert('${tag}')`;
const SCRIPT = (tag: string) => `<script>${run(tag)}</script>`;
const IMG = (tag: string) => `<img src=x onerror="${run(tag)}">`;
const BREAKOUT = (tag: string) => `"'><svg onload="${run(tag)}">`;
const JS_URL = (tag: string) => `javascript:${run(tag)}`;
const RLO = '\u202E';
const LRI = '\u2066';
const PDI = '\u2069';
const all = (tag: string) => `${SCRIPT(tag)} ${IMG(tag)} ${BREAKOUT(tag)} ${RLO}gpj.exe${LRI}x${PDI}`;

/** An article of my own with payloads where the speakers, quotes, dates and places are. */
const hostileText = (tag: string) => `Council ${SCRIPT(`${tag}-title`)} votes on bridge

Mayor Jane "'><svg onload="${run(`${tag}-name`)}"> Okoro said on Monday that the ${SCRIPT(`${tag}-content`)} bridge would open in May.

"The budget ${IMG(`${tag}-quote`)} is balanced," said finance chief Pavel Lindqvist, according to the ${BREAKOUT(`${tag}-channel`)} council minutes.

Health minister Ada ${RLO}sirroN${PDI} told reporters on Tuesday that the clinics were safe, a claim the opposition denied.

Senator Tom ${LRI}Reyes${PDI} said the port had not been sold, which was never confirmed by the harbour board.
`;

/**
 * `a` with every name, label and quoted text replaced by payload-laced strings (spans keep their offsets, so the
 * page still finds the highlights): what a store written by another tool, or a future pipeline, could hold.
 */
function poisoned(a: AnalysisOut, tag: string): AnalysisOut {
  const p = structuredClone(a);
  const lace = (s: string, field: string) => `${s} ${all(`${tag}-${field}`)}`;
  p.document = { ...p.document, id: `${tag}-${IMG(`${tag}-id`)}`, title: lace(p.document.title ?? 'untitled', 'title'), url: JS_URL(`${tag}-url`), source: lace('source', 'source') };
  for (const e of p.entities) {
    e.name = lace(e.name, 'entity');
    e.roles = e.roles.map((r) => lace(r, 'role'));
    for (const m of e.mentions) m.text = lace(m.text, 'mention');
  }
  for (const s of p.statements) {
    if (s.speaker.name) s.speaker.name = lace(s.speaker.name, 'speaker');
    if (s.speaker.mention) s.speaker.mention.text = lace(s.speaker.mention.text, 'speaker-mention');
    if (s.cue) s.cue.text = lace(s.cue.text, 'cue');
    for (const c of s.content) c.text = lace(c.text, 'content');
    if (s.channel) s.channel.text = lace(s.channel.text, 'channel');
    if (s.addressee) s.addressee.text = lace(s.addressee.text, 'addressee');
  }
  for (const c of p.claims) {
    c.text.text = lace(c.text.text, 'claim');
    if (c.evidence) c.evidence.text = lace(c.evidence.text, 'evidence');
  }
  for (const t of p.timexes) {
    t.text = lace(t.text, 'timex');
    // The value is written into attributes (data-value, title): the breakout is aimed there.
    t.value = `${t.value}${BREAKOUT(`${tag}-timex-value`)}`;
  }
  p.warnings = [...p.warnings, lace('warning', 'warning')];
  return p;
}

interface Problem { where: string; what: string }

/**
 * What on the open page shows a payload ran or could run: the flag, markup the payloads carry present as
 * elements, script-URL links and form targets, raw direction controls outside an isolating element.
 */
async function inPageProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as { __pwned?: string };
    if (w.__pwned !== undefined) found.push(`a payload ran: window.__pwned = ${w.__pwned}`);
    for (const s of document.querySelectorAll('script')) {
      if (!s.src) found.push(`inline <script>: ${s.textContent?.slice(0, 80)}`);
      else if (new URL(s.src).origin !== location.origin) found.push(`script from elsewhere: ${s.src}`);
    }
    const handlers = [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`));
    found.push(...handlers.map((h) => `event-handler attribute ${h}`));
    // (An <svg> alone is no sign: the timeline is one. The payloads' svg carries an onload, caught above.)
    for (const el of document.querySelectorAll('iframe, object, embed, img[src="x"], base, meta[http-equiv]')) found.push(`injected <${el.tagName.toLowerCase()}>`);
    const bad = (u: string) => /^(javascript|data|vbscript):/i.test(u);
    for (const a of document.querySelectorAll('a[href], area[href]')) {
      const href = (a as HTMLAnchorElement).href;
      if (bad(href)) found.push(`script URL link: ${href.slice(0, 80)}`);
    }
    for (const f of document.querySelectorAll('form')) if (bad(f.action)) found.push(`script URL form: ${f.action}`);
    const controls = /[\u202A-\u202E\u2066-\u2069]/;
    if (controls.test(document.title)) found.push('a raw direction control in the page title');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!controls.test(n.nodeValue ?? '')) continue;
      // The control's own element must isolate it (a block does, by the browser's default style; <bdi> or
      // unicode-bidi: isolate does): in an inline element it would reorder the text that follows it.
      const el = n.parentElement;
      const ub = el ? getComputedStyle(el).unicodeBidi : 'normal';
      const isolated = el?.tagName === 'BDI' || ub === 'isolate' || ub === 'isolate-override' || ub === 'plaintext';
      if (!isolated) found.push(`a raw direction control outside an isolating element: ${JSON.stringify((n.nodeValue ?? '').slice(0, 60))}`);
    }
    return found;
  });
}

/** The Content-Security-Policy of a response: present, and no inline or eval'd script allowed. */
function cspProblem(response: Response | null): string | null {
  const csp = response?.headers()['content-security-policy'];
  if (!csp) return 'no Content-Security-Policy header';
  const scripts = /(?:^|;)\s*script-src([^;]*)/.exec(csp)?.[1] ?? /(?:^|;)\s*default-src([^;]*)/.exec(csp)?.[1];
  if (scripts === undefined) return `the policy does not restrict scripts: ${csp}`;
  if (/'unsafe-inline'|'unsafe-eval'/.test(scripts)) return `script-src allows inline or eval'd script: ${csp}`;
  return null;
}

describe('hostile input in a real browser', { skip: SERVE_MISSING }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let store: ReturnType<typeof tempStore>;

  before(async () => {
    store = tempStore('claimline-web-hostile-');
    browser = await launchBrowser();
    context = await newContext(browser);
    // Stored before the server starts: the tool's own ingest of hostile records, and poisoned analyses.
    await ingestRecords(store.file, [
      { id: `cli-${SCRIPT('cli-id')}`, title: `Cli ${SCRIPT('cli-title')} ${BREAKOUT('cli-title2')}`, url: JS_URL('cli-url'), published: '2024-05-02', text: hostileText('cli') },
      { id: 'cli-plain-id', title: `Port ${RLO}txt.exe${PDI} sale`, url: `https://example.org/"'><svg onload="${run('cli-url2')}">`, published: '2024-05-03', text: hostileText('cli2') },
    ], store.dir);
    const sqlite = SqliteStore.open(store.file);
    try {
      for (const tag of ['poison-a', 'poison-b']) {
        const a = analyze({ text: hostileText(tag), id: tag, title: `Bridge vote ${tag}`, url: 'https://example.org/bridge', published: '2024-05-04' });
        await sqlite.ingest(poisoned(a, tag));
      }
      await updateStoreCorpus(sqlite);
    } finally {
      await sqlite.close();
    }
    server = await startServer(store.file);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    store?.remove();
  });

  /** Opens `path`, lets late handlers (image errors) fire, and records any problem against `where`. */
  async function visit(page: Page, watch: PageWatch, path: string, problems: Problem[]): Promise<{ status: number; links: string[] }> {
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    // Image error handlers and onload attributes would fire right after load; give them a moment to show.
    await page.waitForTimeout(150);
    const where = decodeURIComponent(path).slice(0, 120);
    const status = response?.status() ?? 0;
    if (status >= 500) problems.push({ where, what: `server error ${status}` });
    const csp = cspProblem(response);
    if (csp) problems.push({ where, what: csp });
    for (const what of await inPageProblems(page)) problems.push({ where, what });
    for (const d of watch.dialogs.splice(0)) problems.push({ where, what: `dialog opened: ${d}` });
    for (const e of watch.pageErrors.splice(0)) problems.push({ where, what: `page error: ${e}` });
    // Same-origin page links, for the crawl (downloads, JSON twins and static files are not pages).
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href)
      .filter((h) => h.startsWith(location.origin)).map((h) => h.slice(location.origin.length).replace(/#.*$/, ''))
      .filter((h) => !/\/export(\?|$)|\.json(\?|$)|^\/static\//.test(h)));
    return { status, links };
  }

  describe('hostile input in every field, every page type', { timeout: 600_000 }, () => {
    it('the checks see a payload that runs (on a page without the app\'s escaping or policy)', async () => {
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.setContent(`<p>${IMG('control')}</p><a href="${JS_URL('control-link')}">x</a><p>a <span>b${RLO}c</span> d</p>`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { __pwned?: string }).__pwned !== undefined, undefined, { timeout: 5_000 });
      const found = await inPageProblems(page);
      for (const sign of ['a payload ran', 'event-handler attribute', 'script URL link', 'a raw direction control']) {
        assert.ok(found.some((f) => f.startsWith(sign)), `the checks report "${sign}": ${found.join('; ')}`);
      }
      assert.equal(watch.dialogs.length, 1, 'the dialog listener sees the alert');
      await page.close();
    });

    it('the analyse form takes a hostile article and its page runs nothing', async () => {
      const page = await context.newPage();
      const watch = watchPage(page);
      const url = await analyseThroughForm(page, server.url, { text: hostileText('form'), title: `Form ${SCRIPT('form-title')} ${RLO}cod.exe`, url: JS_URL('form-url'), published: '2024-05-05' });
      const problems: Problem[] = [];
      await visit(page, watch, new URL(url).pathname + new URL(url).search, problems);
      // The form's own error page echoes what was wrong: a hostile value there must be inert too.
      await page.goto(`${server.url}/analyse`);
      await page.locator('textarea[name="text"]').fill(`x ${IMG('form-error')}`);
      await page.locator('input[name="published"]').evaluate((el, v) => { (el as HTMLInputElement).type = 'text'; (el as HTMLInputElement).value = v; }, `2024-13-45${SCRIPT('form-error-date')}`);
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/analyse'),
        page.locator('form[action="/analyse"] [type="submit"]').click()]);
      await page.waitForLoadState('load');
      await page.waitForTimeout(150);
      for (const what of await inPageProblems(page)) problems.push({ where: 'analyse error page', what });
      for (const d of watch.dialogs.splice(0)) problems.push({ where: 'analyse error page', what: `dialog opened: ${d}` });
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('no page the app links to runs a payload, and every page type is reached', async () => {
      const page = await context.newPage();
      const watch = watchPage(page);
      const csp: string[] = [];
      page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
      const problems: Problem[] = [];
      // Hostile queries and ids in the address too: search terms and unknown ids are echoed on the page.
      const queue = ['/', `/search?q=${encodeURIComponent(SCRIPT('q'))}`, `/search?q=${encodeURIComponent(BREAKOUT('q2'))}`,
        `/article/${encodeURIComponent(IMG('missing-id'))}`, `/speakers?q=${encodeURIComponent(BREAKOUT('speaker-q'))}`,
        `/claims?status=${encodeURIComponent(SCRIPT('status'))}`];
      const seen = new Set<string>();
      const types = new Map<string, number>();
      // Every page type is reached well within this many pages; the cap keeps the crawl bounded on a big store.
      while (queue.length && seen.size < 120) {
        const path = queue.shift()!;
        if (seen.has(path)) continue;
        seen.add(path);
        const { status, links } = await visit(page, watch, path, problems);
        // A page type counts as reached when one of its pages was served (not a 404 for a hostile id).
        const type = path.split(/[/?]/)[1] || 'home';
        if (status === 200) types.set(type, (types.get(type) ?? 0) + 1);
        for (const next of links) if (!seen.has(next)) queue.push(next);
      }
      if (csp.length) process.stderr.write(`# for information: the CSP blocked ${csp.length} thing(s), e.g. ${csp[0]}\n`);
      for (const type of ['article', 'articles', 'speaker', 'speakers', 'claim', 'claims', 'search', 'story']) {
        assert.ok(types.has(type), `reached a ${type} page (reached: ${[...types.keys()].join(', ')})`);
      }
      assert.deepEqual(problems, [], `${problems.length} problem(s) on ${seen.size} pages`);
      await page.close();
    });
  });
});
