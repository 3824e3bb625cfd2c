import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A self-signed certificate for 127.0.0.1, made now (no key is ever committed). */
export function selfSignedCertificate(): {
  key: string;
  cert: string;
  certFile: string;
  dir: string;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gatehouse-check-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '30',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    certFile,
    dir,
  };
}

/** The address the terminator connects from: TRUST_PROXY lists it, and only it. */
export const PROXY_ADDRESS = '127.0.0.2';

export interface Terminator {
  /** https://127.0.0.1:<port> */
  url: string;
  /** http://127.0.0.1:<port>: answers every request with a 308 to the HTTPS address. */
  httpUrl: string;
  /** Where requests go (a Gatehouse instance's port); set once the instance listens. */
  target: number;
  close(): Promise<void>;
}

/**
 * A TLS-terminating reverse proxy on loopback, configured like a usual edge proxy (nginx's
 * `$proxy_add_x_forwarded_for`): it appends the client's address to X-Forwarded-For, sets
 * X-Forwarded-Proto, and connects to Gatehouse from PROXY_ADDRESS. Plain HTTP redirects.
 */
export async function startTerminator(tls: { key: string; cert: string }): Promise<Terminator> {
  const state = { target: 0 };
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const client = req.socket.remoteAddress ?? '';
    const forwarded = req.headers['x-forwarded-for'];
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: state.target,
        localAddress: PROXY_ADDRESS,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-for': forwarded ? `${String(forwarded)}, ${client}` : client,
          'x-forwarded-proto': 'https',
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const redirect = http.createServer((req, res) =>
    res.writeHead(308, { location: `${url}${req.url ?? '/'}` }).end(),
  );
  await new Promise<void>((resolve) => redirect.listen(0, '127.0.0.1', resolve));
  const close = (s: http.Server) =>
    new Promise<void>((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    });
  return {
    url,
    httpUrl: `http://127.0.0.1:${(redirect.address() as AddressInfo).port}`,
    get target() {
      return state.target;
    },
    set target(port: number) {
      state.target = port;
    },
    close: async () => {
      await Promise.all([close(server), close(redirect)]);
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
