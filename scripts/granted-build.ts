/**
 * A copy of the built extension whose manifest already grants some host permissions, for the
 * e2e tests (`grantedHosts` in tests/e2e/fixtures.ts) and the bench (pack sync).
 *
 * The extension asks for host access at run time (`optional_host_permissions`), and the
 * background checks `permissions.contains` before it fetches a subscription. Playwright cannot
 * answer Chromium's own permission prompt (microsoft/playwright#32755), so a run that needs the
 * access loads a copy whose manifest lists the hosts under `host_permissions`: as for a user who
 * granted the origin before. Nothing else in the copy differs from the build.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface GrantedBuild {
  /** The copy, in a fresh temporary directory; load it instead of `extensionDir`. */
  dir: string;
  /** Deletes the copy. */
  remove: () => Promise<void>;
}

/** Copies the unpacked build at `extensionDir` to a temp dir and grants `hosts` in its manifest. */
export async function copyBuildGranting(
  extensionDir: string,
  hosts: readonly string[],
): Promise<GrantedBuild> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fact-lens-granted-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await cp(extensionDir, dir, { recursive: true });
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Record<string, unknown>;
    manifest.host_permissions = [...hosts];
    await writeFile(manifestFile, JSON.stringify(manifest));
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
