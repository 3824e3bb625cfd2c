import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/schema.js';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('shows the two set-up commands first', () => {
    const firstBlock = readme.slice(
      readme.indexOf('```'),
      readme.indexOf('```', readme.indexOf('```') + 3),
    );
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('lists every environment variable of the config schema', () => {
    const missing = Object.keys(EnvSchema.properties).filter(
      (name) => !readme.includes(`\`${name}\``),
    );
    expect(missing, 'run `npm run docs:env`').toEqual([]);
  });
});
