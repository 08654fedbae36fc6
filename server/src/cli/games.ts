/** `parley games`: the registered games, their traits and default parameters. */
import { listGames } from '@parley/games';

export async function run(argv: string[]): Promise<number> {
  const games = listGames().map((g) => ({
    id: g.descriptor.id,
    name: g.descriptor.name,
    players: [g.descriptor.minPlayers, g.descriptor.maxPlayers],
    traits: g.descriptor.traits,
    defaultParams: g.descriptor.defaultParams,
  }));
  if (argv.includes('--json')) console.log(JSON.stringify(games));
  else
    for (const g of games)
      console.log(
        `${g.id.padEnd(10)} ${g.name.padEnd(22)} ${g.players[0]}–${g.players[1]} players  ${Object.values(g.traits).join(', ')}`,
      );
  return 0;
}
