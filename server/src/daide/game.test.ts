/**
 * Whole games over TCP: Parley's DAIDE server, its reference client (client.ts) and Parley's own
 * bots, through the one match runtime. No test waits on the real clock: the clients answer at
 * once, and deadlines are driven through an injected clock.
 */
import { createAgent } from '@parley/agents';
import { getGame } from '@parley/games';
import { afterEach, describe, expect, it } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import { DaideTestClient } from './client';
import type { DaideClock } from './clock';
import { type DaideServer, startDaideServer } from './server';

class FakeClock implements DaideClock {
  private t = 0;
  private timers: { at: number; fn: () => void }[] = [];
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  };
  advance(ms: number) {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.fn();
  }
}

const diplomacy = getGame('diplomacy');
let server: DaideServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const bots = (n: number) => Array.from({ length: n }, () => createAgent('heuristic', 'diplomacy'));

describe('a DAIDE client plays whole games against Parley bots (press level 0)', () => {
  it('plays 1901–1902 from NME to OFF, with an observer watching', async () => {
    server = await startDaideServer({ port: 0 });
    const austria = new DaideTestClient({ port: server.port, name: 'TestBot', version: '1.0', seed: 3 });
    const russia = new DaideTestClient({ port: server.port, name: 'OtherBot', version: '2', seed: 4, sendGof: true });
    const watcher = new DaideTestClient({ port: server.port, observe: true });
    await Promise.all([austria.connect(), russia.connect(), watcher.connect()]);
    const [d0, d5] = [createAgent('daide', 'diplomacy'), createAgent('daide', 'diplomacy')];
    const agents = [d0, ...bots(4), d5, ...bots(1)];
    const { record } = await runMatch({ game: diplomacy, params: { lastYear: 1902 }, seed: 11, agents, deadlineMs: 60_000 });
    await Promise.all([austria.done, russia.done]);

    expect(austria.power).toBe('AUS');
    expect(russia.power).toBe('RUS');
    const t = austria.transcript;
    expect(t[0]).toBe("YES ( NME ( 'TestBot' ) ( '1.0' ) )");
    expect(t[1]).toBe("MAP ( 'standard' )");
    expect(t.find((m) => m.startsWith('MDF'))).toContain(
      '( STP ( AMY FIN LVN MOS NWY ) ( ( FLT NCS ) BAR NWY ) ( ( FLT SCS ) GOB FIN LVN ) )',
    );
    expect(t.find((m) => m.startsWith('HLO'))).toMatch(/^HLO \( AUS \) \( \d+ \) \( \( LVL 0 \) \)$/);
    const first = t.find((m) => m.startsWith('NOW ( SPR 1901 )'))!;
    for (const unit of ['( AUS AMY BUD )', '( AUS FLT TRI )', '( RUS FLT ( STP SCS ) )', '( TUR FLT ANK )'])
      expect(first).toContain(unit);
    expect(first.match(/\( [A-Z]{3} (AMY|FLT) /g)).toHaveLength(22);
    // Every order the client gave was accepted, and every phase it ordered in was resolved with its orders.
    const notes = t.filter((m) => m.startsWith('THX')).map((m) => m.match(/\( (\w{3}) \)$/)?.[1]);
    expect(notes.length).toBeGreaterThan(0);
    expect(new Set(notes)).toEqual(new Set(['MBV']));
    expect(record.actions.filter((a) => a.actor === 0 && a.fallback !== undefined)).toEqual([]);
    expect(t.filter((m) => m.startsWith('ORD ( SPR 1901 ) ( ( AUS')).length).toBe(3);
    // The end: SCO, NOW, SMR naming both DAIDE bots, then OFF.
    expect(t.at(-1)).toBe('OFF');
    const summary = t.at(-2)!;
    expect(summary).toMatch(/^SMR \( WIN 1902 \)|^SMR \( AUT 1902 \)|^SMR \( FAL 1902 \)|^SMR \( SPR 1903 \)/);
    expect(summary).toContain("( AUS ( 'TestBot' ) ( '1.0' )");
    expect(summary).toContain("( RUS ( 'OtherBot' ) ( '2' )");
    expect(record.returns.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    // The observer saw every position the players saw, and no HLO.
    const nows = (c: DaideTestClient) => c.transcript.filter((m) => m.startsWith('NOW'));
    expect(nows(watcher)).toEqual(nows(austria));
    expect(watcher.transcript.some((m) => m.startsWith('HLO'))).toBe(false);
    expect(russia.transcript.filter((m) => m === 'YES ( GOF )').length).toBeGreaterThan(0);
    watcher.close();
  });

  it('plays out a missed deadline: the seat is announced in civil disorder, and its units hold', async () => {
    const clock = new FakeClock();
    server = await startDaideServer({ port: 0, clock });
    const silent = new DaideTestClient({ port: server.port, name: 'Sleepy', silent: true });
    const other = new DaideTestClient({ port: server.port, name: 'Awake', seed: 2 });
    await Promise.all([silent.connect(), other.connect()]);
    // Each time the silent bot is told its time (TME, at every decision), let that time run out.
    let ticking = true;
    const tick = async () => {
      while (ticking) {
        await Promise.race([silent.next('TME'), silent.done]);
        clock.advance(600_000);
      }
    };
    void tick();
    const agents = [createAgent('daide', 'diplomacy'), createAgent('daide', 'diplomacy'), ...bots(5)];
    const { record } = await runMatch({ game: diplomacy, params: { lastYear: 1901 }, seed: 5, agents, deadlineMs: 600_000 });
    ticking = false;
    await other.done;
    expect(other.transcript).toContain('CCD ( AUS )');
    const spring = record.actions.filter((a) => a.actor === 0).slice(0, 3);
    expect(spring.map((a) => [a.action, a.fallback]).sort()).toEqual([
      ['A BUD H', 'missing'],
      ['A VIE H', 'missing'],
      ['F TRI H', 'missing'],
    ]);
  });

  it('answers MIS, rejects orders for the wrong turn, and notes bad orders', async () => {
    server = await startDaideServer({ port: 0 });
    const bot = new DaideTestClient({ port: server.port, name: 'Prober', silent: true });
    await bot.connect();
    const agents = [createAgent('daide', 'diplomacy'), ...bots(6)];
    const match = runMatch({ game: diplomacy, params: { lastYear: 1901 }, seed: 1, agents, deadlineMs: 600_000 });
    await bot.next('TME');
    bot.send(
      'SUB ( ( AUS AMY BUD ) MTO SER ) ( ( AUS AMY VIE ) MTO MUN ) ( ( AUS FLT TRI ) MTO BUD ) ( ( FRA AMY PAR ) HLD ) ( ( AUS AMY SER ) HLD )',
    );
    const mis = await bot.next('MIS');
    expect(bot.transcript.filter((m) => m.startsWith('THX'))).toEqual([
      'THX ( ( AUS AMY BUD ) MTO SER ) ( MBV )',
      'THX ( ( AUS AMY VIE ) MTO MUN ) ( FAR )',
      'THX ( ( AUS FLT TRI ) MTO BUD ) ( CST )',
      'THX ( ( FRA AMY PAR ) HLD ) ( NYU )',
      'THX ( ( AUS AMY SER ) HLD ) ( NSU )',
    ]);
    expect(mis).toBe('MIS ( AUS FLT TRI ) ( AUS AMY VIE )');
    bot.send('SUB ( FAL 1901 ) ( ( AUS AMY VIE ) HLD )');
    expect(await bot.next('REJ')).toBe('REJ ( SUB ( FAL 1901 ) ( ( AUS AMY VIE ) HLD ) )');
    bot.send('SUB ( ( AUS AMY VIE ) RTO GAL )');
    expect(await bot.next('THX')).toBe('THX ( ( AUS AMY VIE ) RTO GAL ) ( NRS )');
    bot.send('NOT ( GOF )');
    expect(await bot.next('YES')).toBe('YES ( NOT ( GOF ) )');
    bot.send('SUB ( SPR 1901 ) ( ( AUS AMY VIE ) HLD ) ( ( AUS FLT TRI ) HLD )');
    expect(await bot.next('MIS')).toBe('MIS');
    bot.send('GOF');
    expect(await bot.next('ORD ( SPR 1901 ) ( ( AUS AMY BUD )')).toMatch(/MTO SER \) \( (SUC|BNC) \)$/);
    bot.close();
    await match;
  });
});

describe('press level 10 between DAIDE bots', () => {
  it('carries a peace proposal and its acceptance as Parley press, the acceptance as a commitment', async () => {
    server = await startDaideServer({ port: 0, level: 10 });
    const austria = new DaideTestClient({ port: server.port, name: 'Dove', seed: 1 });
    const russia = new DaideTestClient({ port: server.port, name: 'Bear', seed: 2 });
    await Promise.all([austria.connect(), russia.connect()]);
    void austria.next('HLO').then(() => austria.send('SND ( RUS ) ( PRP ( PCE ( AUS RUS ) ) )'));
    const agents = [createAgent('daide', 'diplomacy'), ...bots(4), createAgent('daide', 'diplomacy'), ...bots(1)];
    const { record } = await runMatch({
      game: diplomacy,
      params: { lastYear: 1902 },
      seed: 2,
      agents,
      deadlineMs: 60_000,
      pressRounds: 2,
    });
    await Promise.all([austria.done, russia.done]);
    expect(austria.transcript.find((m) => m.startsWith('HLO'))).toMatch(/\( \( LVL 10 \) \( PDA \) \)$/);
    expect(austria.transcript).toContain('YES ( SND ( RUS ) ( PRP ( PCE ( AUS RUS ) ) ) )');
    const proposal = record.messages.find((m) => m.text === 'PRP ( PCE ( AUS RUS ) )');
    expect(proposal).toMatchObject({ from: 0, to: [5] });
    expect(proposal?.commitments).toBeUndefined();
    const reply = record.messages.find((m) => m.text === 'YES ( PRP ( PCE ( AUS RUS ) ) )');
    expect(reply).toMatchObject({ from: 5, to: [0], commitments: [{ kind: 'no-attack', target: 0 }] });
    expect(russia.transcript).toContain('FRM ( AUS ) ( RUS ) ( PRP ( PCE ( AUS RUS ) ) )');
    expect(austria.transcript).toContain('FRM ( RUS ) ( AUS ) ( YES ( PRP ( PCE ( AUS RUS ) ) ) )');
  });

  it('answers press at level 0 with HUH', async () => {
    server = await startDaideServer({ port: 0 });
    const bot = new DaideTestClient({ port: server.port, name: 'Mute', silent: true });
    await bot.connect();
    const match = runMatch({
      game: diplomacy,
      params: { lastYear: 1901 },
      seed: 1,
      agents: [createAgent('daide', 'diplomacy'), ...bots(6)],
      deadlineMs: 600_000,
    });
    await bot.next('TME');
    bot.send('SND ( RUS ) ( PRP ( PCE ( AUS RUS ) ) )');
    expect(await bot.next('HUH')).toBe('HUH ( ERR SND ( RUS ) ( PRP ( PCE ( AUS RUS ) ) ) )');
    bot.send('DRW ( AUS RUS )'); // a draw among named powers needs PDA (level 10)
    expect(await bot.next('HUH ( ERR DRW')).toBe('HUH ( ERR DRW ( AUS RUS ) )');
    bot.send('GOF');
    bot.close();
    await match;
  }, 60_000);

  it('notes VIA routes, refuses SVE and LOD, calls DSD and AOA bad syntax, and takes a draw naming every survivor but no other', async () => {
    server = await startDaideServer({ port: 0, level: 10 });
    const bot = new DaideTestClient({ port: server.port, name: 'Prober', silent: true });
    await bot.connect();
    const agents = [createAgent('daide', 'diplomacy'), ...bots(6)];
    const match = runMatch({ game: diplomacy, params: { lastYear: 1901 }, seed: 1, agents, deadlineMs: 600_000 });
    await bot.next('TME');
    bot.send('SUB ( ( AUS AMY BUD ) CTO ALB VIA ( ADR ) ) ( ( AUS AMY VIE ) CTO ALB VIA ( TRI ) )');
    await bot.next('MIS');
    expect(bot.transcript.filter((m) => m.startsWith('THX'))).toEqual([
      'THX ( ( AUS AMY BUD ) CTO ALB VIA ( ADR ) ) ( NSF )',
      'THX ( ( AUS AMY VIE ) CTO ALB VIA ( TRI ) ) ( NAS )',
    ]);
    const exchanges = [
      ["SVE ( 'g' )", "REJ ( SVE ( 'g' ) )"],
      ["LOD ( 'g' )", "REJ ( LOD ( 'g' ) )"],
      // DSD and AOA are options a server offers in HLO, never commands: bad syntax from a client.
      ['DSD', 'HUH ( ERR DSD )'],
      ['AOA', 'HUH ( ERR AOA )'],
      ['DRW ( AUS RUS )', 'REJ ( DRW ( AUS RUS ) )'],
      ['DRW ( AUS ENG FRA GER ITA RUS TUR )', 'YES ( DRW ( AUS ENG FRA GER ITA RUS TUR ) )'],
    ];
    for (const [ask, answer] of exchanges) {
      bot.send(ask!);
      expect(await bot.next(answer!)).toBe(answer);
    }
    bot.send('GOF');
    bot.close();
    await match;
  });
});
