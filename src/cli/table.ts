/**
 * Tables as the CLI prints them: a header row and fixed columns, no borders, so that the output
 * reads well and still works with cut, awk and grep.
 */
import Table from 'cli-table3';

const NONE = '';
const CHARS = {
  top: NONE, 'top-mid': NONE, 'top-left': NONE, 'top-right': NONE,
  bottom: NONE, 'bottom-mid': NONE, 'bottom-left': NONE, 'bottom-right': NONE,
  left: NONE, 'left-mid': NONE, mid: NONE, 'mid-mid': NONE,
  right: NONE, 'right-mid': NONE, middle: '  ',
};

export function plainTable(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const table = new Table({ head: [...head], chars: CHARS, style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 } });
  for (const row of rows) table.push([...row]);
  return `${table.toString().split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}
