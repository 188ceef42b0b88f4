"""Beanie documents: a client holds its balance (centavos) and the funds it is in; subscriptions
and transactions are documents of their own. String UUID ids, as the contract shows them."""
from datetime import datetime, timezone
from typing import Annotated
from uuid import uuid4

import pymongo
from beanie import Document, Indexed
from pydantic import Field


def new_id() -> str:
    return str(uuid4())


def now() -> datetime:
    # Milliseconds, as BSON stores them: the cursor of a page compares what was written.
    t = datetime.now(timezone.utc).replace(tzinfo=None)
    return t.replace(microsecond=t.microsecond // 1000 * 1000)


class Client(Document):
    id: str = Field(default_factory=new_id)
    email: Annotated[str, Indexed(unique=True)]
    password_hash: str
    full_name: str
    phone: str | None = None
    notification_preference: str
    role: str = "client"
    balance: int
    active_funds: list[str] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=now)

    class Settings:
        name = "clients"


class Fund(Document):
    id: str
    name: str
    minimum_amount: int
    category: str
    active: bool = True

    class Settings:
        name = "funds"


class Subscription(Document):
    id: str = Field(default_factory=new_id)
    client_id: str
    fund_id: str
    fund_name: str
    amount: int
    status: str = "active"
    subscribed_at: datetime = Field(default_factory=now)
    cancelled_at: datetime | None = None

    class Settings:
        name = "subscriptions"
        indexes = [
            [("client_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
             ("subscribed_at", pymongo.DESCENDING)],
        ]


class Transaction(Document):
    id: str = Field(default_factory=new_id)
    client_id: str
    type: str
    status: str
    fund_id: str
    fund_name: str
    subscription_id: str | None = None
    amount: int
    balance_after: int
    reason: dict | None = None
    created_at: datetime = Field(default_factory=now)

    class Settings:
        name = "transactions"
        indexes = [
            [("client_id", pymongo.ASCENDING), ("created_at", pymongo.DESCENDING),
             ("_id", pymongo.DESCENDING)],
        ]


DOCUMENTS = [Client, Fund, Subscription, Transaction]
