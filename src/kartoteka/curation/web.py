"""The web's curation form, mounted only by `kartoteka serve --editable --user NAME` (the default server stays
read-only).

GET /curate shows the form (every decision kind), the trail and the orphans; POST /curate/decide records one decision
as the server's user. The pages (facts, person card, reader) post the same decisions from small forms of their own,
with a `next` path to return to.
Each POST needs the CSRF token of the form: an HMAC, under a per-process secret, of a random
nonce held in a SameSite=Strict, HttpOnly cookie; a cross-site Origin is refused too. The reason is required. Writes
go through their own connection (the reader's connection stays read-only).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from html import escape
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

from kartoteka.curation.model import KINDS, Decision
from kartoteka.errors import InputError
from kartoteka.store.backend import connect

COOKIE = "kt_csrf"
PREFIX = "/curate"
_FIELDS = (("report", "report (number or sha256)"), ("id", "fact / person id (f-..., p-..., cp-...)"),
           ("other", "other person id (merge)"), ("start", "start"), ("end", "end"),
           ("mentions", "mentions to split off (S:E S:E)"), ("type", "type"), ("year", "year"),
           ("modality", "modality"), ("person", "person id (fact edit/add)"), ("name", "name (rename, split)"),
           ("alias", "alias"), ("replacement", "replacement (correction add)"), ("text", "note text"),
           ("decision", "decision id (revoke)"))


class Curator:
    def __init__(self, url: str, user: str):
        self.url = url
        self.user = user
        self.secret = secrets.token_bytes(32)
        self.store = connect(url, create=False)
        self.lock = threading.Lock()

    def token(self, nonce: str) -> str:
        return hmac.new(self.secret, nonce.encode(), hashlib.sha256).hexdigest()

    def check(self, nonce: str | None, token: str | None) -> bool:
        return bool(nonce and token) and hmac.compare_digest(self.token(nonce), token)


def set_nonce(response, nonce: str) -> None:
    """The CSRF nonce cookie, sent with every request of the site (the pages embed forms too)."""
    response.set_cookie(COOKIE, nonce, httponly=True, samesite="strict", path="/")


def _next(form: dict) -> str | None:
    """Where a form on a page asked to go back to: a path of this site only."""
    target = form.get("next") or ""
    if not target.startswith("/") or target.startswith("//") or "\\" in target or any(c < " " for c in target):
        return None
    return target


def _int(form: dict, key: str) -> int:
    try:
        return int(form.get(key, ""))
    except ValueError:
        raise InputError(f"{key} must be a number") from None


def build(store, form: dict[str, str], user: str) -> Decision:
    """A decision from the form's fields (the same targets as the CLI builds)."""
    from kartoteka.curation import targets as t

    kind, report = form.get("kind", ""), form.get("report") or None
    payload: dict = {}
    supersedes = None
    if kind in ("fact.confirm", "fact.reject", "fact.edit"):
        sha, target = t.fact_target(store, form.get("id", ""), report)
        if kind == "fact.edit":
            payload = {k: form[k] for k in ("type", "modality") if form.get(k)}
            if form.get("year"):
                payload["year"] = _int(form, "year")
            if form.get("person"):
                payload["person"] = t.person_target(store, form["person"], sha)[1]
            if not payload:
                raise InputError("nothing to edit: give type, year, modality or person")
    elif kind == "fact.add":
        sha, target = t.span_target(store, report or "", _int(form, "start"), _int(form, "end"))
        if not form.get("type"):
            raise InputError("fact.add needs a type")
        payload = {"type": form["type"], "year": _int(form, "year") if form.get("year") else None,
                   "modality": form.get("modality") or "asserted"}
        if form.get("person"):
            payload["person"] = t.person_target(store, form["person"], sha)[1]
    elif kind.startswith("person."):
        sha, target = t.person_target(store, form.get("id", ""), report)
        if kind == "person.merge":
            payload = {"other": t.person_target(store, form.get("other", ""), sha)[1]}
        elif kind == "person.split":
            spans = []
            for item in form.get("mentions", "").split():
                a, _, b = item.partition(":")
                spans.append((_int({"s": a}, "s"), _int({"e": b}, "e")))
            payload = {"mentions": t.mention_spans(store, sha, spans), "name": form.get("name", "")}
        elif kind == "person.rename":
            payload = {"name": form.get("name", "")}
        elif kind == "person.alias":
            payload = {"alias": form.get("alias", "")}
        if any(v == "" for v in payload.values()):
            raise InputError(f"{kind} needs {', '.join(k for k, v in payload.items() if v == '')}")
    elif kind.startswith("correction.") or kind == "note":
        sha, target = t.span_target(store, report or "", _int(form, "start"), _int(form, "end"),
                                    prefix="c" if kind != "note" else None)
        if kind == "correction.add":
            payload = {"replacement": form.get("replacement", "")}
        elif kind == "note":
            payload = {"text": form.get("text", "")}
    elif kind == "revoke":
        supersedes = form.get("decision", "")
        sha = store.scalar("SELECT report FROM decisions WHERE id = ?", (supersedes,))
        if sha is None:
            raise InputError(f"no decision {supersedes!r}")
        target = {"id": supersedes}
    else:
        raise InputError(f"unknown decision kind {kind!r}")
    return Decision(report=sha, kind=kind, target=target, payload=payload, author=user,
                    reason=form.get("reason", ""), supersedes=supersedes)


def _page(curator: Curator, nonce: str, message: str = "", error: str = "") -> str:
    from kartoteka.curation.store import load, orphans

    with curator.lock:
        decisions = load(curator.store)[-50:]
        lost = orphans(curator.store)
    opts = "".join(f'<option value="{escape(k)}">{escape(k)}</option>' for k in KINDS)
    fields = "".join(f'<p><label>{escape(label)} <input name="{name}"></label></p>' for name, label in _FIELDS)
    def where(d: Decision) -> str:
        return str(d.target.get("id") or (d.target.get("start"), d.target.get("end")))

    rows = "".join(
        f"<tr><td>{escape(d.id)}</td><td>{escape(d.created_at)}</td><td>{escape(d.author)}</td>"
        f"<td>{escape(d.kind)}</td><td>{escape(where(d))}</td><td>{escape(d.reason)}</td></tr>"
        for d in reversed(decisions))
    orphan_rows = "".join(f"<li>{escape(o['decision']['id'])} ({escape(o['decision']['kind'])}): "
                          f"{escape(o['why'])}</li>" for o in lost)
    note = (f'<p class="ok">{escape(message)}</p>' if message else "") + (
        f'<p class="error" role="alert">{escape(error)}</p>' if error else "")
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>kartoteka: curate</title>"
        '<link rel="stylesheet" href="/static/style.css"></head><body><main>'
        f"<h1>Curate</h1><p>Signed decisions as <strong>{escape(curator.user)}</strong>.</p>{note}"
        f'<form method="post" action="{PREFIX}/decide">'
        f'<input type="hidden" name="csrf" value="{curator.token(nonce)}">'
        f'<p><label>decision <select name="kind">{opts}</select></label></p>{fields}'
        '<p><label>reason (required) <input name="reason" required></label></p>'
        '<p><button type="submit">Record decision</button></p></form>'
        f"<h2>Orphaned decisions ({len(lost)})</h2><ul>{orphan_rows}</ul>"
        "<h2>Latest decisions</h2><table><tr><th>id</th><th>when</th><th>who</th><th>kind</th><th>target</th>"
        f"<th>reason</th></tr>{rows}</table></main></body></html>"
    )


def router(curator: Curator) -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get(PREFIX, response_class=HTMLResponse)
    def form(request: Request, done: str = ""):
        nonce = request.cookies.get(COOKIE) or secrets.token_hex(16)
        message = f"recorded {done}" if done else ""
        response = HTMLResponse(_page(curator, nonce, message))
        set_nonce(response, nonce)
        return response

    @r.post(f"{PREFIX}/decide")
    async def decide(request: Request):
        from kartoteka.curation.store import record

        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            return JSONResponse({"detail": "cross-site request refused"}, status_code=403)
        body = (await request.body()).decode("utf-8", "replace")
        form = {k: v[0].strip() for k, v in parse_qs(body, keep_blank_values=True).items()}
        nonce = request.cookies.get(COOKIE)
        if not curator.check(nonce, form.get("csrf")):
            return JSONResponse({"detail": "missing or wrong CSRF token (reload the form)"}, status_code=403)
        if not form.get("reason"):
            return HTMLResponse(_page(curator, nonce or "", error="a reason is required"), status_code=400)
        try:
            with curator.lock:
                d = record(curator.store, build(curator.store, form, curator.user))
        except InputError as error:
            return HTMLResponse(_page(curator, nonce or "", error=str(error)), status_code=400)
        back = _next(form)
        if back:
            back = back.split("#")[0]
            return RedirectResponse(f"{back}{'&' if '?' in back else '?'}done={d.id}", status_code=303)
        return RedirectResponse(f"{PREFIX}?done={d.id}", status_code=303)

    return r


def install(app: FastAPI, url: str, user: str) -> Curator:
    """Mount the curation form on `app` (the caller lets POST through to `/curate/` only)."""
    if not user.strip():
        raise InputError("--editable needs --user NAME (or $KARTOTEKA_USER)")
    curator = Curator(url, user.strip())
    app.state.curator = curator
    app.include_router(router(curator))
    return curator
