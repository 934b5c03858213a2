/**
 * PLACEHOLDER (pg-core): the PostgreSQL change feed reads are written by pg-read; this file
 * only fixes the signature index.ts calls. Replace it whole with pg-read's changes.ts.
 */
import type { Pool } from 'pg';
import type { ChangePage, ChangeQuery } from '../repository.js';

export function postgresChanges(_pool: Pool): { list(query: ChangeQuery): Promise<ChangePage> } {
  return {
    list: async () => {
      throw new Error('PostgreSQL change feed is not implemented yet (pg-read)');
    },
  };
}
