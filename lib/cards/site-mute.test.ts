import { describe, expect, it, vi } from 'vitest';
import type { Payload, Reply } from '../messaging/protocol';
import { entityKeyOf } from '../domain/entity';
import type { SiteRule } from '../domain/site-rule';
import { createSiteMute, type SiteRequest } from './site-mute';

const DOUBAO = { packId: 'bytedance-ai-2026', entityId: 'doubao' };

function rule(mutedEntities: string[]): Reply<SiteRule> {
  return {
    ok: true,
    value: { host: 'example.com', mutedEntities, updatedAt: 1 },
  };
}

const failed: Reply<SiteRule> = {
  ok: false,
  error: { code: 'internal', message: 'background unreachable' },
};

/** A background that keeps one site's muted set, as the real one does. */
function fakeBackground() {
  const muted = new Set<string>();
  const request = vi.fn<SiteRequest>(async (type, payload) => {
    if (type === 'setEntityMuted' && 'muted' in payload) {
      const key = entityKeyOf(payload);
      if (payload.muted) muted.add(key);
      else muted.delete(key);
    }
    return rule([...muted].sort());
  });
  return { request, muted };
}

/** A request whose replies the test releases one by one, in any order. */
function heldRequests() {
  const pending: {
    payload: Payload<'getSiteRule' | 'setEntityMuted'>;
    resolve: (reply: Reply<SiteRule>) => void;
  }[] = [];
  const request: SiteRequest = (_type, payload) =>
    new Promise((resolve) => pending.push({ payload, resolve }));
  return { request, pending };
}

describe('createSiteMute', () => {
  it('applies the stored rule once the marker is attached', async () => {
    const { request } = fakeBackground();
    await request('setEntityMuted', { host: 'example.com', ...DOUBAO, muted: true });
    const site = createSiteMute('example.com', request);
    expect(await site.load()).toBe(true);
    const apply = vi.fn();
    site.attach(apply);
    expect(apply).toHaveBeenCalledWith(new Set(['bytedance-ai-2026/doubao']));
  });

  it('takes the muted entities that came with the matches, until a request of its own answers', async () => {
    const { request } = fakeBackground();
    const site = createSiteMute('example.com', request);
    const applied: string[][] = [];
    site.attach((keys) => applied.push([...keys]));
    site.receive(['bytedance-ai-2026/doubao']);
    expect(applied).toEqual([['bytedance-ai-2026/doubao']]);
    expect(request).not.toHaveBeenCalled();
    await site.load(); // the stored rule has nothing muted: it wins from now on
    site.receive(['bytedance-ai-2026/doubao']);
    expect(applied).toEqual([['bytedance-ai-2026/doubao'], []]);
  });

  it('applies a rule that arrives after the marker is attached', async () => {
    const { request } = fakeBackground();
    const site = createSiteMute('example.com', request);
    const apply = vi.fn();
    site.attach(apply);
    await site.load();
    expect(apply).toHaveBeenCalledWith(new Set());
  });

  it('mutes, applies the answer, and its undo unmutes and applies again', async () => {
    const { request, muted } = fakeBackground();
    const site = createSiteMute('example.com', request);
    const apply = vi.fn();
    site.attach(apply);

    const undo = await site.mute(DOUBAO);
    expect(request).toHaveBeenLastCalledWith('setEntityMuted', {
      host: 'example.com',
      ...DOUBAO,
      muted: true,
    });
    expect(apply).toHaveBeenLastCalledWith(new Set(['bytedance-ai-2026/doubao']));
    expect(undo).toBeTypeOf('function');

    await undo?.();
    expect(request).toHaveBeenLastCalledWith('setEntityMuted', {
      host: 'example.com',
      ...DOUBAO,
      muted: false,
    });
    expect(apply).toHaveBeenLastCalledWith(new Set());
    expect(muted.size).toBe(0);
  });

  it('answers null and changes nothing on the page when muting fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const site = createSiteMute('example.com', async () => failed);
    const apply = vi.fn();
    site.attach(apply);
    expect(await site.mute(DOUBAO)).toBeNull();
    expect(await site.load()).toBe(false);
    expect(apply).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('an undo that fails rejects, so the card can offer it again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const replies = [rule(['bytedance-ai-2026/doubao']), failed];
    const site = createSiteMute('example.com', async () => replies.shift() ?? failed);
    const undo = await site.mute(DOUBAO);
    await expect(undo?.()).rejects.toThrow('Could not undo');
    warn.mockRestore();
  });

  it('a slow first read does not undo a quicker mute', async () => {
    const { request, pending } = heldRequests();
    const site = createSiteMute('example.com', request);
    const apply = vi.fn();
    site.attach(apply);
    const loaded = site.load();
    const muting = site.mute(DOUBAO);
    const [load, mute] = pending;
    mute?.resolve(rule(['bytedance-ai-2026/doubao']));
    await muting;
    load?.resolve(rule([]));
    await loaded;
    expect(apply).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenLastCalledWith(new Set(['bytedance-ai-2026/doubao']));
    expect(load?.payload).toEqual({ host: 'example.com' });
  });
});
