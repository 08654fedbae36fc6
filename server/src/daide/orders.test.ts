/**
 * Convoy routes named with VIA: read from a SUB, checked against the board when the order is given
 * (the notes a DAIDE server gives: NAS, NSF, FAR), and rebuilt for the ORD from the convoy orders.
 */
import type { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './codec';
import { convoyRoute, routeNote, translateOrder } from './orders';

/** Parley's ids: the English Channel (DAIDE ECH) is `eng`. */
const fleets = (...seas: string[]): Diplomacy.Unit[] => seas.map((province) => ({ power: 'england', type: 'F', province }));
const orderOf = (text: string) => parseMessage(`SUB ( ${text} )`)[1] as Parameters<typeof translateOrder>[0];

describe('CTO … VIA', () => {
  it('reads the route in order, and refuses a malformed one', () => {
    expect(translateOrder(orderOf('( ENG AMY LON ) CTO NWY VIA ( NTH )'))).toMatchObject({
      ok: true,
      text: 'A LON - NWY VIA',
      route: ['nth'],
    });
    expect(translateOrder(orderOf('( ENG AMY LON ) CTO TUN VIA ( ECH MAO WES )'))).toMatchObject({
      route: ['eng', 'mao', 'wes'],
    });
    expect(translateOrder(orderOf('( ENG AMY LON ) CTO NWY VIA NTH'))).toEqual({ ok: false, note: 'NSP' });
    expect(translateOrder(orderOf('( ENG AMY LON ) CTO NWY VIA ( )'))).toEqual({ ok: false, note: 'NSP' });
    expect(translateOrder(orderOf('( ENG AMY LON ) CTO NWY HLD ( NTH )'))).toEqual({ ok: false, note: 'NSP' });
  });

  it('notes a route through land (NAS), without a fleet (NSF) or out of order (FAR)', () => {
    const board = fleets('eng', 'mao', 'wes', 'nth');
    expect(routeNote(['eng', 'mao', 'wes'], 'lon', 'tun', board)).toBeNull();
    expect(routeNote(['nth'], 'lon', 'nwy', board)).toBeNull();
    expect(routeNote(['yor'], 'lon', 'nwy', board)).toBe('NAS');
    expect(routeNote(['nwg'], 'lon', 'nwy', board)).toBe('NSF');
    expect(routeNote(['mao', 'eng', 'wes'], 'lon', 'tun', board)).toBe('FAR');
    expect(routeNote(['eng', 'mao'], 'lon', 'tun', board)).toBe('FAR');
  });

  it('rebuilds the shortest route through the convoying fleets for the ORD', () => {
    expect(convoyRoute('lon', 'tun', ['wes', 'mao', 'eng', 'iri'])).toEqual(['eng', 'mao', 'wes']);
    expect(convoyRoute('lon', 'nwy', ['nth'])).toEqual(['nth']);
    expect(convoyRoute('lon', 'tun', ['eng'])).toEqual([]);
  });
});
