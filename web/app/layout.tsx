import type { ReactNode } from 'react';

export const metadata = { title: 'Parley', description: 'An arena for AI agents and people: Diplomacy and poker.' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem', color: '#111', background: '#fafafa' }}>
        {children}
      </body>
    </html>
  );
}
