import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../distribution/signature';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../settings/schema';
import { freshDatabases } from '../../tests/support/databases';
import { setEntityMuted } from '../store/site-rules';
import { addSubscription } from '../sync/subscriptions';
import {
  exportSettingsFile,
  importSettingsFile,
  parseSettingsFile,
  SETTINGS_FILE_FORMAT,
} from './settings-file';
import { memoryArea } from '../../tests/support/memory-storage';

const now = () => 500;
const { publicKey } = await generateKeyPair();

const validFile = () => ({
  format: SETTINGS_FILE_FORMAT,
  version: 1,
  settings: { ...DEFAULT_SETTINGS, paused: true, disabledSites: ['news.example'] },
  subscriptions: [{ url: 'https://packs.example/index.json', publicKey }],
  siteRules: [{ host: 'example.com', mutedEntities: ['p/a'] }],
});

describe('parseSettingsFile', () => {
  it('accepts a valid file', () => {
    expect(parseSettingsFile(JSON.stringify(validFile()))).toMatchObject({ ok: true });
  });

  it('accepts a file exported before settings version 4, following the browser’s language', () => {
    const { textLanguage: _language, ...v3 } = validFile().settings;
    const parsed = parseSettingsFile(
      JSON.stringify({ ...validFile(), settings: { ...v3, version: 3 } }),
    );
    expect(parsed).toMatchObject({
      ok: true,
      file: { settings: { ...validFile().settings, textLanguage: 'auto' } },
    });
  });

  it.each<[string, (file: ReturnType<typeof validFile>) => unknown, string]>([
    ['not JSON', () => '{', 'not JSON'],
    ['another format', (file) => ({ ...file, format: 'other' }), 'format'],
    ['another version', (file) => ({ ...file, version: 2 }), 'version'],
    ['an unknown key', (file) => ({ ...file, extra: true }), '(file)'],
    [
      'a broken setting',
      (file) => ({ ...file, settings: { ...file.settings, density: 'x' } }),
      'density',
    ],
    ['no settings', ({ settings: _settings, ...file }) => file, 'settings'],
    [
      'a subscription without a URL',
      (file) => ({ ...file, subscriptions: [{}] }),
      'subscriptions.0.url',
    ],
    [
      'a subscription over plain http',
      (file) => ({ ...file, subscriptions: [{ url: 'ftp://x.example/i.json' }] }),
      'ftp://',
    ],
    [
      'a malformed key',
      (file) => ({
        ...file,
        subscriptions: [{ url: 'https://a.example/i.json', publicKey: 'nope' }],
      }),
      'https://a.example',
    ],
    [
      'a bad host',
      (file) => ({ ...file, siteRules: [{ host: 'not a host', mutedEntities: [] }] }),
      'siteRules.0.host',
    ],
    [
      'mutes that are not strings',
      (file) => ({ ...file, siteRules: [{ host: 'a.example', mutedEntities: [1] }] }),
      'siteRules.0.mutedEntities.0',
    ],
  ])('refuses %s, naming where', (_name, change, where) => {
    const changed = change(validFile());
    const text = typeof changed === 'string' ? changed : JSON.stringify(changed);
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(where);
  });
});

describe('export and import', () => {
  it('round-trips settings, subscriptions with their keys and site mutes', async () => {
    const source = freshDatabases();
    const area = memoryArea({ [SETTINGS_KEY]: validFile().settings });
    await addSubscription(
      source.userDb,
      { url: 'https://packs.example/index.json', publicKey },
      now,
    );
    await setEntityMuted(source.userDb, 'example.com', 'p/a', true, now);
    const { fileName, text } = await exportSettingsFile(area, source.userDb);
    expect(fileName).toBe('fact-lens-settings.json');

    const target = freshDatabases();
    const targetArea = memoryArea();
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await importSettingsFile(targetArea, target.userDb, parsed.file, now)).toEqual({
      subscriptionsAdded: ['https://packs.example/index.json'],
      siteRules: 1,
    });
    expect(targetArea.items.get(SETTINGS_KEY)).toEqual(validFile().settings);
    expect(await target.userDb.subscriptions.get('https://packs.example/index.json')).toMatchObject(
      { publicKey, nextCheckAt: 500 },
    );
    expect(await target.userDb.siteRules.get('example.com')).toMatchObject({
      mutedEntities: ['p/a'],
    });
  });

  it('joins mutes and keeps existing subscriptions as they are', async () => {
    const { userDb } = freshDatabases();
    await addSubscription(userDb, { url: 'https://packs.example/index.json' }, () => 1);
    await setEntityMuted(userDb, 'example.com', 'p/z', true, now);
    const before = await userDb.subscriptions.get('https://packs.example/index.json');
    const parsed = parseSettingsFile(JSON.stringify(validFile()));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(
      (await importSettingsFile(memoryArea(), userDb, parsed.file, now)).subscriptionsAdded,
    ).toEqual([]);
    expect(await userDb.subscriptions.get('https://packs.example/index.json')).toEqual(before);
    expect((await userDb.siteRules.get('example.com'))?.mutedEntities).toEqual(['p/a', 'p/z']);
  });
});
