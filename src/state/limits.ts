import type { AppContext } from '../app-context.js';
import type { App } from '../http/types.js';
import { NO_LIMITS, type Limits } from '../services.js';

/** Rate limits and brute-force protection over shared state. Placeholder: no limits yet. */
export function createLimits(_ctx: AppContext): Limits & { register(app: App): void } {
  return { ...NO_LIMITS, register: () => undefined };
}
