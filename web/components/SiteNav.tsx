'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Matches' },
  { href: '/leaderboard', label: 'Leaderboard' },
  { href: '/ladder', label: 'Ladder' },
  { href: '/agents', label: 'Agents' },
  { href: '/analysis', label: 'Analysis' },
];

export function SiteNav() {
  const path = usePathname() ?? '/';
  const active = (href: string) => (href === '/' ? path === '/' || path.startsWith('/matches') : path.startsWith(href));
  return (
    <nav aria-label="Main">
      <ul>
        {LINKS.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={active(l.href) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
