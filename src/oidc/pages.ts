import type { KoaContextWithOIDC } from 'oidc-provider';

// The few pages oidc-provider itself renders (errors, sign-out confirmation): plain HTML, no script.
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;line-height:1.5}' +
  'button{font:inherit;padding:.5rem 1rem;margin:.25rem .5rem .25rem 0}dt{font-weight:600}dd{margin:0 0 .5rem}';

/** Writes a minimal HTML page as the response body. */
export function renderPage(ctx: KoaContextWithOIDC, title: string, body: string): void {
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** RP-initiated logout asks the person to confirm (a link alone must not sign them out). */
export async function renderLogoutPage(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  renderPage(
    ctx,
    'Sign out',
    `<h1>Sign out?</h1>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button><button type="submit" form="op.logoutForm">Stay signed in</button>`,
  );
}
