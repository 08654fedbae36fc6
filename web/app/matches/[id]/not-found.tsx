import Link from 'next/link';

/** A match address that names no match: a deleted demo match, a mistyped link, an old invite. */
export default function MatchNotFound() {
  return (
    <div className="stack">
      <h1>Match not found</h1>
      <p>
        No match has this address. It may have been a demo match the arena has since cleared away, or the link may be mistyped. A
        seat token in the link does not help: the seat belonged to that match.
      </p>
      <p>
        <Link className="btn" href="/">
          Back to the matches
        </Link>
      </p>
    </div>
  );
}
