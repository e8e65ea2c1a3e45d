import { describe, expect, it } from 'vitest';
import type { CpuProfile, ProfileNode } from './cpu-profile';
import {
  firstSampleOnStack,
  frameLabel,
  isExtensionUrl,
  sampleDurations,
  sampleStamps,
  samplesOnStack,
  summarizeProfile,
  topOf,
} from './cpu-profile';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1:1234/page.html';

function node(
  id: number,
  functionName: string,
  url: string,
  children: number[] = [],
  lineNumber = 3,
  columnNumber = 7,
): ProfileNode {
  return { id, callFrame: { functionName, url, lineNumber, columnNumber }, children };
}

/**
 * (root) 1
 * ├─ (program) 2, (idle) 3, (garbage collector) 4
 * ├─ top-level of content.js 5 → scan 6 (ours) → parse 7 (native, no URL)
 * ├─ onMessage 8 (ours, not under the top level) → createRange 9 (native)
 * └─ page script 10 → splitText 11 (native under the page: not ours) → callback 12 (ours)
 */
const NODES: ProfileNode[] = [
  node(1, '(root)', '', [2, 3, 4, 5, 8, 10]),
  node(2, '(program)', ''),
  node(3, '(idle)', ''),
  node(4, '(garbage collector)', ''),
  node(5, '', EXT, [6], 0, 0),
  node(6, 'scan', EXT, [7]),
  node(7, 'parse', ''),
  node(8, 'onMessage', EXT, [9]),
  node(9, 'createRange', ''),
  node(10, 'pageMain', PAGE, [11]),
  node(11, 'splitText', '', [12]),
  node(12, 'callback', EXT),
];

/** Each sample of `ids` lasts `us`, the first starting at the profile's start. */
function profile(ids: number[], us = 1000): CpuProfile {
  return {
    nodes: NODES,
    startTime: 0,
    endTime: ids.length * us,
    samples: ids,
    timeDeltas: ids.map((_, i) => (i === 0 ? 0 : us)),
  };
}

describe('sampleDurations', () => {
  it('gives each sample the time until the next one, the last until the end', () => {
    const p: CpuProfile = {
      nodes: NODES,
      startTime: 100,
      endTime: 1_000,
      samples: [2, 3, 5],
      timeDeltas: [50, 200, 300],
    };
    // Stamps 150, 350, 650; the last lasts until 1000.
    expect(sampleDurations(p)).toEqual([200, 300, 350]);
  });

  it('counts a sample reported out of order as nothing', () => {
    const p: CpuProfile = {
      nodes: NODES,
      startTime: 0,
      endTime: 500,
      samples: [2, 3, 4],
      timeDeltas: [100, 200, -50],
    };
    expect(sampleDurations(p)).toEqual([200, 0, 250]);
  });

  it('is empty without samples', () => {
    expect(sampleDurations({ nodes: NODES, startTime: 0, endTime: 10 })).toEqual([]);
  });
});

describe('sampleStamps', () => {
  it('adds the deltas to the start', () => {
    const p: CpuProfile = {
      nodes: NODES,
      startTime: 100,
      endTime: 1_000,
      samples: [2, 3, 5],
      timeDeltas: [50, 200, 300],
    };
    expect(sampleStamps(p)).toEqual([150, 350, 650]);
  });
});

describe('samplesOnStack', () => {
  it('lists every sample with a frame of ours on its stack, in order', () => {
    expect(samplesOnStack(profile([2, 5, 10, 11, 12, 7, 3, 9]), isExtensionUrl)).toEqual([
      1, 4, 5, 7,
    ]);
  });
});

describe('firstSampleOnStack', () => {
  const at = (ids: number[]): CpuProfile => ({
    nodes: NODES,
    startTime: 1_000,
    endTime: 1_000 + ids.length * 500,
    samples: ids,
    timeDeltas: ids.map((_, i) => (i === 0 ? 100 : 500 + i)),
  });

  it('finds the first sample with a frame of ours anywhere on its stack', () => {
    // Stamps 1100, 1601, 2103, 2606: idle, page, the native under our top level, ours.
    expect(firstSampleOnStack(at([3, 10, 7, 6]), isExtensionUrl)).toEqual({
      index: 2,
      atUs: 2_103,
      previousUs: 1_601,
    });
  });

  it('counts our callback under page code and native frames', () => {
    expect(firstSampleOnStack(at([10, 11, 12]), isExtensionUrl)?.index).toBe(2);
  });

  it('does not count a native frame under the page alone', () => {
    expect(firstSampleOnStack(at([2, 10, 11, 3]), isExtensionUrl)).toBeNull();
  });

  it('measures the first sample from the profile start', () => {
    expect(firstSampleOnStack(at([5, 6]), isExtensionUrl)).toEqual({
      index: 0,
      atUs: 1_100,
      previousUs: 1_000,
    });
  });

  it('is null without samples and ends on a cyclic tree', () => {
    expect(firstSampleOnStack({ nodes: NODES, startTime: 0, endTime: 1 }, isExtensionUrl)).toBe(
      null,
    );
    const cyclic: CpuProfile = {
      nodes: [node(1, 'a', PAGE, [2]), node(2, 'b', '', [1])],
      startTime: 0,
      endTime: 1,
      samples: [2],
      timeDeltas: [1],
    };
    expect(firstSampleOnStack(cyclic, isExtensionUrl)).toBeNull();
  });
});

describe('summarizeProfile', () => {
  it('counts top frames of ours and URL-less frames whose nearest caller with a URL is ours', () => {
    const s = summarizeProfile(profile([5, 6, 7, 8, 9, 12]), isExtensionUrl);
    expect(s.oursMs).toBeCloseTo(6);
    expect(s.busyMs).toBeCloseTo(6);
  });

  it('leaves out native frames under the page, program, GC and idle', () => {
    const s = summarizeProfile(profile([2, 3, 4, 10, 11]), isExtensionUrl);
    expect(s.oursMs).toBe(0);
    expect(s.busyMs).toBeCloseTo(4);
    expect(s.programMs).toBeCloseTo(1);
    expect(s.gcMs).toBeCloseTo(1);
    expect(s.windowMs).toBeCloseTo(5);
  });

  it('counts our callback even when page code called it', () => {
    expect(summarizeProfile(profile([12]), isExtensionUrl).oursMs).toBeCloseTo(1);
  });

  it('puts samples under the top-level code in evaluation', () => {
    const s = summarizeProfile(profile([5, 6, 7, 8, 9]), isExtensionUrl);
    expect(s.evaluationMs).toBeCloseTo(3);
    expect(topOf(s.entries, 5)).toEqual([
      ['script evaluation (content.js)', 3],
      ['onMessage content.js:4:8', 2],
    ]);
    expect(s.selfFrames.get('parse (native)')).toBeCloseTo(1);
    expect(s.selfFrames.get('scan content.js:4:8')).toBeCloseTo(1);
  });

  it('takes any predicate for what is ours', () => {
    const s = summarizeProfile(profile([10, 11, 12]), (url) => url === PAGE);
    expect(s.oursMs).toBeCloseTo(2);
    expect(s.evaluationMs).toBe(0);
  });

  it('ignores samples of unknown nodes', () => {
    expect(summarizeProfile(profile([99, 6]), isExtensionUrl).oursMs).toBeCloseTo(1);
  });
});

describe('frameLabel', () => {
  it('names top-level code, natives and functions', () => {
    expect(frameLabel({ functionName: '', url: EXT, lineNumber: 0, columnNumber: 0 })).toBe(
      'script evaluation (content.js)',
    );
    expect(frameLabel({ functionName: '', url: '', lineNumber: -1, columnNumber: -1 })).toBe(
      '(anonymous) (native)',
    );
    expect(frameLabel({ functionName: 'f', url: EXT, lineNumber: 55, columnNumber: 10 })).toBe(
      'f content.js:56:11',
    );
  });
});
