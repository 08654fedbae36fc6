/**
 * A child process for the durability test: opens the PGlite store in the folder given as
 * argv[2] (on its own thread, as the arena does, when argv[3] is `thread`), creates match `crash`, and appends events one by one (several in flight at a time,
 * as a live match does), printing `ack <seq>` as each append resolves, until it is killed.
 */
import { openDatabase } from '../database';
import { PrismaStore } from '../prisma-store';
import { ThreadStore } from '../thread-store';
import type { MatchStore } from '../types';
import { newMatch } from './support';

const dir = process.argv[2]!;
const store: MatchStore =
  process.argv[3] === 'thread' ? await ThreadStore.open(dir) : new PrismaStore(await openDatabase({ kind: 'pglite', dir }));
await store.createMatch(newMatch('crash'));
console.log('ready');
for (let seq = 0; ; seq++) {
  const at = Date.UTC(2025, 0, 1) + seq;
  const write = store.appendEvents('crash', [{ seq, kind: 'action', payload: { seq }, at }]);
  write.then(() => process.stdout.write(`ack ${seq}\n`));
  if (seq % 8 === 7) await write; // a few writes in flight, like a live match
}
