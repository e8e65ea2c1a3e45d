import { ENTITY_KINDS, ENTITY_ROLES } from '../../pack/vocabulary';
import type { CompiledMatcher, MatchedAlias } from '../types';
import { shapeUnit } from './fold';
import { SENSITIVE } from './patterns';

interface IdentityTables {
  /** Per alias: where its text ends in `aliasText` (it starts where the previous one ends). */
  textEnd: Int32Array;
  /** Per entity: where its id ends in `entityIds`; the next one starts after the newline. */
  entityIdEnd: Int32Array;
  aliasEntity: Int32Array;
  entityPack: Int32Array;
  entityKind: Int32Array;
  entityRole: Int32Array;
}

/**
 * Who each alias stands for, kept in the compiled columns and turned into a `MatchedAlias`
 * only when asked: a page asks for the few aliases it mentions, not for all 10,000.
 */
export class AliasIdentity {
  readonly #text: string;
  readonly #packIds: readonly string[];
  readonly #entityIds: string;
  readonly #flags: Uint8Array;
  readonly #tables: IdentityTables;
  readonly #revived: (MatchedAlias | undefined)[] = [];

  /**
   * Checks every index once, so `get` and `sameShape` can read without guards: one loop
   * over aliases and one over entities, and no string split (this runs on every page load).
   */
  constructor(compiled: CompiledMatcher, aliasFlags: Uint8Array, tables: IdentityTables) {
    const { textEnd, entityIdEnd, aliasEntity, entityPack, entityKind, entityRole } = tables;
    const aliases = aliasFlags.length;
    const entities = entityPack.length;
    const broken = (what: string) => new Error(`Matcher tables are inconsistent (${what})`);
    if (textEnd.length !== aliases || aliasEntity.length !== aliases) throw broken('aliases');
    if (
      entityKind.length !== entities ||
      entityRole.length !== entities ||
      entityIdEnd.length !== entities
    )
      throw broken('entities');
    let previous = 0;
    for (let alias = 0; alias < aliases; alias++) {
      const end = textEnd[alias] as number;
      const entity = aliasEntity[alias] as number;
      if (end < previous || entity >= entities) throw broken('aliases');
      previous = end;
    }
    if (previous !== compiled.aliasText.length) throw broken('alias texts');
    let idStart = 0;
    for (let entity = 0; entity < entities; entity++) {
      const idEnd = entityIdEnd[entity] as number;
      if (
        idEnd < idStart ||
        (entityPack[entity] as number) >= compiled.packIds.length ||
        (entityKind[entity] as number) >= ENTITY_KINDS.length ||
        (entityRole[entity] as number) >= ENTITY_ROLES.length
      )
        throw broken('entities');
      idStart = idEnd + 1;
    }
    if (entities > 0 && idStart - 1 !== compiled.entityIds.length) throw broken('entities');
    this.#text = compiled.aliasText;
    this.#packIds = compiled.packIds;
    this.#entityIds = compiled.entityIds;
    this.#flags = aliasFlags;
    this.#tables = tables;
  }

  #start(alias: number): number {
    return joinedStart(this.#tables.textEnd, alias, 0);
  }

  get(alias: number): MatchedAlias {
    const known = this.#revived[alias];
    if (known) return known;
    if (!(alias >= 0 && alias < this.#flags.length)) throw new RangeError(`No alias ${alias}`);
    const { textEnd, entityIdEnd, aliasEntity, entityPack, entityKind, entityRole } = this.#tables;
    const entity = aliasEntity[alias] as number;
    const idStart = joinedStart(entityIdEnd, entity, 1);
    const revived: MatchedAlias = {
      text: this.#text.slice(this.#start(alias), textEnd[alias]),
      case: ((this.#flags[alias] as number) & SENSITIVE) !== 0 ? 'sensitive' : 'insensitive',
      packId: this.#packIds[entityPack[entity] as number] as string,
      entityId: this.#entityIds.slice(idStart, entityIdEnd[entity]),
      entityKind: ENTITY_KINDS[entityKind[entity] as number] as MatchedAlias['entityKind'],
      entityRole: ENTITY_ROLES[entityRole[entity] as number] as MatchedAlias['entityRole'],
    };
    this.#revived[alias] = revived;
    return revived;
  }

  /**
   * Case-sensitive comparison of `text` at `start` with the alias: same letters in the same
   * case. Differences of form that folding erases anyway (full-width, kinds of space,
   * apostrophes) still do not count.
   */
  sameShape(alias: number, text: string, start: number): boolean {
    const from = this.#start(alias);
    const length = (this.#tables.textEnd[alias] as number) - from;
    for (let k = 0; k < length; k++) {
      if (shapeUnit(text.charCodeAt(start + k)) !== shapeUnit(this.#text.charCodeAt(from + k)))
        return false;
    }
    return true;
  }
}

/**
 * Where text `index` starts in a string of texts joined with `gap` units between them,
 * given where each ends (`joinedEnds` in compile.ts): alias texts (gap 0), entity ids (1).
 */
function joinedStart(ends: Int32Array, index: number, gap: number): number {
  return index === 0 ? 0 : (ends[index - 1] as number) + gap;
}
