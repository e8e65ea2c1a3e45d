/**
 * Chinese pages (issue 15): names as Chinese tech press writes them, Latin model names inside
 * Han text, short forms that are ordinary words gated by context, and aliases that must not
 * match inside longer words. The English control page with a context term far from a gated
 * alias is in the precision set (tests/e2e/precision.spec.ts, `seed-round`); the English demo
 * page's marks are pinned by tests/e2e/recognition-golden.spec.ts.
 */
import { isolate, recordPage } from '../../scripts/recognition-golden';
import { expect, test } from './fixtures';

// Waits for `fact-lens-active` (the first scan is done): test-hooks build only.
test.use({ extensionBuild: 'test-hooks' });

/** Every mention a Chinese reader expects on tests/demo/zh.html, in reading order. */
const EXPECTED = [
  // 字节跳动的2026：追赶世界模型，守住视频领先
  'company|字节跳动',
  'concept|世界模型',
  // 据多位知情人士透露，字节跳动今年为AI业务定下四个重点：追赶世界模型、保持Seedance……让豆包App……
  'company|字节跳动',
  'concept|世界模型',
  'model|Seedance',
  'product|豆包',
  // 在世界模型方向，Seed团队负责人吴永辉……对标谷歌的Genie 3的模型。
  'concept|世界模型',
  'team|Seed',
  'person|吴永辉',
  'company|谷歌',
  'model|Genie 3',
  // 负责多模态与世界模型研究的周畅2024年从阿里巴巴加入字节。他管理的VLA小组……具身智能。
  'concept|世界模型',
  'person|周畅',
  'company|阿里巴巴',
  'company|字节',
  'concept|VLA',
  'concept|具身智能',
  // 视频方面，Seedance 2.0模型……“动态生成”……
  'model|Seedance 2.0',
  'concept|动态生成',
  // 编程方面，字节的Doubao-Seed-Code和Trae仍落后于智谱的GLM-5和月之暗面的Kimi K2……数据回流。
  'company|字节',
  'model|Doubao-Seed-Code',
  'product|Trae',
  'company|智谱',
  'model|GLM-5',
  'company|月之暗面',
  'model|Kimi K2',
  'concept|数据回流',
  // 商业化方面，豆包专业版……PPT生成……海外版Dola……
  'product|豆包专业版',
  'concept|PPT生成',
  'product|Dola',
  // 英伟达的芯片依旧紧缺，字节今年的算力预算也随之上调。
  'company|英伟达',
  'company|字节',
];

test('the Chinese demo page has every mention a Chinese reader expects', async ({
  page,
  server,
}) => {
  await isolate(page, [server]);
  expect(await recordPage(page, `${server}/zh.html`)).toEqual(EXPECTED);
});

test('the Chinese control page, same characters in other senses, has none', async ({
  page,
  server,
}) => {
  await isolate(page, [server]);
  // 豆包子 and 红豆包 (buns) next to "AI", 三千字节 and 字节数 (bytes), 阿里山 and 阿里郎.
  expect(await recordPage(page, `${server}/zh-control.html`)).toEqual([]);
});
