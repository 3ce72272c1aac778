/** Counts of seeded rows by kind, as a seeder returns them. */
export class SeedCounts {
  private readonly counts: Record<string, number> = {};

  add(kind: string, n = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }

  toJSON(): Record<string, number> {
    return { ...this.counts };
  }
}
