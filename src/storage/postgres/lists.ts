/**
 * PLACEHOLDER (pg-core): the PostgreSQL lists are written by pg-read; this file only fixes the
 * signature index.ts calls. Replace it whole with pg-read's lists.ts.
 */
import type { Pool } from 'pg';
import type { Repository } from '../repository.js';

export type ListMethods = Pick<
  Repository,
  'listArticles' | 'listEditions' | 'getEdition' | 'listPublications' | 'getPublication' | 'searchTeasers'
>;

const notYet = (): never => {
  throw new Error('PostgreSQL lists are not implemented yet (pg-read)');
};

export function postgresLists(_pool: Pool, _options: { totalBound?: number | undefined }): ListMethods {
  return {
    listArticles: async () => notYet(),
    listEditions: async () => notYet(),
    getEdition: async () => notYet(),
    listPublications: async () => notYet(),
    getPublication: async () => notYet(),
    searchTeasers: async () => notYet(),
  };
}
