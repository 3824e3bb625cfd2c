/**
 * Slow clients (slowloris): a socket that dribbles its headers, or sends nothing at all, is closed
 * long before the whole-request timeout, so a few hundred such sockets cannot hold the server's
 * connections. Real TCP sockets against the listening app; the timeouts are shortened for speed.
 * @see issue 13, "Sign-ins under load": slow clients
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server.js';

const HEADERS_TIMEOUT_MS = 500;
const KEEP_ALIVE_TIMEOUT_MS = 500;
const SOCKETS = 40;

interface Probe {
  /** ms from connecting until the server closed the socket, or null while it is open. */
  closedAfterMs: number | null;
  received: string;
  stop(): void;
}

/** Opens a socket and, if `dribble` is set, writes one more header line every `everyMs`. */
function probe(port: number, dribble: { everyMs: number } | null): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const opened = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const result: Probe = {
      closedAfterMs: null,
      received: '',
      stop: () => {
        clearInterval(timer);
        socket.destroy();
      },
    };
    socket.on('error', () => undefined); // a write racing the server's close
    socket.on('data', (chunk) => (result.received += chunk.toString('latin1')));
    socket.on('close', () => {
      clearInterval(timer);
      result.closedAfterMs ??= performance.now() - opened;
    });
    socket.once('connect', () => {
      if (dribble) {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        let n = 0;
        timer = setInterval(() => socket.write(`X-Slow-${n++}: a\r\n`), dribble.everyMs);
      }
      resolve(result);
    });
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('slow clients', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let port: number;

  beforeAll(async () => {
    server = await startServer({
      HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`closes ${SOCKETS} sockets that dribble their headers once the headers timeout passes`, async () => {
    const probes = await Promise.all(
      Array.from({ length: SOCKETS }, () => probe(port, { everyMs: 100 })),
    );
    // Well past the headers timeout, far inside the 30 s request timeout.
    await sleep(HEADERS_TIMEOUT_MS * 6);
    const open = probes.filter((p) => p.closedAfterMs === null).length;
    probes.forEach((p) => p.stop());
    expect(open, 'sockets still open after 6 × the headers timeout').toBe(0);
    for (const p of probes) {
      expect(p.closedAfterMs!).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS * 0.9);
      expect(p.received).toMatch(/^HTTP\/1\.1 408 /);
    }
  });

  it('closes sockets that send nothing within the keep-alive timeout', async () => {
    const probes = await Promise.all(Array.from({ length: SOCKETS }, () => probe(port, null)));
    await sleep(KEEP_ALIVE_TIMEOUT_MS * 6);
    const open = probes.filter((p) => p.closedAfterMs === null).length;
    probes.forEach((p) => p.stop());
    expect(open, 'silent sockets still open after 6 × the keep-alive timeout').toBe(0);
    for (const p of probes)
      expect(p.closedAfterMs!).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS * 0.9);
  });

  it('still serves a client that sends its request at an ordinary pace', async () => {
    const res = await fetch(`${server.url}/health/live`);
    expect(res.status).toBe(200);
  });
});
