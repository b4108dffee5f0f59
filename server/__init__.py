"""The central server (FastAPI over the same db/ models and app/ rules); built in the sync issue."""
