import { describe, expect, it } from 'vitest';
import { PlatformSchema } from '../../src/http/schemas.js';
import { PLATFORMS } from '../../src/parser/rules/platforms.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { pageView } from '../../src/render/story-view.js';
import { page } from '../helpers/records.js';
import { hardeningApp } from './hardening/harness.js';

const KEYS = PLATFORMS.map((rules) => rules.platform);

describe('platforms: one table, PLATFORMS, and what derives from it', () => {
  it('each platform is listed once, with a display name', () => {
    expect(new Set(KEYS).size).toBe(KEYS.length);
    for (const rules of PLATFORMS) expect(rules.displayName.trim(), rules.platform).not.toBe('');
  });

  it("the API schema's enum is PLATFORMS' keys, in order, and so is the served document's", async () => {
    expect(PlatformSchema.options).toEqual(KEYS);
    const t = await hardeningApp();
    try {
      const spec = (await t.app.inject('/openapi.json')).json<{
        info: { description: string };
        components: { schemas: Record<string, { enum?: string[] }> };
      }>();
      expect(spec.components.schemas['Platform']?.enum).toEqual(KEYS);
      for (const { displayName } of PLATFORMS) expect(spec.info.description).toContain(displayName);
    } finally {
      await t.close();
    }
  });

  it('the rendered edition line names each platform by its display name', () => {
    for (const { platform, displayName } of PLATFORMS) {
      const parsed = page();
      const markdown = renderMarkdown(pageView({ ...parsed, edition: { ...parsed.edition!, platform } }));
      expect(markdown).toContain(`(${displayName})*`);
    }
  });
});
