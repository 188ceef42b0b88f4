"""bcrypt off the event loop (Starlette's thread pool), HS256 JWTs, and the bearer dependency that
loads the caller's document on every request, as FastAPI's security tutorial does it."""
import secrets
import time

import bcrypt
import jwt
from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from . import settings
from .models import Client
from .problems import Problem

ISSUER, AUDIENCE = "btg-funds-fastapi", "btg-funds"
_bearer = HTTPBearer(auto_error=False)
# Compared against when the e-mail is unknown, so both failures cost one hash.
_DUMMY_HASH = bcrypt.hashpw(b"not-a-password", bcrypt.gensalt(settings.BCRYPT_COST))


async def hash_password(password: str) -> str:
    salt = bcrypt.gensalt(settings.BCRYPT_COST)
    hashed = await run_in_threadpool(bcrypt.hashpw, password.encode(), salt)
    return hashed.decode()


async def check_password(password: str, hashed: str | None) -> bool:
    target = hashed.encode() if hashed else _DUMMY_HASH
    ok = await run_in_threadpool(bcrypt.checkpw, password.encode(), target)
    return ok and hashed is not None


def issue_tokens(client: Client) -> dict:
    issued = int(time.time())
    claims = {"sub": client.id, "role": client.role, "iss": ISSUER, "aud": AUDIENCE,
              "iat": issued, "exp": issued + settings.JWT_TTL_S}
    return {
        "accessToken": jwt.encode(claims, settings.JWT_SECRET, algorithm="HS256"),
        "tokenType": "Bearer",
        "expiresIn": settings.JWT_TTL_S,
        # Refresh is out of this stand-in's scope (the bench never refreshes): an opaque value.
        "refreshToken": secrets.token_urlsafe(32),
    }


async def current_client(
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
) -> Client:
    if credentials is None:
        raise Problem(401, "UNAUTHENTICATED", "Falta el token de acceso.")
    try:
        claims = jwt.decode(credentials.credentials, settings.JWT_SECRET, algorithms=["HS256"],
                            audience=AUDIENCE, issuer=ISSUER)
    except jwt.PyJWTError:
        raise Problem(401, "UNAUTHENTICATED", "El token de acceso no es válido.") from None
    client = await Client.get(claims["sub"])
    if client is None:
        raise Problem(401, "UNAUTHENTICATED", "El token de acceso no es válido.")
    return client
