// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../engine/matcher/compile';
import { Matcher } from '../engine/matcher/matcher';
import type { Mention } from '../engine/page/mentions';
import { PageMarker } from '../engine/page/page-marker';
import type { Painter } from '../engine/page/painter';
import { localScanner, type TextScanner } from '../engine/page/scanner';
import type { SliceScheduler } from '../engine/page/scheduler';
import { scanRemotely, type RemoteScan } from '../engine/remote-scan';
import type { AliasSpec } from '../engine/types';
import { HybridScanner, type HybridScannerOptions } from './hybrid-scanner';

function alias(text: string, extra: Partial<AliasSpec> = {}): AliasSpec {
  return {
    text,
    case: 'insensitive',
    packId: 'p',
    entityId: text.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]+/g, '-'),
    entityKind: 'product',
    ...extra,
  };
}

const ALIASES = [
  alias('Doubao'),
  alias('豆包'),
  alias('Seedance'),
  alias('Seedance 2.0', { entityId: 'seedance-2' }),
  alias('Seed', { case: 'sensitive', context: ['ByteDance', '字节跳动'], entityKind: 'team' }),
  alias('ByteDance', { entityKind: 'company' }),
  alias('Wu Yonghui', { entityKind: 'person' }),
];
const compiled = compileMatcher(ALIASES, 'packs-v1');

/** What the background answers, through a JSON round trip as `runtime.sendMessage` does. */
function background(matcher = Matcher.fromCompiled(compiled)) {
  return vi.fn(
    async (texts: string[]) =>
      JSON.parse(JSON.stringify(scanRemotely(matcher, texts))) as RemoteScan,
  );
}

function hybrid(options: Partial<HybridScannerOptions> = {}) {
  const matchRemotely = background();
  const loadLocal = vi.fn(async () => Matcher.fromCompiled(compiled));
  const scanner = new HybridScanner({ matchRemotely, loadLocal, ...options });
  return { scanner, matchRemotely, loadLocal };
}

describe('HybridScanner', () => {
  it('sends a small document to the background and never loads the matcher', async () => {
    const { scanner, matchRemotely, loadLocal } = hybrid({ smallDocumentChars: 100 });
    const results = await scanner.scanTexts(['Doubao and Seedance 2.0']);
    expect(results).toEqual([Matcher.fromCompiled(compiled).scan('Doubao and Seedance 2.0')]);
    expect(matchRemotely).toHaveBeenCalledTimes(1);
    expect(loadLocal).not.toHaveBeenCalled();
    const doubao = results[0]?.candidates[0]?.alias ?? -1;
    expect(scanner.alias(doubao)).toMatchObject({ entityId: 'doubao', text: 'Doubao' });
  });

  it('sends nothing for a document without text', () => {
    const { scanner, matchRemotely, loadLocal } = hybrid();
    expect(scanner.scanTexts([])).toEqual([]);
    expect(matchRemotely).not.toHaveBeenCalled();
    expect(loadLocal).not.toHaveBeenCalled();
  });

  it('matches locally once the document passes the limit, loading the matcher once', async () => {
    const { scanner, matchRemotely, loadLocal } = hybrid({ smallDocumentChars: 20 });
    await scanner.scanTexts(['Doubao here']); // 11 characters: remote
    const later = [scanner.scanTexts(['Seedance is more text']), scanner.scanTexts(['豆包'])];
    await Promise.all(later);
    expect(matchRemotely).toHaveBeenCalledTimes(1);
    expect(loadLocal).toHaveBeenCalledTimes(1);
    // Loaded: answers come at once, not as promises.
    expect(Array.isArray(scanner.scanTexts(['Doubao']))).toBe(true);
  });

  it.each<['remote' | 'local', number, number]>([
    ['remote', 1, 0],
    ['local', 0, 1],
  ])('obeys a forced path (%s) whatever the size', async (force, remote, local) => {
    const { scanner, matchRemotely, loadLocal } = hybrid({ force, smallDocumentChars: 1 });
    await scanner.scanTexts(['Doubao and a long text past the limit']);
    expect(matchRemotely).toHaveBeenCalledTimes(remote);
    expect(loadLocal).toHaveBeenCalledTimes(local);
  });

  it('says so when two answers came from different pack sets', async () => {
    const onStale = vi.fn();
    const scanner = new HybridScanner({
      matchRemotely: background(),
      loadLocal: async () => Matcher.fromCompiled(compileMatcher(ALIASES, 'packs-v2')),
      smallDocumentChars: 10,
      onStale,
    });
    await scanner.scanTexts(['Doubao']);
    expect(onStale).not.toHaveBeenCalled();
    await scanner.scanTexts(['Seedance and more']);
    expect(onStale).toHaveBeenCalledTimes(1);
  });

  it('asks again when a request is lost, then matches the batch here', async () => {
    const lostOnce = vi.fn(background());
    lostOnce.mockRejectedValueOnce(new Error('message port closed'));
    const retried = hybrid({ matchRemotely: lostOnce });
    await expect(retried.scanner.scanTexts(['Doubao'])).resolves.toHaveLength(1);
    expect(lostOnce).toHaveBeenCalledTimes(2);
    expect(retried.loadLocal).not.toHaveBeenCalled();

    const gone = hybrid({ matchRemotely: async () => Promise.reject(new Error('no background')) });
    const [result] = await gone.scanner.scanTexts(['Doubao']);
    expect(result?.candidates).toHaveLength(1);
    expect(gone.loadLocal).toHaveBeenCalledTimes(1);
  });

  it('fails the batch, not the scanner, when nothing can match it', async () => {
    const loadLocal = vi.fn(async () => Promise.reject(new Error('no background')));
    const scanner = new HybridScanner({
      matchRemotely: async () => Promise.reject(new Error('no background')),
      loadLocal,
    });
    await expect(scanner.scanTexts(['Doubao'])).rejects.toThrow('no background');
    await expect(scanner.scanTexts(['Doubao'])).rejects.toThrow('no background');
    expect(loadLocal).toHaveBeenCalledTimes(2); // a failed load is not kept
  });
});

/** Runs queued work at once, to the end: the order of batches is what is tested, not slicing. */
function immediateScheduler(): SliceScheduler {
  return {
    run(work) {
      while (!work(() => true));
    },
    whenIdle: async () => {},
    holdUntil: () => {},
  };
}

/** Marks `document` with `scanner` and answers the painted mentions in reading order. */
async function markWith(scanner: TextScanner): Promise<string[]> {
  let painted: readonly Mention[] = [];
  const painter: Painter = { paint: (mentions) => void (painted = mentions), clear: () => {} };
  const marker = new PageMarker({
    doc: document,
    scanner,
    painter,
    scheduler: immediateScheduler(),
    now: () => 0,
  });
  marker.start();
  await marker.settled();
  marker.stop();
  expect(painted.length).toBe(marker.index.visible().length);
  return marker.index
    .visibleInReadingOrder()
    .map((m) => `${m.entityKey}@${m.segment.text.slice(m.start, m.end)}:${m.start}`);
}

const WORDS = [
  'Doubao',
  'doubao',
  '豆包',
  'Seed',
  'seed',
  'Seedance',
  'Seedance 2.0',
  'ByteDance',
  '字节跳动',
  'Wu',
  'Yonghui',
  'the',
  'and',
  '2.0',
  ' ',
  ',',
];
const inline = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
  tag: fc.constantFrom('', 'b', 'span', 'a'),
});
const block = fc.record({
  tag: fc.constantFrom('p', 'div', 'li', 'h2'),
  parts: fc.array(inline, { minLength: 1, maxLength: 5 }),
});
const documentHtml = fc.array(block, { minLength: 0, maxLength: 12 }).map((blocks) =>
  blocks
    .map(({ tag, parts }) => {
      const inner = parts
        .map(({ words, tag: t }) => (t ? `<${t}>${words.join(' ')}</${t}>` : words.join(' ')))
        .join(' ');
      return `<${tag}>${inner}</${tag}>`;
    })
    .join(''),
);

describe('the background path and the local path', () => {
  it('mark the same mentions on the same documents', async () => {
    await fc.assert(
      fc.asyncProperty(documentHtml, fc.integer({ min: 0, max: 200 }), async (html, limit) => {
        document.body.innerHTML = html;
        const local = await markWith(localScanner(Matcher.fromCompiled(compiled)));
        const remote = await markWith(hybrid({ force: 'remote' }).scanner);
        // A document that passes the limit part way: background first, then local.
        const mixed = await markWith(hybrid({ smallDocumentChars: limit }).scanner);
        expect(remote).toEqual(local);
        expect(mixed).toEqual(local);
      }),
      { numRuns: 150 },
    );
  });
});
