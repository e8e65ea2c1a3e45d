import { z } from 'zod';
import { PACK_LIMITS } from '../pack/limits';
import { idSchema, semverSchema } from '../pack/schema';

/**
 * A pack index: one JSON file a publisher serves beside its packs, listing each pack's
 * current version with the digest and size of its exact bytes, so a subscriber checks
 * for updates with one small request and refuses a file that is not what was listed.
 */

export const INDEX_FORMAT = 'fact-lens-index/1';

export const packIndexEntrySchema = z.strictObject({
  id: idSchema,
  version: semverSchema,
  title: z.string().max(200),
  /** Relative to the index URL, or absolute http(s). */
  url: z.string().max(2048),
  /** Of the exact bytes served at `url`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  /** Bytes of the pack file; a download that runs longer is cut off. */
  size: z.number().int().positive().max(PACK_LIMITS.documentBytes),
  /** Relative or absolute; an Ed25519 detached signature of the pack file's bytes. */
  signatureUrl: z.string().max(2048).optional(),
});

export const packIndexSchema = z.strictObject({
  format: z.literal(INDEX_FORMAT),
  generatedAt: z.iso.datetime(),
  /** One entry per pack id: two would offer two different files for the same pack. */
  packs: z
    .array(packIndexEntrySchema)
    .max(100)
    .superRefine((entries, context) => {
      const seen = new Map<string, number>();
      entries.forEach((entry, i) => {
        const earlier = seen.get(entry.id);
        if (earlier === undefined) {
          seen.set(entry.id, i);
          return;
        }
        context.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `pack "${entry.id}" is listed twice (also at packs[${earlier}]); an index lists each pack once`,
        });
      });
    }),
});

export type PackIndex = z.infer<typeof packIndexSchema>;
export type PackIndexEntry = z.infer<typeof packIndexEntrySchema>;

/**
 * True when a parsed JSON value claims to be an index, so a subscription URL may point at
 * either an index or a single pack document. Claims only: parse with `packIndexSchema`.
 */
export function looksLikeIndex(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { format?: unknown }).format === INDEX_FORMAT
  );
}

/**
 * `relative` (an entry's `url` or `signatureUrl`) resolved against the index's own URL.
 * Throws an `Error` saying why when it does not resolve to an http(s) URL, so an index
 * can never send the extension to `javascript:`, `data:` or `file:`.
 */
export function resolveIndexUrl(indexUrl: string, relative: string): string {
  let resolved: URL;
  try {
    resolved = new URL(relative, indexUrl);
  } catch {
    throw new Error(`cannot resolve ${JSON.stringify(relative)} against the index URL ${indexUrl}`);
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new Error(
      `${JSON.stringify(relative)} resolves to a ${resolved.protocol} URL; only http(s) links are allowed`,
    );
  }
  return resolved.href;
}
