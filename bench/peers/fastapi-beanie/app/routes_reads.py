"""GET /funds, /me and /transactions (the caller's history, newest first, keyset pages)."""
from fastapi import APIRouter, Depends, Query

from . import views
from .models import Client, Fund, Transaction
from .paging import after, encode_cursor
from .security import current_client

router = APIRouter()


@router.get("/funds")
async def list_funds() -> dict:
    funds = await Fund.find_all().sort(+Fund.id).to_list()
    return {"items": [views.fund(f) for f in funds]}


@router.get("/me")
async def me(client: Client = Depends(current_client)) -> dict:
    return views.profile(client)


@router.get("/transactions")
async def history(
    client: Client = Depends(current_client),
    limit: int = Query(20, ge=1, le=100),
    cursor: str | None = Query(None, max_length=200),
) -> dict:
    query = {"client_id": client.id, **after("created_at", cursor)}
    page = (
        await Transaction.find(query)
        .sort([("created_at", -1), ("_id", -1)])
        .limit(limit + 1)
        .to_list()
    )
    more = len(page) > limit
    page = page[:limit]
    last = page[-1] if more else None
    return {
        "items": [views.transaction(t) for t in page],
        "nextCursor": encode_cursor(last.created_at, last.id) if last else None,
    }
