import Link from 'next/link';
import { AuthForm } from '../../components/AuthForm';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ link?: string }> }) {
  const { link } = await searchParams;
  return (
    <>
      <h1>Sign in</h1>
      {link && (
        <p className="error-box" role="alert">
          That sign-in link is used, expired or unknown. Restart the arena for a new one, or sign in below.
        </p>
      )}
      <AuthForm mode="signin" />
      <p className="muted">
        No account? <Link href="/signup">Sign up</Link>. Guests may watch every match and play against the built-in bots.
      </p>
    </>
  );
}
