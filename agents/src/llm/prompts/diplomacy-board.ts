/**
 * Diplomacy as text for a prompt: the phase, centres and units per power, the last phase's
 * results, the press the seat has seen (this phase and the one before, newest last, bounded),
 * the seat's diary, and its legal orders grouped per unit.
 */
import { Diplomacy } from '@parley/games';
import type { PressMessage } from '../../agent';
import { commitmentText } from '../memory/ledger';
import { type DiplomacyObservation, POWERS, phaseKey, phaseName } from './diplomacy-engine';

const up = (s: string) => s.toUpperCase();
export const powerName = (seat: number): string => up(POWERS[seat] ?? `seat ${seat}`);

/** Press kept in a prompt: the latest messages of the last two phases, each cut to a few hundred characters. */
const INBOX_MESSAGES = 24;
const MESSAGE_CHARS = 400;

export function boardText(o: DiplomacyObservation): string {
  const lines = [
    `Phase: ${phaseName(o.phase)} (${phaseKey(o.phase)}).${o.lastYear ? ` The game ends after ${o.lastYear}.` : ''}`,
    'Supply centres:',
    ...POWERS.map((p) => {
      const list = o.centres[p] ?? [];
      return `  ${up(p)} (${list.length}): ${list.map(up).join(' ') || '-'}`;
    }),
    'Units:',
    ...POWERS.map((p) => {
      const units = o.units.filter((u) => u.power === p).map((u) => `${u.type} ${up(u.province)}`);
      return `  ${up(p)}: ${units.join(', ') || '-'}`;
    }),
  ];
  if (o.dislodged.length > 0) {
    lines.push('Dislodged units (retreat or disband):');
    for (const d of o.dislodged)
      lines.push(`  ${up(d.power)} ${d.type} ${up(d.province)} may retreat to: ${d.retreats.map(up).join(' ') || 'nowhere'}`);
  }
  if (o.adjustments) {
    const mine = o.adjustments[o.power] ?? 0;
    lines.push(
      mine > 0 ? `You may build ${mine} unit(s).` : mine < 0 ? `You must disband ${-mine} unit(s).` : 'You have no adjustments.',
    );
  }
  if (o.lastPhase) {
    lines.push(`Results of ${phaseName(o.lastPhase.phase)}:`);
    for (const p of POWERS) {
      const orders = o.lastPhase.orders.filter((r) => r.power === p);
      if (orders.length === 0) continue;
      const text = orders.map((r) => `${r.text} (${r.result}${r.reason ? `: ${r.reason}` : ''})`).join('; ');
      lines.push(`  ${up(p)}: ${text}`);
    }
    if (o.lastPhase.drawVotes.length > 0) lines.push(`  Draw votes: ${o.lastPhase.drawVotes.map(up).join(', ')}`);
  }
  return lines.join('\n');
}

export function inboxText(inbox: readonly PressMessage[] | undefined, seat: number): string {
  const all = inbox ?? [];
  const phases = [...new Set(all.map((m) => m.phase ?? ''))].slice(-2);
  const recent = all.filter((m) => phases.includes(m.phase ?? '')).slice(-INBOX_MESSAGES);
  if (recent.length === 0) return 'Press: no messages yet.';
  const who = (s: number) => (s === seat ? 'you' : powerName(s));
  const lines = recent.map((m) => {
    const to = m.to === 'all' ? 'everyone' : m.to.map(who).join(', ');
    const text = m.text.length > MESSAGE_CHARS ? `${m.text.slice(0, MESSAGE_CHARS)}…` : m.text;
    const promises = m.commitments?.length ? ` [commitments: ${m.commitments.map(commitmentText).join('; ')}]` : '';
    return `  [${m.phase ?? '?'}] ${who(m.from)} → ${to}: ${text}${promises}`;
  });
  const skipped = all.length - recent.length;
  return [`Press (latest ${recent.length}${skipped > 0 ? `; ${skipped} older not shown` : ''}):`, ...lines].join('\n');
}

/** What the engine sees at a glance for the seat's units (Diplomacy.boardSense), compactly. */
export function boardSenseText(o: DiplomacyObservation): string {
  if (o.phase.type !== 'movement') return '';
  const centres = Object.entries(o.centres).flatMap(([power, list]) =>
    list.map((province) => ({ power: power as Diplomacy.Power, province })),
  );
  const sense = Diplomacy.boardSense(o.units, centres, o.power);
  if (sense.units.length === 0) return '';
  const lines = ['Around your units (threats: enemy units that could enter; support: your units that could support it holding):'];
  for (const u of sense.units) {
    const near = u.nearestCentres.map((c) => `${up(c.province)} ${c.distance} (${c.owner ? up(c.owner) : 'neutral'})`);
    lines.push(
      `  ${u.unit}: threats ${u.threats.join(', ') || 'none'}; support ${u.supporters.join(', ') || 'none'}; nearest centres ${near.join(', ') || '-'}`,
    );
  }
  for (const h of sense.threatenedHomes) lines.push(`  Home centre ${up(h.province)} could be entered by ${h.by.join(', ')}`);
  return lines.join('\n');
}

/** Legal orders, one line per unit (and one for builds), then the draw vote if open. */
export function legalOrdersText(legal: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const a of legal) {
    const key = a === 'VOTE DRAW' ? 'Draw' : a === 'WAIVE' || / B$/.test(a) ? 'Builds' : a.split(' ').slice(0, 2).join(' ');
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return ['Legal orders, per unit:', ...[...groups].map(([k, list]) => `  ${k}: ${list.join(' | ')}`)].join('\n');
}
