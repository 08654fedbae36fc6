/**
 * `parley start` (what `npm start` runs): the arena on this machine. Until the Colyseus rooms
 * land, it runs a continuous demo of built-in bots playing every registered game in-process and
 * serves what happens over HTTP: `/` (a page that refreshes), `/api/health`, `/api/matches`
 * (the latest records) and `/api/matches/:n` (one record, replayable with `parley replay`).
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createAgent } from '@parley/agents';
import { deriveSeed, type Game, listGames } from '@parley/games';
import { runMatch } from '../runtime/match-runner';
import type { MatchRecord } from '../runtime/record';

const KEEP = 200;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.PORT ?? '2567' },
      seed: { type: 'string', default: '1' },
      matches: { type: 'string' },
    },
  });
  const port = Number(values.port);
  const recent: { n: number; record: MatchRecord }[] = [];
  let played = 0;
  const limit = values.matches ? Number(values.matches) : Number.POSITIVE_INFINITY;
  let stopping = false;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(type === 'application/json' ? JSON.stringify(body) : String(body));
    };
    if (url.pathname === '/api/health') return send(200, { ok: true, played });
    if (url.pathname === '/api/matches')
      return send(
        200,
        recent
          .map(({ n, record }) => ({
            n,
            game: record.game,
            seats: record.seats,
            returns: record.returns,
            actions: record.actions.length,
          }))
          .reverse(),
      );
    const one = /^\/api\/matches\/(\d+)$/.exec(url.pathname);
    if (one) {
      const hit = recent.find((m) => m.n === Number(one[1]));
      return hit ? send(200, hit.record) : send(404, { code: 'match/not-found', message: `no recent match ${one[1]}` });
    }
    if (url.pathname === '/') return send(200, page(recent, played), 'text/html; charset=utf-8');
    return send(404, { code: 'http/not-found', message: `no route ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  console.log(
    `Parley arena on http://localhost:${port}/ — bots are playing ${listGames()
      .map((g) => g.descriptor.id)
      .join(', ')}.`,
  );
  console.log(`  live results: http://localhost:${port}/   API: /api/health, /api/matches   stop: Ctrl-C`);
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const games = listGames();
  while (!stopping && played < limit) {
    const game = games[played % games.length] as Game;
    const params = game.descriptor.defaultParams;
    const seats = game.descriptor.numPlayers(params);
    const agents = Array.from({ length: seats }, (_, i) => createAgent(i % 2 === 0 ? 'random' : 'call', game.descriptor.id));
    const { record } = await runMatch({ game, params, seed: deriveSeed(Number(values.seed), 'demo', played), agents });
    played++;
    recent.push({ n: played, record });
    if (recent.length > KEEP) recent.shift();
    console.log(
      `match ${played}: ${record.game} ${record.seats.map((s) => s.agent).join(' vs ')} → ${record.returns.join(' / ')} (${record.actions.length} actions)`,
    );
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return 0;
}

function page(recent: { n: number; record: MatchRecord }[], played: number): string {
  const rows = recent
    .slice(-30)
    .reverse()
    .map(
      ({ n, record }) =>
        `<tr><td><a href="/api/matches/${n}">${n}</a></td><td>${record.game}</td><td>${record.seats.map((s) => s.agent).join(' vs ')}</td><td>${record.returns.join(' / ')}</td><td>${record.actions.length}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Parley arena</title>
<style>body{font:15px system-ui;margin:2rem;color:#111;background:#fafafa}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}</style></head>
<body><h1>Parley arena</h1><p>${played} matches played by built-in bots. Newest first.</p>
<table><thead><tr><th>#</th><th>game</th><th>seats</th><th>returns</th><th>actions</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
