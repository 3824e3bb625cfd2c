import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Config } from '../config/index.js';

type TimeoutConfig = Pick<
  Config,
  'REQUEST_TIMEOUT_MS' | 'HEADERS_TIMEOUT_MS' | 'KEEP_ALIVE_TIMEOUT_MS'
>;

/**
 * Fastify's server options against slow clients (slowloris). Node enforces `headersTimeout` only
 * when it sweeps its connections, every `connectionsCheckingInterval` (30 s by default), so sockets
 * dribbling their headers stayed open 20 s and more; the sweep runs at a fifth of the timeout
 * (at most every second) instead, so they are closed at most 20 % late.
 */
export function serverTimeouts(config: TimeoutConfig) {
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeout = Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS);
  return {
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    connectionTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.KEEP_ALIVE_TIMEOUT_MS,
    http: {
      headersTimeout,
      requestTimeout: config.REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(headersTimeout / 5)),
    },
  };
}

/**
 * Closes a new connection that has sent no byte within the keep-alive timeout. Node's headers
 * timeout starts with the first byte of a request, and the socket timeout is the whole-request
 * one, so a connection that never speaks would otherwise be held for the full request timeout.
 */
export function closeSilentConnections(server: Server, config: TimeoutConfig): void {
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, config.KEEP_ALIVE_TIMEOUT_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
