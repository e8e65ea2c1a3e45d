import type { z } from 'zod';
import { PACK_LIMITS } from './limits';
import { findReferenceIssues, type PackIssue } from './references';
import { packShapeSchema, type FactPack } from './schema';

export type { PackIssue } from './references';

export type PackValidation = { ok: true; pack: FactPack } | { ok: false; issues: PackIssue[] };

/** `["entities", 3, "aliases", 0]` → `$.entities[3].aliases[0]`, the form pack authors see. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${out}.${name}` : `${out}[${JSON.stringify(name)}]`;
  }, '$');
}

export function formatIssue(issue: PackIssue): string {
  return `${formatIssuePath(issue.path)}: ${issue.message}`;
}

/** A readable one-paragraph summary, at most `max` issues listed. */
export function describeIssues(issues: readonly PackIssue[], max = 5): string {
  const listed = issues.slice(0, max).map(formatIssue);
  const more = issues.length > max ? [`…and ${issues.length - max} more`] : [];
  return [...listed, ...more].join('\n');
}

function fromZod(error: z.ZodError): PackIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}

/** Validates an already-parsed JSON value: shape first, then cross-references. */
export function validatePack(value: unknown): PackValidation {
  const parsed = packShapeSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const issues = findReferenceIssues(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, pack: parsed.data };
}

/** Validates pack text as it arrives from a file or the network; the size bound comes first. */
export function validatePackText(text: string): PackValidation {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > PACK_LIMITS.documentBytes) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          message: `document is ${bytes} bytes, over the limit of ${PACK_LIMITS.documentBytes}`,
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: [], message: `not valid JSON (${reason})` }] };
  }
  return validatePack(value);
}
