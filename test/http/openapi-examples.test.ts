import { describe, expect, it } from 'vitest';
import { openapi } from '../helpers/contract.js';

type MediaType = { example?: { status?: number; type?: string }; schema?: { $ref?: string } };
type Response = { content?: Record<string, MediaType> };

/** The Problem example Swagger UI shows: the media type's own, else the schema's first. */
function shownExample(media: MediaType): { status?: number; type?: string } | undefined {
  if (media.example) return media.example;
  const name = media.schema?.$ref?.split('/').at(-1);
  const schema = name
    ? (openapi.components.schemas[name] as { examples?: { status?: number }[] })
    : undefined;
  return schema?.examples?.[0];
}

describe('openapi.yaml problem examples', () => {
  it('every error response shows an example of its own status', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(openapi.paths)) {
      for (const [method, operation] of Object.entries(
        item as Record<string, { responses?: Record<string, Response> }>,
      )) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          const media = response.content?.['application/problem+json'];
          if (!media) continue;
          checked += 1;
          const example = shownExample(media);
          if (example?.status !== Number(status)) {
            wrong.push(
              `${method.toUpperCase()} ${path} ${status}: example has ${example?.status} ${example?.type}`,
            );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});
