import { ENTITY_KINDS, ENTITY_ROLES } from '../../pack/vocabulary';
import type { AliasSpec, CompiledMatcher } from '../types';
import { collectPatterns } from './patterns';
import { encodeTable, encodeUnsigned } from '../../encoding/typed-arrays';
import { MATCHER_VERSION } from '../matcher-version';

/**
 * Compiles aliases into the JSON-safe form the background caches and sends to content
 * scripts. Deterministic: the same aliases give the same JSON, byte for byte.
 *
 * Tables (all unsigned; "+1" means 0 stands for "none"):
 * - per state: `label`, `fanout`, `fail` (see automaton.ts)
 * - per pattern: `patternState`, `patternLength`, `patternTerm` (+1)
 * - per pattern + 1: `patternAliasStart` into `patternAliases` (each pattern's aliases), and
 *   `patternBlockStart` into `patternBlocked` (the aliases it blocks as a `notInside` word);
 *   per pattern `patternFlags` (its boundary checks as a blocker)
 * - per alias: `aliasFlags`, `aliasTextEnd`, `aliasEntity`, `aliasTermStart` (one more
 *   entry than aliases) into `aliasTerms`
 * - per entity: `entityIdEnd` (where its id ends in `entityIds`), `entityPack`,
 *   `entityKind` (index into ENTITY_KINDS), `entityRole` (index into ENTITY_ROLES)
 * - per context term: `termFlags`
 */
export function compileMatcher(aliases: readonly AliasSpec[], key: string): CompiledMatcher {
  const patterns = collectPatterns(aliases);
  const { core } = patterns;
  const states = core.label.length;
  const identity = entityColumns(aliases);
  return {
    format: MATCHER_VERSION,
    key,
    aliasText: aliases.map((alias) => alias.text).join(''),
    packIds: identity.packIds,
    entityIds: identity.entityIds.join('\n'),
    contextTerms: patterns.contextTerms,
    tables: {
      // Bounds: labels, fanouts and lengths as measured while building; fail links and
      // state ids < states; pattern and term ids ("+1") ≤ their count.
      label: encodeUnsigned(core.label, patterns.maxLabel),
      fanout: encodeUnsigned(core.fanout, patterns.maxFanout),
      fail: encodeUnsigned(core.fail, states),
      patternState: encodeUnsigned(core.patternState, states),
      patternLength: encodeUnsigned(patterns.patternLength, patterns.maxLength),
      patternTerm: encodeUnsigned(patterns.patternTerm, patterns.contextTerms.length),
      patternAliasStart: encodeUnsigned(patterns.patternAliasStart, aliases.length),
      patternAliases: encodeUnsigned(patterns.patternAliases, aliases.length),
      patternBlockStart: encodeUnsigned(patterns.patternBlockStart, patterns.patternBlocked.length),
      patternBlocked: encodeUnsigned(patterns.patternBlocked, aliases.length),
      patternFlags: encodeTable(patterns.patternFlags),
      aliasFlags: encodeTable(patterns.aliasFlags),
      aliasTextEnd: encodeUnsigned(identity.textEnd, identity.textEnd.at(-1) ?? 0),
      aliasEntity: encodeUnsigned(identity.aliasEntity, identity.entityIds.length),
      aliasTermStart: encodeUnsigned(patterns.aliasTermStart, patterns.aliasTerms.length),
      aliasTerms: encodeUnsigned(patterns.aliasTerms, patterns.contextTerms.length),
      entityIdEnd: encodeUnsigned(identity.entityIdEnd, identity.entityIdEnd.at(-1) ?? 0),
      entityPack: encodeUnsigned(identity.entityPack, identity.packIds.length),
      entityKind: encodeUnsigned(identity.entityKind, ENTITY_KINDS.length),
      entityRole: encodeUnsigned(identity.entityRole, ENTITY_ROLES.length),
      termFlags: encodeTable(patterns.termFlags),
    },
  };
}

/** Who each alias stands for, as columns: distinct packs and entities in order of first use. */
function entityColumns(aliases: readonly AliasSpec[]) {
  const packIndex = new Map<string, number>();
  // Entity ids are unique within a pack, not across packs: one map per pack (a key joining
  // pack and id cost a string per alias, a tenth of a 100,000-alias compile).
  const entityIndex: Map<string, number>[] = [];
  const entityIds: string[] = [];
  const entityPack: number[] = [];
  const entityKind: number[] = [];
  const entityRole: number[] = [];
  const aliasEntity = new Uint32Array(aliases.length);
  aliases.forEach((alias, index) => {
    let pack = packIndex.get(alias.packId);
    if (pack === undefined) {
      packIndex.set(alias.packId, (pack = packIndex.size));
      entityIndex.push(new Map());
    }
    const entities = entityIndex[pack] as Map<string, number>;
    let entity = entities.get(alias.entityId);
    if (entity === undefined) {
      if (alias.entityId.includes('\n')) throw new Error('An entity id cannot hold a newline');
      entities.set(alias.entityId, (entity = entityIds.length));
      entityIds.push(alias.entityId);
      entityPack.push(pack);
      entityKind.push(ENTITY_KINDS.indexOf(alias.entityKind));
      entityRole.push(ENTITY_ROLES.indexOf(alias.entityRole ?? 'subject'));
    }
    aliasEntity[index] = entity;
  });
  return {
    packIds: [...packIndex.keys()],
    entityIds,
    // Alias texts are joined with nothing between them, entity ids with a newline.
    entityIdEnd: joinedEnds(entityIds, 1),
    entityPack,
    entityKind,
    entityRole,
    aliasEntity,
    textEnd: joinedEnds(
      aliases.map((alias) => alias.text),
      0,
    ),
  };
}

/**
 * Where each text ends once all are joined with `gap` units between them; the reader's side
 * is `joinedStart` (alias-identity.ts).
 */
function joinedEnds(texts: readonly string[], gap: number): Uint32Array {
  const ends = new Uint32Array(texts.length);
  let end = -gap;
  texts.forEach((text, index) => {
    end += gap + text.length;
    ends[index] = end;
  });
  return ends;
}
