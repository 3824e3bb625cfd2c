import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';
import { registerFormats } from './formats.js';

/** Ajv options shared by every request part. */
const AJV_OPTIONS = { allErrors: true, removeAdditional: true, useDefaults: true } as const;

/**
 * Fastify's validator factory, with one Ajv per kind of input. A JSON body already carries its
 * types: an array, object, number or boolean where a string belongs is the client's mistake (400),
 * never unwrapped or stringified. Query strings and path parameters arrive as text, so they
 * coerce (`?page=2` is a number).
 */
export const buildValidator: ValidatorFactory = (externalSchemas) => {
  const fromPool = AjvCompiler();
  const compilerWith = (coerceTypes: false | 'array') =>
    fromPool(externalSchemas, {
      customOptions: { ...AJV_OPTIONS, coerceTypes },
      plugins: [registerFormats],
    });
  const strict = compilerWith(false);
  const coercing = compilerWith('array');
  return (route) => (route.httpPart === 'body' ? strict(route) : coercing(route));
};
