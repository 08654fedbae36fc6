/**
 * A bot that plays a seat over WebSocket with @colyseus/sdk, the same way the browser does.
 *
 *   npx tsx examples/ws-bot/bot.ts http://localhost:2567 MATCH_ID SEAT_TOKEN
 *   PARLEY_BOT_TOKEN=pbt_… npx tsx examples/ws-bot/bot.ts http://localhost:2567 [MATCH_ID]
 *
 * Either create the match with an open seat (`POST /api/matches` with `"human"` in `seats`; the
 * answer holds the seat's token), or play as a bot account: its owner creates it and an API token
 * on the "My bots" page, a match seats it as `bot:NAME`, and the bot joins with `{ botToken }`
 * (without MATCH_ID it asks `GET /api/bot/seats` where it is seated). The bot reads its own view from the room state (observation, legal
 * actions, the open decision) and answers with `act`: here it checks or calls when it can and
 * otherwise plays the first legal action (in Diplomacy: one order per unit). Replace `choose`.
 */
import { Client } from '@colyseus/sdk';
import type { ActMessage, ServerMessageOf } from '@parley/protocol';

const [url = 'http://localhost:2567', givenMatch, token] = process.argv.slice(2);
// The token comes from the environment, not argv, so it does not show in `ps`.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by this example when run by hand, never by a turbo task
const botToken = process.env.PARLEY_BOT_TOKEN;
if (!botToken && (!givenMatch || !token)) {
  console.error('usage: bot.ts SERVER_URL MATCH_ID SEAT_TOKEN   or   PARLEY_BOT_TOKEN=… bot.ts SERVER_URL [MATCH_ID]');
  process.exit(2);
}

/** A bot account's first seat in a running match, from the API (authenticated by its token). */
async function firstSeat(): Promise<string> {
  const res = await fetch(`${url}/api/bot/seats`, { headers: { authorization: `Bearer ${botToken}` } });
  const body = (await res.json()) as { seats?: { matchId: string }[]; message?: string };
  const seat = body.seats?.[0];
  if (!res.ok || !seat) throw new Error(body.message ?? 'this bot is seated in no running match');
  return seat.matchId;
}

const matchId = givenMatch ?? (await firstSeat());

function choose(legal: string[], observation: { ordersToGive?: number }): string[] {
  const passive = legal.find((a) => a === 'check' || a === 'call' || a === 'show');
  if (passive) return [passive];
  if (observation.ordersToGive === undefined) return [legal[0] as string];
  // Diplomacy: the first legal order of each unit (or build slot), as many as are due.
  const byUnit = new Map<string, string>();
  for (const order of legal) {
    const key = order === 'WAIVE' ? order : order.split(' ').slice(0, 2).join(' ');
    if (order !== 'VOTE DRAW' && !byUnit.has(key)) byUnit.set(key, order);
  }
  return [...byUnit.values()].slice(0, observation.ordersToGive);
}

const room = await new Client(url).joinById(matchId, botToken ? { botToken } : { token });
let answered = -1;
room.onMessage('seat', (m: ServerMessageOf<'seat'>) => console.log(`playing seat ${m.seat} of ${matchId}`));
room.onMessage('error', (m: ServerMessageOf<'error'>) => console.error(`server says ${m.code}: ${m.message}`));
room.onMessage('ack', () => {});
room.onMessage('finished', (m: ServerMessageOf<'finished'>) => {
  console.log(`finished: ${JSON.stringify(m.returns)}`);
  void room.leave().then(() => process.exit(0));
});
room.onStateChange((state: any) => {
  const view = [...(state.views ?? [])][0];
  if (!view || view.decision < 0 || view.decision === answered) return;
  const legal = JSON.parse(view.legal) as string[];
  if (legal.length === 0) return;
  answered = view.decision;
  const act: ActMessage = { decision: view.decision, actions: choose(legal, JSON.parse(view.observation)) };
  room.send('act', act);
});
