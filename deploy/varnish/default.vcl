# Varnish in front of Veiviser's gunicorn instances (docs/scaling.md).
#
# Anonymous GET/HEAD pages are kept as long as Veiviser says they are public (Cache-Control),
# for an hour here, and served stale for a day if every backend is down. Each publish, move,
# restriction or settings change sends a BAN for everything (core/frontend_cache.py), and
# wagtail.contrib.frontend_cache a PURGE for the page's own addresses, so nothing is stale.
# A page is kept no longer than until a notice appears or goes (X-Cache-Until). While the
# backend is healthy an expired page is fetched anew, not served stale; grace is for outages.
# Editors (a session cookie), the admin and /healthz pass straight through.
vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .probe = { .url = "/healthz"; .timeout = 2s; .interval = 5s; .window = 5; .threshold = 3; }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) { return (synth(405, "Not allowed")); }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) { return (synth(405, "Not allowed")); }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") { return (pass); }
    if (req.url ~ "^/(admin|django-admin|healthz)") { return (pass); }
    if (req.http.Cookie ~ "(^|; )sessionid=") { return (pass); }
    # Pages are the same for every anonymous reader: the language is in the address.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    if (std.healthy(req.backend_hint)) { set req.grace = 0s; }
    return (hash);
}

sub vcl_backend_fetch {
    # What is fetched here may be kept for an hour: Veiviser checks the publication stamp on
    # such a fetch instead of answering from a process's copy (core/page_cache.py).
    set bereq.http.X-Shared-Cache-Fill = "1";
}

sub vcl_hash {
    # One site: the address alone, so a PURGE sent with the site's own host name matches.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.ttl = 1h;
    if (beresp.http.X-Cache-Until) {
        set beresp.ttl = std.time(beresp.http.X-Cache-Until, now + 1h) - now;
        if (beresp.ttl > 1h) { set beresp.ttl = 1h; }
        unset beresp.http.X-Cache-Until;
    }
    set beresp.grace = 24h;
    unset beresp.http.Vary;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "HIT";
    } else {
        set resp.http.X-Varnish-Cache = "MISS";
    }
}
