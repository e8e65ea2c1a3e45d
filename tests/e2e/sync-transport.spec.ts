import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, projectRoot, test } from './fixtures';
import { PackPublisher } from './pack-publisher';
import { harborPack } from './sync-packs';

/**
 * Issue 14, transport: a subscription whose index redirects anywhere but a granted https
 * origin fails its sync with the reason, and installs nothing. The subscription is on
 * 127.0.0.1 (granted); it redirects to a second server that serves the real index with
 * `Access-Control-Allow-Origin: *`, so the browser itself would follow and read it: only
 * Fact Lens's own check refuses it. That server is reached as `localhost` (local http, but an
 * origin the reader did not grant) and as `[::1]` (plain http that is not localhost or
 * 127.0.0.1). A redirect to http on a real remote host cannot be produced here without DNS;
 * `lib/sync/download.test.ts` covers it.
 */

test.use({ grantedHosts: ['http://127.0.0.1/*'] });

let publisher: PackPublisher;
const servers: Server[] = [];

async function listen(server: Server, host: string): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as AddressInfo).port;
}

/** Serves the publisher's index, its pack URLs made absolute (on the granted publisher). */
async function startTarget(): Promise<number> {
  return listen(
    createServer((request, response) => {
      void (async () => {
        if (request.url !== '/index.json') {
          response.writeHead(404).end();
          return;
        }
        const index = JSON.parse(await readFile(publisher.file('index.json'), 'utf8')) as {
          packs: { url: string; signatureUrl?: string }[];
        };
        for (const entry of index.packs) {
          entry.url = new URL(entry.url, publisher.indexUrl).href;
          if (entry.signatureUrl) {
            entry.signatureUrl = new URL(entry.signatureUrl, publisher.indexUrl).href;
          }
        }
        response
          .writeHead(200, {
            'Content-Type': 'application/json',
            'Access-Control-Allow-Origin': '*',
          })
          .end(JSON.stringify(index));
      })();
    }),
    '::',
  );
}

/** The subscription's server: every request is redirected to `location`. */
async function startRedirect(location: string): Promise<string> {
  const port = await listen(
    createServer((_request, response) => {
      response.writeHead(302, { Location: location, 'Access-Control-Allow-Origin': '*' }).end();
    }),
    '127.0.0.1',
  );
  return `http://127.0.0.1:${port}/index.json`;
}

test.beforeEach(async () => {
  publisher = await PackPublisher.start(projectRoot);
  await publisher.publish(projectRoot, [harborPack('1.0.0')]);
});
test.afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
  await publisher.stop();
});

async function subscribe(options: Page, extensionId: string, url: string) {
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Pack or index URL').fill(url);
  await options.getByRole('button', { name: 'Subscribe' }).click();
}

for (const { name, host, reason } of [
  {
    name: 'to another origin',
    host: 'localhost',
    reason: /redirects to http:\/\/localhost:\d+, which you did not grant Fact Lens access to/,
  },
  {
    name: 'to plain http',
    host: '[::1]',
    reason: /redirects to http:\/\/\[::1\]:\d+, which is not https/,
  },
]) {
  test(`a redirect ${name} fails the sync with the reason and installs nothing`, async ({
    context,
    extensionId,
  }) => {
    const target = await startTarget();
    const url = await startRedirect(`http://${host}:${target}/index.json`);
    const options = await context.newPage();
    await subscribe(options, extensionId, url);
    const subscription = options.locator('li, article').filter({ hasText: url }).last();
    await expect(subscription).toContainText(reason);
    await expect(options.getByText('Installed Harbor notes 1.0.0')).toHaveCount(0);
    await expect(options.getByText('Harbor notes')).toHaveCount(0);
  });
}
