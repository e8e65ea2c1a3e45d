import { z } from 'zod';
import { hostProblem } from './site';

/**
 * A host name as the background's message validation takes it (Zod), with the one rule of
 * `hostProblem`. Kept apart from site.ts so that content scripts, which need `siteOf`, do not
 * pull Zod in.
 */
export const hostSchema = z.string().superRefine((value, ctx) => {
  const problem = hostProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
