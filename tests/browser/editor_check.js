// Drives the editor page in Debian's Chromium (headless, through
// puppeteer-core) against the real server, as an editor would use it:
// types the founding article, waits for the marks, reads the contradicted
// claim's card by hovering it, applies its suggestion from the keyboard,
// and checks that marks stay on their claims after emoji and accents.
// Prints what it saw, one line a step, for editor_test.cc to compare;
// exits 1 on the first step that fails.
//   node editor_check.js URL ARTICLE SCREENSHOT
'use strict';

const fs = require('fs');
const puppeteer = require('puppeteer-core');

const [url, articlePath, screenshotPath] = process.argv.slice(2);
// The article as the CLI takes it: "date YYYY-MM-DD", then the text.
const file = fs.readFileSync(articlePath, 'utf8');
const header = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(file);
if (!header) throw new Error(`${articlePath} has no date header`);
const published = header[1];
const article = file.slice(header[0].length);
// Errors the page reports (uncaught exceptions, console errors).
const problems = [];

// Waits (up to 20 s) for the page to say it has checked the copy in the
// text area, and returns its marks as [text, verdict, suggestion].
async function marksAfterCheck(page) {
  try {
    await page.waitForFunction(
        () =>
            /^\d+ claims?:/.test(document.getElementById('status').textContent),
        {timeout: 20000});
  } catch (error) {
    fail(
        `no check: the status says "${
            await page.$eval('#status', (s) => s.textContent)}"; ` +
        `${problems.join('; ')}`);
  }
  return page.$$eval(
      '#backdrop mark',
      (marks) => marks.map(
          (m) => [m.textContent, m.dataset.verdict, m.dataset.suggestion]));
}

// Replaces the whole copy with `text` in one insertion, as a paste over a
// selection does.
async function replaceCopy(page, text) {
  await page.$eval('#copy', (c) => {
    c.focus();
    c.select();
  });
  await page.keyboard.sendCharacter(text);
  const now = await page.$eval('#copy', (c) => c.value);
  if (now !== text)
    fail(`the text area holds ${JSON.stringify(now.slice(0, 80))}…`);
}

function fail(message) {
  console.log(`FAIL ${message}`);
  process.exit(1);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // No sandbox: the tests run as root, where Chromium refuses it.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1100, height: 900});
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(url, {waitUntil: 'load'});
    console.log(`title: ${await page.title()}`);

    // Every control has a label a screen reader reads.
    const unlabelled = await page.$$eval(
        'input, textarea',
        (controls) =>
            controls
                .filter((c) => !document.querySelector(`label[for="${c.id}"]`))
                .map((c) => c.id));
    console.log(`unlabelled controls: ${unlabelled.length}`);

    await page.$eval('#published', (el, value) => {
      el.value = value;
      el.dispatchEvent(new Event('change'));
    }, published);
    await replaceCopy(page, article);
    let marks = await marksAfterCheck(page);
    console.log(`status: ${await page.$eval('#status', (s) => s.textContent)}`);
    const contradicted = marks.filter((m) => m[1] === 'CONTRADICTED');
    console.log(`contradicted marks: ${
        contradicted.map((m) => `"${m[0]}" -> "${m[2]}"`).join(', ')}`);

    // The card of the contradicted claim, under the pointer.
    const box = await page.$eval('#backdrop mark.contradicted', (m) => {
      const r = m.getClientRects()[0];
      return {x: r.left + r.width / 2, y: r.top + r.height / 2};
    });
    await page.mouse.move(box.x, box.y);
    await page.waitForSelector('#card:not([hidden])', {timeout: 5000});
    const card = await page.$eval(
        '#card', (c) => ({
                   text: [...c.querySelectorAll('p')].map((p) => p.textContent),
                   apply: c.querySelector('button.apply').textContent,
                   links: [...c.querySelectorAll('a')].map((a) => a.href),
                 }));
    console.log(`card: ${card.text.slice(0, 3).join(' | ')}`);
    console.log(`card button: ${card.apply}`);
    console.log(`card cites: ${card.links[0]}`);
    await page.screenshot({path: screenshotPath, fullPage: true});

    // From the keyboard: the caret on the claim opens its card, Tab
    // reaches the card's button, Enter applies the suggestion.
    await page.mouse.move(5, 5);
    const begin =
        await page.$eval('#copy', (c) => c.value.indexOf('February 2024'));
    await page.$eval('#copy', (c, at) => {
      c.focus();
      c.setSelectionRange(at, at);
    }, begin + 3);
    await page.waitForSelector('#card:not([hidden])', {timeout: 5000});
    await page.keyboard.press('Tab');
    const focused =
        await page.evaluate(() => document.activeElement.textContent);
    console.log(`Tab reaches: ${focused}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
        () => /^\d+ claims?:/.test(
                  document.getElementById('status').textContent) &&
            document.getElementById('copy').value.includes('February 2022'),
        {timeout: 20000});
    marks = await marksAfterCheck(page);
    const applied =
        await page.$eval('#copy', (c, at) => c.value.slice(at, at + 13), begin);
    const mark = marks.find((m) => m[0] === applied);
    console.log(
        `after applying: "${applied}" is ${mark ? mark[1] : 'unmarked'}; ` +
        `${marks.filter((m) => m[1] === 'CONTRADICTED').length} contradicted`);
    console.log(`status: ${await page.$eval('#status', (s) => s.textContent)}`);

    // Characters of two UTF-16 units (emoji, a flag, a family joined by
    // zero-width joiners) and of two UTF-8 bytes (accents, Cyrillic)
    // before the claims: the marks must still cover the claims' dates.
    const prefix =
        'Слава Україні 🇺🇦 — café, résumé 👩‍👩‍👧 😀\n';
    if (Buffer.byteLength(prefix, 'utf8') === prefix.length)
      fail('prefix is ASCII');
    await replaceCopy(page, prefix + article);
    marks = await marksAfterCheck(page);
    console.log(
        `after emoji: ${marks.map((m) => `"${m[0]}" ${m[1]}`).join(', ')}`);
    if (problems.length > 0) fail(`page errors: ${problems.join('; ')}`);
  } finally {
    await browser.close();
  }
})().catch((error) => fail(error.stack || String(error)));
