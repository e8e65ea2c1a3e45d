/**
 * The documents of the match-path section: one plain English article per size, ordinary prose
 * (original sentences, never copied from anywhere) with a few seed-pack names, so the content
 * script has text to match and a little to paint. Pure functions; the section writes the files.
 *
 * The size is what the content script counts: the text of its segments (one per block, inline
 * markup joined), the figure `HybridScanner` compares with `SMALL_DOCUMENT_CHARS`. Every block
 * here is one text run without line breaks, so that is the sum of the blocks' text lengths.
 */
import { Random } from '../../tests/support/prng';

/** Target text sizes, UTF-16 units: around the current limit of 64,000, a decade each side. */
export const MATCH_PATH_SIZES: readonly number[] = [4_000, 16_000, 64_000, 128_000, 256_000];

/** About one sentence naming a seed-pack entity per this many characters of text. */
export const CHARS_PER_MENTION = 2_000;
/** At least this many, however short the document. */
export const MIN_MENTIONS = 3;

/**
 * Seed-pack aliases without context terms, each of a different entity (match-path-pages.test.ts
 * checks them against the pack).
 */
export const PROSE_MENTIONS: readonly string[] = [
  'Doubao',
  'Seedance 2.0',
  'Volcengine',
  'ByteDance',
  'Douyin',
  'Trae IDE',
];

/** Ordinary sentences that name nothing of the seed pack or of the 10,000-alias set. */
export const PROSE_SENTENCES: readonly string[] = [
  'The bus to the coast left ten minutes late because the driver stopped to help a cyclist with a flat tyre.',
  'Most of the houses on the hill were built before the war, and several still have their original windows.',
  'She said the garden had done well this year, although the tomatoes ripened later than usual.',
  'A small crowd gathered outside the bakery long before it opened on Saturday morning.',
  'The library will close for two weeks in August while the heating system is replaced.',
  'Nobody on the committee could remember when the bridge had last been painted.',
  'After the storm, volunteers spent the whole afternoon clearing branches from the footpath.',
  'The new timetable adds an early train on weekdays, which commuters have asked for since the spring.',
  'He kept a notebook of every bird he saw from the kitchen window, with the date and the weather.',
  'The museum is looking for letters and photographs from families who lived near the old mill.',
  'Rain is expected to return by Thursday, with cooler air moving in from the north.',
  'The school choir practised in the church hall because the gym floor was being sanded.',
  'Local farmers said the dry summer had cut their hay harvest by almost a third.',
  'A second pedestrian crossing is planned near the market square, where traffic has grown every year.',
  'The recipe calls for a pinch of salt, two eggs and enough flour to make a soft dough.',
  'Her grandmother walked the same route to the harbour every evening until she was ninety.',
  'The council agreed to keep the swimming pool open an hour later during the school holidays.',
  'Several readers wrote in to say they had seen foxes in the park after dark.',
  'The repairs to the station roof should be finished before the first frost.',
  'Tickets for the autumn concert went on sale on Monday and sold out within a day.',
  'The path along the river is muddy after heavy rain, so walkers are advised to wear boots.',
  'A retired teacher has started a reading group that meets in the café on Tuesday afternoons.',
  'The fishing boats stayed in port for three days while the wind blew from the west.',
  'Residents of the valley have asked for better mobile coverage for years.',
  'The old cinema is being turned into flats, but the front of the building will be kept as it is.',
  'Children from the primary school planted a row of apple trees along the playing field.',
  'The price of bread has risen twice this year, the owner of the corner shop said.',
  'Most visitors arrive by car, although the village is an easy walk from the nearest station.',
  'The festival ended with fireworks over the lake, watched by several thousand people.',
  'A leaking pipe flooded the basement of the town hall, and the records stored there were moved upstairs.',
  'The walking club meets at the church gate at nine and returns in time for lunch.',
  'Snow closed the mountain road twice last winter, cutting off the farms above the pass.',
  'The market has added a stall selling honey from hives kept just outside the town.',
  'Doctors at the clinic say the queue for appointments is shorter than it was a year ago.',
  'A painter from the coast has rented the empty shop next to the post office as a studio.',
  'Plans for a new car park were put on hold after neighbours complained about the noise.',
  'The ferry timetable changes in October, when the last crossing of the day is dropped.',
  'Students cleaned the beach on Sunday and filled more than forty bags with rubbish.',
  'The orchard behind the inn is open to the public on the first weekend of every month.',
  'Engineers checked the dam after the heavy rain and found nothing that needed repair.',
  'The chess club has grown so much that it now meets in two rooms instead of one.',
  'An exhibition of old maps shows how much the shoreline has moved in two hundred years.',
  'The baker starts work at four, long before the first customers arrive.',
  'Families were asked to leave their bins out a day early because of the bank holiday.',
  'The lighthouse keeper kept a log of every ship that passed during the night.',
  'A group of parents is raising money to replace the swings in the playground.',
  'Most of the shops in the high street now close at half past five.',
  'The concert hall was full for the final performance of the season.',
];

/** Headings between sections of the article. */
const HEADINGS: readonly string[] = [
  'News from the valley',
  'Around the harbour',
  'Weekend notes',
  'Letters and replies',
  'In the market square',
  'Weather and roads',
];

/** Sentences naming one seed-pack entity, `{}` the name. */
const MENTION_TEMPLATES: readonly string[] = [
  'A few people at the café were talking about {} while they waited for the rain to stop.',
  'One reader wrote that her son now spends his evenings trying out {}.',
  'The evening class on computers this term includes a short session on {}.',
  'A stall at the summer show had a poster about {}, which drew a small crowd.',
];

export interface ProseDocument {
  /** Stable name, also the file name without `.html`. */
  name: string;
  html: string;
  /** The text the content script counts (see the file's comment). */
  textChars: number;
  /** Names in the text, once per sentence naming one, in order. */
  mentions: string[];
}

/** A size in thousands of UTF-16 units, for names and tables: 4000 → "4k". */
export function sizeLabel(chars: number): string {
  return `${Math.round(chars / 1000)}k`;
}

/**
 * An article of at most `targetChars` of text and within one sentence of it: an `<h1>`, then
 * paragraphs of three to six sentences with an `<h2>` every six paragraphs, the sentences
 * drawn from `PROSE_SENTENCES` by a seeded generator. Every `CHARS_PER_MENTION` characters (at
 * least `MIN_MENTIONS` times) a sentence names the next of `PROSE_MENTIONS`. Deterministic.
 */
export function proseDocument(targetChars: number, seed = 20260701): ProseDocument {
  const random = new Random(seed + targetChars);
  const title = `Town notes, ${sizeLabel(targetChars)}`;
  const blocks: string[] = [`<h1>${title}</h1>`];
  let textChars = title.length;
  const mentions: string[] = [];
  const wantedMentions = Math.max(MIN_MENTIONS, Math.floor(targetChars / CHARS_PER_MENTION));
  // Where the mentions go: spread evenly over the text.
  const mentionEvery = targetChars / wantedMentions;
  let paragraph: string[] = [];
  let paragraphChars = 0;
  let paragraphSize = random.int(3, 6);
  let paragraphs = 0;

  const closeParagraph = () => {
    if (paragraph.length === 0) return;
    blocks.push(`<p>${paragraph.join(' ')}</p>`);
    textChars += paragraphChars;
    paragraph = [];
    paragraphChars = 0;
    paragraphSize = random.int(3, 6);
    paragraphs++;
    if (paragraphs % 6 === 0) {
      const heading = random.pick(HEADINGS);
      if (textChars + heading.length <= targetChars) {
        blocks.push(`<h2>${heading}</h2>`);
        textChars += heading.length;
      }
    }
  };

  for (;;) {
    const at = textChars + paragraphChars;
    const mentionDue = mentions.length < wantedMentions && at >= mentions.length * mentionEvery;
    const name = PROSE_MENTIONS[mentions.length % PROSE_MENTIONS.length] ?? '';
    const template = MENTION_TEMPLATES[mentions.length % MENTION_TEMPLATES.length] ?? '{}';
    const sentence = mentionDue ? template.replace('{}', name) : random.pick(PROSE_SENTENCES);
    // Sentences in a paragraph are joined by one space.
    const cost = sentence.length + (paragraph.length > 0 ? 1 : 0);
    if (at + cost > targetChars) break;
    paragraph.push(sentence);
    paragraphChars += cost;
    if (mentionDue) mentions.push(name);
    if (paragraph.length >= paragraphSize) closeParagraph();
  }
  closeParagraph();

  const html =
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${title}</title>\n` +
    '<style>body{font:16px/1.5 sans-serif;max-width:40rem;margin:auto}</style>\n' +
    `</head>\n<body>\n<main><article>\n${blocks.join('\n')}\n</article></main>\n</body>\n</html>\n`;
  return { name: `prose-${sizeLabel(targetChars)}`, html, textChars, mentions };
}
