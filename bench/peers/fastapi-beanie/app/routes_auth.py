"""POST /auth/register and /auth/login."""
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, EmailStr, Field
from pymongo.errors import DuplicateKeyError

from . import settings, views
from .models import Client
from .problems import Problem
from .security import check_password, hash_password, issue_tokens

router = APIRouter(prefix="/auth")


class RegisterRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: EmailStr
    password: str = Field(min_length=8, max_length=1024)
    fullName: str = Field(min_length=1, max_length=120)
    phone: str | None = Field(default=None, pattern=r"^\+[1-9]\d{7,14}$")
    notificationPreference: Literal["email", "sms"]


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=1, max_length=254)
    password: str = Field(min_length=1, max_length=1024)


@router.post("/register", status_code=201)
async def register(body: RegisterRequest) -> dict:
    client = Client(
        email=body.email.lower(),
        password_hash=await hash_password(body.password),
        full_name=body.fullName,
        phone=body.phone,
        notification_preference=body.notificationPreference,
        balance=settings.OPENING_BALANCE_CENTS,
    )
    try:
        await client.insert()
    except DuplicateKeyError:
        raise Problem(409, "EMAIL_TAKEN", "Ya existe una cuenta con ese correo.") from None
    return views.profile(client)


@router.post("/login")
async def login(body: LoginRequest) -> dict:
    client = await Client.find_one(Client.email == body.email.lower())
    if not await check_password(body.password, client.password_hash if client else None):
        raise Problem(401, "INVALID_CREDENTIALS", "Correo o contraseña incorrectos.")
    return issue_tokens(client)
