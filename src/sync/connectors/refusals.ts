/**
 * One bad field never loses a record: a write the CRM refuses for a field's value (an
 * invalid phone number, an invalid email) is sent again without that field, and the field is
 * reported as refused; the rest of the record is written. The engine keeps what was refused
 * and sends it again only once the value changes (engine/refusals.ts).
 *
 * Connectors say which fields an error names (HubSpot lists the properties; Tryton quotes
 * the value in its message). When an error names none, each field that may be left out is
 * tried out in turn; a record whose write fails without any one of them fails as a whole.
 */
import type { Canonical, FieldRefusal } from '../types.js';

export interface RefusalHint {
  /** The canonical fields the error names (possibly none). */
  fields: readonly string[];
  /** Why, for the report: per field when the CRM said so per field. */
  message: (field: string) => string;
}

export type WriteOutcome<T> = { ok: true; value: T; refused: FieldRefusal[] } | { ok: false; error: unknown };

export interface DropOptions {
  /**
   * What the error says about the fields' values, or null when it is not a refusal of
   * values (a conflict, a lost connection …): then the write fails as it is.
   */
  refusal: (error: unknown, fields: Canonical) => RefusalHint | null;
  /** Fields the record can be written without (not its name, not its pairing key). */
  droppable: (field: string) => boolean;
}

const without = (fields: Canonical, dropped: readonly string[]): Canonical =>
  Object.fromEntries(Object.entries(fields).filter(([f]) => !dropped.includes(f)));

/** Writes `fields` with `attempt`, leaving out the fields the CRM refuses. */
export async function writeDroppingRefused<T>(fields: Canonical, attempt: (fields: Canonical) => Promise<T>, options: DropOptions): Promise<WriteOutcome<T>> {
  let current = fields;
  const refused: FieldRefusal[] = [];
  for (;;) {
    let hint: RefusalHint | null;
    let failure: unknown;
    try {
      return { ok: true, value: await attempt(current), refused };
    } catch (error) {
      failure = error;
      hint = options.refusal(error, current);
      if (hint === null) return { ok: false, error };
    }
    if (hint.fields.length > 0) {
      // A field the record cannot be written without (or one already left out: the CRM
      // requires it) makes the write fail as a whole.
      const named = hint.fields.filter((f) => f in current && options.droppable(f));
      if (named.length < hint.fields.length) return { ok: false, error: failure };
      for (const f of named) refused.push({ field: f, message: hint.message(f) });
      current = without(current, named);
      continue;
    }
    // The error does not say which value it refuses: find the one whose absence lets the
    // record through.
    for (const f of Object.keys(current).filter((k) => options.droppable(k) && current[k] !== null)) {
      const trial = without(current, [f]);
      try {
        const value = await attempt(trial);
        refused.push({ field: f, message: hint.message(f) });
        return { ok: true, value, refused };
      } catch (error) {
        if (options.refusal(error, trial) === null) return { ok: false, error };
      }
    }
    return { ok: false, error: failure };
  }
}
