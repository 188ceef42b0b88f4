"""POST/GET/DELETE /subscriptions: the money routes.

The balance moves with ONE conditional update of the client document — "enough balance and not
yet in this fund" → `$inc` the balance and `$addToSet` the fund — the usual MongoDB way not to
overspend: on MongoDB a single-document find-and-modify is atomic. FerretDB v1 does not make it
atomic (it reads, applies and writes back), so two requests racing on one client can both pass
the filter there. Subscription and transaction documents are written after the balance, without
a multi-document transaction (FerretDB v1 has none): a crash in between loses the record."""
from typing import Literal

from beanie import UpdateResponse
from beanie.operators import AddToSet, Inc, Pull, Set
from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr

from . import views
from .models import Client, Fund, Subscription, Transaction, now
from .money import format_cents, parse_amount
from .paging import after, encode_cursor
from .problems import Problem
from .security import current_client

router = APIRouter(prefix="/subscriptions")


class SubscribeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    fundId: str = Field(min_length=1, max_length=64)
    amount: StrictInt | StrictFloat | StrictStr | None = None
    notify: bool | None = None


async def refuse(client: Client, fund: Fund, amount: int, code: str, detail: str, status=422):
    """A business refusal is recorded in the history as a failed transaction, then answered."""
    await Transaction(client_id=client.id, type="subscription", status="failed", fund_id=fund.id,
                      fund_name=fund.name, amount=amount, balance_after=client.balance,
                      reason={"code": code, "message": detail}).insert()
    raise Problem(status, code, detail)


@router.post("", status_code=201)
async def subscribe(body: SubscribeRequest, client: Client = Depends(current_client)) -> dict:
    fund = await Fund.get(body.fundId)
    if fund is None:
        raise Problem(404, "FUND_NOT_FOUND", f"El fondo {body.fundId} no existe.")
    amount = fund.minimum_amount if body.amount is None else parse_amount(body.amount)
    if amount is None:
        raise Problem(400, "VALIDATION_ERROR", "El monto debe ser mayor que cero, con dos decimales.")
    if not fund.active:
        await refuse(client, fund, amount, "FUND_INACTIVE", f"El fondo {fund.name} está cerrado.")
    if amount < fund.minimum_amount:
        await refuse(client, fund, amount, "AMOUNT_BELOW_MINIMUM",
                     f"El monto mínimo del fondo {fund.name} es {format_cents(fund.minimum_amount)}.")
    debited = await Client.find_one(
        {"_id": client.id, "balance": {"$gte": amount}, "active_funds": {"$ne": fund.id}}
    ).update(Inc({Client.balance: -amount}), AddToSet({Client.active_funds: fund.id}),
             response_type=UpdateResponse.NEW_DOCUMENT)
    if debited is None:
        fresh = await Client.get(client.id)
        if fund.id in fresh.active_funds:
            raise Problem(409, "ALREADY_SUBSCRIBED", f"Ya tiene una vinculación activa al fondo {fund.name}.")
        await refuse(fresh, fund, amount, "INSUFFICIENT_BALANCE",
                     f"No tiene saldo disponible para vincularse al fondo {fund.name}")
    subscription = Subscription(client_id=client.id, fund_id=fund.id, fund_name=fund.name, amount=amount)
    await subscription.insert()
    transaction = Transaction(client_id=client.id, type="subscription", status="completed",
                              fund_id=fund.id, fund_name=fund.name, subscription_id=subscription.id,
                              amount=amount, balance_after=debited.balance)
    await transaction.insert()
    return {"subscription": views.subscription(subscription),
            "transaction": views.transaction(transaction),
            "balance": format_cents(debited.balance)}


@router.delete("/{subscription_id}")
async def cancel(subscription_id: str, client: Client = Depends(current_client)) -> dict:
    cancelled = await Subscription.find_one(
        {"_id": subscription_id, "client_id": client.id, "status": "active"}
    ).update(Set({Subscription.status: "cancelled", Subscription.cancelled_at: now()}),
             response_type=UpdateResponse.NEW_DOCUMENT)
    if cancelled is None:
        existing = await Subscription.find_one({"_id": subscription_id, "client_id": client.id})
        if existing is None:
            raise Problem(404, "SUBSCRIPTION_NOT_FOUND", "La vinculación no existe.")
        raise Problem(409, "ALREADY_CANCELLED", "La vinculación ya fue cancelada.")
    refunded = await Client.find_one({"_id": client.id}).update(
        Inc({Client.balance: cancelled.amount}), Pull({Client.active_funds: cancelled.fund_id}),
        response_type=UpdateResponse.NEW_DOCUMENT)
    transaction = Transaction(client_id=client.id, type="cancellation", status="completed",
                              fund_id=cancelled.fund_id, fund_name=cancelled.fund_name,
                              subscription_id=cancelled.id, amount=cancelled.amount,
                              balance_after=refunded.balance)
    await transaction.insert()
    return {"subscription": views.subscription(cancelled),
            "transaction": views.transaction(transaction),
            "balance": format_cents(refunded.balance)}


@router.get("")
async def list_subscriptions(
    client: Client = Depends(current_client),
    status: Literal["active", "cancelled"] | None = None,
    limit: int = Query(20, ge=1, le=100),
    cursor: str | None = Query(None, max_length=200),
) -> dict:
    query = {"client_id": client.id, **after("subscribed_at", cursor)}
    if status:
        query["status"] = status
    page = (await Subscription.find(query).sort([("subscribed_at", -1), ("_id", -1)])
            .limit(limit + 1).to_list())
    more = len(page) > limit
    page = page[:limit]
    last = page[-1] if more else None
    return {"items": [views.subscription(s) for s in page],
            "nextCursor": encode_cursor(last.subscribed_at, last.id) if last else None}
