import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, databaseLocation, loadConfig, storageConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      databasePath: './data/masthead.db',
      databaseUrl: null,
      databaseReadUrls: [],
      bodyLimitBytes: 2 * 1024 * 1024,
      batchBodyLimitBytes: 32 * 1024 * 1024,
      bodyBudgetBytes: 64 * 1024 * 1024,
      apiTokens: [],
      logLevel: 'info',
      requestTimeoutMs: 30_000,
      parseWorkers: Math.max(1, availableParallelism() - 1),
      parseBudgetMs: 2000,
      rateLimits: { writesPerMinute: 600, searchesPerMinute: 300, parsePerMinute: 300 },
      corsOrigins: [],
      metricsPublic: false,
      skipIntegrityCheck: false,
      changesRetained: 1_000_000,
      listTotalBound: 10_000,
      jobLeaseMs: 30_000,
      jobPollMs: 5_000,
      jobMaxTakeovers: 3,
    });
  });

  it('reads the hardening settings: timeouts, rate limits (0 turns one off), CORS origins', () => {
    const config = loadConfig({
      REQUEST_TIMEOUT_MS: '1500',
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_SEARCHES_PER_MINUTE: '5',
      RATE_LIMIT_PARSE_PER_MINUTE: '7',
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
    });
    expect(config.requestTimeoutMs).toBe(1500);
    expect(config.rateLimits).toEqual({ writesPerMinute: 0, searchesPerMinute: 5, parsePerMinute: 7 });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ RATE_LIMIT_PARSE_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PARSE_PER_MINUTE/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '10' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });

  it('reads every variable and splits API_TOKENS on commas', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      DATABASE_PATH: '/data/m.db',
      BODY_LIMIT_BYTES: '4096',
      API_TOKENS: ' alpha, beta ,,',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      databasePath: '/data/m.db',
      bodyLimitBytes: 4096,
    });
    expect(config.apiTokens).toEqual(['alpha', 'beta']);
    expect(config.logLevel).toBe('warn');
  });

  it('BODY_BUDGET_BYTES: 64 MiB by default, at least the largest body, and never below it', () => {
    const small = { BODY_BUDGET_BYTES: '8388608', BATCH_BODY_LIMIT_BYTES: '4194304' };
    expect(loadConfig(small).bodyBudgetBytes).toBe(8 * 1024 * 1024);
    expect(loadConfig({ BATCH_BODY_LIMIT_BYTES: String(128 * 1024 * 1024) }).bodyBudgetBytes).toBe(
      128 * 1024 * 1024,
    );
    expect(() => loadConfig({ BODY_BUDGET_BYTES: '4096', BATCH_BODY_LIMIT_BYTES: '8192' })).toThrow(
      /BODY_BUDGET_BYTES: 4096 is below the largest body allowed \(2097152/,
    );
  });

  it('DATABASE_URL: where the data lives when set, else DATABASE_PATH; an unknown scheme fails fast', () => {
    expect(databaseLocation(loadConfig({ DATABASE_PATH: '/data/m.db' }))).toBe('/data/m.db');
    const url = loadConfig({ DATABASE_PATH: '/data/m.db', DATABASE_URL: '/srv/other.db' });
    expect(databaseLocation(url)).toBe('/srv/other.db');
    expect(storageConfig(url)).toMatchObject({ location: '/srv/other.db', readUrls: [] });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db.example/masthead' })).toThrow(
      /DATABASE_URL: mysql:\/\/ is not a database this build can open; use .*a SQLite file path/,
    );
    expect(() => loadConfig({ DATABASE_PATH: 'redis://cache' })).toThrow(/DATABASE_PATH: redis:\/\//);
  });

  it('DATABASE_READ_URLS: a comma list, refused for an engine without replicas (SQLite)', () => {
    expect(() => loadConfig({ DATABASE_READ_URLS: '/srv/replica.db' })).toThrow(
      /DATABASE_READ_URLS: read replicas \(DATABASE_READ_URLS\) need an engine that has them; sqlite does not/,
    );
    expect(loadConfig({ DATABASE_READ_URLS: ' , ' }).databaseReadUrls).toEqual([]);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', API_TOKENS: '' })).toMatchObject({ port: 3000, apiTokens: [] });
  });

  it('fails fast naming every invalid variable', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '-1' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/LOG_LEVEL/);
    expect(attempt).toThrow(/BODY_LIMIT_BYTES/);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
