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

export function registerRequestLocale(app: FastifyInstance): void {
  app.decorateRequest('locale', {
    getter(this: FastifyRequest): Locale {
      const header = this.headers['accept-language'];
      return negotiateLocale(this.auth?.session.user.locale, header);
    },
  });
}
