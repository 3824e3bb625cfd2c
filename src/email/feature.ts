import type { AppContext } from '../app-context.js';
import type { App } from '../http/types.js';
import { NO_EMAIL, type EmailHooks, type Services } from '../services.js';

export interface EmailFeature {
  hooks: EmailHooks;
  register(app: App, services: Services): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Verification and password-reset mail. Placeholder until the email feature lands. */
export function createEmailFeature(_ctx: AppContext): EmailFeature {
  return {
    hooks: NO_EMAIL,
    register: () => undefined,
    start: async () => undefined,
    stop: async () => undefined,
  };
}
