import { describe, expect, it } from 'vitest';
import { validPack } from '../../tests/support/pack-fixtures';
import { dumpDatabase } from '../../tests/support/database-dump';
import { installPack } from './install';
import {
  defaultSiteRule,
  MUTED_PER_SITE_MAX,
  normaliseHost,
  setEntityMuted,
  siteRuleFor,
  SiteRuleError,
} from './site-rules';
import { freshDatabases, parsedPack } from '../../tests/support/databases';

const now = () => 1_000;
const DOUBAO = 'bytedance-ai-2026/doubao';
const DOLA = 'bytedance-ai-2026/dola';

describe('normaliseHost', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
  ])('%s → %s', (host, expected) => {
    expect(normaliseHost(host)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['only a dot', '.'],
    ['a space', 'exa mple.com'],
    ['a path', 'example.com/news'],
    ['too long', `${'a'.repeat(250)}.com`],
  ])('rejects a host that is %s', (_label, host) => {
    expect(() => normaliseHost(host)).toThrow(SiteRuleError);
  });
});

describe('siteRuleFor', () => {
  it('answers the default rule for a site the user never touched, storing nothing', async () => {
    const { userDb } = freshDatabases();
    expect(await siteRuleFor(userDb, 'Example.com.')).toEqual(defaultSiteRule('example.com'));
    expect(await userDb.siteRules.count()).toBe(0);
  });

  it('finds a stored rule under any spelling of its host', async () => {
    const { userDb } = freshDatabases();
    await setEntityMuted(userDb, 'example.com', DOUBAO, true, now);
    expect(await siteRuleFor(userDb, 'EXAMPLE.com.')).toMatchObject({ mutedEntities: [DOUBAO] });
  });

  it('rejects an empty host', async () => {
    const { userDb } = freshDatabases();
    await expect(siteRuleFor(userDb, '')).rejects.toMatchObject({ code: 'invalid-host' });
  });
});

describe('setEntityMuted', () => {
  it('mutes an entity on one site only', async () => {
    const { userDb } = freshDatabases();
    const rule = await setEntityMuted(userDb, 'example.com', DOUBAO, true, now);
    expect(rule).toEqual({
      host: 'example.com',
      mutedEntities: [DOUBAO],
      updatedAt: 1_000,
    });
    expect(await siteRuleFor(userDb, 'example.com')).toEqual(rule);
    expect(await siteRuleFor(userDb, 'other.example')).toEqual(defaultSiteRule('other.example'));
  });

  it.each([
    ['muting what is muted', [DOLA, DOUBAO], DOUBAO, true],
    ['unmuting what is not muted', [DOLA], DOUBAO, false],
  ])('writes nothing when %s', async (_label, before, key, muted) => {
    const { userDb } = freshDatabases();
    await userDb.siteRules.put({
      host: 'example.com',
      mutedEntities: before,
      updatedAt: 5,
    });
    const dump = await dumpDatabase(userDb);
    const rule = await setEntityMuted(userDb, 'example.com', key, muted, now);
    expect(rule).toMatchObject({ mutedEntities: before, updatedAt: 5 });
    expect(await dumpDatabase(userDb)).toEqual(dump);
  });

  it('keeps the muted list sorted and without duplicates', async () => {
    const { userDb } = freshDatabases();
    await setEntityMuted(userDb, 'example.com', DOUBAO, true, now);
    await setEntityMuted(userDb, 'example.com', DOLA, true, now);
    await setEntityMuted(userDb, 'example.com', DOUBAO, true, now);
    expect((await siteRuleFor(userDb, 'example.com')).mutedEntities).toEqual([DOLA, DOUBAO]);
  });

  // Undo is the same call with `muted` flipped: it must leave exactly what was there.
  it.each([
    ['no rule yet', null],
    ['another entity muted', { mutedEntities: [DOLA] }],
    ['other entities muted', { mutedEntities: [DOLA, 'z-pack/zed'] }],
  ])('mute then undo restores the database with %s', async (_label, stored) => {
    const { userDb } = freshDatabases();
    if (stored) await userDb.siteRules.put({ host: 'example.com', ...stored, updatedAt: 5 });
    const before = await dumpDatabase(userDb);
    const ruleBefore = await siteRuleFor(userDb, 'example.com');

    const muted = await setEntityMuted(userDb, 'example.com', DOUBAO, true, now);
    expect(muted.mutedEntities).toContain(DOUBAO);
    const undone = await setEntityMuted(userDb, 'example.com', DOUBAO, false, now);

    expect(undone.mutedEntities).toEqual(ruleBefore.mutedEntities);
    // Only the timestamp may differ, and only where a row remains.
    const after = await dumpDatabase(userDb);
    const withoutTimes = (dump: Record<string, unknown[]>) =>
      (dump.siteRules as { updatedAt: number }[]).map(({ updatedAt: _t, ...rest }) => rest);
    expect(withoutTimes(after)).toEqual(withoutTimes(before));
  });

  it('deletes a rule left saying nothing, and answers the default for it', async () => {
    const { userDb } = freshDatabases();
    await setEntityMuted(userDb, 'example.com', DOUBAO, true, now);
    const rule = await setEntityMuted(userDb, 'example.com', DOUBAO, false, now);
    expect(rule).toEqual(defaultSiteRule('example.com'));
    expect(await userDb.siteRules.count()).toBe(0);
  });

  it('a quick mute and undo, sent together, both apply in order', async () => {
    const { userDb } = freshDatabases();
    const [muted, undone] = await Promise.all([
      setEntityMuted(userDb, 'example.com', DOUBAO, true, now),
      setEntityMuted(userDb, 'example.com', DOUBAO, false, now),
    ]);
    expect(muted.mutedEntities).toEqual([DOUBAO]);
    expect(undone.mutedEntities).toEqual([]);
    expect(await userDb.siteRules.count()).toBe(0);
  });

  it('refuses to grow a site’s list past its limit, keeping what was stored', async () => {
    const { userDb } = freshDatabases();
    const full = Array.from({ length: MUTED_PER_SITE_MAX }, (_, i) => `p/e${i}`).sort();
    await userDb.siteRules.put({
      host: 'example.com',
      mutedEntities: full,
      updatedAt: 5,
    });
    await expect(setEntityMuted(userDb, 'example.com', DOUBAO, true, now)).rejects.toMatchObject({
      code: 'too-many-muted',
    });
    expect((await siteRuleFor(userDb, 'example.com')).mutedEntities).toHaveLength(
      MUTED_PER_SITE_MAX,
    );
    // Unmuting still works on a full list.
    const rule = await setEntityMuted(userDb, 'example.com', 'p/e0', false, now);
    expect(rule.mutedEntities).toHaveLength(MUTED_PER_SITE_MAX - 1);
  });

  it('rejects an empty host and writes nothing', async () => {
    const { userDb } = freshDatabases();
    await expect(setEntityMuted(userDb, '.', DOUBAO, true, now)).rejects.toMatchObject({
      code: 'invalid-host',
    });
    expect(await userDb.siteRules.count()).toBe(0);
  });

  it('never touches the packs database', async () => {
    const { packDb, userDb } = freshDatabases();
    await installPack(packDb, parsedPack(validPack()), { origin: 'file', now });
    const packsBefore = await dumpDatabase(packDb);
    await setEntityMuted(userDb, 'example.com', 'test-pack/acme', true, now);
    await siteRuleFor(userDb, 'example.com');
    await setEntityMuted(userDb, 'example.com', 'test-pack/acme', false, now);
    expect(await dumpDatabase(packDb)).toEqual(packsBefore);
  });
});
