import { describe, expect, it } from 'vitest';
import { idSchema } from '../pack/schema';
import { entityKey, entityKeyOf } from './entity';

describe('entityKey', () => {
  it('is `packId/entityId`, the form muted entities are stored in', () => {
    expect(entityKey('bytedance-ai-2026', 'doubao')).toBe('bytedance-ai-2026/doubao');
  });

  it('is the same from an EntityRef, or anything else naming its pack and entity', () => {
    const alias = { packId: 'test-pack', entityId: 'acme', text: 'Acme' };
    expect(entityKeyOf(alias)).toBe(entityKey('test-pack', 'acme'));
    expect(entityKeyOf({ packId: 'test-pack', entityId: 'acme' })).toBe('test-pack/acme');
  });

  it('tells entities apart: the same id in two packs, and ids that share a prefix', () => {
    const refs = [
      ['a', 'b.c'],
      ['a.b', 'c'],
      ['a-pack', 'x'],
      ['b-pack', 'x'],
      ['a-pack', 'x_'],
    ] as const;
    const keys = refs.map(([packId, entityId]) => entityKey(packId, entityId));
    expect(new Set(keys).size).toBe(refs.length);
  });

  it('never has to escape anything: a pack or entity id cannot contain the separator', () => {
    expect(idSchema.safeParse('a/b').success).toBe(false);
  });
});
