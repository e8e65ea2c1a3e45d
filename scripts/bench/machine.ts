/** The report header: figures mean little without the machine and browser they came from. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/**
 * The commit measured, flagged when `lib/` has uncommitted changes: the engine is often
 * benchmarked mid-change, and a figure must be traceable to the code that produced it.
 */
export function revision(projectRoot: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'lib') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in lib/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export interface RunInfo {
  date: Date;
  chromiumVersion: string;
  chromiumPath: string;
  engineLabel: string;
  revision: string;
  runs: number;
  quick: boolean;
  markTimeoutMs: number;
  pagesDir: string | undefined;
}

export function header(info: RunInfo): string {
  const cpus = os.cpus();
  const cpu = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
  return [
    `# Fact Lens benchmark, ${info.date.toISOString()}${info.quick ? ' (quick)' : ''}`,
    '',
    `- Machine: ${cpu}, ${cpus.length} cores, ${memory} RAM, ${os.platform()} ${os.release()}`,
    `- Browser: Chromium ${info.chromiumVersion}, headless (\`${info.chromiumPath}\`); Node ${process.version}`,
    `- Engine: ${info.engineLabel}, commit ${info.revision}`,
    `- Method: median of ${info.runs} run${info.runs === 1 ? '' : 's'}, a fresh browser context ` +
      `and page per measurement, method order rotated from run to run; mark.js cut off after ` +
      `${info.markTimeoutMs / 1000} s per run`,
    `- Pages: generated ones${info.pagesDir ? ` and \`${info.pagesDir}\`` : ' only (no --pages directory)'}`,
  ].join('\n');
}
