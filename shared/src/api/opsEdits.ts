import { z } from 'zod';

/** Fields every ops edit shares: the record's id, the version it was loaded at, and the operator's reason. */
export const opsIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');
/** Optimistic version: an edit names the version it loaded; a mismatch is 409 STALE_VERSION. */
export const opsVersionSchema = z.number().int().min(0);
/** Typed by the operator, kept in the audit log. */
export const opsReasonSchema = z.string().trim().min(2).max(200);
export const opsDateTimeSchema = z.iso.datetime({ offset: true });

/** A zod refinement from a pure rule that lists problems as field issues (the rule is also run on merged edits). */
export function issuesFrom<T>(problems: (input: T) => readonly { path: string; message: string }[]) {
  return (input: T, context: z.RefinementCtx): void => {
    for (const problem of problems(input)) context.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
  };
}
