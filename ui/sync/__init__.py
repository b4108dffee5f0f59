"""Desktop sync: the background lane, status, sign-in, first-sync progress, conflicts and the outbox."""
