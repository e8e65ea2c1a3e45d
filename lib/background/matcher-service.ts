import { sharedAttempt, type SharedAttempt } from '../async/shared-attempt';
import { Matcher } from '../engine/matcher/matcher';
import type { CompiledMatcher } from '../engine/types';
import { cachedMatcher, type CompileMatcher } from '../store/matcher-cache';
import type { PackDatabase } from '../store/pack-database';

/**
 * The compiled matcher of the enabled packs, and a decoded copy, kept warm in the worker's
 * memory: every frame of every tab asks, most of them small documents that have their text
 * matched here (`matchTexts`). Callers who ask while a build runs share it: twenty frames
 * loading at once compile once, not twenty times.
 *
 * Memory only speeds things up: the worker may be stopped at any time, and the next request
 * rebuilds both from IndexedDB (where the compiled matcher is cached). `invalidate` is called
 * whenever the enabled packs change.
 */
export class MatcherService<Decoded> {
  readonly #compiled: SharedAttempt<CompiledMatcher>;
  readonly #decoded: SharedAttempt<Decoded>;

  constructor(
    load: () => Promise<CompiledMatcher>,
    decode: (compiled: CompiledMatcher) => Decoded,
  ) {
    this.#compiled = sharedAttempt(load);
    this.#decoded = sharedAttempt(async () => decode(await this.#compiled.get()));
  }

  compiled(): Promise<CompiledMatcher> {
    return this.#compiled.get();
  }

  decoded(): Promise<Decoded> {
    return this.#decoded.get();
  }

  /** The enabled packs changed: the next request builds afresh. */
  invalidate(): void {
    this.#compiled.reset();
    this.#decoded.reset();
  }
}

/** The service over the pack database: the bundled pack first, then the cached or fresh build. */
export function packMatcherService(options: {
  packDb: PackDatabase;
  ensureSeed: () => Promise<unknown>;
  compile: CompileMatcher;
  matcherVersion: number;
  now: () => number;
}): MatcherService<Matcher> {
  const { packDb, ensureSeed, compile, matcherVersion, now } = options;
  return new MatcherService(
    async () => {
      await ensureSeed();
      return cachedMatcher(packDb, compile, matcherVersion, now);
    },
    (compiled) => Matcher.fromCompiled(compiled),
  );
}
