import type { z } from 'zod';
import type { FieldIssue } from '@cakeday/shared';
import { validationFailed } from '../errors/AppError';

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

/** Parses input with the route's schema from shared/; invalid input is a 400 naming each field. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw validationFailed(fieldIssues(parsed.error));
  return parsed.data;
}
