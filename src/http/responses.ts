import { PROBLEM_KINDS, PROBLEMS, problemTitle, problemType, type ProblemKind } from './problem.js';
import { ProblemSchema } from './schemas.js';

/** One line per kind, in the table's order: the description of a documented problem status. */
function description(kinds: readonly ProblemKind[]): string {
  return PROBLEM_KINDS.filter((kind) => kinds.includes(kind))
    .map((kind) => `- \`${kind}\`: ${PROBLEMS[kind].when}`)
    .join('\n');
}

/** The kinds a problem response's description lists (as `description` writes them). */
export function documentedKinds(responseDescription: string): ProblemKind[] {
  return PROBLEM_KINDS.filter((kind) => responseDescription.includes(`- \`${kind}\`: `));
}

/**
 * The example of a documented error response (added to the document by openapi.ts): the
 * first of the listed kinds of that status that has an example, else the first listed.
 */
export function problemExample(status: number, listed: readonly ProblemKind[] = PROBLEM_KINDS) {
  const ofStatus = listed.filter((kind) => PROBLEMS[kind].status === status);
  const kind = ofStatus.find((k) => 'example' in PROBLEMS[k]) ?? ofStatus[0] ?? 'internal';
  const problem: { status: number; when: string; example?: string } = PROBLEMS[kind];
  return {
    type: problemType(kind),
    title: problemTitle(problem.status),
    status: problem.status,
    detail: problem.example ?? '',
    request_id: '1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11',
  };
}

/**
 * Documented problem+json responses for the kinds a route can answer, for its `response`:
 * one per status (from PROBLEMS), describing only those kinds.
 */
export function problemResponses(...kinds: ProblemKind[]) {
  const statuses = [...new Set(kinds.map((kind) => PROBLEMS[kind].status))];
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: description(kinds.filter((kind) => PROBLEMS[kind].status === status)),
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/**
 * Kinds shared by routes of one shape, to spread into `problemResponses`. Any route with a
 * parameter: an invalid value, or (like any request) no Host or a broken %-escape.
 */
export const PARAMETER_PROBLEMS = ['validation', 'malformed-request'] as const satisfies ProblemKind[];
/** A route that reads a request body (fastify reads one on DELETE too), within the body budget. */
export const BODY_PROBLEMS = [
  'malformed-json',
  'invalid-encoding',
  'invalid-text',
  'payload-too-large',
  'unsupported-media-type',
  'overloaded',
] as const satisfies ProblemKind[];
/** A page submission: parsed in the pool, within its budget, while bodies are held. */
export const PAGE_PROBLEMS = [
  ...BODY_PROBLEMS,
  'parse-timeout',
  'not-ready',
] as const satisfies ProblemKind[];
/** A write: its access rule, its rate limit, and a database that may fail to take it. */
export const WRITE_PROBLEMS = [
  'unauthorized',
  'forbidden',
  'rate-limited',
  'storage-busy',
  'storage-unavailable',
  'storage-full',
] as const satisfies ProblemKind[];
/** A list: its cursor; with `q`, the search's bounds, rate limit and queue. */
export const LIST_PROBLEMS = ['invalid-cursor'] as const satisfies ProblemKind[];
export const SEARCH_PROBLEMS = [
  'invalid-cursor',
  'invalid-search',
  'rate-limited',
  'overloaded',
] as const satisfies ProblemKind[];

/** A documented JSON response (without a description, OpenAPI shows "Default Response"). */
export function jsonResponse<Schema>(description: string, schema: Schema) {
  return { description, content: { 'application/json': { schema } } };
}
