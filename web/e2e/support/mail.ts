import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** All .eml files in the outbox addressed to `to`, oldest first, decoded enough to find links. */
export function mailsTo(outbox: string, to: string): string[] {
  let names: string[];
  try {
    names = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return names
    .map((name) => path.join(outbox, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .map((file) => readFileSync(file, 'utf8'))
    .filter((raw) =>
      new RegExp(`^To:.*${to.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'im').test(raw),
    )
    .map((raw) => decodeQuotedPrintable(raw));
}

/** Waits for a mail to `to` containing a link to `pathname` and returns that link's token. */
export async function waitForToken(
  outbox: string,
  to: string,
  pathname: string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(
    `${pathname.replace(/[/-]/g, '\\$&')}\\?token=([A-Za-z0-9_.~%-]+)`,
    'g',
  );
  while (Date.now() < deadline) {
    const tokens = mailsTo(outbox, to).flatMap((mail) =>
      [...mail.matchAll(pattern)].map((m) => decodeURIComponent(m[1] ?? '')),
    );
    const last = tokens.at(-1);
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail to ${to} with a ${pathname} link in ${outbox}`);
}
