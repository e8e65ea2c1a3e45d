/** Every journey, in the order both drivers run them. */
import type { Journey } from './driver';
import { hoverCard, keyboardNext } from './cards';
import { demoPageMarked, pauseAndSiteSwitch, seedInstalls } from './marking';
import { popupSearch } from './popup-search';
import { subscriptionSync } from './sync';

export const JOURNEYS: readonly Journey[] = [
  seedInstalls,
  demoPageMarked,
  hoverCard,
  keyboardNext,
  popupSearch,
  subscriptionSync,
  pauseAndSiteSwitch,
];
