import type { Page } from 'playwright-core';
import { waitForNavigation, waitForPage } from './browser';

/** Signs in through the form, like a person would. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  path = '/sign-in',
): Promise<void> {
  await page.goto(path);
  await waitForPage(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Client-side navigation through a link, as opposed to page.goto (full load). */
export async function clickLink(
  page: Page,
  name: string | RegExp,
  heading: string | RegExp,
): Promise<void> {
  await page
    .getByRole('link', { name, exact: typeof name === 'string' })
    .first()
    .click();
  await waitForNavigation(page, heading);
}

/** The element handle of the single status live region on the page. */
export function statusRegion(page: Page) {
  return page.locator('[role=status]').first();
}
