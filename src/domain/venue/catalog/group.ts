/** Child rows of a page of parents, fetched in one query and handed out by parent id. */
export function groupBy<R, V>(rows: readonly R[], parentOf: (row: R) => number, value: (row: R) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const parent = parentOf(row);
    const list = groups.get(parent);
    if (list) list.push(value(row));
    else groups.set(parent, [value(row)]);
  }
  return groups;
}
