/**
 * A fork gives LLM seats back their memory (Agent.restore): the scripted model here answers from
 * what the prompt's memory shows (how many diary notes, summaries and ledger facts), holding
 * every other unit by that count and writing the count into its diary and press. So a
 * continuation with unchanged seats reproduces its parent's record only if each seat is prompted
 * with the memory it had at the fork: diary, yearly summary, goals, relationships and trust ledger.
 */
import type { RestoreInput } from '@parley/agents';
import { diplomacyAnswer, legalOrdersIn, type Scripted, type SeenRequest } from '@parley/agents/testing';
import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { timeless, useScriptedDiplomacy } from '../testing/scripted-diplomacy';
import { branchMatch, branchPoint } from './branch';
import { runMatch } from './match-runner';
import { mayRead } from './press-rules';

/** Lines of a prompt section (`Heading:` then indented lines). */
const sectionLines = (prompt: string, heading: string): number => {
  const start = prompt.indexOf(`${heading}\n`);
  if (start < 0) return 0;
  const lines = prompt.slice(start + heading.length + 1).split('\n');
  const end = lines.findIndex((l) => !l.startsWith(' '));
  return end < 0 ? lines.length : end;
};

/** What the prompt says the seat remembers. */
const remembered = (r: SeenRequest) =>
  sectionLines(r.lastUser, 'Your diary (notes you wrote):') +
  sectionLines(r.lastUser, 'Your summaries of earlier years:') +
  sectionLines(r.lastUser, 'Trust ledger (facts from the orders, not opinions):');

function rememberingAnswer(request: SeenRequest): Scripted {
  const base = diplomacyAnswer(request);
  if (!('text' in base) || /Consolidate your notes|Reflect on them/.test(request.lastUser)) return base;
  const n = remembered(request);
  const answer = JSON.parse(base.text.slice(base.text.indexOf('{')));
  answer.diary = `${answer.diary} I remember ${n} lines.`;
  for (const m of answer.messages ?? []) m.text = `${m.text} I remember ${n} lines.`;
  if (answer.orders) {
    const groups = [...legalOrdersIn(request).values()];
    answer.orders = answer.orders.map((order: string, k: number) => {
      const hold = groups.find((g) => g.includes(order))?.find((o) => o.endsWith(' H'));
      return k === 1 && n % 2 === 1 && hold ? hold : order;
    });
  }
  return { text: JSON.stringify(answer) };
}

const { seats, run } = useScriptedDiplomacy(rememberingAnswer);

describe('a fork restores the LLM seats memory', () => {
  it('reproduces a parent whose model answers from its memory, and does not without the restore', async () => {
    const { record: parent } = await runMatch({ ...run, params: { lastYear: 1902 }, seed: 23, agents: seats() });
    const seen: RestoreInput[] = [];
    const watched = () =>
      seats().map((a) => ({
        ...a,
        restore: (input: RestoreInput) => {
          seen.push(input);
          return a.restore?.(input);
        },
      }));
    const forget = () => seats().map(({ restore: _restore, ...a }) => a);
    // A seat builds in the winter and reflects on the autumn there: at the fork it has no new result
    // to reflect on, which only a restored memory knows.
    const winter = branchPoint(diplomacy, parent, 'W1901A').seq;
    expect(parent.modelCalls.some((c) => c.seq === winter && c.purpose === 'reflect')).toBe(true);
    const { point, records } = await branchMatch({ ...run, record: parent, at: 'S1902M', times: 1, agentsFor: watched });
    const { branch: _branch, ...same } = records[0]!;
    expect(timeless(same)).toEqual(timeless(parent));

    // Each seat was given its own part of the prefix only: its calls, its view, press it may read.
    expect(seen.map((s) => s.seat).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const input of seen) {
      const own = parent.modelCalls.filter((c) => c.seat === input.seat && c.seq < point.seq);
      expect(input.modelCalls).toEqual(own.map(({ seat: _seat, ...c }) => c));
      expect(input.seq).toBe(point.seq);
      expect(input.turns.map((t) => t.turn)).toEqual(['S1901M', 'F1901M', 'W1901A']);
      const power = (diplomacy.observation(diplomacy.newInitialState(parent.params), input.seat) as { power: string }).power;
      for (const turn of input.turns) {
        expect((turn.observation as { power: string }).power).toBe(power);
        const readable = parent.messages.filter((m) => m.seq < turn.seq && mayRead(m, input.seat));
        expect(turn.inbox).toHaveLength(readable.length);
      }
    }

    // Seats that start the continuation with empty notes are prompted, and so play, otherwise.
    const { records: forgetful } = await branchMatch({ ...run, record: parent, at: 'S1902M', times: 1, agentsFor: forget });
    const lost = timeless(forgetful[0]!);
    expect(lost.modelCalls.slice(0, parent.modelCalls.filter((c) => c.seq < point.seq).length)).toEqual(
      timeless(parent).modelCalls.filter((c) => c.seq < point.seq),
    );
    expect(lost.messages).not.toEqual(parent.messages);
    expect(lost.actions).not.toEqual(timeless(parent).actions);
  });
});
