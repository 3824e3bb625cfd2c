import type { CheckResult, Report, Status } from './types.js';

const COLOURS: Record<Status, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/** The summary line: counts, and the verdict. */
export function summaryLine(report: Report): string {
  const { pass, warn, fail } = report.summary;
  const verdict = fail > 0 ? 'FAILED' : warn > 0 ? 'passed with warnings' : 'passed';
  return `${report.url}: ${pass} passed, ${warn} warning${warn === 1 ? '' : 's'}, ${fail} failed (${(report.durationMs / 1000).toFixed(1)} s) - ${verdict}`;
}

/** The terminal table: one row per check, then how to fix each warning and failure. */
export function formatTable(report: Report, colour: boolean): string {
  const paint = (status: Status, text: string) =>
    colour ? `${COLOURS[status]}${text}${RESET}` : text;
  const dim = (text: string) => (colour ? `${DIM}${text}${RESET}` : text);
  const rows = report.results.map((r) => [r.group, r.title, r.status, r.detail] as const);
  const width = (i: 0 | 1) => Math.max(...rows.map((row) => row[i].length), i === 0 ? 5 : 5);
  const [w0, w1] = [width(0), width(1)];
  const lines = [
    dim(`${'GROUP'.padEnd(w0)}  ${'CHECK'.padEnd(w1)}  STATUS  DETAIL`),
    ...rows.map(
      ([group, title, status, detail]) =>
        `${group.padEnd(w0)}  ${title.padEnd(w1)}  ${paint(status, status.toUpperCase().padEnd(6))}  ${detail}`,
    ),
  ];
  const toFix = report.results.filter((r) => r.status !== 'pass');
  if (toFix.length > 0) {
    lines.push('', 'To fix:');
    for (const r of toFix)
      lines.push(`  ${paint(r.status, r.status.toUpperCase())} ${r.id}: ${r.advice} See ${r.docs}`);
  }
  for (const error of report.cleanupErrors) lines.push(paint('warn', `clean-up: ${error}`));
  const { fail, warn } = report.summary;
  lines.push('', paint(fail > 0 ? 'fail' : warn > 0 ? 'warn' : 'pass', summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

/** Machine output (--json). */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab and newlines). */
const isXmlChar = (c: string) => c >= ' ' || c === '\t' || c === '\n' || c === '\r';

const escapeXml = (text: string) =>
  [...text]
    .filter(isXmlChar)
    .join('')
    .replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JUnit XML (--junit FILE): one suite per group, a failure per failed check, warnings as output. */
export function formatJunit(report: Report): string {
  const groups = new Map<string, CheckResult[]>();
  for (const r of report.results) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const suites = [...groups].map(([group, results]) => {
    const cases = results.map((r) => {
      const name = `${escapeXml(r.id)}: ${escapeXml(r.title)}`;
      const time = (r.durationMs / 1000).toFixed(3);
      const message = escapeXml(`${r.detail}. ${r.advice} See ${r.docs}`);
      const body =
        r.status === 'fail'
          ? `<failure message="${escapeXml(r.detail)}">${message}</failure>`
          : r.status === 'warn'
            ? `<system-out>WARN: ${message}</system-out>`
            : '';
      return `    <testcase classname="gatehouse-check.${group}" name="${name}" time="${time}">${body}</testcase>`;
    });
    const failures = results.filter((r) => r.status === 'fail').length;
    const time = (results.reduce((t, r) => t + r.durationMs, 0) / 1000).toFixed(3);
    return `  <testsuite name="${group}" tests="${results.length}" failures="${failures}" errors="0" time="${time}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const { fail } = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gatehouse check ${escapeXml(report.url)}" tests="${report.results.length}" failures="${fail}" errors="0" time="${(report.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
