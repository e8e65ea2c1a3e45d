import type { PackIssue } from './references';
import { localizedTexts } from './localized';
import { localizedTagProblem, type FactPack } from './schema';

/**
 * The language rules that need the whole document (issue 15). A format-1 pack holds no
 * localized text and no source language, so it validates exactly as before format 2 existed.
 * In format 2 the pack's `language` is a canonical tag (the keys of localized texts are, and
 * the two are compared as strings), and every localized text includes it: a reader whose
 * language a text lacks is shown the pack's, so there is always something to show.
 */
export function findLanguageIssues(pack: FactPack): PackIssue[] {
  const issues: PackIssue[] = [];
  if (pack.format === 1) {
    for (const [path, value] of localizedTexts(pack)) {
      if (typeof value !== 'string') {
        issues.push({ path, message: 'text per language needs "format": 2' });
      }
    }
    pack.sources.forEach((source, s) => {
      if (source.language !== undefined) {
        issues.push({ path: ['sources', s, 'language'], message: 'needs "format": 2' });
      }
    });
    return issues;
  }
  const problem = localizedTagProblem(pack.language);
  if (problem !== null) issues.push({ path: ['language'], message: problem });
  for (const [path, value] of localizedTexts(pack)) {
    if (typeof value !== 'string' && !(pack.language in value)) {
      issues.push({
        path,
        message: `must include the pack's language ${JSON.stringify(pack.language)}`,
      });
    }
  }
  return issues;
}
