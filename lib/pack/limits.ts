/**
 * Upper bounds for everything in a fact pack. A pack comes from the network, so
 * every string and list is bounded: a hostile or broken pack must fail validation
 * quickly instead of filling IndexedDB or freezing the matcher.
 *
 * The counts leave room for the largest pack the budgets name
 * (10,000 entities and 50,000 facts, see DESIGN.md "Budgets").
 */
export const PACK_LIMITS = {
  /** Whole document, in UTF-8 bytes, checked before JSON.parse. */
  documentBytes: 64 * 1024 * 1024,
  idLength: 64,
  shortText: 200,
  mediumText: 1_000,
  longText: 4_000,
  /** A quote is short by design: it is shown beside our own words, not instead of them. */
  quoteLength: 600,
  /** A source may ship its full text so quotes can be checked against it. */
  sourceTextLength: 200_000,
  urlLength: 2_048,
  aliasLength: 100,
  /** RFC 5646 §4.4.1: tags of up to 35 characters cover every registered combination. */
  languageTagLength: 35,
  /** Languages one localized text may be given in (format 2). */
  languagesPerText: 16,
  aliasesPerEntity: 64,
  contextTermsPerAlias: 32,
  relatedPerEntity: 64,
  namesPerList: 32,
  refsPerItem: 256,
  sources: 10_000,
  propositions: 1_000,
  entities: 20_000,
  facts: 100_000,
} as const;
