/**
 * The hover-latency measurement itself: one page with the built extension, mentions injected,
 * then hovers with Playwright's mouse (real input events through the browser, so the content
 * script's hit test, hover delay and card all run as for a person).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { CARD_PAINT_MEASURE } from '../../lib/content/test-hooks';
import type { PlannedHover } from './hover-plan';
import { HOVER_TARGETS, MENTION_PARAGRAPHS } from './hover-plan';
import type { Box } from './hover-page';
import {
  blankPoint,
  cardOf,
  injectMentions,
  markerActive,
  mentionPoint,
  nextPaintMs,
  paintCount,
  paintedInSection,
} from './hover-page';

/** First load also installs the seed pack in the background; generous on a busy machine. */
const READY_TIMEOUT_MS = 60_000;
/** A card takes milliseconds; this only turns a lost hover into an error instead of a hang. */
const HOVER_TIMEOUT_MS = 10_000;

export interface HoverSample {
  hover: PlannedHover;
  ms: number;
}

export interface HoverRun {
  samples: HoverSample[];
  /** Set when the run stopped early; the samples are those measured before. */
  error?: string;
}

async function until(check: () => Promise<boolean>, what: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Loads `url`, waits for the first scan, injects the mentions and waits until all are painted. */
async function preparePage(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await until(
    () => markerActive(page),
    () => 'the extension to mark the page',
  );
  await injectMentions(page, MENTION_PARAGRAPHS);
  const wanted = [...new Set(HOVER_TARGETS.map((t) => t.text))];
  let missing = wanted;
  await until(
    async () => {
      const painted = await paintedInSection(page);
      missing = wanted.filter((text) => !painted.includes(text));
      return missing.length === 0;
    },
    () => `the injected mentions to be painted (still missing: ${missing.join(', ')})`,
  );
  // Two frames: the highlights of the injected text are rendered before the first hover.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

async function hoverOnce(page: Page, hover: PlannedHover, cardBox: Box | null): Promise<number> {
  const card = cardOf(page);
  // Rest the pointer where there is nothing, and let the previous card go (hide grace).
  const away = await blankPoint(page, cardBox);
  await page.mouse.move(away.x, away.y);
  await card.waitFor({ state: 'hidden', timeout: HOVER_TIMEOUT_MS });

  const { paragraph, text, entity } = hover.target;
  const at = await mentionPoint(page, paragraph, text);
  const seen = await paintCount(page, CARD_PAINT_MEASURE);
  const painted = nextPaintMs(page, CARD_PAINT_MEASURE, seen, HOVER_TIMEOUT_MS);
  // Awaited below; this only keeps a rejection during mouse.move from going unhandled.
  painted.catch(() => undefined);
  await page.mouse.move(at.x, at.y);
  const ms = await painted;

  // The figure must belong to this mention's card, not to a stray one.
  const shown = await card
    .locator('.fl-card-entity-name')
    .textContent({ timeout: HOVER_TIMEOUT_MS });
  if (shown?.trim() !== entity) {
    throw new Error(`hovering "${text}" painted a card for "${shown ?? ''}", not "${entity}"`);
  }
  return ms;
}

/**
 * The first hover of a page, `loads` times: each load is a fresh document, so each hover also
 * imports the card's UI (card-ui.js), which a frame loads on its first hover intent.
 */
export async function runFirstHovers(
  context: BrowserContext,
  url: string,
  hover: PlannedHover,
  loads: number,
  log: (message: string) => void,
): Promise<HoverRun> {
  const samples: HoverSample[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (let i = 0; i < loads; i++) {
      await preparePage(page, url);
      const ms = await hoverOnce(page, hover, null);
      samples.push({ hover, ms });
      log(`first hover ${i + 1}/${loads} ${hover.target.text}: ${ms.toFixed(1)} ms`);
    }
    return { samples };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { samples, error: message.split('\n')[0] ?? message };
  }
}

export async function runHovers(
  context: BrowserContext,
  url: string,
  plan: readonly PlannedHover[],
  log: (message: string) => void,
): Promise<HoverRun> {
  const samples: HoverSample[] = [];
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await preparePage(page, url);
    let cardBox: Box | null = null;
    for (const [i, hover] of plan.entries()) {
      const ms = await hoverOnce(page, hover, cardBox);
      samples.push({ hover, ms });
      cardBox = await cardOf(page).boundingBox();
      const kind = hover.firstOfEntity ? 'first' : 'repeat';
      log(`hover ${i + 1}/${plan.length} ${hover.target.text} (${kind}): ${ms.toFixed(1)} ms`);
    }
    return { samples };
  } catch (error) {
    // Playwright's messages go on with a call log; the first line is what the report needs.
    const message = error instanceof Error ? error.message : String(error);
    return { samples, error: message.split('\n')[0] ?? message };
  }
}
