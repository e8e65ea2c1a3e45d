/** Markdown helpers shared by the sections: one table shape, one way to print each unit. */

export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const rule = `| ${head.map(() => '---').join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** Milliseconds with precision where it matters: 0.42, 4.2, 42, 420. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return value.toFixed(2);
  if (value < 10) return value.toFixed(1);
  return value.toFixed(0);
}

export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)}×` : 'n/a';
}

export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : 'n/a';
}

export function bytes(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(2)} MB`;
  if (value >= 1_000) return `${(value / 1_000).toFixed(0)} kB`;
  return `${value} B`;
}

export function verdict(pass: boolean): string {
  return pass ? '✅' : '❌';
}
