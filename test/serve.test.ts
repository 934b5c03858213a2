import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { accessWarnings } from '../src/serve.js';

describe('start-up warnings about write access', () => {
  it('bound beyond loopback without API_TOKENS: says writes through that address get 403, and how to fix it', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      const warnings = accessWarnings(loadConfig({ HOST: host }));
      expect(warnings, host).toHaveLength(1);
      expect(warnings[0]).toContain(host);
      expect(warnings[0]).toContain('403');
      expect(warnings[0]).toContain('API_TOKENS');
    }
  });

  it('on loopback without tokens: one quieter note; with tokens: nothing', () => {
    const loopback = accessWarnings(loadConfig({ HOST: '127.0.0.1' }));
    expect(loopback).toHaveLength(1);
    expect(loopback[0]).not.toContain('403');
    expect(accessWarnings(loadConfig({ HOST: '0.0.0.0', API_TOKENS: 'a-token' }))).toEqual([]);
  });

  it('METRICS_PUBLIC beyond loopback is worth a line too', () => {
    const warnings = accessWarnings(
      loadConfig({ HOST: '0.0.0.0', API_TOKENS: 'a-token', METRICS_PUBLIC: '1' }),
    );
    expect(warnings.join('\n')).toContain('/metrics');
  });
});
