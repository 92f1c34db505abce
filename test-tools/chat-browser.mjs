// Drives Closer's /chat page in headless Chromium as a person would: types a message, clicks Send,
// waits until the streamed turn is rendered (the `done` event), then asks a second question in the
// same conversation; and opens /chat on a server without a model to see the banner.
// Usage: node chat-browser.mjs BASE_URL UNCONFIGURED_BASE_URL FIRST_MESSAGE SECOND_MESSAGE [SCREENSHOT]
// Prints one JSON line with what the page showed; the Java test (ChatPageBrowserTest) judges it.
import { chromium } from 'playwright-core';

const [base, unconfigured, first, second, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});

// Sends one message and waits for its turn to be rendered: the n-th assistant bubble exists, the
// Send button is enabled again (the page disables it while a turn streams) and the bubble holds text.
async function ask(page, text, n) {
  await page.fill('#message', text);
  await page.click('#send');
  await page.waitForFunction((n) => {
    const answers = document.querySelectorAll('.msg.assistant');
    return answers.length === n && !document.getElementById('send').disabled && answers[n - 1].textContent.length > 0;
  }, n, { timeout: 30_000 });
  return page.locator('#conversation-id').innerText();
}

const texts = (page, selector) => page.locator(selector).allInnerTexts();

try {
  const page = await browser.newPage();
  const consoleErrors = [];
  const failedRequests = [];
  // A browser asks for /favicon.ico on its own; any other failed request is the page's.
  page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failedRequests.push(r.status() + ' ' + r.url()); });
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${base}/chat`);
  await page.waitForLoadState('networkidle');
  const bannerHiddenWhenConfigured = await page.locator('#banner').isHidden();
  const conversationBefore = await page.locator('#conversation-id').innerText();

  const conversationAfterFirst = await ask(page, first, 1);
  const afterFirst = {
    user: await texts(page, '.msg.user'),
    assistant: await texts(page, '.msg.assistant'),
    toolLines: await page.locator('.tool-line').evaluateAll((ls) => ls.map((l) => ({ text: l.textContent, className: l.className }))),
    usage: await page.locator('#usage').innerText(),
  };

  const conversationAfterSecond = await ask(page, second, 2);
  const afterSecond = {
    user: await texts(page, '.msg.user'),
    assistant: await texts(page, '.msg.assistant'),
    stopped: await page.locator('.stopped').count(),
  };
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }

  const bare = await browser.newPage();
  await bare.goto(`${unconfigured}/chat`);
  await bare.waitForSelector('#banner[data-state="not-configured"]', { timeout: 15_000 });
  const notConfigured = {
    bannerVisible: await bare.locator('#banner').isVisible(),
    state: await bare.locator('#banner').getAttribute('data-state'),
    text: await bare.locator('#banner').innerText(),
    sendDisabled: await bare.locator('#send').isDisabled(),
  };

  console.log(JSON.stringify({ bannerHiddenWhenConfigured, conversationBefore, conversationAfterFirst, afterFirst,
    conversationAfterSecond, afterSecond, notConfigured, consoleErrors, failedRequests }));
} finally {
  await browser.close();
}
