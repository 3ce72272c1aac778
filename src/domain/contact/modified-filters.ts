/**
 * fromModifiedDate / toModifiedDate (get-contact-list.md, get-company-list.md): both
 * inclusive, with the one-second precision of an iVvy timestamp, so `toModifiedDate` equal to
 * a record's modifiedDate includes it and the next sync's `fromModifiedDate` may repeat it.
 */
import { sql, type SqlBool } from 'kysely';
import { SECOND } from '../../protocol/timestamp.js';
import type { ExpressionFilter } from '../../storage/collection.js';

export function modifiedDateFilters(column: string): { fromModifiedDate: ExpressionFilter; toModifiedDate: ExpressionFilter } {
  const col = sql.ref(column);
  const never = sql<SqlBool>`1 = 0`;
  return {
    fromModifiedDate: {
      type: 'timestamp',
      where: (eb, value) => (typeof value === 'number' ? eb(col, '>=', value) : never),
    },
    toModifiedDate: {
      type: 'timestamp',
      where: (eb, value) => (typeof value === 'number' ? eb(col, '<', value + SECOND) : never),
    },
  };
}
