"""RFC 9457 problem answers, with the stable code and a Spanish detail, as the contract has them."""
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException


class Problem(Exception):
    def __init__(self, status: int, code: str, detail: str):
        self.status, self.code, self.detail = status, code, detail


def problem_response(status: int, code: str, detail: str, errors=None) -> JSONResponse:
    body = {"type": "about:blank", "title": code, "status": status, "detail": detail, "code": code}
    if errors is not None:
        body["errors"] = errors[:20]
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def install(app) -> None:
    @app.exception_handler(Problem)
    async def on_problem(_: Request, exc: Problem):
        return problem_response(exc.status, exc.code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_: Request, exc: RequestValidationError):
        errors = [
            {"path": ".".join(str(p) for p in e["loc"][1:]), "message": e["msg"]}
            for e in exc.errors()
        ]
        return problem_response(400, "VALIDATION_ERROR", "La solicitud no es válida.", errors)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_: Request, exc: StarletteHTTPException):
        code = {401: "UNAUTHENTICATED", 404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}
        return problem_response(exc.status_code, code.get(exc.status_code, "HTTP_ERROR"), str(exc.detail))
