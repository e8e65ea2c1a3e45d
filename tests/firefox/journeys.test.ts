/**
 * The journeys (tests/journeys/) in Firefox: one fresh headless Firefox per journey, the
 * test-hooks build installed (`npm run build:test-hooks:firefox`). Run by `npm run test:firefox`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFirefox } from '../../scripts/find-firefox';
import { defaultMounts, serveStatic, type StaticServer } from '../../scripts/serve-static';
import { JOURNEYS } from '../journeys';
import { launchFirefox } from './firefox-driver';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const extensionDir = path.join(projectRoot, '.output/test-hooks/firefox-mv2');

describe('journeys in Firefox', () => {
  let server: StaticServer;
  const executablePath = findFirefox({
    env: process.env,
    exists: existsSync,
    platform: process.platform,
  });

  beforeAll(async () => {
    if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
      throw new Error(
        `No Firefox build at ${extensionDir}. Run \`npm run build:test-hooks:firefox\`.`,
      );
    }
    server = await serveStatic(defaultMounts(projectRoot));
  });
  afterAll(() => server?.close());

  for (const journey of JOURNEYS) {
    it(journey.name, async () => {
      const session = await launchFirefox({ executablePath, extensionDir, server: server.url });
      try {
        await journey.run(session.driver);
        expect(session.pageErrors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
