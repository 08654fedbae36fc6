/**
 * Reads press from a reply: `{"messages": [{"to": "all" | "ENGLAND" | ["ENGLAND", …], "text": …,
 * "commitments": [...]}], "diary": "…"}`. Recipients are named by power and mapped to seats;
 * commitments are checked against the `Commitment` shapes. Problems are listed one by one.
 */
import { z } from 'zod';
import type { Commitment, PressMessage } from '../../agent';
import type { Parsed } from './action';
import { lastObjectWith } from './json';

export interface PressContext {
  readonly seat: number;
  /** Display names by seat (`AUSTRIA`, …). */
  readonly names: readonly string[];
  readonly recipients: readonly number[];
  /** Canonical text of an order in a commitment, or an error message. */
  readonly order: (text: string) => { ok: true; text: string } | { ok: false; message: string };
  readonly maxMessages: number;
  readonly maxChars: number;
}

const commitmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('support'), order: z.string().min(1) }),
  z.object({ kind: z.literal('move'), order: z.string().min(1) }),
  z.object({ kind: z.literal('demilitarise'), province: z.string().min(1) }),
  z.object({ kind: z.literal('no-attack'), target: z.union([z.string().min(1), z.number().int()]) }),
]);

export interface PressAnswer {
  readonly messages: PressMessage[];
  readonly diary?: string;
}

export function parsePress(raw: string, ctx: PressContext): Parsed<PressAnswer> {
  const obj = lastObjectWith(raw, ['messages', 'diary']);
  if (!obj) return { ok: false, error: { code: 'agent/unparseable', message: 'no JSON object with "messages" was found', raw } };
  const list = obj.messages ?? [];
  if (!Array.isArray(list)) return { ok: false, error: { code: 'agent/unparseable', message: '"messages" must be a list', raw } };
  const problems: string[] = [];
  const messages: PressMessage[] = [];
  const seatOf = (name: unknown): number | undefined => {
    if (typeof name === 'number') return ctx.recipients.includes(name) ? name : undefined;
    const i = ctx.names.findIndex((n) => n.toLowerCase() === String(name).trim().toLowerCase());
    return i >= 0 && ctx.recipients.includes(i) ? i : undefined;
  };
  for (const [k, m] of (list.slice(0, ctx.maxMessages) as any[]).entries()) {
    const where = `message ${k + 1}`;
    if (typeof m?.text !== 'string' || m.text.trim() === '') {
      problems.push(`${where}: "text" must be non-empty text`);
      continue;
    }
    let to: PressMessage['to'];
    if (typeof m.to === 'string' && m.to.trim().toLowerCase() === 'all') to = 'all';
    else {
      const names: unknown[] = Array.isArray(m.to) ? m.to : [m.to];
      const seats = names.map(seatOf);
      const bad = names.filter((_, i) => seats[i] === undefined);
      if (bad.length > 0 || names.length === 0) {
        const allowed = ctx.recipients.map((s) => ctx.names[s]).join(', ');
        problems.push(`${where}: unknown recipient ${JSON.stringify(bad[0] ?? m.to)}; write "all" or name some of ${allowed}`);
        continue;
      }
      to = [...new Set(seats as number[])].sort((a, b) => a - b);
    }
    const { commitments, problems: wrong } = readCommitments(m.commitments, ctx);
    problems.push(...wrong.map((p) => `${where}: ${p}`));
    const text = m.text.trim().slice(0, ctx.maxChars);
    messages.push(commitments.length > 0 ? { from: ctx.seat, to, text, commitments } : { from: ctx.seat, to, text });
  }
  if (problems.length > 0) return { ok: false, error: { code: 'agent/illegal', message: problems.join('; '), raw } };
  const diary = Array.isArray(obj.diary) ? obj.diary.join('\n') : typeof obj.diary === 'string' ? obj.diary : undefined;
  return { ok: true, value: diary ? { messages, diary } : { messages } };
}

/** Commitments in the allowed shapes, with what was wrong with the others. */
export function readCommitments(
  list: unknown,
  ctx: Pick<PressContext, 'names' | 'order'>,
): { commitments: Commitment[]; problems: string[] } {
  const commitments: Commitment[] = [];
  const problems: string[] = [];
  for (const c of Array.isArray(list) ? list : []) {
    const parsed = commitmentSchema.safeParse(c);
    if (!parsed.success) {
      problems.push(`commitment ${JSON.stringify(c)} is not one of the allowed shapes`);
      continue;
    }
    const fixed = fixCommitment(parsed.data, ctx);
    if ('error' in fixed) problems.push(fixed.error);
    else commitments.push(fixed.commitment);
  }
  return { commitments, problems };
}

/** Orders in canonical text; a power named as a no-attack target becomes its seat. */
function fixCommitment(
  c: z.infer<typeof commitmentSchema>,
  ctx: Pick<PressContext, 'names' | 'order'>,
): { commitment: Commitment } | { error: string } {
  if (c.kind === 'support' || c.kind === 'move') {
    const r = ctx.order(c.order);
    return r.ok ? { commitment: { kind: c.kind, order: r.text } } : { error: `commitment order "${c.order}": ${r.message}` };
  }
  if (c.kind === 'no-attack' && typeof c.target === 'string') {
    const seat = ctx.names.findIndex((n) => n.toLowerCase() === (c.target as string).trim().toLowerCase());
    if (seat >= 0) return { commitment: { kind: 'no-attack', target: seat } };
  }
  return { commitment: c };
}
