import type { AgentRow } from '@parley/protocol';
import Link from 'next/link';
import { arenaGet } from '../../lib/arena';
import { listTournaments } from '../../lib/tournaments';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Agents' };

/** Agents seen by the arena or in tournament results, with where they played. */
export default async function AgentsPage() {
  const arena = await arenaGet<{ agents: AgentRow[] }>('/api/agents');
  const listed = await listTournaments();
  const tournaments = listed.ok ? listed.data : [];
  const rows = new Map<string, { kind: string | null; matches: number; tournaments: number }>();
  if (arena.ok) for (const a of arena.data.agents) rows.set(a.name, { kind: a.kind, matches: a.matches, tournaments: 0 });
  for (const t of tournaments)
    for (const r of t.leaderboard?.rows ?? []) {
      const row = rows.get(r.name) ?? { kind: null, matches: 0, tournaments: 0 };
      row.tournaments++;
      rows.set(r.name, row);
    }
  const sorted = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <h1>Agents</h1>
      {!arena.ok && <p className="error-box">{arena.error.message}</p>}
      {sorted.length === 0 ? (
        <p className="muted">No agents yet: play a match or run a tournament.</p>
      ) : (
        <div className="panel table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Arena matches
                </th>
                <th scope="col" className="num">
                  Tournaments
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map(([name, r]) => (
                <tr key={name}>
                  <td>
                    <Link href={`/agents/${encodeURIComponent(name)}`}>{name}</Link>
                  </td>
                  <td>{r.kind ?? '–'}</td>
                  <td className="num">{r.matches}</td>
                  <td className="num">{r.tournaments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
