import { describe, expect, it } from 'vitest';
import { logTransport } from '../src/serve.js';

describe('server logs', () => {
  it('are pretty-printed on a terminal (pino-pretty) and JSON lines otherwise', async () => {
    const pretty = logTransport({ isTTY: true });
    expect(pretty?.target).toBe('pino-pretty');
    // The transport's module must resolve, or pino fails at start-up.
    expect(import.meta.resolve(pretty?.target ?? '')).toMatch(/pino-pretty/);
    expect(logTransport({ isTTY: false })).toBeUndefined();
    expect(logTransport({})).toBeUndefined();
  });
});
