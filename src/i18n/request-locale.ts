import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from './locales.js';
import { negotiateLocale } from './negotiate.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The language of this request's answer and of the mails it causes: the signed-in user's
     * `locale` (from the live-session cache: no database read), else Accept-Language, else `en`.
     * Computed when read, so it follows authentication once a route's preValidation ran.
     */
    readonly locale: Locale;
  }
}

/** The request's language (see `request.locale`). */
export function localeOf(request: FastifyRequest): Locale {
  return negotiateLocale(request.auth?.session.user.locale, request.headers['accept-language']);
}

export function registerRequestLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', {
    getter(this: FastifyRequest): Locale {
      return localeOf(this);
    },
  });
}
