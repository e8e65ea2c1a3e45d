import { describe, expect, it } from 'vitest';
import type { CpuProfile, ProfileNode } from './cpu-profile';
import {
  frameLabel,
  isExtensionUrl,
  sampleDurations,
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
