import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROJECT_ROOT } from '../project-root.js';
import { AppError } from '../errors/app-error.js';
import { sendError } from './error-handler.js';

export const WEB_ROOT = path.join(PROJECT_ROOT, 'web', 'dist');

const API_PREFIXES = ['/api/', '/api', '/health/', '/.well-known/', '/metrics'];

/** Serves the built web app: hashed assets cached for a year, index.html for every client route. */
export async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasWeb = existsSync(path.join(WEB_ROOT, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: false,
      index: false,
      setHeaders(reply, filePath) {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '/';
    const isApi = API_PREFIXES.some((p) => url === p.replace(/\/$/, '') || url.startsWith(p));
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApi &&
      hasWeb &&
      !path.extname(url);
    if (wantsPage) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendError(reply, new AppError('NOT_FOUND'));
  });
}
