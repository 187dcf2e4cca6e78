"""The rule that merges speakers across articles: which stored speaker a new name joins.

Within one article the resolver already gives every speaker its most complete name and a
type; across articles the store must decide whether ``Xi`` in one article and ``President Xi
Jinping`` in another are one speaker. This module is that decision and nothing else: it
parses person names (titles, descriptors, possessives stripped; case and accents folded),
says under which index keys a speaker is filed and which keys a new name looks up, picks the
candidate a new name merges with (or none), the display name kept after a merge, a
readable id for a new speaker, and ``settle``, which merges all the names of a store at once
in an order of their own, so that the same articles give the same speakers and ids whatever
order they came in. It is pure: no database, no state. docs/SPEAKERS.md explains the rule
for users.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

PERSON = "person"

# Titles, ranks and descriptors stripped from the front of a person name, folded. Everything
# before the last of them is dropped too ("U.S. Secretary of State John Kerry", "Chinese
# President Xi"), as long as a name is left after it.
TITLES = frozenset(
    """mr mrs ms miss mx messrs mme mlle dr doctor prof professor sen sens senator rep reps
    representative congressman congresswoman congressmember assemblyman assemblywoman
    assemblymember councilman councilwoman councilmember councillor councilor alderman gov
    governor lt lieutenant president pres vice secretary sec undersecretary gen general col
    colonel maj major capt captain cmdr commander adm admiral sgt sergeant cpl corporal pvt rev
    reverend msgr pastor rabbi imam ayatollah sheikh sheik cardinal bishop archbishop judge
    justice mayor chairman chairwoman chair chairperson speaker sir dame lord baroness baron
    minister chancellor king queen prince princess pope emperor empress ambassador envoy
    commissioner attorney leader chief director deputy acting assistant spokesman spokeswoman
    spokesperson adviser advisor aide candidate nominee hopeful premier former ex elect late
    ceo cfo coo executive officer manager strategist whip superintendent sheriff detective
    inspector constable treasurer comptroller auditor solicitor prosecutor coach""".split()
)
# Title words that are also surnames: a name made of one of them alone is kept ("Mr. King"
# is Larry King's "King"), where a name made only of other titles ("the president") is none.
SURNAME_TITLES = frozenset(
    """king queen prince pope judge justice chancellor speaker major general bishop cardinal
    chief leader baron""".split()
)
# Words that may follow "<title> of" as part of the title: "Secretary of State",
# "Minister of Foreign Affairs", "Secretary of Health and Human Services".
DEPARTMENTS = frozenset(
    """state defense defence treasury homeland security health human services labor labour
    energy commerce education agriculture interior justice transportation transport veterans
    affairs housing urban development foreign home finance economy economic trade industry
    culture environment information communications war navy army air force staff exchequer
    united nations""".split()
)
SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))
# Lower-case words that belong to the surname that follows them: "Bill de Blasio",
# "Ursula von der Leyen", "Mohammed bin Salman".
PARTICLES = frozenset(
    "de da di del della dello dei degli des du la le van von der den ter ten dos das do bin ibn bint".split()
)
PRONOUNS = frozenset(
    "he him his she her hers they them their we us i me you it who one someone somebody".split()
)
# A last word that makes a "name" an institution, never a person ("the Justice Department"
# must not become a person "Department" once the title "Justice" is stripped).
ORG_NOUNS = frozenset(
    """department ministry office committee council agency bureau commission campaign
    administration government party company corporation corp inc ltd llc university
    association institute foundation police authority organisation organization union
    senate congress parliament cabinet embassy consulate""".split()
)
# Letters that Unicode decomposition does not turn into ASCII.
_TRANSLIT = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"}
)  # fmt: skip
_APOSTROPHES = "'\u2019\u2018`\u02bc"
_QUOTES_RE = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
_BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EDGE_PUNCT = " \t-\u2013\u2014:;!?/\\|*_~" + _APOSTROPHES
_POSSESSIVE_RE = re.compile(rf"[{_APOSTROPHES}]s$", re.IGNORECASE)
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.){2,}")
_HYPHEN_PARTICLE_RE = re.compile(r"^(al|el)-(.+)$", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")


def _ascii_fold(text: str) -> str:
    """Lower case, accents removed, the few letters NFKD keeps turned into ASCII."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _fold_word(word: str) -> str:
    """One name word folded for comparison: ``O'Neill`` → ``oneill``, ``J.`` → ``j``."""
    return "".join(ch for ch in _ascii_fold(word) if ch.isalnum())


@lru_cache(maxsize=262_144)
def normalise(name: str) -> str:
    """The form under which non-person names must be equal to merge.

    Case, accents and punctuation folded (periods and apostrophes deleted, so ``U.S.`` is
    ``us``), ``&`` read as ``and``, a leading ``the`` dropped: ``The Kremlin`` → ``kremlin``.
    """
    text = _ascii_fold(name).replace("&", " and ")
    text = re.sub(rf"[.{_APOSTROPHES}]", "", text)
    words = re.sub(r"[\W_]+", " ", text).split()  # letters of any script are kept
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _is_person(type: str | None) -> bool:
    return (type or "").strip().lower() == PERSON


@dataclass(frozen=True)
class PersonName:
    """A parsed person name: titles stripped, accents and case folded in the keys."""

    given: tuple[str, ...]  # given names and initials, folded ("donald", "j"), in order
    surname: str  # folded surname, lower-case particles included ("trump", "de blasio")
    suffix: str | None  # "jr", "sr", "ii", "iii", "iv" folded, or None
    display: str  # the name as it should be shown, titles stripped ("Donald J. Trump")

    @property
    def core(self) -> str:
        """The surname without its particles: what ``Blasio``, ``de Blasio`` share."""
        return self.surname.split()[-1]

    @property
    def words(self) -> tuple[str, ...]:
        return (*self.given, self.core)


def _clean_token(token: str, last: bool) -> str:
    token = token.strip(_EDGE_PUNCT + ",").lstrip(".")
    if last:
        token = _POSSESSIVE_RE.sub("", token).rstrip(_APOSTROPHES)
    return token


def _is_title(folded: Sequence[str], raw: Sequence[str], i: int) -> bool:
    if folded[i] == "lady":
        return i > 0 and folded[i - 1] == "first"
    parts = [_fold_word(p) for p in raw[i].split("-") if _fold_word(p)]
    return bool(parts) and any(p in TITLES for p in parts) and all(p in TITLES for p in parts)


def _title_end(folded: Sequence[str], i: int) -> int:
    """Index of the last word of the title starting at ``i`` ("Secretary of the Treasury")."""
    k = i + 1
    if k < len(folded) and folded[k] == "of":
        k += 1
        if k < len(folded) and folded[k] == "the":
            k += 1
        end = i
        while k < len(folded):
            if folded[k] in DEPARTMENTS:
                end = k
            elif not (folded[k] in ("and", "for") and k + 1 < len(folded) and folded[k + 1] in DEPARTMENTS):
                break
            k += 1
        return end
    return i


def _has_name_word(folded: Sequence[str]) -> bool:
    return any(w and not w.isdigit() and w not in SUFFIXES for w in folded)


def _only_titles(folded: Sequence[str]) -> bool:
    """True for a "name" that is only a title ("the president"); "King" alone is a surname."""
    if len(folded) == 1 and folded[0] in SURNAME_TITLES:
        return False
    return all(w in TITLES or w in DEPARTMENTS or w in ("of", "the", "first", "lady") for w in folded)


def _split_initials(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        if _INITIALS_RE.fullmatch(token):
            out.extend(part + "." for part in token.split(".") if part)
        else:
            out.append(token)
    return out


@lru_cache(maxsize=262_144)
def parse_person(name: str) -> PersonName | None:
    """Parse a person name, or None when nothing name-like is left.

    Strips titles and descriptors (``Mr.``, ``President``, ``Vice President``, ``Sen.``,
    ``Secretary of State``, ``Prime Minister``, ``former`` …) with whatever precedes them
    (``Chinese President Xi`` → ``Xi``), parentheses (``(D-Mass.)``), what follows a comma
    unless it is a suffix (``Donald Trump, Jr.``), a possessive ``'s``, leading lower-case
    descriptors (``billionaire Donald Trump``) and stray punctuation.

    >>> parse_person("U.S. Secretary of State John F. Kerry's")
    PersonName(given=('john', 'f'), surname='kerry', suffix=None, display='John F. Kerry')
    """
    text = unicodedata.normalize("NFC", name or "")
    text = _QUOTES_RE.sub(" ", _BRACKETS_RE.sub(" ", text))
    head, *rest = text.split(",")
    for part in rest:  # keep "Jr." after a comma, drop "D-Mass." and the like
        if _fold_word(part) in SUFFIXES and len(part.split()) == 1:
            head += " " + part
        else:
            break
    pieces = head.replace("&", " and ").split()
    tokens = [_clean_token(t, i == len(pieces) - 1) for i, t in enumerate(pieces)]
    tokens = [t for t in tokens if any(ch.isalnum() for ch in t)]
    folded = [_fold_word(t) for t in tokens]
    if len(tokens) > 1 and folded[-1] in ORG_NOUNS:
        return None
    cut = 0
    for i in range(len(tokens) - 1, -1, -1):
        if _is_title(folded, tokens, i):
            end = _title_end(folded, i)
            if _has_name_word(folded[end + 1 :]):
                cut = end + 1
                break
    tokens, folded = tokens[cut:], folded[cut:]
    if "and" in folded:
        return None  # "Bill and Hillary Clinton" is a group, not a person
    capitalised = [t[:1].isupper() for t in tokens]
    while tokens and (
        folded[0] == "the"
        or (not capitalised[0] and any(capitalised[1:]) and not (folded[0] in PARTICLES and len(tokens) > 1))
    ):
        tokens, folded, capitalised = tokens[1:], folded[1:], capitalised[1:]
    suffix = None
    if len(tokens) > 1 and folded[-1] in SUFFIXES:
        suffix = folded[-1]
    words = tokens[:-1] if suffix else tokens
    if not words or not any(len(w) > 1 and not w.isdigit() for w in folded[: len(words)]):
        return None
    word_folds = folded[: len(words)]
    if len(words) == 1 and (word_folds[0] in PRONOUNS or word_folds[0] == "the"):
        return None
    if _only_titles(word_folds):
        return None
    display = " ".join(tokens)
    words = _split_initials(words)
    last = words[-1]
    surname = [_fold_word(last)]
    prefixed = _HYPHEN_PARTICLE_RE.match(last)  # "al-Assad" is "Assad" to compare
    if prefixed and _fold_word(prefixed.group(2)):
        surname = [prefixed.group(1).lower(), _fold_word(prefixed.group(2))]
    given = words[:-1]
    while given and given[-1][:1].islower() and _fold_word(given[-1]) in PARTICLES:
        surname.insert(0, _fold_word(given.pop()))
    return PersonName(
        given=tuple(_fold_word(w) for w in given),
        surname=" ".join(surname),
        suffix=suffix,
        display=display,
    )


def display_name(name: str, type: str) -> str:
    """The display name of a new speaker: a person's without titles, others as written."""
    clean = _SPACE_RE.sub(" ", name).strip()
    if _is_person(type):
        person = parse_person(clean)
        return person.display if person else clean
    return clean


def _dedupe(keys: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(keys))


def _compact(person: PersonName) -> str:
    return "".join(person.given) + person.surname.replace(" ", "")


def index_keys(name: str, type: str) -> list[str]:
    """The keys under which a speaker with this name is indexed.

    File a speaker under the keys of every name merged into it (its aliases), then any name
    that may merge with it shares a key with one of them (``lookup_keys``). Persons:
    ``p:<surname>``, ``pf:<first name>`` for a two-word name (so ``Xi`` finds ``Xi
    Jinping``), ``pc:<all letters>`` (so ``Kim Jong-un`` finds ``Kim Jong Un``). Other types:
    ``o:<normalised name>``.
    """
    if not _is_person(type):
        key = normalise(name)
        return [f"o:{key}"] if key else []
    person = parse_person(name)
    if person is None:
        key = normalise(name)
        return [f"p=:{key}"] if key else []
    keys = [f"p:{person.core}"]
    if len(person.given) == 1 and person.suffix is None:
        keys.append(f"pf:{person.given[0]}")
    if person.given:
        keys.append(f"pc:{_compact(person)}")
    return _dedupe(keys)


def lookup_keys(name: str, type: str) -> list[str]:
    """The keys to look up for a new mention, to find the speakers it might merge with."""
    if not _is_person(type):
        return index_keys(name, type)
    person = parse_person(name)
    if person is None:
        return index_keys(name, type)
    keys = [f"p:{person.core}"]
    if person.given:
        keys += [f"p:{person.given[0]}", f"pc:{_compact(person)}"]
    else:
        keys.append(f"pf:{person.core}")
    return _dedupe(keys)


@dataclass(frozen=True)
class KnownSpeaker:
    """A stored speaker as ``choose`` sees it."""

    id: str
    name: str  # current display name
    type: str
    aliases: tuple[str, ...]  # every name merged into it so far
    mentions: int  # how many attributions so far


def _given_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """First names agree, and middle names agree position by position where both have one."""

    def agree(x: str, y: str) -> bool:
        return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))

    return all(agree(x, y) for x, y in zip(a, b, strict=False))


def match(a: PersonName, b: PersonName) -> str | None:
    """How two person names can be one person: ``same``, ``full``, ``surname``, ``first``.

    ``same``: the same words. ``full``: both have given names, the same surname and agreeing
    given names (``Donald Trump`` ~ ``Donald J. Trump``; ``George H. W. Bush`` ≁ ``George W.
    Bush``), or the same letters (``Kim Jong-un`` ~ ``Kim Jong Un``). ``surname``: one is a
    single word, the other's surname (``Trump`` ~ ``Donald Trump``). ``first``: one is a single
    word, the first word of the other, a two-word name (``Xi`` ~ ``Xi Jinping``). Never across
    suffixes (``Trump`` ≁ ``Trump Jr.``). None when they cannot be one person.
    """
    if a.suffix != b.suffix:
        return None
    if a.words == b.words:
        return "same"
    if a.given and b.given:
        if a.core == b.core and _given_agree(a.given, b.given):
            return "full"
        return "full" if _compact(a) == _compact(b) else None
    one, other = (a, b) if not a.given else (b, a)
    if one.core == other.core:
        return "surname"
    if len(other.given) == 1 and one.core == other.given[0]:
        return "first"
    return None


def _strength(new: PersonName, speaker: KnownSpeaker) -> int | None:
    """How well a new person name fits a stored speaker (higher is better), None if it can't."""
    shown = parse_person(speaker.name)
    if shown is None:
        return None
    how = match(new, shown)
    if how is None:
        return None
    names = [p for p in map(parse_person, speaker.aliases) if p is not None]
    if any(p.given and match(new, p) is None for p in names):
        return None  # once "Bill Clinton" is its own speaker, it never joins Hillary's
    if how == "first" and not new.given and any(not p.given and p.core == shown.core for p in names):
        # The speaker has been called by its last word alone ("Trump"), so its first word is
        # a given name and a lone "Donald" is not evidence of the same person.
        return None
    if new.given:
        if any(p.words == new.words for p in [shown, *names]):
            return 3
        return 2 if shown.given else 1
    return 0 if how == "first" else 1


def _best(scored: Iterable[tuple[int, KnownSpeaker]]) -> KnownSpeaker | None:
    ranked = sorted(scored, key=lambda sc: (-sc[0], -sc[1].mentions, sc[1].id))
    return ranked[0][1] if ranked else None


def choose(name: str, type: str, candidates: Sequence[KnownSpeaker]) -> KnownSpeaker | None:
    """The stored speaker a new name merges with, or None for a new speaker.

    Persons merge with a compatible person (``match``) whose every alias with given names is
    compatible too; the best fit wins (same name, then given names agreeing, then surname
    only, then first word only), ties broken by most mentions, then smallest id. A lone
    surname thus joins the most-mentioned speaker of that surname. A lone first word joins a
    two-word speaker only if that speaker was never called by its surname alone. Other types
    merge only on the same ``normalise``d name, never with a person. The order of
    ``candidates`` does not matter.
    """
    if not _is_person(type):
        key = normalise(name)
        if not key:
            return None
        return _best(
            (0, c)
            for c in candidates
            if not _is_person(c.type) and any(normalise(n) == key for n in (c.name, *c.aliases))
        )
    persons = [c for c in candidates if _is_person(c.type)]
    new = parse_person(name)
    if new is None:  # not a parseable person name: only the same name merges
        key = normalise(name)
        same = (c for c in persons if key and any(normalise(n) == key for n in (c.name, *c.aliases)))
        return _best((0, c) for c in same)
    scored = []
    for speaker in persons:
        strength = _strength(new, speaker)
        if strength is not None:
            scored.append((strength, speaker))
    return _best(scored)


def _preferred_spelling(a: str, b: str) -> str:
    """Of two spellings of one name, the same one whichever order they come in: the one
    with accents, then mixed case over all-caps or all-lower, then the larger string."""

    def key(s: str) -> tuple[int, bool, str]:
        return (sum(not ch.isascii() for ch in s), s != s.upper() and s != s.lower(), s)

    return max(a, b, key=key)


def _completeness(person: PersonName) -> tuple[bool, int, int, int]:
    full_given = sum(len(g) > 1 for g in person.given)
    return (bool(person.given), full_given, len(person.given), len(person.display))


def better_name(current: str, new: str, type: str | None = None) -> str:
    """The display name to keep after ``new`` merged into a speaker shown as ``current``.

    Persons: the more complete name (``Xi`` + ``Xi Jinping`` → ``Xi Jinping``; more full given
    names, then more given names: ``Donald J. Trump`` over ``Donald Trump``), titles never
    kept. Others, and two spellings of one name: accents kept, then mixed case, then a fixed
    choice, so the result does not depend on which came first. Pass the speaker's ``type``;
    without it, names that differ only in case, accents or punctuation are taken as spellings.
    """
    current, new = _SPACE_RE.sub(" ", current).strip(), _SPACE_RE.sub(" ", new).strip()
    if type is not None and not _is_person(type):
        return _preferred_spelling(current, new)
    old_person, new_person = parse_person(current), parse_person(new)
    if type is None and normalise(current) == normalise(new):
        pairs = ((old_person, current), (new_person, new))
        if all(p is None or normalise(p.display) == normalise(raw) for p, raw in pairs):
            return _preferred_spelling(current, new)  # no title to strip: two spellings
    if old_person is None:
        return new_person.display if new_person else _preferred_spelling(current, new)
    if new_person is None:
        return old_person.display
    old_rank, new_rank = _completeness(old_person), _completeness(new_person)
    if old_rank != new_rank:
        return old_person.display if old_rank > new_rank else new_person.display
    return _preferred_spelling(old_person.display, new_person.display)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii_fold(text).replace("&", " and ")).strip("-")
    slug = "".join(ch for ch in slug if ch.isascii())
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0]
    return slug.strip("-")


def new_id(name: str, type: str, taken: Callable[[str], bool]) -> str:
    """A stable, readable ASCII id for a new speaker: ``xi-jinping``, ``donald-trump-jr``.

    ``-2``, ``-3`` … is appended while ``taken(id)`` is true. A name with no Latin letters
    gets ``<type>-<hash of the name>``; a speaker with no usable name ``<type>-unnamed``.
    """
    kind = _slug(type or "") or "speaker"
    clean = _SPACE_RE.sub(" ", name or "").strip()
    if _is_person(type):
        person = parse_person(clean)
        base = _slug(person.display) if person else _slug(normalise(clean))
    else:
        base = _slug(normalise(clean))
    if not base:
        if any(ch.isalnum() and not ch.isascii() for ch in clean):  # a non-Latin script
            digest = hashlib.sha1(unicodedata.normalize("NFC", clean).encode("utf-8")).hexdigest()
            base = f"{kind}-{digest[:8]}"
        else:
            base = f"{kind}-unnamed"
    candidate, n = base, 2
    while taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- settling: the same speakers whatever the order ---------------------------------------------
@dataclass(frozen=True)
class Settled:
    """A speaker as ``settle`` makes it: its id, display name, type, mentions, and the
    ``(name, type)`` pairs merged into it with their mentions."""

    id: str
    name: str
    type: str
    mentions: int
    units: tuple[tuple[str, str, int], ...]


def _canonical(unit: tuple[str, str, int]) -> tuple[object, ...]:
    """The place of a ``(name, type, mentions)`` in the order ``settle`` merges them.

    Persons with given names first, the most complete first ("George H. W. Bush" before
    "George Bush"), so a shorter name meets every full name it might be before it chooses;
    then lone words. Within a rank, the most mentioned first; then the name itself.
    """
    name, kind, mentions = unit
    if _is_person(kind):
        person = parse_person(name)
        rank = _completeness(person)[:3] if person else (False, 0, 0)
        return (0, not rank[0], -rank[1], -rank[2], -mentions, normalise(name), name, kind)
    return (1, False, 0, 0, -mentions, normalise(name), name, kind)


def settle(units: Iterable[tuple[str, str, int]]) -> list[Settled]:
    """Merge every speaker name of a store at once: ``units`` are ``(name, type, mentions)``
    (each pair once, with how many attributions carry it), in any order.

    The result depends on the set of names and their counts only, never on the order in
    which articles came: the names are merged one by one with ``choose`` in a canonical
    order (``_canonical``), against the speakers made so far, and ids are handed out at
    the end, the most mentioned speaker first (``new_id``). So a lone "Clinton" joins
    whichever Clinton is most mentioned in the whole store, and the same articles ingested
    in any order, in one run or many, give the same speakers and ids.
    """
    counts = {(name, kind): mentions for name, kind, mentions in units}
    ordered = sorted(counts.items(), key=lambda item: _canonical((*item[0], item[1])))
    groups: list[dict[str, Any]] = []
    by_key: dict[str, set[int]] = {}
    for (name, kind), mentions in ordered:
        seen = sorted({g for key in lookup_keys(name, kind) for g in by_key.get(key, ())})
        candidates = [
            KnownSpeaker(
                id=f"{g:012d}",
                name=groups[g]["name"],
                type=groups[g]["type"],
                aliases=tuple(groups[g]["aliases"]),
                mentions=groups[g]["mentions"],
            )
            for g in seen
        ]
        chosen = choose(name, kind, candidates)
        if chosen is None:
            index = len(groups)
            groups.append(
                {"name": display_name(name, kind), "type": kind, "mentions": 0, "aliases": {}, "units": []}
            )
        else:
            index = int(chosen.id)
            groups[index]["name"] = better_name(groups[index]["name"], name, kind)
        group = groups[index]
        group["mentions"] += mentions
        group["aliases"][name] = group["aliases"].get(name, 0) + mentions
        group["units"].append((name, kind, mentions))
        for key in index_keys(name, kind):
            by_key.setdefault(key, set()).add(index)
    ranked = sorted(groups, key=lambda g: (-g["mentions"], normalise(g["name"]), g["name"], g["units"][0]))
    taken: set[str] = set()
    out = []
    for group in ranked:
        speaker_id = new_id(group["name"], group["type"], taken.__contains__)
        taken.add(speaker_id)
        out.append(
            Settled(
                id=speaker_id,
                name=group["name"],
                type=group["type"],
                mentions=group["mentions"],
                units=tuple(sorted(group["units"], key=lambda u: (u[0], u[1]))),
            )
        )
    return out
