/**
 * A provider account waiting to be linked (the server holds it, bound to this browser's cookie):
 * remembered here only so the app knows to finish the link once the person has signed in.
 */
const KEY = 'gatehouse-social-link';

export function rememberPendingLink(providerName: string): void {
  try {
    sessionStorage.setItem(KEY, providerName);
  } catch {
    // Storage unavailable: the link is simply not finished automatically.
  }
}

/** The provider name of the pending link, removed from storage (finish it once). */
export function takePendingLink(): string | null {
  try {
    const name = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return name;
  } catch {
    return null;
  }
}
