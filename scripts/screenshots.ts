/**
 * `npm run screenshots`: PNG screenshots of each page type into docs/screenshots/ for the README, taken in headless
 * Chromium at 1200 px wide from `claimline serve` over a temporary store holding the bundled examples/wikinews
 * articles (CC BY, already in the repository: nothing from ../shared ends up in the images); the article shown is
 * one of them pasted through the analyse form, so it is what a user gets. Each shot is the top of the page (1200×900), which keeps files small.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bundledArticles } from '../bench/web-articles.js';
import { analyseThroughForm, ingestRecords, launchBrowser, newContext, startServer, tempStore } from '../test/browser.js';
import { packageRoot } from '../src/util/paths.js';

const OUT = path.join(packageRoot(), 'docs/screenshots');
const say = (s: string) => process.stderr.write(s + '\n');

async function main(): Promise<void> {
  const store = tempStore('claimline-screenshots-');
  await ingestRecords(store.file, bundledArticles(), store.dir);
  const server = await startServer(store.file);
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser, { width: 1200, height: 900 });
    const page = await context.newPage();
    fs.mkdirSync(OUT, { recursive: true });
    const shot = async (name: string, p: Page = page) => {
      const file = path.join(OUT, `${name}.png`);
      await p.screenshot({ path: file, fullPage: false });
      say(`${path.relative(packageRoot(), file)}: ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
    };
    const go = async (p: string) => { await page.goto(server.url + p); };

    await go('/analyse');
    await shot('analyse');
    // A bundled article (CC BY Wikinews, already in the repository), pasted through the form as a user would.
    const example = bundledArticles().find((a) => a.id === 'example-nasa') ?? bundledArticles()[0]!;
    const articleUrl = await analyseThroughForm(page, server.url, { text: example.text, published: example.published, title: example.title, url: example.url });
    await page.goto(articleUrl);
    // The article with one statement selected: the detail panel beside the highlighted text.
    const selected = page.locator('#article-text a.stmt').nth(1);
    if (await selected.count()) await selected.click();
    await shot('article');
    // Links present now (without waiting: a page type the build lacks is left out, not waited for).
    const firstHref = async (prefix: string) => {
      const links = page.locator(`main a[href^="${prefix}"]`);
      return (await links.count()) ? links.first().getAttribute('href') : null;
    };
    const speaker = await firstHref('/speaker/');
    const claim = await firstHref('/claim/');
    const story = await firstHref('/story/');
    await go('/');
    await shot('home');
    await go('/articles');
    await shot('articles');
    await go('/speakers');
    await shot('speakers');
    if (speaker) { await go(speaker); await shot('speaker'); }
    await go('/claims');
    await shot('claims');
    if (claim) { await go(claim); await shot('claim'); }
    await go('/search?q=said');
    await shot('search');
    await go('/stories');
    await shot('stories');
    if (story) { await go(story); await shot('story'); }
    const phone = await newContext(browser, { width: 375, height: 740 });
    const small = await phone.newPage();
    await small.goto(articleUrl);
    await shot('article-phone', small);
    await phone.close();
  } finally {
    await browser.close();
    await server.stop();
    store.remove();
  }
}

await main();
