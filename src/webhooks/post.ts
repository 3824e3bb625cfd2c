import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './address-guard.js';

export interface PostResult {
  status: number;
}

/**
 * POSTs `body` to a checked target, connecting to its checked address (the name is not resolved
 * again; TLS still verifies the certificate against the host name). Resolves with the status of any
 * answer; rejects on a network error or when `timeoutMs` passes before the answer is complete.
 * Redirects are not followed.
 */
export function postJson(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (
        callback as unknown as (err: null, list: Array<{ address: string; family: number }>) => void
      )(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve, reject) => {
    const request = transport.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Gatehouse-Webhooks',
        },
      },
      (response) => {
        // The answer's body is not used; read (and drop) it so the attempt ends cleanly.
        response.on('data', () => {});
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0 });
        });
        response.on('error', (err) => {
          clearTimeout(timer);
          reject(err);
        });
      },
    );
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)),
      timeoutMs,
    );
    request.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    request.end(body);
  });
}
