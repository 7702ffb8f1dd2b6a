"""Memos that live as long as one request: what a page asks for twice is read once.

``RequestMemoMiddleware`` opens a fresh memo for each request; ``per_request(key, build)``
returns ``build()`` once per request and key. Outside a request (the shell, a management
command, a test calling a function directly) nothing is kept: ``build()`` runs every time,
so code behaves exactly as without the memo.
"""

import contextvars

_memo = contextvars.ContextVar("veiviser_request_memo", default=None)


def per_request(key, build):
    memo = _memo.get()
    if memo is None:
        return build()
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = build()
        return value


def drop(*keys):
    """Forget ``keys`` in this request's memo (after a write that changes them)."""
    memo = _memo.get()
    if memo is not None:
        for key in keys:
            memo.pop(key, None)


class RequestMemoMiddleware:
    """Gives each request its own memo, and takes it away afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Seeded with what a middleware above already read (the page cache: the stamp).
        token = _memo.set(dict(getattr(request, "memo_seed", ())))
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
