import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The style system's rules (components/README.md), checked: every class is `fl-` and tells
 * which stylesheet defines it, every variable is a token, colours live in tokens.css only,
 * and every class the components use exists.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** The classes a stylesheet's selectors name (at-rule preludes and declarations skipped). */
function classesOf(css: string): Set<string> {
  const classes = new Set<string>();
  for (const [, prelude = ''] of withoutComments(css).matchAll(/([^{}]+)\{/g)) {
    if (prelude.trim().startsWith('@')) continue;
    for (const [, name = ''] of prelude.matchAll(/\.([a-zA-Z][\w-]*)/g)) classes.add(name);
  }
  return classes;
}

const stylesheets = filesUnder('components', '.css');
const TOKENS = 'components/styles/tokens.css';
const SHARED = 'components/styles/shared.css';
const PAGE = 'components/styles/page.css';
/** A component stylesheet's block: `card/card.css` → `card`, whose classes are `fl-card…`. */
const blockOf = (file: string) => path.basename(file, '.css');
const blocks = stylesheets
  .filter((file) => ![TOKENS, SHARED, PAGE].includes(file))
  .map((file) => ({ file, block: blockOf(file) }));

describe('the stylesheets', () => {
  it('are the tokens, the shared classes, the page styles and one block per component', () => {
    expect(stylesheets).toEqual(expect.arrayContaining([TOKENS, SHARED, PAGE]));
    expect(blocks.map(({ block }) => block)).toEqual(
      expect.arrayContaining(['card', 'popup', 'options', 'pack']),
    );
  });

  it('name classes after their block: fl-<block> or fl-<block>-…', () => {
    for (const { file, block } of blocks) {
      const strays = [...classesOf(read(file))].filter(
        (name) => name !== `fl-${block}` && !name.startsWith(`fl-${block}-`),
      );
      expect(strays, file).toEqual([]);
    }
  });

  it('keep bare fl-<name> classes to shared.css, and none in tokens.css or page.css', () => {
    const taken = blocks.map(({ block }) => `fl-${block}`);
    const strays = [...classesOf(read(SHARED))].filter(
      (name) =>
        !name.startsWith('fl-') ||
        taken.some((prefix) => name === prefix || name.startsWith(`${prefix}-`)),
    );
    expect(strays).toEqual([]);
    expect([...classesOf(read(TOKENS))]).toEqual([]);
    expect([...classesOf(read(PAGE))]).toEqual([]);
  });

  it('use only variables that tokens.css defines', () => {
    const defined = new Set(
      [...withoutComments(read(TOKENS)).matchAll(/(--[\w-]+)\s*:/g)].map(([, name]) => name),
    );
    for (const file of stylesheets) {
      const unknown = [...read(file).matchAll(/var\((--[\w-]+)/g)]
        .map(([, name]) => name)
        .filter((name) => !defined.has(name));
      expect(unknown, file).toEqual([]);
    }
  });

  it('write colours down only in tokens.css', () => {
    for (const file of stylesheets.filter((each) => each !== TOKENS)) {
      const colours = withoutComments(read(file)).match(/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(/gi);
      expect(colours, file).toBeNull();
    }
  });
});

describe('the components', () => {
  const defined = new Set(stylesheets.flatMap((file) => [...classesOf(read(file))]));
  const sources = [...filesUnder('components', '.tsx'), ...filesUnder('entrypoints', '.tsx')]
    .filter((file) => !file.endsWith('.test.tsx'))
    .map((file) => ({ file, text: read(file) }));

  /**
   * Class names in `className="…"`, and the `fl-` ones in the strings of `className={…}`
   * (where other strings are operands: `tone === 'alert' ? … : …`).
   */
  function classNamesIn(text: string): string[] {
    const names: string[] = [];
    for (const [, plain, expression] of text.matchAll(/className=(?:"([^"]*)"|\{([^}]*)\})/g)) {
      if (plain !== undefined) names.push(...plain.split(/\s+/).filter(Boolean));
      for (const [, quoted = ''] of (expression ?? '').matchAll(/['"`]([^'"`]*)['"`]/g))
        names.push(...quoted.split(/\s+/).filter((name) => name.startsWith('fl-')));
    }
    return names;
  }

  it('use only classes a stylesheet defines', () => {
    for (const { file, text } of sources) {
      const unknown = classNamesIn(text).filter((name) => !defined.has(name));
      expect(unknown, file).toEqual([]);
    }
  });
});
