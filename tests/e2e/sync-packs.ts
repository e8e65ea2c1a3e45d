/**
 * The packs a publisher ships in the sync e2e tests: v1 names one product; v2 changes one
 * fact and adds an entity that the demo page (tests/demo/sync.html) also names; v3 is a
 * further version, for tampering.
 */
export const SYNC_PACK_ID = 'harbor-notes';

export function harborPack(version: '1.0.0' | '1.1.0' | '1.2.0') {
  const entities = [
    {
      id: 'zephyr-quill',
      name: 'Zephyr Quill',
      kind: 'product',
      summary: 'A sketchbook made in the harbour district.',
      aliases: [{ text: 'Zephyr Quill', lang: 'en' }],
    },
  ];
  if (version !== '1.0.0') {
    entities.push({
      id: 'lumen-harbor',
      name: 'Lumen Harbor',
      kind: 'organization',
      summary: 'A print studio beside the harbour.',
      aliases: [{ text: 'Lumen Harbor', lang: 'en' }],
    });
  }
  return {
    format: 1,
    id: SYNC_PACK_ID,
    version,
    title: 'Harbor notes',
    description: 'Facts about the harbour district, for the sync tests.',
    language: 'en',
    publishedAt: '2026-11-30',
    publisher: { name: 'Harbor Gazette' },
    sources: [
      {
        id: 'gazette',
        title: 'Sketchbooks sell out',
        publisher: 'Harbor Gazette',
        kind: 'news-report',
        publishedAt: '2026-11-30',
      },
    ],
    entities,
    facts: [
      {
        id: 'sold-out',
        subjectIds: ['zephyr-quill'],
        claim:
          version === '1.0.0'
            ? 'The Zephyr Quill sold out on its first day.'
            : 'The Zephyr Quill sold out within four hours.',
        quote:
          version === '1.0.0'
            ? 'Every Zephyr Quill on the shelves was gone by closing time.'
            : 'Every Zephyr Quill was gone four hours after the doors opened.',
        sourceId: 'gazette',
        status: 'third-party-data',
        asOf: '2026-11',
      },
    ],
  };
}
