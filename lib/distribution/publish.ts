import { packTitle } from '../pack/localized';
import { describeIssues, formatIssuePath } from '../pack/validate';
import { sha256Hex } from './digest';
import { INDEX_FORMAT, packIndexSchema, type PackIndex, type PackIndexEntry } from './pack-index';
import { validatePackBytes } from './pack-bytes';
import { SIGNATURE_FILE_SUFFIX, signBytes, signatureFileText } from './signature';

/**
 * What `npm run pack -- publish` writes, computed from the pack files' bytes without
 * touching a filesystem: the pack files under their published names, their signatures,
 * and `index.json`. Pack bytes pass through untouched, so the digests, sizes and
 * signatures in the index describe exactly what is served.
 */

export const INDEX_FILE_NAME = 'index.json';
/** The input files publish reads from a folder. */
export const PACK_FILE_SUFFIX = '.pack.json';
/** An index lists at most this many packs (`packIndexSchema`). */
const MAX_PACKS = 100;

export interface PackFileInput {
  /** The file's name as the publisher knows it, used in messages. */
  fileName: string;
  bytes: Uint8Array;
  /** A `.sig` file found beside the pack; copied as it is when no key signs anew. */
  existingSignature?: Uint8Array;
}

export interface PublishOptions {
  generatedAt: Date;
  /** Folder URL the files will be served from; entry URLs are relative when absent. */
  baseUrl?: string;
  /** Private key text; each pack gets a fresh signature when present. */
  privateKey?: string;
}

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export type SignatureSource = 'signed' | 'copied' | 'none';

export interface PublishedPack {
  sourceFile: string;
  fileName: string;
  id: string;
  version: string;
  size: number;
  sha256: string;
  signature: SignatureSource;
}

export interface Publication {
  /** Each pack file followed by its signature, then the index. */
  files: OutputFile[];
  index: PackIndex;
  /** Sorted by id, like the index. */
  packs: PublishedPack[];
}

export type PublishResult =
  { ok: true; publication: Publication } | { ok: false; problems: string[] };

/** Published file name: ids are slugs and versions semver, so it is safe in a URL path. */
export function publishedPackName(pack: { id: string; version: string }): string {
  return `${pack.id}-${pack.version}${PACK_FILE_SUFFIX}`;
}

/** Whether publish could have written a file of this name (used before replacing a folder). */
export function isPublishedFileName(name: string): boolean {
  return (
    name === INDEX_FILE_NAME ||
    name.endsWith(PACK_FILE_SUFFIX) ||
    name.endsWith(PACK_FILE_SUFFIX + SIGNATURE_FILE_SUFFIX)
  );
}

/**
 * A `--base-url` as a folder URL ending in "/", so `new URL(name, base)` lands inside it
 * rather than replacing its last segment. Throws an `Error` saying why for anything but
 * an absolute http(s) URL.
 */
export function normalizeBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`base URL ${JSON.stringify(text)} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`base URL ${JSON.stringify(text)} must be http:// or https://`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

interface CheckedPack {
  input: PackFileInput;
  id: string;
  version: string;
  title: string;
}

/** Every problem with the inputs, each one line naming its file; empty when all is well. */
function checkInputs(inputs: readonly PackFileInput[]): {
  packs: CheckedPack[];
  problems: string[];
} {
  const packs: CheckedPack[] = [];
  const problems: string[] = [];
  const fileOfId = new Map<string, string>();
  for (const input of inputs) {
    const result = validatePackBytes(input.bytes);
    if (!result.ok) {
      const lines = describeIssues(result.issues).split('\n');
      problems.push(...lines.map((line) => `${input.fileName}: ${line}`));
      continue;
    }
    const { id, version } = result.pack;
    const other = fileOfId.get(id);
    if (other !== undefined) {
      problems.push(
        `${input.fileName}: pack id "${id}" is also in ${other}; an index lists one version of each pack`,
      );
      continue;
    }
    fileOfId.set(id, input.fileName);
    packs.push({ input, id, version, title: packTitle(result.pack) });
  }
  if (inputs.length > MAX_PACKS) {
    problems.push(`an index lists at most ${MAX_PACKS} packs; there are ${inputs.length} files`);
  }
  return { packs, problems };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface PublishedItem {
  files: OutputFile[];
  entry: PackIndexEntry;
  pack: PublishedPack;
}

/** One pack's output files, index entry and summary row. */
async function publishPack(
  { input, id, version, title }: CheckedPack,
  privateKey: string | undefined,
  urlOf: (name: string) => string,
): Promise<PublishedItem> {
  const fileName = publishedPackName({ id, version });
  const signatureName = fileName + SIGNATURE_FILE_SUFFIX;
  const signature = await signatureFor(input, privateKey);
  const sha256 = await sha256Hex(input.bytes);
  const size = input.bytes.byteLength;
  const signed = signature.bytes !== undefined;
  return {
    files: [
      { name: fileName, bytes: input.bytes },
      ...(signature.bytes === undefined ? [] : [{ name: signatureName, bytes: signature.bytes }]),
    ],
    entry: {
      id,
      version,
      title,
      url: urlOf(fileName),
      sha256,
      size,
      ...(signed ? { signatureUrl: urlOf(signatureName) } : {}),
    },
    pack: {
      sourceFile: input.fileName,
      fileName,
      id,
      version,
      size,
      sha256,
      signature: signature.source,
    },
  };
}

/**
 * Validates every input (all problems are reported, not only the first), then computes
 * every output file. Nothing is partial: either all files and the index, or problems.
 * Throws only for a malformed `baseUrl` or `privateKey`, which callers check first.
 */
export async function buildPublication(
  inputs: readonly PackFileInput[],
  options: PublishOptions,
): Promise<PublishResult> {
  const { packs: checked, problems } = checkInputs(inputs);
  if (problems.length > 0) return { ok: false, problems };

  const base = options.baseUrl === undefined ? undefined : normalizeBaseUrl(options.baseUrl);
  const urlOf = (name: string) => (base === undefined ? name : new URL(name, base).href);
  const items: PublishedItem[] = [];
  for (const pack of [...checked].sort(byId)) {
    items.push(await publishPack(pack, options.privateKey, urlOf));
  }

  const parsed = packIndexSchema.safeParse({
    format: INDEX_FORMAT,
    generatedAt: options.generatedAt.toISOString(),
    packs: items.map(({ entry }) => entry),
  });
  if (!parsed.success) {
    // The inputs were valid packs, so this is a limit of the index itself (a long base URL).
    const messages = parsed.error.issues.map(
      (issue) => `${formatIssuePath(issue.path)}: ${issue.message}`,
    );
    return { ok: false, problems: messages.map((message) => `${INDEX_FILE_NAME}: ${message}`) };
  }
  const indexBytes = new TextEncoder().encode(`${JSON.stringify(parsed.data, null, 2)}\n`);
  return {
    ok: true,
    publication: {
      files: [...items.flatMap(({ files }) => files), { name: INDEX_FILE_NAME, bytes: indexBytes }],
      index: parsed.data,
      packs: items.map(({ pack }) => pack),
    },
  };
}

async function signatureFor(
  input: PackFileInput,
  privateKey: string | undefined,
): Promise<{ bytes?: Uint8Array; source: SignatureSource }> {
  if (privateKey !== undefined) {
    const text = signatureFileText(await signBytes(privateKey, input.bytes));
    return { bytes: new TextEncoder().encode(text), source: 'signed' };
  }
  if (input.existingSignature !== undefined) {
    return { bytes: input.existingSignature, source: 'copied' };
  }
  return { source: 'none' };
}
