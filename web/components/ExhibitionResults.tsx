import type { ExhibitionRow } from '../lib/exhibition';
import { formatNumber, gameName, resultDigits } from '../lib/format';

const COLUMNS: [string, string | undefined][] = [
  ['Game', undefined],
  ['Agent', undefined],
  ['Seats played', 'num'],
  ['Mean result', 'num'],
  ['Outright wins', 'num'],
];

/** The demo's bot-against-bot results, per game and agent: an exhibition, not a rating. */
export function ExhibitionResults({ rows, matches }: { rows: ExhibitionRow[]; matches: number }) {
  if (rows.length === 0)
    return (
      <p className="small muted">
        No demo match has finished yet: the arena&apos;s demo tables (<code>npm start</code>) finish one every few minutes.
      </p>
    );
  return (
    <>
      <p className="small muted" style={{ marginTop: 0 }}>
        From the {matches} most recent finished demo matches: the bots the arena runs for visitors. Demo matches are not rated;
        this is a plain tally of their results (mean result per seat: chips in poker, share of the win in Diplomacy).
      </p>
      <div className="table-wrap">
        <table data-testid="exhibition-table">
          <caption className="visually-hidden">Exhibition results of the demo matches</caption>
          <thead>
            <tr>
              {COLUMNS.map(([label, className]) => (
                <th key={label} scope="col" className={className}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.game} ${r.agent}`}>
                <td>{gameName(r.game)}</td>
                <td>{r.agent}</td>
                <td className="num">{r.seats}</td>
                <td className="num">{formatNumber(r.meanResult, resultDigits(r.game))}</td>
                <td className="num">{r.wins}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
