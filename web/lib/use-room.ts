'use client';
/**
 * A match room over @colyseus/sdk, as React state. The room state is decoded by the SDK; this
 * hook turns it into plain snapshots, parsing each JSON field only when its text changed so that
 * unchanged parts keep their identity (and memoised components do not redraw).
 */
import { Client, type Room } from '@colyseus/sdk';
import type { MessageRecord } from '@parley/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface SeatState {
  seat: number;
  name: string;
  kind: string;
  connected: boolean;
  deciding: boolean;
  deadlineAt: number;
  bankMs: number;
}

export interface OwnView {
  seat: number;
  observation: unknown;
  legal: string[];
  decision: number;
  inbox: MessageRecord[];
  /** The seat's table settings as the match holds them; null until its person chose. */
  prefs: { muckLosing?: unknown } | null;
}

export interface RoomSnapshot {
  status: string;
  game: string;
  actions: number;
  spectator: unknown;
  press: MessageRecord[];
  returns: number[] | null;
  /** Spectators connected to the room now. */
  spectators: number;
  /** Spectators of a delayed match only: the game's broadcast view (poker: hands in play, names, equity); null otherwise. */
  broadcast: unknown;
  seats: SeatState[];
  view: OwnView | null;
}

export interface ArenaEndpoint {
  url: string | null;
  port: string;
}

export function arenaEndpoint(arena: ArenaEndpoint): string {
  if (arena.url) return arena.url;
  return `${window.location.protocol}//${window.location.hostname}:${arena.port}`;
}

type Parsed = Map<string, { text: string; value: unknown }>;

function parsed<T>(cache: Parsed, key: string, text: string | undefined, fallback: T): T {
  if (text === undefined) return fallback;
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.value as T;
  let value: unknown = fallback;
  try {
    value = JSON.parse(text);
  } catch {
    value = fallback;
  }
  cache.set(key, { text, value });
  return value as T;
}

function snapshot(state: any, cache: Parsed): RoomSnapshot {
  const seats: SeatState[] = [];
  state.seats?.forEach((s: SeatState) => {
    seats.push({
      seat: s.seat,
      name: s.name,
      kind: s.kind,
      connected: s.connected,
      deciding: s.deciding,
      deadlineAt: s.deadlineAt,
      bankMs: s.bankMs,
    });
  });
  let own: any = null;
  state.views?.forEach((v: any) => {
    if (v) own = v;
  });
  return {
    status: state.status,
    game: state.game,
    actions: state.actions,
    spectator: parsed(cache, 'spectator', state.spectator, null),
    press: parsed<MessageRecord[]>(cache, 'press', state.press, []),
    returns: parsed<number[] | null>(cache, 'returns', state.returns, null),
    spectators: state.spectators ?? 0,
    broadcast: parsed(cache, 'broadcast', [...(state.broadcast ?? [])][0]?.view, null),
    seats,
    view: own
      ? {
          seat: own.seat,
          observation: parsed(cache, 'observation', own.observation, null),
          legal: parsed<string[]>(cache, 'legal', own.legal, []),
          decision: own.decision,
          inbox: parsed<MessageRecord[]>(cache, 'inbox', own.inbox, []),
          prefs: parsed<OwnView['prefs']>(cache, 'prefs', own.prefs, null),
        }
      : null,
  };
}

export interface RoomNotice {
  kind: 'error' | 'ack' | 'info';
  text: string;
  at: number;
}

export function useMatchRoom(matchId: string, arena: ArenaEndpoint, token: string | null) {
  const [snap, setSnap] = useState<RoomSnapshot | null>(null);
  const [connection, setConnection] = useState<'connecting' | 'open' | 'closed' | 'failed'>('connecting');
  const [role, setRole] = useState<{ seat: number | null; role: 'player' | 'spectator' } | null>(null);
  const [notice, setNotice] = useState<RoomNotice | null>(null);
  const [finished, setFinished] = useState<number[] | null>(null);
  const [attempt, setAttempt] = useState(0);
  const roomRef = useRef<Room | null>(null);
  const arenaUrl = arena.url;
  const arenaPort = arena.port;

  useEffect(() => {
    let disposed = false;
    void attempt; // a new attempt reconnects
    const cache: Parsed = new Map();
    setConnection('connecting');
    setSnap(null);
    setRole(null);
    const client = new Client(arenaEndpoint({ url: arenaUrl, port: arenaPort }));
    client
      .joinById(matchId, token ? { token } : {})
      .then((room) => {
        if (disposed) {
          void room.leave();
          return;
        }
        roomRef.current = room;
        setConnection('open');
        room.onStateChange((state) => setSnap(snapshot(state, cache)));
        if (room.state) setSnap(snapshot(room.state, cache));
        room.onMessage('seat', (m: { seat: number | null; role: 'player' | 'spectator' }) => setRole(m));
        room.onMessage('error', (m: { code: string; message: string }) =>
          setNotice({ kind: 'error', text: `${m.message} (${m.code})`, at: Date.now() }),
        );
        room.onMessage('ack', (m: { applied: number }) =>
          setNotice({ kind: 'ack', text: `Sent (${m.applied} ${m.applied === 1 ? 'action' : 'actions'}).`, at: Date.now() }),
        );
        room.onMessage('finished', (m: { returns: number[] }) => setFinished(m.returns));
        room.onLeave((code: number, reason?: string) => {
          if (disposed) return;
          setConnection('closed');
          if (code === 4000 || reason) setNotice({ kind: 'info', text: reason ?? `disconnected (${code})`, at: Date.now() });
        });
        room.onReconnect(() => setConnection('open'));
      })
      .catch((error: unknown) => {
        if (disposed) return;
        setConnection('failed');
        setNotice({
          kind: 'error',
          text: `Could not join: ${error instanceof Error ? error.message : String(error)}`,
          at: Date.now(),
        });
      });
    return () => {
      disposed = true;
      const room = roomRef.current;
      roomRef.current = null;
      if (room) void room.leave(true).catch(() => undefined);
    };
  }, [matchId, arenaUrl, arenaPort, token, attempt]);

  const send = useCallback((type: 'act' | 'press' | 'ready' | 'prefs', payload: unknown) => {
    const room = roomRef.current;
    if (!room) {
      setNotice({ kind: 'error', text: 'Not connected.', at: Date.now() });
      return false;
    }
    room.send(type, payload);
    return true;
  }, []);

  const reconnect = useCallback(() => setAttempt((a) => a + 1), []);

  return { snap, connection, role, notice, setNotice, finished, send, reconnect };
}
