import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCheckCli } from './cli.js';

function io(env: NodeJS.ProcessEnv = {}, isTTY = false) {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const stdout = Object.assign(
    stream((s) => (out += s)),
    { isTTY },
  );
  return {
    io: { stdout, stderr: stream((s) => (err += s)), env },
    out: () => out,
    err: () => err,
  };
}

describe('gatehouse-check command line', () => {
  it.each([
    [[], /expected exactly one URL/],
    [['ftp://example.com'], /must be an http:\/\/ or https:\/\/ URL/],
    [['https://a.example', '--only', 'nope'], /unknown group "nope"/],
    [['https://a.example', '--timeout', '0'], /--timeout must be a positive/],
    [['https://a.example', '--login-max', '1.5'], /--login-max must be a positive integer/],
    [['https://a.example', '--admin-email', 'a@example.com'], /needs --admin-password/],
    [['https://a.example', '--ca', '/nonexistent/ca.pem'], /cannot read --ca/],
    [['https://a.example', '--instances', 'not a url'], /--instances must be/],
    [['https://a.example', '--bogus'], /Unknown option/],
  ])('refuses %j with exit code 2 and the usage', async (args, message) => {
    const t = io();
    expect(await runCheckCli(args, t.io)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err()).toContain('Usage: gatehouse check <url>');
  });

  it('prints the usage with --help', async () => {
    const t = io();
    expect(await runCheckCli(['--help'], t.io)).toBe(0);
    expect(t.out()).toContain('--instances URL2');
  });

  it('fails (exit 1) every check it cannot run when nothing listens, and says why', async () => {
    const t = io();
    const code = await runCheckCli(
      ['http://127.0.0.1:9', '--only', 'surface', '--json', '--timeout', '2'],
      t.io,
    );
    expect(code).toBe(1);
    const report = JSON.parse(t.out());
    expect(report.summary).toEqual({ pass: 0, warn: 0, fail: 4 });
    expect(report.results[0].detail).toMatch(/^error: .*ECONNREFUSED/);
  });

  it('colours the table on a terminal only, and never with NO_COLOR', async () => {
    const args = ['http://127.0.0.1:9', '--only', 'surface', '--timeout', '2'];
    const terminal = io({}, true);
    expect(await runCheckCli(args, terminal.io)).toBe(1);
    expect(terminal.out()).toContain('\x1b[31mFAIL');
    expect(terminal.err()).toContain('Checking http://127.0.0.1:9');
    const noColor = io({ NO_COLOR: '1' }, true);
    await runCheckCli(args, noColor.io);
    expect(noColor.out()).not.toContain('\x1b[');
    const piped = io();
    await runCheckCli(args, piped.io);
    expect(piped.out()).not.toContain('\x1b[');
    expect(piped.out()).toMatch(/0 passed, 0 warnings, 4 failed .* - FAILED\n$/);
  });
});
