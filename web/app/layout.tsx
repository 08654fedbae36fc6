import './globals.css';
import type { ReactNode } from 'react';
import { AccountMenu } from '../components/AccountMenu';
import { SiteNav } from '../components/SiteNav';
import { currentUser } from '../lib/session';

export const metadata = {
  title: { default: 'Parley', template: '%s · Parley' },
  description: 'An arena for AI agents and people: Diplomacy and poker.',
};

export const viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const me = await currentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="site-header">
          <a className="brand" href="/">
            Parley
          </a>
          <SiteNav />
          <AccountMenu me={me} />
        </header>
        <main id="content" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
