import { describe, expect, it } from 'vitest';
import type { PathRow } from './match-path-figures';
import { countRequests, crossoverSentence, findCrossover, pathTaken } from './match-path-figures';

const row = (chars: number, remoteMs: number, localMs: number, remoteHeld = true): PathRow => ({
  chars,
  label: `${chars / 1000}k`,
  remoteMs,
  localMs,
  remoteHeld,
});

describe('countRequests', () => {
  it('counts both requests and the text sent', () => {
    expect(
      countRequests([
        { type: 'matchTexts', chars: 100 },
        { type: 'listPacks' },
        { type: 'matchTexts', chars: 300 },
        { type: 'getMatcher' },
      ]),
    ).toEqual({ matchTexts: 2, getMatcher: 1, sentChars: 400, largestChars: 300 });
    expect(countRequests([])).toEqual({
      matchTexts: 0,
      getMatcher: 0,
      sentChars: 0,
      largestChars: 0,
    });
  });
});

describe('pathTaken', () => {
  const requests = (matchTexts: number, getMatcher: number) => ({
    matchTexts,
    getMatcher,
    sentChars: 0,
    largestChars: 0,
  });

  it('tells a held path from a fallback and from no log', () => {
    expect(pathTaken('remote', requests(1, 0))).toBe('remote');
    expect(pathTaken('remote', requests(2, 1))).toBe('fell back');
    expect(pathTaken('remote', requests(0, 0))).toBe('unknown');
    expect(pathTaken('local', requests(0, 1))).toBe('local');
    expect(pathTaken('local', requests(1, 1))).toBe('unknown');
    expect(pathTaken('local', requests(0, 0))).toBe('unknown');
  });
});

describe('findCrossover', () => {
  it('finds the smallest size where local is cheaper, and interpolates before it', () => {
    const crossover = findCrossover([
      row(64_000, 30, 20),
      row(4_000, 5, 15),
      row(16_000, 10, 20),
      row(128_000, 50, 25),
    ]);
    expect(crossover.first?.chars).toBe(64_000);
    expect(crossover.stable).toBe(true);
    // remote − local: −10 at 16k, +10 at 64k: zero halfway.
    expect(crossover.interpolatedChars).toBeCloseTo(40_000);
    expect(crossover.untested).toEqual([]);
  });

  it('says when local is not cheaper at every larger size', () => {
    const crossover = findCrossover([row(4_000, 5, 4), row(16_000, 10, 12), row(64_000, 30, 20)]);
    expect(crossover.first?.chars).toBe(4_000);
    expect(crossover.stable).toBe(false);
    expect(crossover.interpolatedChars).toBeNull();
  });

  it('leaves out sizes where remote fell back, and finds none when remote always wins', () => {
    const crossover = findCrossover([
      row(4_000, 5, 15),
      row(64_000, 20, 25),
      row(128_000, 30, 28, false),
    ]);
    expect(crossover.first).toBeNull();
    expect(crossover.stable).toBe(false);
    expect(crossover.untested.map((r) => r.chars)).toEqual([128_000]);
  });

  it('ignores sizes without a figure', () => {
    expect(findCrossover([row(4_000, Number.NaN, 1), row(16_000, 5, 10)]).first).toBeNull();
  });
});

describe('crossoverSentence', () => {
  it('names the size, the figures and the fallbacks', () => {
    const sentence = crossoverSentence(
      'Seed pack',
      findCrossover([row(16_000, 10, 20), row(64_000, 30, 20), row(128_000, 40, 30, false)]),
    );
    expect(sentence).toContain('Seed pack: local is first cheaper at 64k');
    expect(sentence).toContain('remote/local 1.50×');
    expect(sentence).toContain('about 40k characters');
    expect(sentence).toContain('stays cheaper');
    expect(sentence).toContain('At 128k forced remote fell back');
    expect(crossoverSentence('10k', findCrossover([row(4_000, 1, 2)]))).toBe(
      '10k: remote costs the page less at every size where it ran; no crossover measured.',
    );
  });
});
