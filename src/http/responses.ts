import { PROBLEM_KINDS, PROBLEMS, problemTitle, problemType, type ProblemStatus } from './problem.js';
import { ProblemSchema } from './schemas.js';

/** The kinds sent with a status, in the table's order. */
function kindsOf(status: ProblemStatus) {
  return PROBLEM_KINDS.filter((kind) => PROBLEMS[kind].status === status);
}

/** One line per kind of the status, from the PROBLEMS table. */
function description(status: ProblemStatus): string {
  return kindsOf(status)
    .map((kind) => `- \`${kind}\`: ${PROBLEMS[kind].when}`)
    .join('\n');
}

/** The example of a documented error response (added to the document by openapi.ts): the kind of that status with an example. */
export function problemExample(status: number) {
  const kind =
    PROBLEM_KINDS.find((k) => PROBLEMS[k].status === status && 'example' in PROBLEMS[k]) ?? 'internal';
  const problem: { status: number; example?: string } = PROBLEMS[kind];
  return {
    type: problemType(kind),
    title: problemTitle(problem.status),
    status: problem.status,
    detail: problem.example ?? '',
    request_id: '1f0c6d0e-5b0f-4f57-a0a4-6a8f6f0a7c11',
  };
}

/** Documented problem+json responses for the given statuses, for a route's `response`. */
export function problemResponses(...statuses: ProblemStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: description(status),
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

/** A documented JSON response (without a description, OpenAPI shows "Default Response"). */
export function jsonResponse<Schema>(description: string, schema: Schema) {
  return { description, content: { 'application/json': { schema } } };
}
