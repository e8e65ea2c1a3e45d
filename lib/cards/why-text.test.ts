import { describe, expect, it } from 'vitest';
import type { MatchReason } from '../domain/match-reason';
import { englishUi, uiTextFor } from '../../tests/support/ui-text';
import { explainMatch } from './why-text';

const names = { entity: 'Google', pack: 'ByteDance AI 2026' };
const base = (over: Partial<MatchReason>): MatchReason => ({
  alias: { text: 'Google', case: 'insensitive' },
  packId: 'p',
  role: 'subject',
  ...over,
});

describe('explainMatch', () => {
  it.each<[string, MatchReason, string[]]>([
    [
      'a subject',
      base({}),
      [
        'Matched “Google”: a name of Google in the pack “ByteDance AI 2026”.',
        'Google is a subject of this pack: it is marked wherever it appears.',
      ],
    ],
    [
      'a case-sensitive alias gated by a term in the same block',
      base({
        alias: { text: 'Seed', case: 'sensitive' },
        contextTerm: { text: 'ByteDance', side: 'same', distance: 0 },
      }),
      [
        'Matched “Seed”, written with exactly these capitals: a name of Google in the pack “ByteDance AI 2026”.',
        '“Seed” can mean other things, so it counts only near one of its context terms: “ByteDance” is in the same paragraph.',
        'Google is a subject of this pack: it is marked wherever it appears.',
      ],
    ],
    [
      'a gated alias whose term is elsewhere on a page about the pack',
      base({ contextTerm: { text: 'ByteDance', side: 'page', distance: 0 } }),
      [
        'Matched “Google”: a name of Google in the pack “ByteDance AI 2026”.',
        '“Google” can mean other things, so it counts only near one of its context terms: “ByteDance” is elsewhere on this page, which names the pack’s subjects often.',
        'Google is a subject of this pack: it is marked wherever it appears.',
      ],
    ],
    [
      'a context entity near a subject',
      base({
        role: 'context',
        passing: {
          rule: 'near-subject',
          subject: { text: 'Doubao', side: 'before', distance: 120 },
        },
      }),
      [
        'Matched “Google”: a name of Google in the pack “ByteDance AI 2026”.',
        'Google is named in this pack only in passing; it is marked here because “Doubao”, a subject of the pack, is 120 characters before.',
      ],
    ],
    [
      'a context entity on a page about the pack',
      base({ role: 'context', passing: { rule: 'about-pack', subjectMentions: 7 } }),
      [
        'Matched “Google”: a name of Google in the pack “ByteDance AI 2026”.',
        'Google is named in this pack only in passing; it is marked because this page names the pack’s subjects 7 times.',
      ],
    ],
    [
      'a context entity marked everywhere, gated by a term right after',
      base({
        role: 'context',
        contextTerm: { text: 'Facebook', side: 'after', distance: 0 },
        passing: { rule: 'everywhere' },
      }),
      [
        'Matched “Google”: a name of Google in the pack “ByteDance AI 2026”.',
        '“Google” can mean other things, so it counts only near one of its context terms: “Facebook” is in the text just after.',
        'Google is named in this pack only in passing; it is marked everywhere because the options say so.',
      ],
    ],
  ])('%s', (_, reason, lines) => {
    expect(explainMatch(englishUi, reason, names)).toEqual(lines);
  });

  it('says it in Chinese in whole sentences, with the number the Chinese way', () => {
    const reason = base({
      role: 'context',
      passing: { rule: 'near-subject', subject: { text: '豆包', side: 'before', distance: 1200 } },
    });
    expect(explainMatch(uiTextFor('zh_CN'), reason, { entity: '谷歌', pack: '字节 AI' })).toEqual([
      '匹配到“Google”：事实包“字节 AI”中 谷歌 的名称。',
      '此事实包只是顺带提到 谷歌；这里标记它，是因为该事实包的主体“豆包”在它前面 1,200 个字符处。',
    ]);
  });
});
