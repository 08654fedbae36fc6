/**
 * The trust ledger: for each other power, what it did to this one and what this one did to it,
 * as facts the engine establishes from the orders (Diplomacy's relations: attacks, supports across
 * powers, structured promises kept or broken), each with the phase it happened in. The agent
 * builds it from what it has seen: the board when it was asked in a movement phase, the results
 * the next observation reports, and the press in its inbox. The model's own impressions live in
 * its diary and relationship labels; these are what actually happened.
 */
import { Diplomacy } from '@parley/games';
import type { PressMessage } from '../../agent';
import { type DiplomacyObservation, phaseKey } from '../prompts/diplomacy-engine';

type Power = Diplomacy.Power;
const POWERS = Diplomacy.STANDARD_MAP.powers;

export type LedgerKind =
  | 'kept-promise'
  | 'broke-promise'
  | 'you-kept-promise'
  | 'you-broke-promise'
  | 'supported-you'
  | 'you-supported'
  | 'attacked-you'
  | 'you-attacked';

export interface LedgerEvent {
  readonly phase: string;
  /** The other power, by name (`FRANCE`). */
  readonly power: string;
  readonly kind: LedgerKind;
  readonly detail: string;
}

interface Board {
  code: string;
  units: Diplomacy.Unit[];
  centres: Diplomacy.CentreOwner[];
}

const up = (s: string) => s.toUpperCase();

/** Keeps the board of the last movement phase seen, and turns its results into ledger events. */
export class LedgerKeeper {
  private board: Board | null = null;
  private readonly done = new Set<string>();
  /** The latest movement phase whose results are in the ledger. */
  lastEstablished: string | null = null;

  /** Reads one observation (and the inbox then); returns the events it newly establishes. */
  observe(o: DiplomacyObservation, inbox: readonly PressMessage[] | undefined): LedgerEvent[] {
    const events: LedgerEvent[] = [];
    const last = o.lastPhase;
    if (last && this.board && phaseKey(last.phase) === this.board.code && !this.done.has(this.board.code)) {
      this.done.add(this.board.code);
      this.lastEstablished = this.board.code;
      events.push(...phaseEvents(this.board, last.orders, inbox ?? [], o.power));
    }
    if (o.phase.type === 'movement' && this.board?.code !== phaseKey(o.phase)) {
      const centres = Object.entries(o.centres).flatMap(([power, list]) =>
        list.map((province) => ({ power: power as Power, province })),
      );
      this.board = { code: phaseKey(o.phase), units: o.units, centres };
    }
    return events;
  }
}

function phaseEvents(
  board: Board,
  results: readonly Diplomacy.OrderResult[],
  inbox: readonly PressMessage[],
  me: Power,
): LedgerEvent[] {
  const phase = Diplomacy.phaseOrders(board.code, board.units, board.centres, results);
  const events: LedgerEvent[] = [];
  const add = (power: Power, kind: LedgerKind, detail: string) =>
    events.push({ phase: board.code, power: up(power), kind, detail });
  for (const other of POWERS) {
    if (other === me) continue;
    const theirAttacks = Diplomacy.attacks(phase, other, me);
    if (theirAttacks.length > 0) add(other, 'attacked-you', theirAttacks.map((o) => o.text).join('; '));
    const myAttacks = Diplomacy.attacks(phase, me, other);
    if (myAttacks.length > 0) add(other, 'you-attacked', myAttacks.map((o) => o.text).join('; '));
  }
  for (const s of Diplomacy.phaseSupports(phase)) {
    if (s.to === me) add(s.from, 'supported-you', `${s.order} (${s.result})`);
    else if (s.from === me) add(s.to, 'you-supported', `${s.order} (${s.result})`);
  }
  const myIndex = POWERS.indexOf(me);
  for (const m of inbox) {
    if (m.phase !== board.code || !m.commitments?.length) continue;
    const from = POWERS[m.from];
    if (!from) continue;
    const mine = from === me;
    const toMe = m.to === 'all' || m.to.includes(myIndex);
    if (!mine && !toMe) continue;
    for (const c of m.commitments) {
      const v = Diplomacy.checkCommitment(c, from, phase);
      if (v.verdict === 'not-checkable') continue;
      // A kept promise speaks for itself; a broken one says what was ordered instead.
      const promise = v.verdict === 'kept' ? commitmentText(c) : `${commitmentText(c)}, but ${v.reason}`;
      if (mine) {
        const to = m.to === 'all' ? POWERS.filter((p) => p !== me) : m.to.map((s) => POWERS[s]).filter((p): p is Power => !!p);
        for (const p of to) add(p, v.verdict === 'kept' ? 'you-kept-promise' : 'you-broke-promise', promise);
      } else add(from, v.verdict === 'kept' ? 'kept-promise' : 'broke-promise', promise);
    }
  }
  return events;
}

export function commitmentText(c: Diplomacy.Commitment): string {
  if (c.kind === 'support' || c.kind === 'move') return `${c.kind} ${c.order}`;
  if (c.kind === 'demilitarise') return `demilitarise ${up(c.province)}`;
  const target = typeof c.target === 'number' ? (POWERS[c.target] ?? String(c.target)) : c.target;
  return `no attack on ${up(target)}`;
}

const WORDS: Record<LedgerKind, string> = {
  'kept-promise': 'kept a promise to you',
  'broke-promise': 'broke a promise to you',
  'you-kept-promise': 'you kept a promise to them',
  'you-broke-promise': 'you broke a promise to them',
  'supported-you': 'supported you',
  'you-supported': 'you supported them',
  'attacked-you': 'attacked you',
  'you-attacked': 'you attacked them',
};

/** The ledger as prompt text: per power, counts of each kind and the latest few events. */
export function ledgerText(ledger: readonly LedgerEvent[], latest = 4): string {
  if (ledger.length === 0) return 'Trust ledger (facts from the orders): nothing yet.';
  const lines = ['Trust ledger (facts from the orders, not opinions):'];
  for (const power of [...new Set(ledger.map((e) => e.power))].sort()) {
    const mine = ledger.filter((e) => e.power === power);
    const counts = (Object.keys(WORDS) as LedgerKind[])
      .map((k) => [k, mine.filter((e) => e.kind === k).length] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${WORDS[k]} ×${n}`);
    lines.push(`  ${power}: ${counts.join(', ')}`);
    for (const e of mine.slice(-latest)) lines.push(`    [${e.phase}] ${WORDS[e.kind]}: ${e.detail}`);
  }
  return lines.join('\n');
}
