/**
 * Records the runner writes, and the same records read back from stored events, parse with the
 * protocol's schema unchanged; a malformed record is refused by replay with the field named.
 */
import { createAgent, randomBot } from '@parley/agents';
import { diplomacy, kuhn } from '@parley/games';
import { parseMatchRecord } from '@parley/protocol';
import { expect, it } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import { replayRecord } from '../runtime/replay';
import { FakeClock } from '../testing/fake-clock';
import { matchOfRecord, recordOf } from './events';

const records = async () => [
  (
    await runMatch({
      game: kuhn,
      params: kuhn.descriptor.defaultParams,
      seed: 3,
      agents: [randomBot(), randomBot()],
      clock: new FakeClock(),
    })
  ).record,
  (
    await runMatch({
      game: diplomacy,
      params: { ...diplomacy.descriptor.defaultParams, lastYear: 1902 },
      seed: 5,
      agents: [0, 1, 2, 3, 4, 5, 6].map((i) => (i % 2 ? randomBot() : createAgent('heuristic', 'diplomacy'))),
      clock: new FakeClock(),
    })
  ).record,
];

it('parses the records the runner writes and the store gives back, unchanged', async () => {
  for (const record of await records()) {
    const text = JSON.stringify(record);
    const parsed = parseMatchRecord(JSON.parse(text));
    expect(parsed.ok && JSON.stringify(parsed.record)).toBe(text);
    const stored = recordOf(matchOfRecord(record, 'm1'));
    const again = parseMatchRecord(JSON.parse(JSON.stringify(stored)));
    expect(again.ok && again.record).toEqual(stored);
  }
});

it('refuses to replay a malformed record, naming the field', async () => {
  const [record] = await records();
  const broken = { ...structuredClone(record!), seats: [{ seat: 'north', agent: 'random' }] };
  expect(replayRecord(broken as never)).toEqual({
    ok: false,
    error: expect.stringMatching(/^malformed record: seats\.0\.seat: /),
  });
});
