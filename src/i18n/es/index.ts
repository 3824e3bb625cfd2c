import { api } from './api.js';
import { mail } from './mail.js';

/** Every server message of this locale, one object (areas spread in). */
export const es = { ...api, ...mail };
