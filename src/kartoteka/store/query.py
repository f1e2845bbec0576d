"""One query language for both backends, parsed once and translated to FTS5 MATCH and to a PostgreSQL tsquery.

Syntax: words (implicitly AND-ed), `"phrases"`, `prefix*`, `AND`, `OR`, `NOT`, parentheses.
`NOT` excludes what follows it from the terms it stands with (`stalin NOT trotsky`); a query of
nothing but `NOT` terms matches nothing. Anything else (punctuation, quotes left open, SQL) is read
as words: the parser never raises, and its output contains only quoted word tokens and operators, so
it is passed to the database as one bound parameter and can never run SQL.

Word tokens are what both full-text engines index: runs of letters and digits (`\\w`, minus `_`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN_RE = re.compile(r"[^\W_]+")
_LEX_RE = re.compile(r'"([^"]*)"?|\(|\)|[^\s()"]+')
MAX_TERMS = 64


@dataclass(frozen=True)
class Term:
    """A word, a phrase (several tokens in order) or a prefix (`tokens[-1]` is a prefix)."""

    tokens: tuple[str, ...]
    prefix: bool = False
    #: Other spellings of this word (each a token tuple), filled in by name expansion.
    variants: tuple[tuple[str, ...], ...] = ()

    @property
    def is_phrase(self) -> bool:
        return len(self.tokens) > 1


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]
    excluded: tuple[Node, ...] = ()


Node = Term | Or | And


@dataclass
class Query:
    text: str
    root: Node | None
    words: list[Term] = field(default_factory=list)  # single-word, non-prefix terms (name expansion)


def _tokens(s: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN_RE.findall(s))


def parse(text: str) -> Query:
    """Parse a user query. Never raises; an empty or meaningless query has `root is None`."""
    lexemes: list[tuple[str, str]] = []
    for m in _LEX_RE.finditer(text or ""):
        if m.group(1) is not None or m.group(0).startswith('"'):
            toks = _tokens(m.group(1) or "")
            if toks:
                lexemes.append(("term", " ".join(toks)))
            continue
        lex = m.group(0)
        if lex in ("(", ")"):
            lexemes.append((lex, lex))
        elif lex in ("AND", "OR", "NOT"):
            lexemes.append(("op", lex))
        else:
            prefix = lex.endswith("*")
            toks = _tokens(lex)
            if not toks:
                continue
            lexemes.append(("prefix" if prefix else "term", " ".join(toks)))
        if len(lexemes) > 4 * MAX_TERMS:
            break
    parser = _Parser(lexemes)
    root = parser.expr()
    root = _simplify(root) if root is not None else None
    words: list[Term] = []
    if root is not None:
        _collect_words(root, words)
    return Query(text=text, root=root, words=words)


class _Parser:
    def __init__(self, lexemes: list[tuple[str, str]]):
        self.lx = lexemes
        self.i = 0
        self.terms = 0

    def peek(self) -> tuple[str, str] | None:
        return self.lx[self.i] if self.i < len(self.lx) else None

    def expr(self, depth: int = 0) -> Node | None:
        items = []
        while True:
            node = self.conj(depth)
            if node is not None:
                items.append(node)
            nxt = self.peek()
            if nxt == ("op", "OR"):
                self.i += 1
                continue
            if nxt is None or nxt[0] == ")":
                break
        if not items:
            return None
        return items[0] if len(items) == 1 else Or(tuple(items))

    def conj(self, depth: int) -> Node | None:
        items: list[Node] = []
        excluded: list[Node] = []
        negate = False
        while True:
            nxt = self.peek()
            if nxt is None or nxt == ("op", "OR") or nxt[0] == ")":
                if nxt is not None and nxt[0] == ")" and depth == 0:
                    self.i += 1  # an unbalanced ")" is ignored
                    continue
                break
            self.i += 1
            kind, value = nxt
            if kind == "op":
                if value == "NOT":
                    negate = True
                continue
            if kind == "(":
                node = self.expr(depth + 1) if depth < 8 else None
                if self.peek() is not None and self.peek()[0] == ")":
                    self.i += 1
            else:
                self.terms += 1
                if self.terms > MAX_TERMS:
                    continue
                node = Term(tuple(value.split()), prefix=(kind == "prefix"))
            if node is None:
                negate = False
                continue
            (excluded if negate else items).append(node)
            negate = False
        if not items:
            return None  # nothing positive to stand with: NOT-only groups match nothing
        if len(items) == 1 and not excluded:
            return items[0]
        return And(tuple(items), tuple(excluded))


def _simplify(node: Node) -> Node:
    if isinstance(node, Term):
        return node
    if isinstance(node, Or):
        flat: list[Node] = []
        for n in map(_simplify, node.items):
            flat.extend(n.items if isinstance(n, Or) else (n,))
        return Or(tuple(flat))
    return And(tuple(map(_simplify, node.items)), tuple(map(_simplify, node.excluded)))


def _collect_words(node: Node, out: list[Term]) -> None:
    if isinstance(node, Term):
        if not node.prefix and not node.is_phrase:
            out.append(node)
    elif isinstance(node, Or):
        for n in node.items:
            _collect_words(n, out)
    else:
        for n in node.items:
            _collect_words(n, out)


def with_variants(node: Node, variants: dict[str, list[tuple[str, ...]]]) -> Node:
    """Attach other spellings to single-word terms (`variants` maps a lowercased word to token tuples)."""
    if isinstance(node, Term):
        if not node.prefix and not node.is_phrase and variants.get(node.tokens[0]):
            extra = tuple(v for v in variants[node.tokens[0]] if v != node.tokens)
            return Term(node.tokens, False, extra)
        return node
    if isinstance(node, Or):
        return Or(tuple(with_variants(n, variants) for n in node.items))
    return And(tuple(with_variants(n, variants) for n in node.items),
               tuple(with_variants(n, variants) for n in node.excluded))


# -- FTS5 ---------------------------------------------------------------------------------------------
def _fts_tokens(tokens: tuple[str, ...], prefix: bool = False) -> str:
    quoted = '"' + " ".join(tokens) + '"'
    return quoted + " *" if prefix else quoted


def to_fts5(node: Node) -> str:
    """An FTS5 MATCH expression: every token double-quoted, so no FTS5 syntax can come from the user."""
    if isinstance(node, Term):
        alts = [_fts_tokens(node.tokens, node.prefix)] + [_fts_tokens(v) for v in node.variants]
        return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(n) for n in node.items) + ")"
    pos = " AND ".join(to_fts5(n) for n in node.items)
    if len(node.items) > 1:
        pos = "(" + pos + ")"
    if not node.excluded:
        return pos
    neg = " OR ".join(to_fts5(n) for n in node.excluded)
    return f"({pos} NOT ({neg}))"


# -- PostgreSQL ---------------------------------------------------------------------------------------
def _pg_tokens(tokens: tuple[str, ...], prefix: bool = False) -> str:
    parts = [f"'{t}'" for t in tokens]
    if prefix:
        parts[-1] += ":*"
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def to_tsquery(node: Node) -> str:
    """A tsquery string for `to_tsquery('simple', ...)`: lexemes quoted, operators & | ! <->."""
    if isinstance(node, Term):
        alts = [_pg_tokens(node.tokens, node.prefix)] + [_pg_tokens(v) for v in node.variants]
        return alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(n) for n in node.items) + ")"
    parts = [to_tsquery(n) for n in node.items] + ["!" + to_tsquery(n) for n in node.excluded]
    return "(" + " & ".join(parts) + ")"


def terms(node: Node | None) -> list[Term]:
    """Every positive term (for locating the match inside a block)."""
    out: list[Term] = []
    if node is None:
        return out
    if isinstance(node, Term):
        out.append(node)
    else:
        for n in node.items:
            out.extend(terms(n))
    return out
