import { formatMessage } from '../i18n/catalog.js';
import secureJson from 'secure-json-parse';
import { AppError } from '../errors/app-error.js';

/** No request of the API nests deeper than a few levels; 32 leaves room and bounds any recursion. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of objects and arrays in a JSON text (strings skipped), in one linear pass. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

/**
 * Parses a JSON request body: empty means no body; deeper than MAX_JSON_DEPTH is refused before
 * parsing (nothing recursive ever sees it); `__proto__` and `constructor.prototype` keys are refused
 * (prototype pollution); anything unparsable is MALFORMED_JSON.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new AppError('VALIDATION_FAILED', {
      errors: {
        body: formatMessage('en', 'validation.nestedTooDeep', { depth: String(MAX_JSON_DEPTH) }),
      },
    });
  }
  try {
    return secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
}
