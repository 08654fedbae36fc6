import Link from 'next/link';
import { BotsManager } from '../../components/BotsManager';
import { currentUser } from '../../lib/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'My bots and tokens' };

export default async function BotsPage() {
  const me = await currentUser();
  return (
    <>
      <h1>My bots and tokens</h1>
      {me.role === 'person' || me.role === 'operator' ? (
        <BotsManager />
      ) : (
        <p className="muted">
          <Link href="/signin">Sign in</Link> or <Link href="/signup">sign up</Link> to create bot accounts and their API tokens.
        </p>
      )}
    </>
  );
}
