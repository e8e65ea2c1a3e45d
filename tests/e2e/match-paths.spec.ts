import type { MatchPath } from '../../lib/content/test-hooks';
import { expect, test } from './fixtures';
import { loggedRequests, logRequests } from './extension';
import { gotoMarked, paintedMentions, type PaintedMention } from './highlights';
import { forceMatchPath } from './test-hooks';

/**
 * A document is matched in the background (`matchTexts`) while its text is small and in the
 * content script (`getMatcher`, then the decoded matcher) once it is large (issue 13). Both
 * must paint exactly the same mentions; the test-hooks build lets a test force either path
 * on the same page.
 */
test.use({ extensionBuild: 'test-hooks' });

/** The request each path sends for matching, and the one it must never send. */
const REQUESTS: Record<MatchPath, { sends: string; never: string }> = {
  remote: { sends: 'matchTexts', never: 'getMatcher' },
  local: { sends: 'getMatcher', never: 'matchTexts' },
};

test('the demo page paints the same mentions matched in the background and in the page', async ({
  page,
  serviceWorker,
  server,
  pageErrors,
}) => {
  const painted: Partial<Record<MatchPath, PaintedMention[]>> = {};
  for (const path of ['remote', 'local'] as const) {
    // Set before the page opens: the content script reads the key once, as it starts.
    await forceMatchPath(serviceWorker, path);
    await logRequests(serviceWorker);
    // A fresh document each time, so a fresh content script.
    await gotoMarked(page, `${server}/index.html`);
    painted[path] = await paintedMentions(page);
    // The forcing is real: this document asked for what its path needs, and never the other.
    const requests = await loggedRequests(serviceWorker);
    expect(requests, path).toContain(REQUESTS[path].sends);
    expect(requests, path).not.toContain(REQUESTS[path].never);
  }

  const texts = painted.remote?.map((mention) => mention.text) ?? [];
  for (const name of [
    'Doubao',
    '豆包',
    'Seedance 2.0',
    'Wu Yonghui',
    'Doubao Professional Edition',
  ]) {
    expect(texts).toContain(name);
  }
  expect(painted.local).toEqual(painted.remote);
  expect(pageErrors).toEqual([]);
});
