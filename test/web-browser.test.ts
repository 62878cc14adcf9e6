/**
 * The web app in a real browser (headless Debian Chromium through playwright-core) against `claimline serve` run
 * as a child process over a fresh SQLite store: the seed wire report analysed through the analyse form and read
 * as a fact-checker would (its quote highlighted and selected, the speaker's page, a search, a claim card, the
 * ClaimReview download), then keyboard use and phone width on an article written here. What the seed checks
 * expect (speaker, channel, claim status and parties) is read from its gold file at run time.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { analyseThroughForm, horizontalOverflow, launchBrowser, newContext, startServer, tempStore, watchPage, type RunningServer, SERVE_MISSING } from './browser.js';
import type { SeedGold } from './seed-article.js';
import { HAS_SHARED, NO_SHARED, SHARED } from './shared.js';

const SEED = path.join(SHARED, 'examples/matsegora-wounded-soldiers');

/** An article written for these tests: named speakers with roles, a direct quote, a denial, an unconfirmed claim. */
const HARBOUR_ARTICLE = `Harbour master says ferry terminal will open late

EASTBRIDGE, March 4 - The new ferry terminal in Eastbridge will open three months late, harbour master Ines Barros said on Monday.

"We found cracks in two of the pier foundations, and we will not open a terminal that is not safe," Barros told the city council.

The construction company, Northline Works, denied that the foundations were cracked. Its chief executive, Oren Halvorsen, said in a statement that the delay was caused by late steel deliveries.

City councillor Priya Tanaka said the council had warned the company about the foundations last year, a claim that was never confirmed by the harbour authority.
`;

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The one statement highlight in the text whose words include the start of `quote`. */
function highlightOf(page: Page, quote: string): Locator {
  return page.locator('#article-text a.stmt').filter({ hasText: squash(quote).slice(0, 40) }).first();
}

/** The detail panel a statement highlight leads to (its href is the fragment of the detail's id). */
async function detailOf(page: Page, highlight: Locator): Promise<Locator> {
  const href = await highlight.getAttribute('href');
  assert.ok(href && href.startsWith('#'), `a statement highlight links to its details, got href=${href}`);
  return page.locator(`[id="${href.slice(1)}"]`);
}

describe('the web app in a real browser', { skip: SERVE_MISSING }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: RunningServer;
  let store: ReturnType<typeof tempStore>;

  before(async () => {
    store = tempStore('claimline-web-browser-');
    browser = await launchBrowser();
    context = await newContext(browser, { downloads: true });
    server = await startServer(store.file);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    store?.remove();
  });

  describe('the seed article in the browser', { skip: HAS_SHARED ? false : NO_SHARED, timeout: 300_000 }, () => {
    let gold: SeedGold;
    let articleUrl: string;
    let page: Page;

    before(async () => {
      gold = JSON.parse(fs.readFileSync(`${SEED}.gold.json`, 'utf8')) as SeedGold;
      page = await context.newPage();
    });

    it('analysed through the form, its quote is highlighted, and selecting it shows speaker and channel', async () => {
      const watch = watchPage(page);
      const published = (gold as unknown as { document: { published: string } }).document.published;
      articleUrl = await analyseThroughForm(page, server.url, { text: fs.readFileSync(`${SEED}.txt`, 'utf8'), published });
      const quote = gold.quotes.find((q) => q.channel);
      assert.ok(quote, 'the seed gold has a quote with a channel');
      const highlight = highlightOf(page, quote.text);
      await highlight.waitFor({ state: 'visible' });
      const background = await highlight.evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.doesNotMatch(background, /^(transparent|rgba\(0, 0, 0, 0\))$/, 'the quote is highlighted (has a background)');
      // Readable without colour: the speaker's name is written beside the highlight, not only its hue.
      const label = await highlight.evaluate((el) => el.previousElementSibling?.textContent ?? '');
      assert.match(label, new RegExp(quote.speaker), 'a speaker label precedes the highlight');

      await highlight.click();
      const detail = await detailOf(page, highlight);
      await detail.waitFor({ state: 'visible' });
      const text = squash(await detail.textContent());
      assert.ok(text.includes(quote.speaker), `the selected statement names ${quote.speaker}: ${text.slice(0, 300)}`);
      assert.ok(text.includes(quote.channel!), `the selected statement shows the channel "${quote.channel}": ${text.slice(0, 400)}`);
      assert.deepEqual(watch.dialogs, []);
      assert.deepEqual(watch.pageErrors, []);
    });

    it('selecting the reported claim shows its status and the parties', async () => {
      for (const cs of gold.claim_status) {
        const quote = gold.quotes.find((q) => q.id === cs.quote)!;
        const highlight = highlightOf(page, quote.text);
        await highlight.click();
        const detail = await detailOf(page, highlight);
        await detail.waitFor({ state: 'visible' });
        const claim = detail.locator(`[data-status="${cs.status}"]`).first();
        await claim.waitFor({ state: 'visible' });
        const claimText = squash(await claim.textContent());
        assert.match(claimText, new RegExp(cs.status, 'i'), 'the status is written out, not only coloured');
        for (const party of cs.by) assert.ok(claimText.includes(party), `claim parties include ${party}: ${claimText}`);
      }
    });

    it("opens the speaker's page with every statement he made", async () => {
      const quote = gold.quotes.find((q) => q.channel)!;
      await page.goto(articleUrl);
      const highlight = highlightOf(page, quote.text);
      await highlight.click();
      const detail = await detailOf(page, highlight);
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/speaker/')), detail.getByRole('link', { name: quote.speaker }).first().click()]);
      assert.match(squash(await page.locator('h1').textContent()), new RegExp(quote.speaker));
      const body = squash(await page.locator('main').textContent());
      const his = gold.quotes.filter((q) => q.speaker === quote.speaker);
      const shown = his.filter((q) => body.includes(squash(q.text).slice(0, 30)));
      assert.equal(shown.length, his.length, `the speaker page lists all ${his.length} of his statements; missing: ${his.filter((q) => !shown.includes(q)).map((q) => q.id)}`);
    });

    it('finds the article by a word of its quote through the search form', async () => {
      const quote = gold.quotes.find((q) => q.channel)!;
      // The longest word of the quote: rare enough to find this article among others.
      const word = quote.text.split(/[^A-Za-z]+/).sort((a, b) => b.length - a.length)[0]!;
      await page.goto(server.url + '/');
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/search')), page.getByRole('link', { name: 'Search', exact: true }).first().click()]);
      const box = page.locator('main form input[name="q"]').first();
      await box.fill(word);
      await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === word), box.press('Enter')]);
      const articlePath = new URL(articleUrl).pathname;
      const hits = page.locator(`main a[href^="${articlePath}"]`);
      await hits.first().waitFor({ state: 'visible' });
      assert.ok(squash(await page.locator('main').textContent()).toLowerCase().includes(word.toLowerCase()), 'the results show the matched word');
    });

    it('filters claims by status and opens a claim card with the status by party', async () => {
      const cs = gold.claim_status[0]!;
      await page.goto(server.url + '/claims');
      const status = page.locator('main form select[name="status"]').first();
      await status.selectOption(cs.status);
      await Promise.all([page.waitForURL((u) => u.searchParams.get('status') === cs.status), status.evaluate((el) => (el as HTMLSelectElement).form!.requestSubmit())]);
      const cards = page.locator('main a[href^="/claim/"]');
      await cards.first().waitFor({ state: 'visible' });
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/claim/')), cards.first().click()]);
      const card = squash(await page.locator('main').textContent());
      assert.match(card, new RegExp(cs.status, 'i'));
      for (const party of cs.by) assert.ok(card.includes(party), `the claim card names ${party}: ${card.slice(0, 400)}`);
    });

    it('downloads ClaimReview JSON-LD that parses, with @type ClaimReview', async () => {
      await page.goto(articleUrl);
      const link = page.locator('a[href*="claimreview" i]').first();
      await link.waitFor({ state: 'attached' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = await download.path();
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      const nodes: Record<string, unknown>[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') { nodes.push(v as Record<string, unknown>); Object.values(v).forEach(walk); }
      };
      walk(doc);
      const reviews = nodes.filter((n) => n['@type'] === 'ClaimReview');
      assert.ok(reviews.length > 0, `the download holds ClaimReview nodes: ${JSON.stringify(doc).slice(0, 300)}`);
      assert.ok(JSON.stringify(doc).includes('schema.org'), 'the JSON-LD context is schema.org');
      for (const r of reviews) assert.equal(typeof r.claimReviewed, 'string', 'each ClaimReview names the claim reviewed');
    });
  });

  describe('keyboard and phone width', { timeout: 300_000 }, () => {
    let articleUrl: string;

    before(async () => {
      const page = await context.newPage();
      articleUrl = await analyseThroughForm(page, server.url, { text: HARBOUR_ARTICLE, published: '2024-03-05' });
      await page.close();
    });

    it('Tab reaches the statements and Enter selects one', async () => {
      const page = await context.newPage();
      await page.goto(articleUrl);
      const first = page.locator('#article-text a.stmt').first();
      await first.waitFor({ state: 'visible' });
      const target = await first.getAttribute('href');
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.matches('#article-text a.stmt') ?? false);
      }
      assert.ok(reached, 'a statement highlight takes the keyboard focus within 60 Tab presses');
      const focused = await page.evaluate(() => document.activeElement!.getAttribute('href'));
      assert.equal(focused, target, 'the first statement in the text is the first reached');
      await page.keyboard.press('Enter');
      const detail = page.locator(`[id="${target!.slice(1)}"]`);
      await detail.waitFor({ state: 'visible' });
      await page.waitForFunction((id) => document.activeElement?.closest(`[id="${id}"]`) !== null || location.hash === `#${id}`, target!.slice(1), { timeout: 5_000 });
      await page.close();
    });

    it('has no horizontal scroll at 375 px on any page', async () => {
      const phone = await newContext(browser, { width: 375, height: 740 });
      const page = await phone.newPage();
      await page.goto(articleUrl);
      const speaker = await page.locator('a[href^="/speaker/"]').first().getAttribute('href');
      const claim = await page.locator('a[href^="/claim/"]').first().getAttribute('href');
      const paths = ['/', '/analyse', '/articles', new URL(articleUrl).pathname, '/speakers', speaker, '/claims', claim, '/search?q=foundations', '/stories'];
      const wide: string[] = [];
      for (const p of paths) {
        assert.ok(p, `the article page links to a speaker and a claim card (${paths.join(', ')})`);
        const r = await page.goto(server.url + p);
        assert.equal(r?.status(), 200, `GET ${p}`);
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) wide.push(`${p}: ${overflow}px wider than the screen`);
      }
      assert.deepEqual(wide, []);
      await phone.close();
    });
  });
});
