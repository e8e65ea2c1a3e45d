import { textInPackLanguage } from '../pack/localized';
import type { FactPack } from '../pack/schema';
import { definedKeys, jsonEqual } from './deep-equal';

/**
 * What changed between two versions of a pack, item by item, so a reader (CLI `diff`, or
 * the extension after an update) sees what an update brought instead of only a version
 * number. Items are matched by id; everything else is compared structurally.
 */

export interface ItemChange {
  id: string;
  /** Entity name, fact claim (shortened), proposition title or source title. */
  label: string;
  /** Changed items only: the item's top-level fields that differ, sorted. */
  fields?: string[];
}

export interface ListChanges {
  added: ItemChange[];
  removed: ItemChange[];
  changed: ItemChange[];
}

export interface PackChanges {
  packId: string;
  /** `null` on first install. */
  from: string | null;
  to: string;
  entities: ListChanges;
  facts: ListChanges;
  propositions: ListChanges;
  sources: ListChanges;
  /** Top-level pack fields that differ, sorted; never `version`, `$schema` or the lists. */
  metadataFields: string[];
}

type ListName = 'entities' | 'facts' | 'propositions' | 'sources';

/** Lists in the order they are described. */
const LISTS: readonly { name: ListName; heading: string }[] = [
  { name: 'entities', heading: 'Entities' },
  { name: 'facts', heading: 'Facts' },
  { name: 'propositions', heading: 'Propositions' },
  { name: 'sources', heading: 'Sources' },
];

/** `version` is in the header line; `$schema` is an editor hint, not content. */
const NOT_METADATA = new Set<string>(['version', '$schema', ...LISTS.map(({ name }) => name)]);

const LABEL_LENGTH = 80;

/** One line of at most `max` characters (code points), ending in "…" when cut. */
export function shortenLabel(text: string, max = LABEL_LENGTH): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  if (characters.length <= max) return characters.join('');
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

const labelOf: {
  [List in ListName]: (item: FactPack[List][number], language: string) => string;
} = {
  entities: (entity, language) => textInPackLanguage(entity.name, language),
  facts: (fact, language) => textInPackLanguage(fact.claim, language),
  propositions: (proposition, language) => textInPackLanguage(proposition.title, language),
  sources: (source) => source.title,
};

function byId(a: ItemChange, b: ItemChange): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Names of the top-level fields in which two objects differ, sorted. */
function differingFields(a: object, b: object, skip: ReadonlySet<string> = new Set()): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...definedKeys(left), ...definedKeys(right)]);
  return [...keys].filter((key) => !skip.has(key) && !jsonEqual(left[key], right[key])).sort();
}

function diffList<Item extends { id: string }>(
  previous: readonly Item[],
  next: readonly Item[],
  label: (item: Item) => string,
): ListChanges {
  const before = new Map(previous.map((item) => [item.id, item]));
  const after = new Map(next.map((item) => [item.id, item]));
  const change = (item: Item): ItemChange => ({ id: item.id, label: shortenLabel(label(item)) });

  const added = [...after.values()].filter((item) => !before.has(item.id)).map(change);
  const removed = [...before.values()].filter((item) => !after.has(item.id)).map(change);
  const changed: ItemChange[] = [];
  for (const item of after.values()) {
    const old = before.get(item.id);
    if (old === undefined) continue;
    const fields = differingFields(old, item);
    if (fields.length > 0) changed.push({ ...change(item), fields });
  }
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}

/**
 * The changes from `previous` to `next`; `previous` null means a first install, where
 * every item is added and no pack field counts as changed.
 */
export function diffPacks(previous: FactPack | null, next: FactPack): PackChanges {
  const list = <List extends ListName>(name: List): ListChanges =>
    // Labelled in the new version's language, the language the whole summary speaks.
    diffList<FactPack[List][number]>(previous?.[name] ?? [], next[name], (item) =>
      labelOf[name](item, next.language),
    );
  return {
    packId: next.id,
    from: previous?.version ?? null,
    to: next.version,
    entities: list('entities'),
    facts: list('facts'),
    propositions: list('propositions'),
    sources: list('sources'),
    metadataFields: previous === null ? [] : differingFields(previous, next, NOT_METADATA),
  };
}

/** Items added, removed or changed across the lists, plus changed pack fields. */
export function countChanges(changes: PackChanges): number {
  const items = LISTS.reduce((total, { name }) => {
    const { added, removed, changed } = changes[name];
    return total + added.length + removed.length + changed.length;
  }, 0);
  return items + changes.metadataFields.length;
}

function listedNames(items: readonly ItemChange[], max: number): string {
  if (items.length === 0 || max <= 0) return '';
  const names = items
    .slice(0, max)
    .map(({ label, fields }) => (fields ? `${label} — ${fields.join(', ')}` : label));
  if (items.length > max) names.push(`and ${items.length - max} more`);
  return ` (${names.join('; ')})`;
}

function describeList(heading: string, list: ListChanges, max: number): string | undefined {
  const { added, removed, changed } = list;
  if (added.length + removed.length + changed.length === 0) return undefined;
  const parts = [
    `${added.length} added${listedNames(added, max)}`,
    `${removed.length} removed${listedNames(removed, max)}`,
    `${changed.length} changed${listedNames(changed, max)}`,
  ];
  return `${heading}: ${parts.join(', ')}`;
}

/**
 * Lines for people: a header with the versions, the pack fields that changed, then one
 * line per list that changed, naming at most `maxNamesPerList` items of each kind
 * (changed items with the fields that differ). Names are joined with "; " because claims
 * contain commas.
 */
export function describePackChanges(changes: PackChanges, maxNamesPerList = 5): string[] {
  const header =
    changes.from === null
      ? `${changes.packId} ${changes.to} (first install)`
      : `${changes.packId} ${changes.from} → ${changes.to}`;
  return [header, ...describeChangedContent(changes, maxNamesPerList)];
}

/** `describePackChanges` without its header line, for callers that show the versions already. */
export function describeChangedContent(changes: PackChanges, maxNamesPerList = 5): string[] {
  const lines: string[] = [];
  if (changes.metadataFields.length > 0) {
    lines.push(`Pack details changed: ${changes.metadataFields.join(', ')}`);
  }
  for (const { name, heading } of LISTS) {
    const line = describeList(heading, changes[name], maxNamesPerList);
    if (line !== undefined) lines.push(line);
  }
  if (countChanges(changes) === 0) lines.push('No content changes.');
  return lines;
}
