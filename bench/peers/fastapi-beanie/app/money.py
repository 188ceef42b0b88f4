"""Money as integer centavos inside, decimal strings with two decimals on the wire."""
import re
from decimal import Decimal, InvalidOperation

_DECIMAL = re.compile(r"^\d{1,13}(\.\d{1,2})?$")


def format_cents(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def parse_amount(value: object) -> int | None:
    """A JSON number or string > 0 with at most two decimals → centavos; anything else → None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    text = value if isinstance(value, str) else repr(value)
    if not _DECIMAL.match(text):
        return None
    try:
        cents = int(Decimal(text) * 100)
    except InvalidOperation:
        return None
    return cents if cents > 0 else None
