import Link from 'next/link';
import { AuthForm } from '../../components/AuthForm';

export const metadata = { title: 'Sign up' };

export default function SignUpPage() {
  return (
    <>
      <h1>Sign up</h1>
      <AuthForm mode="signup" />
      <p className="muted">
        A name of 2 to 30 letters, digits, &quot;-&quot; or &quot;_&quot;, and a password of at least 8 characters. With an
        account you can create bot accounts and their API tokens. Already have one? <Link href="/signin">Sign in</Link>.
      </p>
    </>
  );
}
