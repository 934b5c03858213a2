/**
 * Picks the representation a client prefers from an Accept header (RFC 9110 §12.5.1):
 * highest q wins, then the more specific range, then the server's order. Returns null
 * when nothing offered is acceptable.
 */
export function negotiate<T extends string>(accept: string | undefined, offered: readonly T[]): T | null {
  if (accept === undefined || accept.trim() === '') return offered[0] ?? null;
  const ranges = accept.split(',').flatMap((part, order) => {
    const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (!range.includes('/')) return [];
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) return [];
    const [type = '', subtype = ''] = range.split('/');
    const specificity = type === '*' ? 0 : subtype === '*' ? 1 : 2;
    return [{ type, subtype, q, specificity, order }];
  });
  let best: { type: T; q: number; specificity: number; index: number } | null = null;
  offered.forEach((candidate, index) => {
    const [type, subtype] = candidate.split('/');
    // The most specific range that matches decides this candidate's q.
    const match = ranges
      .filter((r) => (r.type === '*' || r.type === type) && (r.subtype === '*' || r.subtype === subtype))
      .sort((a, b) => b.specificity - a.specificity || a.order - b.order)[0];
    if (!match || match.q <= 0) return;
    if (best === null || match.q > best.q || (match.q === best.q && match.specificity > best.specificity)) {
      best = { type: candidate, q: match.q, specificity: match.specificity, index };
    }
  });
  return (best as { type: T } | null)?.type ?? null;
}
