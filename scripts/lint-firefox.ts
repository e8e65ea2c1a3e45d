/**
 * `npm run lint:firefox`: runs `web-ext lint` on the Firefox build (`.output/firefox-mv2`,
 * written by `npm run build:firefox`) and fails on any error or unexplained warning
 * (scripts/web-ext-lint.ts says which warnings are explained, and why).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { EXPLAINED_WARNINGS, unexplained, type LintMessage } from './web-ext-lint';

const root = path.resolve(import.meta.dirname, '..');
const source = process.argv[2] ?? path.join(root, '.output/firefox-mv2');
if (!existsSync(path.join(source, 'manifest.json'))) {
  console.error(`No Firefox build at ${source}. Run \`npm run build:firefox\` first.`);
  process.exit(2);
}

const webExt = path.join(root, 'node_modules/.bin/web-ext');
// web-ext exits 1 when it finds errors; the JSON report is on stdout either way.
const { stdout } = await promisify(execFile)(
  webExt,
  ['lint', '--source-dir', source, '--output', 'json', '--no-input'],
  { maxBuffer: 16 * 1024 * 1024 },
).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
const report = JSON.parse(stdout) as {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
};

const failing = unexplained(report.errors, report.warnings);
const { errors, warnings, notices } = report.summary;
console.log(
  `web-ext lint: ${errors} errors, ${warnings} warnings (${warnings - (failing.length - errors)} explained), ${notices} notices`,
);
for (const entry of EXPLAINED_WARNINGS)
  console.log(`  explained ${entry.code} (${entry.file.source}): ${entry.why}`);
for (const message of failing) {
  console.error(`  ✗ ${message.code} in ${message.file ?? '?'}: ${message.message}`);
}
process.exit(failing.length === 0 ? 0 : 1);
