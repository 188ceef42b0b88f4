"""The FastAPI application: Beanie initialised on PyMongo's async client at start-up, the five funds
of the statement seeded idempotently, the routes under /api/v1."""
from contextlib import asynccontextmanager

from beanie import init_beanie
from fastapi import FastAPI
from pymongo import AsyncMongoClient
from pymongo.errors import DuplicateKeyError

from . import problems, settings
from .models import DOCUMENTS, Fund
from .routes_auth import router as auth_router
from .routes_reads import router as reads_router
from .routes_subscriptions import router as subscriptions_router

SEEDED_FUNDS = [
    ("1", "FPV_BTG_PACTUAL_RECAUDADORA", 7_500_000, "FPV"),
    ("2", "FPV_BTG_PACTUAL_ECOPETROL", 12_500_000, "FPV"),
    ("3", "DEUDAPRIVADA", 5_000_000, "FIC"),
    ("4", "FDO-ACCIONES", 25_000_000, "FIC"),
    ("5", "FPV_BTG_PACTUAL_DINAMICA", 10_000_000, "FPV"),
]


async def seed_funds() -> None:
    funds = Fund.get_pymongo_collection()
    for fund_id, name, minimum, category in SEEDED_FUNDS:
        doc = {"name": name, "minimum_amount": minimum, "category": category, "active": True}
        try:  # $setOnInsert: an admin's later edits survive a restart
            await funds.update_one({"_id": fund_id}, {"$setOnInsert": doc}, upsert=True)
        except DuplicateKeyError:
            pass  # another worker inserted it first


@asynccontextmanager
async def lifespan(_: FastAPI):
    mongo = AsyncMongoClient(settings.MONGODB_URI)
    await init_beanie(database=mongo[settings.DATABASE], document_models=DOCUMENTS)
    await seed_funds()
    yield
    await mongo.close()


app = FastAPI(title="btg-funds (FastAPI + Beanie stand-in)", lifespan=lifespan)
problems.install(app)
for router in (auth_router, reads_router, subscriptions_router):
    app.include_router(router, prefix="/api/v1")
