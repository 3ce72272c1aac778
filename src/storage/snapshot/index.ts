/** Named account snapshots kept in the database: take, list, restore, delete. */
export { SnapshotError } from './errors.js';
export { restoreSnapshot, type RestoreResult } from './restore.js';
export { deleteSnapshot, listSnapshots, takeSnapshot, type SnapshotSummary } from './take.js';
