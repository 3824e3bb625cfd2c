import type { Page } from 'playwright-core';
import { waitForPage } from './browser';

export interface PageSpec {
  key: string;
  /** Name used for screenshots, e.g. "account-security". */
  shot: string;
  path: (ids: { userId: number }) => string;
  heading: string | RegExp;
  as: 'anonymous' | 'user' | 'admin';
}

/** "Every page" of ux.md §5: the axe, reflow, target-size and screenshot sweeps visit these. */
export const PAGES: PageSpec[] = [
  { key: 'sign-in', shot: 'sign-in', path: () => '/sign-in', heading: 'Sign in', as: 'anonymous' },
  {
    key: 'register',
    shot: 'register',
    path: () => '/register',
    heading: 'Create your account',
    as: 'anonymous',
  },
  {
    key: 'forgot',
    shot: 'forgot-password',
    path: () => '/forgot-password',
    heading: 'Reset your password',
    as: 'anonymous',
  },
  {
    key: 'reset',
    shot: 'reset-password',
    path: () => '/reset-password?token=e2e-dummy-token',
    heading: 'Choose a new password',
    as: 'anonymous',
  },
  {
    key: 'verify-landing',
    shot: 'verify-email',
    path: () => '/verify-email?token=e2e-dummy-token',
    heading: 'Confirm your email address',
    as: 'anonymous',
  },
  {
    key: 'verify-pending',
    shot: 'verify-pending',
    path: () => '/verify-email/pending',
    heading: 'Check your inbox',
    as: 'user',
  },
  {
    key: 'profile',
    shot: 'account-profile',
    path: () => '/account',
    heading: 'Profile',
    as: 'user',
  },
  {
    key: 'security',
    shot: 'account-security',
    path: () => '/account/security',
    heading: 'Security',
    as: 'user',
  },
  {
    key: 'data',
    shot: 'account-data',
    path: () => '/account/data',
    heading: 'Data & privacy',
    as: 'user',
  },
  {
    key: 'forbidden',
    shot: 'forbidden',
    path: () => '/admin/users',
    heading: "You don't have permission to view this page",
    as: 'user',
  },
  {
    key: 'not-found',
    shot: 'not-found',
    path: () => '/no/such/page',
    heading: 'Page not found',
    as: 'anonymous',
  },
  {
    key: 'admin-list',
    shot: 'admin-users',
    path: () => '/admin/users',
    heading: 'Users',
    as: 'admin',
  },
  {
    key: 'admin-detail',
    shot: 'admin-user',
    path: ({ userId }) => `/admin/users/${userId}`,
    heading: /.+/,
    as: 'admin',
  },
  {
    key: 'admin-applications',
    shot: 'admin-applications',
    path: () => '/admin/applications',
    heading: 'Applications',
    as: 'admin',
  },
  {
    key: 'admin-webhooks',
    shot: 'admin-webhooks',
    path: () => '/admin/webhooks',
    heading: 'Webhooks',
    as: 'admin',
  },
  {
    key: 'admin-providers',
    shot: 'admin-providers',
    path: () => '/admin/providers',
    heading: 'Sign-in providers',
    as: 'admin',
  },
];

/** Loads a page and waits until its data has rendered (no skeletons left). */
export async function visit(page: Page, spec: PageSpec, ids: { userId: number }): Promise<void> {
  await page.goto(spec.path(ids));
  await waitForPage(page, spec.heading);
  await page.waitForFunction(
    () => document.querySelectorAll('.skeleton, .page-loading').length === 0,
    undefined,
    {
      timeout: 10_000,
    },
  );
}
