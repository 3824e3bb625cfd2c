import { useEffect } from 'react';
import { t } from '../i18n';

/**
 * Document title = "<Page> – Gatehouse", prefixed "Error: " while any form on the page shows
 * errors. Pages set the title; forms (possibly nested deep in the page) report their errors.
 */
let pageTitle = '';
const formsWithErrors = new Set<string>();

function render(): void {
  if (!pageTitle) return;
  const full = t('app.titleSuffix', { title: pageTitle });
  document.title = formsWithErrors.size > 0 ? t('app.errorPrefix', { title: full }) : full;
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    pageTitle = title;
    render();
  }, [title]);
}

export function useFormErrorTitle(formId: string, hasErrors: boolean): void {
  useEffect(() => {
    if (!hasErrors) return undefined;
    formsWithErrors.add(formId);
    render();
    return () => {
      formsWithErrors.delete(formId);
      render();
    };
  }, [formId, hasErrors]);
}
