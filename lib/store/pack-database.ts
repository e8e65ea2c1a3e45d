import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { PackFact } from '../pack/schema';
import { chunkFacts, factOrdinalsByEntity } from './fact-chunks';
import type {
  EntityRow,
  FactChunkRow,
  MatcherRow,
  PackDocumentRow,
  PackRow,
  PropositionRow,
  SearchIndexRow,
  SourceRow,
} from './rows';

export const PACK_DB_NAME = 'fact-lens-packs';

/**
 * Pack content, in the extension origin only (background and extension pages).
 * A content script must never open this: it would open the *page's* IndexedDB.
 *
 * Schema history is append-only: never edit a released `version(n)`, add n+1.
 */
export class PackDatabase extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  sources!: Table<SourceRow, [string, string]>;
  propositions!: Table<PropositionRow, [string, string]>;
  entities!: Table<EntityRow, [string, string]>;
  factChunks!: Table<FactChunkRow, [string, number]>;
  matchers!: EntityTable<MatcherRow, 'key'>;
  searchIndexes!: EntityTable<SearchIndexRow, 'key'>;
  packDocuments!: Table<PackDocumentRow, [string, string]>;

  constructor(name = PACK_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      packs: 'id',
      sources: '[packId+id], packId',
      propositions: '[packId+id], packId',
      entities: '[packId+id], packId',
      aliases: '[packId+entityId+text], packId',
      facts: '[packId+id], packId, *subjectKeys',
    });
    // v2: packs can be disabled without being removed. Existing packs stay on.
    this.version(2)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<PackRow>('packs')
          .toCollection()
          .modify((pack) => {
            pack.enabled ??= true;
          }),
      );
    // v3: compiled matchers are cached, keyed by the enabled pack versions they cover.
    this.version(3).stores({ matchers: 'key' });
    // v4: popup search indexes are cached the same way (lib/search/cache.ts).
    this.version(4).stores({ searchIndexes: 'key' });
    // v5: each pack's installed document (and one earlier version) for rollback and export.
    // Packs installed before v5 have none; lib/store/kept-documents.ts rebuilds one from rows.
    this.version(5).stores({ packDocuments: '[packId+version], packId' });
    // v6: facts move into chunks of JSON (lib/store/fact-chunks.ts), and each entity lists
    // the ordinals of its facts: one IndexedDB record per fact made large installs slow.
    this.version(6)
      .stores({ factChunks: '[packId+n], packId' })
      .upgrade(async (tx) => {
        const byPack = new Map<string, PackFact[]>();
        const rows = await tx
          .table<PackFact & { packId: string; subjectKeys?: string[] }>('facts')
          .toArray();
        for (const { packId, subjectKeys: _keys, ...fact } of rows) {
          const list = byPack.get(packId);
          if (list) list.push(fact);
          else byPack.set(packId, [fact]);
        }
        const ordinals = new Map<string, Map<string, number[]>>();
        for (const [packId, facts] of byPack) {
          await tx.table<FactChunkRow>('factChunks').bulkAdd(chunkFacts(packId, facts));
          ordinals.set(packId, factOrdinalsByEntity(facts));
        }
        await tx
          .table<EntityRow>('entities')
          .toCollection()
          .modify((entity) => {
            entity.factOrdinals = ordinals.get(entity.packId)?.get(entity.id) ?? [];
          });
      });
    // v7: the per-fact table and the alias table (the matcher reads aliases from entities).
    this.version(7).stores({ facts: null, aliases: null });
    // v8: pack format 2 (issue 15) gives texts per language; content rows keep them as the
    // pack gives them, and each pack row lists its languages. Packs installed before are
    // format 1: every text in the pack's `language`.
    this.version(8)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<PackRow>('packs')
          .toCollection()
          .modify((pack) => {
            pack.languages ??= [pack.language];
          }),
      );
  }

  /**
   * The tables one pack install writes, in one transaction. The matcher and search index
   * caches are not among them: their keys name the pack versions they were built from, so a
   * stale entry is simply never read again.
   */
  get contentTables() {
    return [
      this.packs,
      this.sources,
      this.propositions,
      this.entities,
      this.factChunks,
      this.packDocuments,
    ];
  }
}
