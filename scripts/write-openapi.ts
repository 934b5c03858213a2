/**
 * `npm run openapi`: writes openapi.yaml (from the zod schemas, through the app) and the
 * SDK types generated from it. `--check` exits 1 when either committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderOpenApiYaml, renderSdkTypes, renderSeedParse } from './openapi-document.js';

const targets = {
  seedParse: fileURLToPath(new URL('./seed-parse.ts', import.meta.url)),
  yaml: fileURLToPath(new URL('../openapi.yaml', import.meta.url)),
  sdk: fileURLToPath(new URL('../test/sdk/openapi.d.ts', import.meta.url)),
};
// The seed parse first: the document's examples are made from it (openapi-examples.ts is
// loaded only once this file is written).
const seedParse = await renderSeedParse(targets.seedParse);
if (!process.argv.includes('--check')) writeFileSync(targets.seedParse, seedParse);
const yaml = await renderOpenApiYaml();
const rendered = { seedParse, yaml, sdk: await renderSdkTypes(yaml) };

if (process.argv.includes('--check')) {
  const stale = (Object.keys(targets) as (keyof typeof targets)[]).filter(
    (key) => readFileSync(targets[key], 'utf8') !== rendered[key],
  );
  if (stale.length > 0) {
    console.error(`stale: ${stale.map((key) => targets[key]).join(', ')}; run \`npm run openapi\``);
    process.exit(1);
  }
  console.log('openapi.yaml and SDK types are up to date');
} else {
  for (const key of Object.keys(targets) as (keyof typeof targets)[]) {
    writeFileSync(targets[key], rendered[key]);
    console.log(`wrote ${targets[key]}`);
  }
}
