/** A snapshot request that cannot be met as asked: the CLI prints it, the operator endpoint maps it to a status. */
export class SnapshotError extends Error {
  constructor(
    readonly reason: 'not-found' | 'invalid' | 'incompatible',
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Names are used on command lines and in URLs, so they stay to a URL- and shell-safe alphabet. */
export function checkSnapshotName(name: string): string {
  if (!NAME.test(name)) {
    throw new SnapshotError('invalid', `Snapshot names are 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit: '${name}'`);
  }
  return name;
}
