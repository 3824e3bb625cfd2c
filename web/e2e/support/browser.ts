import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const MOBILE = { width: 375, height: 812 };

export async function newPage(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // Fail loudly on CSP violations and uncaught errors: the server's CSP forbids inline code.
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return { context, page };
}

/** Console errors and uncaught exceptions seen by pages (checked by specs). */
export const pageErrors: string[] = [];

/** Console errors other than the browser's own "Failed to load resource: 4xx" lines (expected 401s). */
export function unexpectedPageErrors(): string[] {
  return pageErrors.filter(
    (e) =>
      !/Failed to load resource: (the server responded with a status of 4\d\d|net::ERR_INTERNET_DISCONNECTED)/.test(
        e,
      ),
  );
}

/** The page with this <h1> is shown. */
export async function waitForPage(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** After a client-side navigation: the new page's <h1> is shown and focused (req 19). */
export async function waitForNavigation(page: Page, heading: string | RegExp): Promise<void> {
  await waitForPage(page, heading);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, {
    timeout: 5000,
  });
}

/** First-render timing from the Performance API (printed, never asserted). */
export async function logTiming(page: Page, label: string): Promise<void> {
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const paint = performance
      .getEntriesByType('paint')
      .find((e) => e.name === 'first-contentful-paint');
    const render = performance.getEntriesByName('gatehouse:first-render')[0];
    return {
      domContentLoaded: nav ? Math.round(nav.domContentLoadedEventEnd) : null,
      firstContentfulPaint: paint ? Math.round(paint.startTime) : null,
      appFirstRender: render ? Math.round(render.startTime) : null,
    };
  });
  console.log(`[timing] ${label}: ${JSON.stringify(timing)}`);
}
