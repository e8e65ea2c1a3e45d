import { describe, expect, it } from 'vitest';
import type { CpuProfile } from './cpu-profile';
import { isExtensionUrl } from './cpu-profile';
import {
  intersect,
  loopOffsets,
  navigationStartMs,
  offsetBounds,
  profileToPageMs,
  scriptStartOf,
} from './profile-clock';

describe('navigationStartMs', () => {
  it('reads NavigationStart, seconds, as milliseconds', () => {
    const metrics = [
      { name: 'Timestamp', value: 4_800.5 },
      { name: 'NavigationStart', value: 4_787.972965 },
    ];
    expect(navigationStartMs(metrics)).toBeCloseTo(4_787_972.965, 6);
  });

  it('is null when missing or zero', () => {
    expect(navigationStartMs([{ name: 'Timestamp', value: 1 }])).toBeNull();
    expect(navigationStartMs([{ name: 'NavigationStart', value: 0 }])).toBeNull();
  });
});

describe('profileToPageMs', () => {
  it('puts a profile stamp on the page clock', () => {
    expect(profileToPageMs(4_788_130_465, 4_787_972.965)).toBeCloseTo(157.5, 6);
  });
});

describe('offsetBounds and intersect', () => {
  it('allows the offsets that keep every sample inside the loop', () => {
    // A loop from 100 to 110 page ms; samples at 1100.4, 1105, 1109.8 profile ms.
    const b = offsetBounds([1_100.4, 1_105, 1_109.8], { fromMs: 100, toMs: 110 });
    expect(b?.low).toBeCloseTo(999.8, 6);
    expect(b?.high).toBeCloseTo(1_000.4, 6);
    expect(offsetBounds([], { fromMs: 0, toMs: 1 })).toBeNull();
  });

  it('intersects loops', () => {
    expect(
      intersect([
        { low: 999.8, high: 1_000.4 },
        { low: 999.9, high: 1_000.6 },
      ]),
    ).toEqual({ low: 999.9, high: 1_000.4 });
  });
});

describe('loopOffsets', () => {
  const loops = [
    { fromMs: 300, toMs: 304 },
    { fromMs: 700, toMs: 704 },
    { fromMs: 1_500, toMs: 1_510 },
  ];

  it('finds the offset from the samples alone and bounds it per loop', () => {
    const offset = 5_000;
    // Samples every ~0.5 ms inside each loop, the first a little after its start.
    const stamps = [
      ...[300.3, 300.8, 301.3, 303.9],
      ...[700.1, 702.0, 703.6],
      ...[1_500.4, 1_505, 1_509.7],
    ].map((t) => t + offset);
    const result = loopOffsets(stamps, loops);
    expect(result.stray).toBe(0);
    const all = intersect(result.perLoop.flatMap((b) => (b ? [b] : [])));
    // The first loop's last sample bounds it from below, the second's first from above.
    expect(all.low).toBeCloseTo(offset - 0.1, 6);
    expect(all.high).toBeCloseTo(offset + 0.1, 6);
  });

  it('leaves a loop with no samples out, and counts samples outside every loop', () => {
    const stamps = [700.2, 703.9, 1_500.5, 1_509.9, 2_400].map((t) => t + 80);
    const result = loopOffsets(stamps, loops);
    expect(result.perLoop[0]).toBeNull();
    expect(result.perLoop[1]?.low).toBeCloseTo(79.9, 6);
    expect(result.stray).toBe(1);
  });
});

describe('scriptStartOf', () => {
  const EXT = 'chrome-extension://abc/content-scripts/content.js';
  const profile: CpuProfile = {
    nodes: [
      {
        id: 1,
        callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 },
        children: [2, 3],
      },
      {
        id: 2,
        callFrame: { functionName: '(program)', url: '', lineNumber: -1, columnNumber: -1 },
      },
      { id: 3, callFrame: { functionName: '', url: EXT, lineNumber: 0, columnNumber: 0 } },
    ],
    startTime: 5_000_000,
    endTime: 5_400_000,
    samples: [2, 2, 3],
    // Stamps 5,100,000, 5,100,500, 5,101,300 µs.
    timeDeltas: [100_000, 500, 800],
  };

  it('gives the first sample of ours on the page clock and how late it may be', () => {
    const start = scriptStartOf({ profile, navigationStart: 5_000 }, isExtensionUrl);
    expect(start?.at).toBeCloseTo(101.3, 6);
    expect(start?.lateByAtMostMs).toBeCloseTo(0.8, 6);
  });

  it('is null without a navigation start, without a sample of ours, or at the first sample', () => {
    expect(scriptStartOf({ profile, navigationStart: null }, isExtensionUrl)).toBeNull();
    expect(scriptStartOf({ profile, navigationStart: 5_000 }, () => false)).toBeNull();
    const first = { ...profile, samples: [3, 2, 2] };
    expect(scriptStartOf({ profile: first, navigationStart: 5_000 }, isExtensionUrl)).toBeNull();
  });
});
