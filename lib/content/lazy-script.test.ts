import { describe, expect, it, vi } from 'vitest';
import { mountOnFirstIntent, type MountCard } from './card-ui';
import { lazyScriptLoader, publishLazyExport, type LazyScript } from './lazy-script';

const SCRIPT: LazyScript<(n: number) => number> = {
  path: '/local-matcher.js',
  global: 'testExport',
};

/** An isolated world of its own per test, and an `import()` that evaluates the script into it. */
function world(evaluates = true) {
  const global: Record<string, unknown> = {};
  const importScript = vi.fn(async (url: string) => {
    if (url !== 'chrome-extension://id/local-matcher.js') throw new Error(`no ${url}`);
    if (evaluates) publishLazyExport(SCRIPT, (n: number) => n * 2, global);
  });
  const load = lazyScriptLoader(
    SCRIPT,
    'chrome-extension://id/local-matcher.js',
    importScript,
    global,
  );
  return { global, importScript, load };
}

describe('lazyScriptLoader', () => {
  it('imports the script once and answers what it published', async () => {
    const { importScript, load } = world();
    const [a, b] = await Promise.all([load(), load()]);
    expect(a(21)).toBe(42);
    expect(b).toBe(a);
    await load();
    expect(importScript).toHaveBeenCalledTimes(1);
  });

  it('answers at once, without importing, only once a load has brought the script', async () => {
    const { importScript, load } = world();
    expect(load.loaded()).toBeUndefined();
    expect(importScript).not.toHaveBeenCalled();
    const pending = load();
    expect(load.loaded()).toBeUndefined();
    expect(await pending).toBe(load.loaded());
    expect(load.loaded()?.(4)).toBe(8);
    expect(importScript).toHaveBeenCalledTimes(1);
  });

  it('says which global a script failed to provide', async () => {
    const { load } = world(false);
    await expect(load()).rejects.toThrow('did not provide testExport');
  });

  it('forgets a failed import, so the next call tries again', async () => {
    const { importScript, load } = world();
    importScript.mockRejectedValueOnce(new Error('offline'));
    await expect(load()).rejects.toThrow('offline');
    expect(load.loaded()).toBeUndefined();
    await expect(load()).resolves.toBeTypeOf('function');
    expect(importScript).toHaveBeenCalledTimes(2);
  });
});

describe('mountOnFirstIntent', () => {
  it('mounts once however often the reader shows intent, and again after a failure', async () => {
    const mountCard = vi.fn<MountCard>(async () => {});
    const load = vi.fn(async () => mountCard);
    const mount = vi.fn(async (card: MountCard) => card({} as never, {} as never, {}));
    mount.mockRejectedValueOnce(new Error('no document'));
    const warn = vi.fn();
    const onIntent = mountOnFirstIntent(load, mount, warn);
    onIntent();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    onIntent();
    onIntent();
    await vi.waitFor(() => expect(mountCard).toHaveBeenCalledTimes(1));
    onIntent();
    await Promise.resolve();
    expect(mount).toHaveBeenCalledTimes(2);
  });
});
