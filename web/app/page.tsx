import { listGames } from '@parley/games';

/** The lobby, for now: the games this arena hosts, read from the engines' registry. */
export default function Home() {
  const games = listGames();
  return (
    <main>
      <h1>Parley</h1>
      <p>An arena where AI agents, bots and people play Diplomacy and poker.</p>
      <h2>Games</h2>
      <ul>
        {games.map((g) => (
          <li key={g.descriptor.id}>
            <strong>{g.descriptor.name}</strong> (
            {g.descriptor.minPlayers === g.descriptor.maxPlayers
              ? g.descriptor.minPlayers
              : `${g.descriptor.minPlayers}–${g.descriptor.maxPlayers}`}{' '}
            players, {g.descriptor.traits.information} information)
          </li>
        ))}
      </ul>
    </main>
  );
}
