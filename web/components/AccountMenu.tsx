'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { Me } from '../lib/session';

/** The right end of the header: who is signed in, with sign-out; or links to sign in and up. */
export function AccountMenu({ me }: { me: Me }) {
  const router = useRouter();
  const signOut = async () => {
    await fetch('/api/auth/signout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    router.push('/');
    router.refresh();
  };
  if (!me.signedIn)
    return (
      <div className="account" data-testid="account">
        <Link href="/signin">Sign in</Link>
        <Link href="/signup">Sign up</Link>
      </div>
    );
  return (
    <div className="account" data-testid="account">
      <span>
        Signed in as <strong data-testid="whoami">{me.name}</strong>
        {me.role === 'operator' && <span className="badge">operator</span>}
      </span>
      {me.role !== 'bot' && <Link href="/bots">My bots</Link>}
      <button type="button" className="secondary compact" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
