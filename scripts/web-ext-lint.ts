/**
 * Mozilla's linter (`web-ext lint`, the checks addons.mozilla.org runs on upload) over the
 * Firefox build. Errors always fail; a warning fails unless it is one of the few explained
 * below and in the README ("Firefox"), so a new warning is read by someone before it ships.
 */

export interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

/** A warning we accept: which code, in which built file, and why it is harmless here. */
interface ExplainedWarning {
  code: string;
  file: RegExp;
  why: string;
}

export const EXPLAINED_WARNINGS: readonly ExplainedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^frame\.js$/,
    why: 'import(url) of our own card-ui.js / local-matcher.js; the URL is runtime.getURL of a fixed file name',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(card-ui\.js|chunks\/pack-[\w-]+\.js)$/,
    why: "React DOM's dangerouslySetInnerHTML branch; no Fact Lens code uses it (an ESLint rule forbids it)",
  },
  {
    code: 'DANGEROUS_EVAL',
    file: /^background\.js$/,
    why: "Zod's probe `Function('')` for its JIT; the extension's CSP forbids eval, so the probe fails and Zod validates without it",
  },
];

/** The errors and warnings no entry of `EXPLAINED_WARNINGS` accounts for. */
export function unexplained(errors: LintMessage[], warnings: LintMessage[]): LintMessage[] {
  const accepted = (warning: LintMessage) =>
    EXPLAINED_WARNINGS.some(
      (entry) => entry.code === warning.code && entry.file.test(warning.file ?? ''),
    );
  return [...errors, ...warnings.filter((warning) => !accepted(warning))];
}
