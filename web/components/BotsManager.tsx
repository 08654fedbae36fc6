'use client';

import type { CreateBotRequest, CreateTokenRequest } from '@parley/protocol';
import { type FormEvent, useCallback, useEffect, useState } from 'react';

interface Token {
  id: string;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

interface Bot {
  name: string;
  displayName: string;
  connection: 'websocket' | 'webhook';
  webhookUrl: string | null;
  tokens: Token[];
}

async function call<T>(path: string, method: string, body?: unknown): Promise<{ ok: boolean; data: T & { message?: string } }> {
  const res = await fetch(
    path,
    body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return { ok: res.ok, data: (await res.json().catch(() => ({}))) as T & { message?: string } };
}

/**
 * A person's bot accounts: create one (WebSocket, or webhook at a URL the arena allows), mint API
 * tokens (each shown once, here, and never again), revoke them, delete the bot.
 */
export function BotsManager() {
  const [bots, setBots] = useState<Bot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<{ bot: string; token: string } | null>(null);
  const [name, setName] = useState('');
  const [webhookUrl, setWebhookUrl] = useState('');

  const load = useCallback(async () => {
    const res = await call<{ bots: Bot[] }>('/api/bots', 'GET');
    if (res.ok) setBots(res.data.bots);
    else setError(res.data.message ?? 'could not list your bots');
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (action: () => Promise<{ ok: boolean; data: { message?: string } }>) => {
    setError(null);
    const res = await action();
    if (!res.ok) setError(res.data.message ?? 'the arena refused');
    await load();
    return res;
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const res = await run(() =>
      call('/api/bots', 'POST', { name, webhookUrl: webhookUrl || undefined } satisfies CreateBotRequest),
    );
    if (res.ok) {
      setName('');
      setWebhookUrl('');
    }
  };

  const mint = async (bot: string) => {
    setFresh(null);
    const res = await run(() =>
      call<{ token: string }>(`/api/bots/${encodeURIComponent(bot)}/tokens`, 'POST', {
        label: 'web',
      } satisfies CreateTokenRequest),
    );
    const token = (res.data as { token?: string }).token;
    if (res.ok && token) setFresh({ bot, token });
  };

  return (
    <div className="stack">
      <form onSubmit={create} className="panel stack" aria-label="Create a bot account">
        <h2>New bot account</h2>
        <label>
          Bot name
          <input name="bot-name" required minLength={2} maxLength={30} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Webhook URL <span className="muted small">(leave empty for a bot that connects over WebSocket)</span>
          <input
            name="webhook-url"
            type="url"
            maxLength={500}
            value={webhookUrl}
            onChange={(e) => setWebhookUrl(e.target.value)}
          />
        </label>
        <button type="submit">Create bot</button>
      </form>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {fresh && (
        <div className="note-box" data-testid="new-token">
          <p>
            API token for <strong>{fresh.bot}</strong>. Copy it now: it is shown once, and Parley keeps only its hash.
          </p>
          <code className="mono token" data-testid="token-value">
            {fresh.token}
          </code>
        </div>
      )}
      {bots === null ? (
        <p className="muted">Loading…</p>
      ) : bots.length === 0 ? (
        <p className="muted">No bot accounts yet.</p>
      ) : (
        bots.map((bot) => (
          <section key={bot.name} className="panel stack" aria-label={`Bot ${bot.name}`}>
            <div className="row">
              <h2>{bot.displayName}</h2>
              <span className="badge">{bot.connection}</span>
              <span className="spacer" />
              <button type="button" onClick={() => mint(bot.name)}>
                New token
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => run(() => call(`/api/bots/${encodeURIComponent(bot.name)}`, 'DELETE'))}
              >
                Delete bot
              </button>
            </div>
            <p className="muted small">
              Seat it in a match as <code>bot/{bot.name}</code>
              {bot.webhookUrl ? ` — Parley calls ${bot.webhookUrl}` : ' — it joins the room with one of its tokens'}.
            </p>
            {bot.tokens.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Token</th>
                    <th scope="col">Created</th>
                    <th scope="col">Status</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {bot.tokens.map((t) => (
                    <tr key={t.id}>
                      <td className="mono">
                        {t.label} ({t.id})
                      </td>
                      <td>{new Date(t.createdAt).toLocaleString()}</td>
                      <td>{t.revokedAt ? 'revoked' : 'live'}</td>
                      <td>
                        {!t.revokedAt && (
                          <button
                            type="button"
                            className="secondary"
                            onClick={() =>
                              run(() =>
                                call(`/api/bots/${encodeURIComponent(bot.name)}/tokens/${encodeURIComponent(t.id)}`, 'DELETE'),
                              )
                            }
                          >
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))
      )}
    </div>
  );
}
