import { findLanguageIssues } from './language-rules';
import { checkQuotes, QUOTE_CHECK_BUDGET, type QuoteCheck } from './quote-check';
import type { FactPack } from './schema';

/** One problem found in a pack: where (JSON path) and what. */
export interface PackIssue {
  path: (string | number)[];
  message: string;
}

type Keyed = { id: string };

function indexById<T extends Keyed>(
  items: readonly T[],
  listName: string,
  issues: PackIssue[],
): Map<string, T> {
  const byId = new Map<string, T>();
  items.forEach((item, index) => {
    if (byId.has(item.id)) {
      issues.push({ path: [listName, index, 'id'], message: `duplicate id "${item.id}"` });
    } else {
      byId.set(item.id, item);
    }
  });
  return byId;
}

function checkRef(
  ids: ReadonlyMap<string, unknown>,
  id: string | undefined,
  kind: string,
  path: (string | number)[],
  issues: PackIssue[],
): void {
  if (id !== undefined && !ids.has(id)) {
    issues.push({ path, message: `unknown ${kind} id "${id}"` });
  }
}

/**
 * The rules JSON Schema cannot express: unique ids, references that resolve,
 * aliases that name one entity only, a `whyNamed` line exactly on context entities, the
 * language rules of format 2 (`language-rules.ts`), and quotes that occur in their source's
 * text when the pack ships it. Runs on a pack whose shape is already valid.
 */
export function findReferenceIssues(pack: FactPack): PackIssue[] {
  const issues: PackIssue[] = [];
  const sources = indexById(pack.sources, 'sources', issues);
  const propositions = indexById(pack.propositions, 'propositions', issues);
  const entities = indexById(pack.entities, 'entities', issues);
  indexById(pack.facts, 'facts', issues);

  pack.propositions.forEach((proposition, p) => {
    proposition.entityIds.forEach((id, i) =>
      checkRef(entities, id, 'entity', ['propositions', p, 'entityIds', i], issues),
    );
  });

  // An alias naming two entities would make a mention ambiguous; the pack must choose.
  // Two case-sensitive aliases collide only when spelled identically ("Codex" vs "CodeX"
  // may name different things); any case-insensitive alias collides with every spelling.
  const anyByFolded = new Map<string, string>();
  const insensitiveByFolded = new Map<string, string>();
  const sensitiveByText = new Map<string, string>();
  pack.entities.forEach((entity, e) => {
    // A context entity's card says why a reader following this pack sees it; a subject needs
    // no such line (it is what the pack is about).
    if (entity.role === 'context' && entity.whyNamed === undefined) {
      issues.push({
        path: ['entities', e, 'whyNamed'],
        message: 'a context entity needs "whyNamed": one sentence on why this pack names it',
      });
    } else if (entity.role === 'subject' && entity.whyNamed !== undefined) {
      issues.push({
        path: ['entities', e, 'whyNamed'],
        message: '"whyNamed" is only for context entities (role "context")',
      });
    }
    entity.propositionIds.forEach((id, i) =>
      checkRef(propositions, id, 'proposition', ['entities', e, 'propositionIds', i], issues),
    );
    entity.related.forEach((related, r) => {
      const path = ['entities', e, 'related', r, 'entityId'];
      checkRef(entities, related.entityId, 'entity', path, issues);
      if (related.entityId === entity.id) {
        issues.push({ path, message: 'an entity cannot be related to itself' });
      }
    });
    entity.aliases.forEach((alias, a) => {
      const folded = alias.text.toLowerCase();
      // A word the alias must not match inside is useless unless the alias is in it.
      alias.notInside?.forEach((word, w) => {
        const wordFolded = word.toLowerCase();
        if (wordFolded === folded || !wordFolded.includes(folded)) {
          issues.push({
            path: ['entities', e, 'aliases', a, 'notInside', w],
            message: `"${word}" must be longer than the alias "${alias.text}" and contain it`,
          });
        }
      });
      const owner =
        alias.case === 'insensitive'
          ? anyByFolded.get(folded)
          : (insensitiveByFolded.get(folded) ?? sensitiveByText.get(alias.text));
      if (owner !== undefined) {
        issues.push({
          path: ['entities', e, 'aliases', a, 'text'],
          message:
            owner === entity.id
              ? `alias "${alias.text}" is listed twice`
              : `alias "${alias.text}" already names entity "${owner}"`,
        });
        return;
      }
      if (!anyByFolded.has(folded)) anyByFolded.set(folded, entity.id);
      if (alias.case === 'insensitive') insensitiveByFolded.set(folded, entity.id);
      else sensitiveByText.set(alias.text, entity.id);
    });
  });

  pack.facts.forEach((fact, f) => {
    fact.subjectIds.forEach((id, i) =>
      checkRef(entities, id, 'entity', ['facts', f, 'subjectIds', i], issues),
    );
    checkRef(
      propositions,
      fact.propositionId,
      'proposition',
      ['facts', f, 'propositionId'],
      issues,
    );
    checkRef(sources, fact.sourceId, 'source', ['facts', f, 'sourceId'], issues);
    checkRef(sources, fact.quotedFrom, 'source', ['facts', f, 'quotedFrom'], issues);
  });
  issues.push(...findLanguageIssues(pack));
  issues.push(...findQuoteIssues(pack, sources));

  return issues;
}

/**
 * Quotes that do not occur verbatim in the text of the source they cite (`quotedFrom`, else
 * `sourceId`), checked in bounded time (`quote-check.ts`): a pack whose checks would take
 * longer than the budget is refused with one issue saying so.
 */
function findQuoteIssues(pack: FactPack, sources: ReadonlyMap<string, Keyed & { text?: string }>) {
  const texts = new Map<string, string>();
  for (const [id, source] of sources) if (source.text !== undefined) texts.set(id, source.text);
  const checks: QuoteCheck[] = pack.facts.map((fact, f) => ({
    sourceId: fact.quotedFrom ?? fact.sourceId,
    quote: fact.quote,
    fact: f,
  }));
  const result = checkQuotes(texts, checks);
  if (result.overBudget) {
    return [
      {
        path: ['facts'],
        message: `checking the quotes against their sources' texts would take too long (over ${QUOTE_CHECK_BUDGET.toLocaleString('en')} steps); ship fewer or shorter source texts, or fewer quotes per source`,
      },
    ];
  }
  return result.missing.map((f) => {
    const fact = pack.facts[f];
    return {
      path: ['facts', f, 'quote'],
      message: `quote does not appear verbatim in the text of source "${fact?.quotedFrom ?? fact?.sourceId ?? ''}"`,
    };
  });
}
