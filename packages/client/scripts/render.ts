import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

export const SCHEMA_FILE = new URL('../src/schema.d.ts', import.meta.url);

const BANNER =
  "// Generated from Gatehouse's OpenAPI document by `npm run generate -w @gatehouse/client`.\n" +
  '// Do not edit: test/sdk/client-schema.test.ts fails when this file and the server drift apart.\n\n';

/** The TypeScript types of an OpenAPI document, formatted as the repository formats code. */
export async function renderSchema(document: object): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(BANNER + astToString(ast), { ...options, parser: 'typescript' });
}
