"""Who is asking: the client's address, also behind the proxies production trusts."""

from django.conf import settings


def client_address(request):
    """The address of the client that sent ``request``.

    Without trusted proxies (``VEIVISER_TRUSTED_PROXIES = 0``, the default) it is the peer of the
    connection. Behind N trusted proxies each appends the address it saw to X-Forwarded-For, so
    the client is the N-th entry from the right; entries left of it are whatever the client
    claimed and are never trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "VEIVISER_TRUSTED_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    return hops[-proxies] if len(hops) >= proxies else hops[0]
