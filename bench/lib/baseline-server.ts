/**
 * Baseline servers for the read-path benchmark, one per mode, each a bare fastify (no
 * logger, no plugins, no hooks) answering `GET /v1/articles/:id` so the same load runs
 * against all of them. Started by bench/lib/servers.ts as `node --import tsx <this> <mode>`.
 *
 *   hello   {"hello":"world"}: the framework's ceiling
 *   json    the article of ARTICLE_JSON (a file), no response schema: plain JSON.stringify
 *   zod     the same object through fastify-type-provider-zod's serializer (validate + stringify)
 *   fjs     the same object through fast-json-stringify compiled from the ArticleSchema's JSON Schema
 *   db-zod  repository.getArticle(id) on DATABASE_PATH + toArticleResponse + the zod serializer:
 *           masthead's route without its plugins, hooks and request log
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toArticleResponse } from '../../src/http/representations.js';
import { ArticleSchema } from '../../src/http/schemas.js';
import { openRepository } from '../../src/storage/open.js';

const mode = process.argv[2] ?? 'hello';
const port = Number.parseInt(process.env.PORT ?? '0', 10);
const app = Fastify({ logger: false });
app.get('/ready', async () => ({ ok: true }));

const article = (): unknown => JSON.parse(readFileSync(process.env.ARTICLE_JSON ?? '', 'utf8')) as unknown;

switch (mode) {
  case 'hello':
    app.get('/v1/articles/:id', async () => ({ hello: 'world' }));
    break;
  case 'json': {
    const body = article();
    app.get('/v1/articles/:id', async () => body);
    break;
  }
  case 'zod': {
    const body = article();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.get('/v1/articles/:id', { schema: { response: { 200: ArticleSchema } } }, async () => body);
    break;
  }
  case 'fjs': {
    const body = article();
    const schema = z.toJSONSchema(ArticleSchema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
    delete schema.$schema;
    delete schema.id;
    app.get('/v1/articles/:id', { schema: { response: { 200: schema } } }, async () => body);
    break;
  }
  case 'db-zod': {
    const { repository } = await openRepository({
      location: process.env.DATABASE_PATH ?? '',
      migrate: false,
      skipIntegrityCheck: true,
    });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.get<{ Params: { id: string } }>(
      '/v1/articles/:id',
      { schema: { response: { 200: ArticleSchema } } },
      async (request, reply) => {
        const found = await repository.getArticle(Number.parseInt(request.params.id, 10));
        if (!found) return reply.code(404).type('application/json').serializer(JSON.stringify).send({});
        return toArticleResponse(found);
      },
    );
    app.addHook('onClose', async () => repository.close());
    break;
  }
  default:
    console.error(`baseline-server: unknown mode ${mode}`);
    process.exit(2);
}

process.on('SIGTERM', () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
await app.listen({ host: '127.0.0.1', port });
