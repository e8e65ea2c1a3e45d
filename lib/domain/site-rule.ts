/**
 * The user's rule for one site: the entities not to highlight there ("Don't highlight here").
 * Whether Fact Lens runs on a site at all is not here: that is `disabledSites` in the settings
 * (lib/settings, `browser.storage.local`), so every open tab hears the change.
 */
export interface SiteRule {
  /** The site's host, normalised: lowercase, no trailing dot. */
  host: string;
  /** Entities muted on this site, by `entityKey` (`packId/entityId`), sorted. */
  mutedEntities: string[];
  /** Epoch milliseconds of the last change; 0 for a site never touched. */
  updatedAt: number;
}
