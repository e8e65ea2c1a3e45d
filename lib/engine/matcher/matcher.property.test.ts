import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AliasSpec, CompiledMatcher } from '../types';
import { compileMatcher } from './compile';
import { Matcher } from './matcher';
import {
  referenceContextTerms,
  referenceFold,
  referenceResolve,
  referenceScan,
} from '../../../tests/support/reference-matcher';
import { resolveLeftmostLongest } from './resolve';
import { syntheticAliases } from '../../../tests/support/synthetic-aliases';
import { activeGiven } from '../../../tests/support/active-given';

/**
 * The fast matcher against the obviously correct one (tests/support/reference-matcher.ts) on random inputs that
 * are built to collide: few distinct pieces, so aliases overlap, share prefixes, repeat, and
 * differ only in case, width, spacing or apostrophes; texts made mostly of alias fragments.
 */

const PIECES = [
  ...['a', 'b', 'A', 'B', 'ab', 'Ab', 'ba', 'x', '1', '2', '.', '-'],
  ...[' ', '\u00a0', '\u3000', '\n', '\t', "'", '’', 'Ｄ', 'ｄ', 'd', 'D', '２'],
  ...['豆', '包', '字', '节', 'カ', 'ー', '한'],
  ...['é', 'e\u0301', '\u0301', 'İ', 'i', 'I', 'Σ', 'ς', 'σ', 'К', 'к'],
  ...['😀', '𝐀', '\ud83d'],
];

const piece = fc.constantFrom(...PIECES);
const shortText = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

/** Variants that fold (or almost fold) to the same text as `text`. */
function variant(text: string, how: number): string {
  switch (how) {
    case 0:
      return text.toUpperCase();
    case 1:
      return text.toLowerCase();
    case 2:
      return text.slice(0, Math.max(1, text.length - 1)); // a prefix, maybe a split pair
    case 3:
      return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 4:
      return text.replace(/ /g, '\u00a0').replace(/'/g, '’');
    default:
      return text;
  }
}

const aliasSpec = (text: fc.Arbitrary<string>): fc.Arbitrary<AliasSpec> =>
  fc
    .record({
      text,
      case: fc.constantFrom('insensitive' as const, 'sensitive' as const),
      context: fc.option(fc.array(shortText, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      // Words to block it inside; `aliasSet` makes some of them hold the alias's own text.
      notInside: fc.option(fc.array(shortText, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      packId: fc.constant('p'),
      entityId: fc.constantFrom('e', 'f'),
      entityKind: fc.constant('concept' as const),
    })
    // A role belongs to the entity: "f" is a context entity, "e" a subject by default.
    .map((alias) => (alias.entityId === 'f' ? { ...alias, entityRole: 'context' as const } : alias))
    // A blocker worth the name holds its alias: "x" + alias, alias + "x", alternately.
    .map((alias) =>
      alias.notInside
        ? {
            ...alias,
            notInside: alias.notInside.map((word, i) =>
              i % 2 === 0 ? word + alias.text : alias.text + word,
            ),
          }
        : alias,
    );

const aliasSet: fc.Arbitrary<AliasSpec[]> = fc
  .array(aliasSpec(shortText), { minLength: 0, maxLength: 8 })
  .chain((base) =>
    fc
      .array(
        fc.tuple(fc.nat(Math.max(0, base.length - 1)), fc.nat(6), aliasSpec(fc.constant(''))),
        { maxLength: base.length === 0 ? 0 : 6 },
      )
      .map((extra) => [
        ...base,
        ...extra.map(([from, how, alias]) => ({
          ...alias,
          text: variant(base[from]?.text ?? 'a', how),
          notInside: undefined,
        })),
      ]),
  );

/** Texts mostly made of alias texts (and their variants) with noise between. */
const textFor = (aliases: AliasSpec[]): fc.Arbitrary<string> => {
  const sources = aliases.flatMap((alias) => [
    alias.text,
    ...(alias.context ?? []),
    ...(alias.notInside ?? []),
  ]);
  const fragment =
    sources.length === 0
      ? piece
      : fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .tuple(fc.constantFrom(...sources), fc.nat(6))
              .map(([t, h]) => variant(t, h)),
          },
          { weight: 2, arbitrary: piece },
        );
  return fc.array(fragment, { maxLength: 16 }).map((parts) => parts.join(''));
};

const scenario = aliasSet.chain((aliases) =>
  fc.record({
    aliases: fc.constant(aliases),
    text: textFor(aliases),
    active: fc.array(fc.boolean(), { minLength: aliases.length, maxLength: aliases.length }),
  }),
);

const RUNS = 1000;
/** ~1 s each on an idle machine; generous so a busy CI machine does not fail them. */
const TIMEOUT = 30_000;

function viaJson(compiled: CompiledMatcher): Matcher {
  return Matcher.fromCompiled(JSON.parse(JSON.stringify(compiled)) as CompiledMatcher);
}

describe('Matcher agrees with the reference matcher', () => {
  it(
    'finds exactly the reference candidates and context hits',
    () => {
      fc.assert(
        fc.property(scenario, ({ aliases, text }) => {
          const compiled = compileMatcher(aliases, 'prop');
          expect(compiled.contextTerms).toEqual(referenceContextTerms(aliases));
          const expected = referenceScan(aliases, text);
          expect(new Matcher(compiled).scan(text)).toEqual(expected);
          // Without dense rows, and with rows for only some states: the sparse path alone
          // and the hand-over between the two must agree too.
          expect(new Matcher(compiled, { asciiRowStates: 0 }).scan(text)).toEqual(expected);
          expect(new Matcher(compiled, { asciiRowStates: 3 }).scan(text)).toEqual(expected);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'resolves leftmost-longest like the reference, inactive candidates dropped first',
    () => {
      fc.assert(
        fc.property(scenario, ({ aliases, text, active }) => {
          const { candidates } = new Matcher(compileMatcher(aliases, 'prop')).scan(text);
          const isActive = (alias: number): boolean => active[alias] ?? true;
          expect(resolveLeftmostLongest(candidates, isActive)).toEqual(
            referenceResolve(candidates, isActive),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gates aliases by the context terms found, as the terms read',
    () => {
      fc.assert(
        fc.property(scenario, ({ aliases, text }) => {
          const matcher = new Matcher(compileMatcher(aliases, 'prop'));
          const found = new Set(
            matcher.scan(text).contextHits.map((id) => fold(matcher.contextTerms[id] ?? '')),
          );
          const isActive = activeGiven(matcher, matcher.scan(text).contextHits);
          aliases.forEach((alias, index) => {
            const terms = (alias.context ?? []).map(fold).filter((term) => term !== '');
            const expected = terms.length === 0 || terms.some((term) => found.has(term));
            expect(isActive(index)).toBe(expected);
          });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gives identical results after a JSON round trip',
    () => {
      fc.assert(
        fc.property(scenario, ({ aliases, text }) => {
          const compiled = compileMatcher(aliases, 'prop');
          const direct = new Matcher(compiled);
          const revived = viaJson(compiled);
          expect(revived.scan(text)).toEqual(direct.scan(text));
          expect(revived.gatedAliases).toEqual(direct.gatedAliases);
          // Every alias comes back as it went in, minus its context terms (kept as ids), with
          // its role (an alias without one stands for a subject).
          const back = Array.from({ length: revived.aliasCount }, (_, i) => revived.alias(i));
          expect(back).toEqual(
            aliases.map(({ context: _, notInside: _blockers, ...identity }) => ({
              ...identity,
              entityRole: identity.entityRole ?? 'subject',
            })),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('Matcher on a large alias set', () => {
  // Thousands of states: 16- and 32-bit tables, states beyond the dense rows, wide fanouts.
  const aliases = syntheticAliases(3000, { seed: 7 });
  const matcher = viaJson(compileMatcher(aliases, 'large'));
  const glue = fc.constantFrom(' ', '，', '的', 'x', '', '. ');
  const text = fc
    .array(fc.tuple(fc.constantFrom(...aliases.map((alias) => alias.text)), glue, fc.nat(6)), {
      maxLength: 12,
    })
    .map((parts) => parts.map(([alias, sep, how]) => variant(alias, how) + sep).join(''));

  it(
    'agrees with the reference',
    () => {
      fc.assert(
        fc.property(text, (sample) => {
          expect(matcher.scan(sample)).toEqual(referenceScan(aliases, sample));
        }),
        { numRuns: 30 },
      );
    },
    TIMEOUT,
  );
});

function fold(text: string): string {
  return [...Array(text.length).keys()].map((i) => referenceFold(text[i] ?? '')).join('');
}
