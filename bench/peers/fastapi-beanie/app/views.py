"""Documents → the contract's JSON shapes (camelCase, money as decimal strings, ISO-8601 UTC)."""
from datetime import datetime

from .models import Client, Fund, Subscription, Transaction
from .money import format_cents


def iso(t: datetime | None) -> str | None:
    return None if t is None else t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def profile(c: Client) -> dict:
    return {"id": c.id, "email": c.email, "fullName": c.full_name, "phone": c.phone,
            "notificationPreference": c.notification_preference, "role": c.role,
            "balance": format_cents(c.balance), "currency": "COP", "createdAt": iso(c.created_at),
            "emailVerified": False, "phoneVerified": False}


def fund(f: Fund) -> dict:
    return {"id": f.id, "name": f.name, "minimumAmount": format_cents(f.minimum_amount),
            "category": f.category, "active": f.active}


def subscription(s: Subscription) -> dict:
    return {"id": s.id, "fundId": s.fund_id, "fundName": s.fund_name,
            "amount": format_cents(s.amount), "status": s.status,
            "subscribedAt": iso(s.subscribed_at), "cancelledAt": iso(s.cancelled_at)}


def transaction(t: Transaction) -> dict:
    return {"id": t.id, "type": t.type, "status": t.status, "fundId": t.fund_id,
            "fundName": t.fund_name, "subscriptionId": t.subscription_id,
            "amount": format_cents(t.amount), "balanceAfter": format_cents(t.balance_after),
            "reason": t.reason, "createdAt": iso(t.created_at)}
