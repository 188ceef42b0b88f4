"""Configuration from the environment, read once at import (every uvicorn worker reads the same)."""
import os
from urllib.parse import urlsplit

MONGODB_URI = os.environ.get("MONGODB_URI", "mongodb://127.0.0.1:27017/btg_funds")


def _database_name(uri: str) -> str:
    # A database of its own next to btg-funds' on the same server: the same storage engine, and
    # no collection or index of one implementation ever meets the other's.
    base = urlsplit(uri).path.lstrip("/") or "btg_funds"
    return os.environ.get("PEER_DATABASE", f"{base}_fastapi_beanie")


DATABASE = _database_name(MONGODB_URI)
BCRYPT_COST = int(os.environ.get("BCRYPT_COST") or 12)
# run.sh generates one secret per run when none is given, so that every worker signs alike.
JWT_SECRET = os.environ.get("JWT_SECRET") or "dev-only-secret-change-me-please-32b"
JWT_TTL_S = 900
OPENING_BALANCE_CENTS = 50_000_000  # COP 500.000,00
