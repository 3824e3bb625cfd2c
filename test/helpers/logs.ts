import { Writable } from 'node:stream';
import { pino } from 'pino';

/** A pino logger whose output the test can read: raw lines, or parsed entries. */
export function capturingLogger(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: pino({ level }, stream),
    lines,
    entries: (): Array<{ level: number; msg: string } & Record<string, unknown>> =>
      lines.map((line) => JSON.parse(line)),
  };
}
