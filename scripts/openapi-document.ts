import openapiTS, { astToString } from 'openapi-typescript';
import { stringify } from 'yaml';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { markOptionalBodies } from '../src/http/openapi.js';
import { createSqliteRepository } from '../src/storage/sqlite.js';

/** The OpenAPI document as committed in openapi.yaml, rendered from a throwaway app. */
export async function renderOpenApiYaml(): Promise<string> {
  const repository = createSqliteRepository(':memory:');
  const app = await buildApp({ ...loadConfig({}), logLevel: 'silent' }, { repository });
  try {
    await app.ready();
    return stringify(markOptionalBodies(app.swagger()), { aliasDuplicateObjects: false, lineWidth: 100 });
  } finally {
    await app.close();
    await repository.close();
  }
}

/** TypeScript types for openapi-fetch, generated from the YAML (test/sdk/openapi.d.ts). */
export async function renderSdkTypes(openapiYaml: string): Promise<string> {
  const ast = await openapiTS(openapiYaml);
  return `// Generated from openapi.yaml by \`npm run openapi\`. Do not edit.\n${astToString(ast)}`;
}
