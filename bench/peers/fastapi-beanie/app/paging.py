"""Keyset paging: the cursor is the (createdAt, id) of the last item, opaque to callers."""
import base64
import binascii
from datetime import datetime, timezone

from .problems import Problem


def encode_cursor(created_at: datetime, item_id: str) -> str:
    ms = int(created_at.replace(tzinfo=timezone.utc).timestamp() * 1000)
    return base64.urlsafe_b64encode(f"{ms}:{item_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        ms, item_id = raw.split(":", 1)
        at = datetime.fromtimestamp(int(ms) / 1000, timezone.utc).replace(tzinfo=None)
    except (ValueError, binascii.Error, UnicodeDecodeError, OverflowError):
        raise Problem(400, "INVALID_CURSOR", "El cursor de paginación no es válido.") from None
    return at, item_id


def after(field: str, cursor: str | None) -> dict:
    """The filter that continues a newest-first list after `cursor`."""
    if cursor is None:
        return {}
    at, item_id = decode_cursor(cursor)
    return {"$or": [{field: {"$lt": at}}, {field: at, "_id": {"$lt": item_id}}]}
