import http from 'node:http';
import https from 'node:https';
import { rootCertificates, type TLSSocket } from 'node:tls';

export interface HttpOptions {
  /** Extra trusted CA certificates (PEM), for a private or self-signed deployment. */
  ca?: string | undefined;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
}

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  /** A JSON body (sent with content-type application/json) or raw text. */
  json?: unknown;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Every Set-Cookie line, as sent. */
  setCookies: string[];
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  /** The peer certificate's validity, over HTTPS. */
  certificate?: { validFrom: Date; validTo: Date; subject: string };
  /** Local clock when the request was sent and when the headers arrived (ms since the epoch). */
  sentAt: number;
  receivedAt: number;
}

/** One header as a single string ('' when absent). */
export function header(res: HttpResponse, name: string): string {
  const value = res.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One HTTP(S) request that never follows redirects and never throws for a status: a refused
 * connection, a TLS error or a timeout rejects with an Error whose message says which.
 */
export function request(
  url: string,
  init: RequestInit,
  options: HttpOptions,
): Promise<HttpResponse> {
  const target = new URL(url);
  const isHttps = target.protocol === 'https:';
  const body =
    init.json !== undefined ? JSON.stringify(init.json) : init.body !== undefined ? init.body : '';
  const headers: Record<string, string> = {
    'user-agent': 'gatehouse-check',
    accept: 'application/json, text/html;q=0.9, */*;q=0.5',
    ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
    ...init.headers,
  };
  return new Promise((resolve, reject) => {
    const sentAt = Date.now();
    const transport = isHttps ? https : http;
    const req = transport.request(
      target,
      {
        method: init.method ?? 'GET',
        headers,
        agent: false,
        ...(isHttps
          ? {
              // --ca adds to Node's bundled roots instead of replacing them.
              ca: options.ca ? [...rootCertificates, options.ca] : undefined,
            }
          : {}),
      },
      (res) => {
        const receivedAt = Date.now();
        let certificate: HttpResponse['certificate'];
        if (isHttps) {
          const peer = (res.socket as TLSSocket).getPeerCertificate?.();
          if (peer && peer.valid_from) {
            certificate = {
              validFrom: new Date(peer.valid_from),
              validTo: new Date(peer.valid_to),
              subject: String(peer.subject?.CN ?? ''),
            };
          }
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const cookies = res.headers['set-cookie'];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            setCookies: Array.isArray(cookies) ? cookies : cookies ? [cookies] : [],
            text,
            json: parseJson(text),
            ...(certificate ? { certificate } : {}),
            sentAt,
            receivedAt,
          });
        });
      },
    );
    req.setTimeout(options.timeoutMs, () =>
      req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(body || undefined);
  });
}
