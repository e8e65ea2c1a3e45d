import { describe, expect, it, vi } from 'vitest';
import type { AliasSpec, CompiledMatcher } from '../engine/types';
import { packWith, validPack } from '../../tests/support/pack-fixtures';
import { installPack } from './install';
import { cachedMatcher, matcherKey } from './matcher-cache';
import { freshDatabases, parsedPack } from '../../tests/support/databases';

const now = () => 1;

/** Records what it was asked to compile; what it returns only has to carry the key. */
function fakeCompile() {
  return vi.fn((_aliases: AliasSpec[], key: string): CompiledMatcher => ({
    format: 5,
    key,
    aliasText: '',
    packIds: [],
    entityIds: '',
    contextTerms: [],
    tables: {},
  }));
}

type FakeCompile = ReturnType<typeof fakeCompile>;
const compiledAliases = (compile: FakeCompile): AliasSpec[] => compile.mock.lastCall?.[0] ?? [];

describe('matcherKey', () => {
  it('names the matcher version and every pack version, in a stable order', () => {
    expect(
      matcherKey(5, [
        { id: 'b', version: '1.0.0' },
        { id: 'a', version: '2.1.0' },
      ]),
    ).toBe('engine-5|a@2.1.0,b@1.0.0');
  });
});

describe('cachedMatcher', () => {
  it('compiles once, then serves the cached matcher', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    const compile = fakeCompile();
    const first = await cachedMatcher(packDb, compile, 1, now);
    const second = await cachedMatcher(packDb, compile, 1, now);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(compiledAliases(compile).map((alias) => alias.text)).toEqual(['Acme Corp', 'Widget']);
    expect(compiledAliases(compile)[1]).toEqual({
      text: 'Widget',
      case: 'sensitive',
      context: ['Acme'],
      packId: 'test-pack',
      entityId: 'widget',
      entityKind: 'model',
      entityRole: 'subject',
    });
  });

  it('recompiles after an update and keeps only the newest entry', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    const compile = fakeCompile();
    await cachedMatcher(packDb, compile, 1, now);
    const v2 = packWith((pack) => {
      pack.version = '2.0.0';
      pack.entities[0].aliases.push({ text: 'Acme Inc', lang: 'en' });
    });
    await installPack(packDb, parsedPack(v2), { origin: 'file', now });
    const updated = await cachedMatcher(packDb, compile, 1, now);
    expect(compile).toHaveBeenCalledTimes(2);
    expect(updated.key).toContain('test-pack@2.0.0');
    expect(compiledAliases(compile).map((alias) => alias.text)).toContain('Acme Inc');
    expect(await packDb.matchers.count()).toBe(1);
  });

  it('recompiles when the matcher version changes', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    const compile = fakeCompile();
    await cachedMatcher(packDb, compile, 1, now);
    await cachedMatcher(packDb, compile, 2, now);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('leaves disabled packs out', async () => {
    const { packDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    await packDb.packs.update('test-pack', { enabled: false });
    const compile = fakeCompile();
    const compiled = await cachedMatcher(packDb, compile, 1, now);
    expect(compiledAliases(compile)).toEqual([]);
    expect(compiled.key).toBe('engine-1|');
  });
});
