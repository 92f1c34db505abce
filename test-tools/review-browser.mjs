// Drives Closer's /review page in headless Chromium: approves one draft and rejects another by
// clicking their buttons, as a person would. Usage: node review-browser.mjs BASE_URL APPROVE_ID REJECT_ID [SCREENSHOT]
import { chromium } from 'playwright-core';

const [base, approveId, rejectId, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/review`);
  const before = await page.locator('article').count();
  await Promise.all([page.waitForNavigation(), page.click(`article[data-draft-id="${approveId}"] button.approve`)]);
  await Promise.all([page.waitForNavigation(), page.click(`article[data-draft-id="${rejectId}"] button.reject`)]);
  const after = await page.locator('article').count();
  await page.goto(`${base}/review?status=approved`);
  const approvedShown = await page.locator(`article[data-draft-id="${approveId}"] .status`).innerText();
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }
  console.log(JSON.stringify({ before, after, approvedShown }));
} finally {
  await browser.close();
}
