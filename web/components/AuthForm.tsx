'use client';

import type { SignInRequest, SignUpRequest } from '@parley/protocol';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

/** Sign in or sign up: a name and a password, posted to the arena through this app's /api. */
export function AuthForm({ mode }: { mode: 'signin' | 'signup' }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/auth/${mode}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password } satisfies SignInRequest | SignUpRequest),
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      if (!res.ok) {
        setError(body.message ?? `the arena answered ${res.status}`);
        return;
      }
      router.push('/');
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="panel stack auth-form" aria-label={mode === 'signin' ? 'Sign in' : 'Sign up'}>
      <label>
        Name
        <input
          name="name"
          autoComplete="username"
          required
          minLength={2}
          maxLength={30}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
          required
          minLength={mode === 'signup' ? 8 : 1}
          maxLength={256}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mode === 'signin' ? 'Sign in' : 'Create account'}
      </button>
    </form>
  );
}
