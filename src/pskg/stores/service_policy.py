"""Whether a request to ``pskg serve``'s endpoint would make the machine fetch a URL (SERVICE, LOAD).

Oxigraph runs ``SERVICE <any URL>`` (and, when writable, ``LOAD <any URL>``): an
endpoint open to others would fetch whatever URL they name, from this machine's
network. The front server therefore refuses such requests unless ``pskg serve
--allow-service`` (the default on a loopback ``--host`` only, where the users are
this machine's own).

The query is parsed (rdflib's SPARQL parser) and its parse tree searched, so the
word SERVICE in a string, an IRI or a comment refuses nothing. Two parsers may
disagree on a text; every disagreement must end in a refusal, never in a fetch:

- rdflib expands ``\\uXXXX`` escapes over the whole text before parsing, Oxigraph
  only inside strings and IRIs, so an escaped quote could hide a SERVICE from
  rdflib. The escapes are replaced by a plain letter first, which both read as one
  character of the same string or IRI.
- rdflib's comments end at a line feed only, Oxigraph's at a carriage return too,
  so ``# x\\rSERVICE ...`` is a SERVICE to Oxigraph: carriage returns become line
  feeds first.
- A text rdflib cannot parse that mentions SERVICE or LOAD is refused (it may be
  syntax Oxigraph has and rdflib lacks); one that does not goes on to Oxigraph,
  which answers its own syntax error.
"""

from __future__ import annotations

import ipaddress
import re
import threading
import urllib.parse
from collections.abc import Iterable, Iterator

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

#: The option that allows them, named in every refusal.
OPTION = "--allow-service"
#: Parse-tree nodes that fetch a URL: SPARQL 1.1 federated query, and Update's LOAD.
FETCHING = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
#: Cheap first look: a text without these letters cannot fetch anything (keywords are not escapable).
_MENTION = re.compile(r"service|load", re.IGNORECASE)
#: The same, as words: what an unparsed text is refused for.
_WORD = re.compile(r"\b(service|load)\b", re.IGNORECASE)
#: Longer texts are not parsed (the parser is slow on them); they are refused if they mention either word.
MAX_PARSED = 64 * 1024
_ESCAPE = re.compile(r"\\\\|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}")
_FORM = "application/x-www-form-urlencoded"
_PARAMETERS = {"query", "update"}
#: pyparsing's caches are shared by every thread; the front server is threaded.
_LOCK = threading.Lock()


def is_loopback(host: str) -> bool:
    """Whether ``host`` (``pskg serve --host``) only accepts connections from this machine."""
    name = host.strip("[]")
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def fetching_operations(text: str) -> tuple[set[str], bool]:
    """The operations in a query or update text that fetch a URL ("SERVICE", "LOAD"), and whether the text
    was parsed (if not, the keywords it mentions, whether or not they are keywords there)."""
    if not _MENTION.search(text):
        return set(), True
    if len(text) <= MAX_PARSED:
        neutral = _ESCAPE.sub(lambda match: match.group() if match.group() == "\\\\" else "u", text)
        neutral = neutral.replace("\r", "\n")
        for parse in (parseQuery, parseUpdate):
            try:
                with _LOCK:
                    tree = parse(neutral)
            except Exception:  # a syntax error, or any failure of the parser (deep nesting): not parsed
                continue
            return {FETCHING[name] for name in _node_names(tree) if name in FETCHING}, True
    return {word.upper() for word in _WORD.findall(text)}, False


def _node_names(node: object) -> Iterator[str]:
    """The names of every node of an rdflib parse tree."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CompValue):
            yield current.name
            stack.extend(current.values())
        elif isinstance(current, (ParseResults, list, tuple)):
            stack.extend(current)
        elif isinstance(current, dict):
            stack.extend(current.values())


def request_texts(raw_query: str, headers: dict[str, str], body: bytes | None) -> Iterable[str]:
    """Every query or update text a request to the endpoint carries: the URL's ``query``/``update``
    parameters, a form body's, or a whole body of any other type (read as a query, whatever its label)."""
    texts = [value for key, value in urllib.parse.parse_qsl(raw_query, keep_blank_values=True) if _wanted(key)]
    if body:
        text = body.decode("utf-8", errors="replace")
        media = headers.get("content-type", "").split(";")[0].strip().lower()
        if media == _FORM:
            texts += [value for key, value in urllib.parse.parse_qsl(text, keep_blank_values=True) if _wanted(key)]
        else:
            texts.append(text)
    return texts


def _wanted(key: str) -> bool:
    return key.strip().lower() in _PARAMETERS


def refusal(raw_query: str, headers: dict[str, str], body: bytes | None) -> str | None:
    """Why the request is refused when fetching is not allowed (None: it fetches nothing)."""
    found: set[str] = set()
    unchecked = False
    for text in request_texts(raw_query, headers, body):
        operations, parsed = fetching_operations(text)
        found |= operations
        unchecked |= bool(operations) and not parsed
    if not found:
        return None
    words = " and ".join(sorted(found))
    why = (
        f"it mentions {words} and could not be parsed here to check that it fetches nothing"
        if unchecked
        else f"{words} makes this server fetch a URL"
    )
    return f"refused: {why}; federated queries are off (start pskg serve with {OPTION} to allow them)"
