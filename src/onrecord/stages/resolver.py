"""Speaker resolution: every source (and addressee) mention to the entity it names.

Names are gathered into people as the article goes (``Xi Jinping`` … ``Xi`` …
``President Xi``), each person known by the most complete name the article gives.  A
pronoun goes to the person it agrees with who is most salient: the speaker of the turn it
continues, else the latest subject.  A description (``the ambassador``, ``the commissioner``)
goes to the person the article gave that title or appositive.  A metonym (``Beijing``,
``the Kremlin``) keeps its name as written, typed ``government`` or ``organisation``.  A
speaker the article never names gets ``name: null`` and the description it was given.
The result is the frozen ``records.Attribution`` with kind, speaker, addressee, confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..records import Attribution, Span, Speaker
from .candidate import Candidate
from .finder import VERBS_FIRST, Finder, dateline_in, possessive_mark
from .lexicon import DASHES, NAME_SUFFIXES
from .scanner import Quote

TITLES = frozenset(
    """mr mrs ms miss mx dr sen sens senator rep reps representative congressman congresswoman
    gov governor president pres vice secretary sec gen general lt col maj capt adm sgt rev prof
    professor judge justice mayor chairman chairwoman chair speaker first lady former sir dame
    minister prime chancellor king queen prince princess pope ambassador commissioner attorney
    leader chief director spokesman spokeswoman spokesperson candidate nominee premier councillor
    councilor councilman councilwoman alderman assemblyman assemblywoman""".split()
)
MALE_TITLES = frozenset(
    "mr sir king prince congressman chairman spokesman husband father son brother widower".split()
)
FEMALE_TITLES = frozenset(
    """mrs ms miss dame queen princess congresswoman chairwoman spokeswoman lady wife mother
    daughter sister widow actress businesswoman""".split()
)
GOVERNMENT_NAMES = frozenset(
    {
        "kremlin", "white house", "pentagon", "downing street", "city hall", "elysee", "élysée",
        "state department", "whitehall", "foreign ministry", "beijing", "moscow", "washington",
        "brussels",
    }
)  # fmt: skip
# Common first names, for the gender a pronoun must agree with (used only when the
# article itself gives no title or pronoun evidence).
MALE_NAMES = frozenset(
    """donald barack bill bernie mike tim joe john james robert michael william david richard
    charles thomas christopher daniel matthew anthony mark paul steven andrew kenneth george
    kevin brian edward ronald jeff jeffrey ryan jacob gary nicholas eric stephen jonathan larry
    justin scott frank brandon raymond gregory samuel benjamin patrick jack dennis jerry
    alexander tyler henry douglas peter adam nathan zachary walter kyle harold carl arthur gerald
    roger keith jeremy lawrence sean albert joshua willie dylan bryan ralph
    roy eugene louis philip bobby johnny chris ted marco rand ben newt rudy reince corey
    vladimir xi barry jim tom dan ron rick chuck mitch harry al dick ed jeb
    hugh nigel boris emmanuel francois recep bashar elijah tony""".split()
)
FEMALE_NAMES = frozenset(
    """hillary mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda
    pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth
    maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn
    judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
    janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
    theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla kellyanne
    ivanka melania chelsea huma donna elizabeth nikki sarah condoleezza theresa angela michelle
    tulsi kamala elise debbie loretta valerie jill""".split()
)
TITLE_FORMS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pres": "president",
    "sec": "secretary",
    "gen": "general",
    "prof": "professor",
    "dr": "doctor",
}
PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "they": "p",
    "them": "p",
    "their": "p",
    "we": "p",
    "i": "s",
    "it": "n",
    "you": "s",
}
_SPACE_RE = re.compile(r"\s+")


@dataclass
class Person:
    """One person of the article, with every name form seen and what is known of them."""

    names: list[str]
    words: set[str]
    gender: str | None = None
    # True when the gender comes from a title or a first name, not from a guess
    gender_sure: bool = False
    # title → the first token where the article gave it ("Sen. Claire McCaskill")
    titles: dict[str, int] = field(default_factory=dict)
    # token indices where the article names this person
    mentions: list[int] = field(default_factory=list)

    def last_before(self, i: int) -> int:
        """The latest mention before token ``i`` (-1 when none)."""
        return max((m for m in self.mentions if m < i), default=-1)

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n)))


def _name_words(text: str) -> list[str]:
    words = [w.strip(".,'\u2019").lower() for w in _SPACE_RE.split(text) if w.strip(".,'\u2019")]
    words = [w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in words]
    while words and words[0] in TITLES | {"the"}:
        words = words[1:]
    return words


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one inserted, deleted or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _org_words(text: str) -> list[str]:
    words = re.sub(r"[^\w\s]", " ", text.lower()).split()
    return words[1:] if words[:1] == ["the"] else words


def _blend_shape(text: str) -> bool:
    """True for a word shaped like a blend of capitalised beginnings ("HuffPo", "WaPo")."""
    return re.fullmatch(r"(?:[A-Z][a-z]+){2,}", text) is not None


def _blended_outlet(doc: Any, text: str) -> str | None:
    """The name of the organisation the article names whose blend ``text`` is ("HuffPo" for
    "the Huffington Post"), or None."""
    if not _blend_shape(text):
        return None
    return next((e.text for e in doc.ents if e.label_ == "ORG" and _blend_of(text, _org_words(e.text))), None)


def _blend_of(short: str, words: list[str]) -> bool:
    """True for a short form made of the beginnings of a name's words, each capitalised
    ("HuffPo" for "Huffington Post", "WaPo" for "Washington Post")."""
    parts = re.findall(r"[A-Z][a-z]+", short)
    return (
        len(parts) >= 2
        and "".join(parts) == short
        and len(parts) == len(words)
        and all(w.startswith(p.lower()) and len(p) < len(w) for p, w in zip(parts, words, strict=True))
    )


def _opening_verb(token: Any) -> bool:
    """A verb of saying that opens its sentence before a name ("Added Ortiz, “…”"), which the
    tagger reads as a part of the name."""
    return token.lower_ in VERBS_FIRST and token.i == token.sent.start


def _before_verb(ent: Any) -> Any:
    """An entity up to its first verb: a title-case headline's "Harbour Council Promises
    Action On …" taken for one name is "Harbour Council" (empty when it opens with one)."""
    cut = next((t.i for t in ent if t.pos_ in ("VERB", "AUX")), ent.end)
    return ent.doc[ent.start : cut]


def _after_run_on_comma(ent: Any, before: int | None = None) -> Any:
    """An entity from its last comma (before token ``before``) on, when the words before that
    comma hang on something outside it: "After meeting Ware, Holt said" is "Holt", the
    recogniser having run the end of one phrase and the subject of the next into one name
    ("Martin Luther King, Jr." and "Washington, D.C." hang together and stay whole)."""
    doc = ent.doc
    comma = max((t.i for t in ent if t.text == "," and (before is None or t.i < before)), default=None)
    if comma is None or comma + 1 >= ent.end:
        return ent
    if any(comma < t.head.i < ent.end for t in doc[ent.start : comma]):
        return ent
    if all(t.lower_.rstrip(".") in NAME_SUFFIXES or t.is_punct for t in doc[comma + 1 : ent.end]):
        return ent  # "Acme, Inc.": one name whatever the parse
    return doc[comma + 1 : ent.end]


def _entity_at(head: Any) -> tuple[Any, str]:
    """(the recognised entity that names the mention headed by ``head``, its label), the
    entity cut where the recogniser ran it on past the mention; (None, "") for none.

    A title-case headline's "Bernie Sanders Promises Action On …" taken for one name ends
    where the mention's phrase does when it holds the verb the mention is the subject of,
    and names nothing after its first verb ("Action"); a name run on into the sentence's
    subject ("In an interview with CBS’ Face the Harbour, Ortiz said") ends before it.
    """
    doc = head.doc
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if ent is None:
        return None, ""
    label = ent.label_
    if ent.end > head.right_edge.i + 1 and head.i < head.head.i < ent.end:
        ent = doc[ent.start : head.right_edge.i + 1]
    ent = _after_run_on_comma(ent, head.i)
    if not ent.start <= head.i < _before_verb(ent).end:
        return None, ""
    subject = next(
        (
            t
            for t in ent
            if t.i > head.i and t.dep_ in ("nsubj", "nsubjpass") and not ent.start <= t.head.i < ent.end
        ),
        None,
    )
    if subject is not None:
        end = subject.i
        while end > head.i + 1 and doc[end - 1].is_punct and not possessive_mark(doc[end - 1]):
            end -= 1
        ent = doc[ent.start : end]
    return ent, label


def _before_dash(text: str) -> str:
    """A name the recogniser ran on past a spaced dash, cut there ("the Tax Policy Center -
    half a percentage point" → "the Tax Policy Center")."""
    return re.split(r"\s(?:-|--|\u2013|\u2014)\s", text)[0]


def _clean(text: str) -> str:
    # Typeset quotes ('' and ``), brackets and markup left in the text are no part of a name.
    text = re.sub(r"[\[\]<>{}]|''|``", " ", text)
    text = _SPACE_RE.sub(" ", text).strip(' ,;:/()\u201c\u201d\u2018"')
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


# Pronouns an addressee the article never names may be ("could ask him about it").
_ADDRESSED_PRONOUNS = frozenset("him her them".split())
# Prepositions that tell where a group is ("the crowd in Iowa"), not who is in it.
_WHERE = frozenset("in at across around near throughout outside inside".split())
# Lowercase words a title-case name or programme may hold: "Meet the Press", "Fox and Friends".
# Words that rank a title: "Vice President", "Deputy Secretary of State".
_RANKS = frozenset("vice deputy assistant".split())
_TITLE_LINKS = frozenset("of and the with for on in at a an to 's \u2019s".split())


def _join(tokens: list[Any]) -> str:
    """The words of some tokens as written; where a token was left out between two others
    ("Sanders’ Senate office" without its apostrophe) a space keeps the words apart."""
    parts = []
    for token, nxt in zip(tokens, tokens[1:], strict=False):
        parts.append(token.text + (token.whitespace_ if nxt.i == token.i + 1 else " "))
    return "".join(parts) + (tokens[-1].text if tokens else "")


def _office_of(token: Any) -> str | None:
    """The title of an office named "Title of Place" whose last word ``token`` is, the word
    right before the holder's name ("Secretary of Transport Ann Ware": "secretary"; "Deputy
    Secretary of …": "deputy secretary"), or None."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or token.i - prep.i > 3:
        return None
    title = prep.head
    if title.i != prep.i - 1 or title.lower_.strip(".") not in TITLES:
        return None
    before = title.nbor(-1).lower_ if title.i > 0 else ""
    rank = before + " " if before in _RANKS else ""
    return rank + title.lower_.strip(".")


def _after_dateline(ent: Any) -> Any:
    """An entity without the dateline the recogniser took into it ("Ohio - Dana Holt")."""
    dash = dateline_in(ent.doc, ent.start)
    return ent[dash + 1 - ent.start :] if dash is not None and ent.start <= dash < ent.end - 1 else ent


def _dateline_person(ent: Any) -> bool:
    """True for a dateline the recogniser took with the name after it into one entity:
    "CLEVELAND - Donald Trump", "CEDAR FALLS, Iowa - Dana Holt" (tagged an organisation)."""
    if (
        len(ent) >= 4
        and ent[0].text.isupper()
        and ent[1].text in DASHES
        and ent[2].lower_ in MALE_NAMES | FEMALE_NAMES
    ):
        return True
    dash = dateline_in(ent.doc, ent.start)
    return (
        dash is not None
        and ent.start < dash < ent.end - 1
        and ent.doc[dash + 1].pos_ == "PROPN"
        and ent.doc[dash + 1].is_title
    )


def _named_after(doc: Any, ent: Any) -> bool:
    """True for a person's name that names a place or an institution after them: "the James S.
    Brady Press Briefing Room", "the Ronald Reagan Presidential Library"."""
    head = ent.root.head
    if ent.root.dep_ != "compound" or head.i < ent.end or head.i - ent.end > 3:
        return False
    return any(t.lower_ in _NAMED_AFTER for t in doc[ent.end : head.i + 1])


# Conjunctions that open a clause inside the sentence's own ("when Holt asked …"); "while"
# and "whereas" set a second subject beside the first.
_SUBORDINATING = frozenset("when after before since because as once if until unless".split())


def _in_subject(token: Any) -> bool:
    """True for (a word of) a subject or of its possessor, or a name the subject gives as its
    example ("Some defenders of globalization, like Gary Hufbauer, …, acknowledge")."""
    if token.dep_ in ("nsubj", "nsubjpass") or token.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    t = token
    while t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN" and t.head.i != t.i:
        t = t.head  # to the name's last word
    if t.dep_ == "pobj" and t.head.lower_ in ("like", "including"):
        return t.head.head.dep_ in ("nsubj", "nsubjpass")
    return False


def _opens_sentence(token: Any) -> bool:
    """True for (a word of) a name that opens its sentence, after a conjunction at most ("And
    Obama, for all the progress he helped make, seems to agree"): the subject, whatever the
    parser made of it."""
    doc, k = token.doc, token.sent.start
    while k < token.i and (doc[k].pos_ in ("CCONJ", "PUNCT", "SPACE") or doc[k].lower_ in ("so", "yet")):
        k += 1
    if not all(t.pos_ == "PROPN" for t in doc[k : token.i + 1]):
        return False
    # the name itself, not a modifier of a noun ("Obama administration officials disputed it")
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is not None and (after.text == "," or after.pos_ in ("VERB", "AUX"))


def _subordinate_subject(token: Any, complements: bool = False) -> bool:
    """True for (a word of) the subject of a clause of time, reason or condition ("when Holt
    asked …", not "while Holt said …", which stands beside the sentence's own) or of a
    relative clause ("who Holt says …"); with ``complements``, of a complement clause too
    ("making the case that Rubio isn't ready")."""
    subject = token if token.dep_ in ("nsubj", "nsubjpass") else token.head
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    if verb.i == verb.head.i:
        return False
    if verb.dep_ == "advcl":
        # "after" is a mark, "when" an adverb of the clause's verb
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATING for c in verb.children)
    return verb.dep_ in (("relcl", "acl", "ccomp") if complements else ("relcl", "acl"))


def _person_in_context(ent: Any) -> bool:
    """True for a name the recogniser took for an organisation (or a place) that its context
    shows is a person's: an age after it ("Guadalupe Potocacetpl, 35,"), a noun for a person
    it stands in apposition to ("One voter, Guadalupe Potocacetpl") or that stands in
    apposition to it ("Nefzi, a chemistry professor,")."""
    if ent.label_ not in ("ORG", "GPE", "NORP") or not 1 <= len(ent) <= 3:
        return False
    if not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    doc = ent.doc
    aged = (
        ent.end + 2 < len(doc)
        and doc[ent.end].text == ","
        and doc[ent.end + 1].text.isdigit()
        and doc[ent.end + 2].text == ","
    )
    head = ent.root.head
    person_noun = ent.root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in _PERSON_NOUNS
    # "Maryam Violet, an Iranian journalist visiting Nice, told …": an appositive that is a
    # noun for a person, after the name
    described = any(
        c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and c.i > ent.end
        and doc[ent.end].text == ","
        and c.lemma_.lower() in _PERSON_NOUNS | _PROFESSIONS
        for c in ent.root.children
    )
    if ent.label_ != "ORG":
        return described and len(ent) == 1  # "Nefzi" read as a place
    return aged or described or (len(ent) > 1 and person_noun)


class Resolver:
    """Resolves sources and addressees to entities (module docstring).

    window: how many sentences back a pronoun may look for its antecedent.
    """

    def __init__(self, window: int = 6) -> None:
        self.window = window

    def __call__(
        self, doc: Any, candidates: list[Candidate], quotes: Sequence[Quote] = ()
    ) -> list[Attribution]:
        # tokens of what someone is reported as saying, or of any quotation: the names and
        # pronouns there are someone's words, not the narrative's (they never take the floor,
        # nor tell a gender)
        spans = [s for c in candidates for s in c.content] + [p for q in quotes for p in q.pieces]
        reported = {t.i for s in spans for t in doc.char_span(s.start, s.end, alignment_mode="expand") or ()}
        # and the rest of the sentence of reported words, whose closing aside the content
        # leaves out ("Axelrod said it helped Clinton, who need not prove it as Obama did"),
        # but for the sources named there
        sources = {i for c in candidates for i in c.source}
        for c in candidates:
            if not c.content or c.quotes:
                continue
            last = doc.char_span(c.content[-1].start, c.content[-1].end, alignment_mode="expand")
            # not the sentence's own clause after an opening phrase ("In his assessment of
            # the magnate, Calderon intimated …")
            if last is not None and len(last) and last[-1].sent.root.i < last.end:
                reported.update(i for i in range(last.end, last[-1].sent.end) if i not in sources)
        # speakers named as sources though the entity recogniser missed them ("Holt said")
        named_sources = [
            h
            for h in (self._head(doc, c.source) for c in candidates if c.source)
            if h.pos_ == "PROPN" and not h.ent_type_ and not h.text.isupper()
        ]
        people, person_at = self._people(doc, reported, named_sources)
        titles = self._titles(doc, person_at)
        sent_of = {}
        for si, sent in enumerate(doc.sents):
            for token in sent:
                sent_of[token.i] = si
        quoted = {
            t.i
            for q in quotes
            for p in q.pieces
            for t in doc.char_span(p.start, p.end, alignment_mode="expand") or ()
        }
        state = _State(
            doc, people, person_at, titles, sent_of, self.window, reported, _author(doc, person_at), quoted
        )
        text = doc.text  # spaCy joins the tokens anew on every access
        out: list[Attribution] = []
        previous_person: Person | None = None
        previous_at = -1  # where the article last referred to previous_person
        for cand in sorted(candidates, key=lambda c: c.start):
            head = (
                self._head(doc, cand.source)
                if cand.source
                else (doc[cand.subject] if cand.subject is not None else None)
            )
            speaker, person, how = (None, None, "none")
            if head is not None:
                speaker, person, how = state.resolve(head, previous_person, previous_at=previous_at)
            addressee = self._addressee(doc, state, cand.addressee, person) if cand.addressee else None
            kind = self._kind(text, cand)
            factor = {"name": 1.0, "pronoun": 0.9, "nominal": 0.85, "metonym": 0.95}.get(how, 0.75)
            out.append(
                Attribution(
                    kind=kind,
                    cue=self._spans(doc, cand.cue),
                    source=self._spans(doc, cand.source),
                    content=tuple(sorted(set(cand.content))),
                    speaker=speaker,
                    addressee=addressee,
                    confidence=round(min(1.0, cand.confidence * factor), 4),
                    addressee_span=self._spans(doc, cand.addressee),
                    speaker_span=(
                        self._spans(doc, Finder._np(doc[cand.subject]))
                        if not cand.source and cand.subject is not None and speaker is not None
                        else ()
                    ),
                )
            )
            if person is not None and head is not None and not self._aside_turn(state, head):
                previous_person, previous_at = person, head.i
        return out

    @staticmethod
    def _aside_turn(state: _State, head: Any) -> bool:
        """True for a source inside a clause of the sentence whose own subject is a person
        named before it ("Ware did not exude confidence when Holt asked whether …"): the turn
        stays with the sentence's subject."""
        # "… amid attacks from Senator Marco Rubio": a noun's maker is no new turn either
        made = head.dep_ == "pobj" and head.head.lower_ in ("from", "by") and head.head.head.pos_ == "NOUN"
        if not (_subordinate_subject(head) or made):
            return False
        root = head.sent.root
        main = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return main is not None and main.i < head.i and main.i in state.person_at

    def _addressee(
        self, doc: Any, state: _State, tokens: list[int], speaker: Person | None
    ) -> Speaker | None:
        """The entity an addressee mention names. An outlet or programme keeps its name as
        written ("MSNBC’s Morning Joe", "ABC’s “This Week”"), and a capitalised word the
        parser did not take for a name ("told O’Reilly") is still read as one."""
        head = self._head(doc, tokens)
        found, _p, _h = state.resolve(head, None, addressee=True, exclude=speaker)
        first = doc[min(tokens)]
        words = [doc[i] for i in sorted(tokens) if not doc[i].is_quote]
        written = _clean(_join(words))
        if words and words[-1].text == "." and len(words) > 1:  # a title's full stop: "… Stephanopoulos."
            written = written.removesuffix(".").rstrip()
        capitalised = first.text[:1].isupper() and all(
            t.text[:1].isupper() or not t.is_alpha or t.lower_ in _TITLE_LINKS for t in words
        )
        # a programme in quotation marks: "Fox and Friends", ABC’s “This Week with …”
        lo, hi = min(tokens), max(tokens)
        if capitalised and written and any(t.is_quote for t in doc[max(0, lo - 1) : hi + 1]):
            return Speaker(name=written, type="organisation")
        if found is not None and found.type != "person" and found.name and first.text[:1].isupper():
            if len(written) > len(found.name) and found.name.split()[0] in written:
                return Speaker(name=written, type="organisation")
        if found is not None and found.type == "person" and found.name and capitalised:
            # "Bill O’Reilly of Fox News" where the recogniser named only "Bill"; an outlet's
            # possessive is not part of the person's name ("ABC’s George Stephanopoulos"),
            cut = next(
                (k for k, t in enumerate(words) if t.lower_ == "of" or t.is_punct and t.text == ","),
                len(words),
            )
            core = words[:cut]
            # … nor is a title ("Health Minister Helen Carver")
            owner = max(
                (k + 1 for k, t in enumerate(core) if t.tag_ == "POS" or t.lower_.strip(".") in TITLES),
                default=0,
            )
            name = _clean(_join(core[owner:]))
            if len(name) > len(found.name) and set(_name_words(found.name)) < set(_name_words(name)):
                return Speaker(name=name, type="person")
        if (
            (found is None or found.name is None)
            and head.pos_ in ("ADV", "NOUN", "ADJ", "VERB")
            and head.text[:1].isupper()
            and head.i > head.sent.start
        ):
            found, _p, _h = state._proper(head)
        if found is None and head.pos_ == "PRON" and head.lower_ in _ADDRESSED_PRONOUNS:
            # "before she could ask him about it": someone the article never names
            kind = "group" if head.lower_ == "them" else "person"
            return Speaker(name=None, type=kind, description=head.text)
        return found

    # -- people ----------------------------------------------------------------------------
    @staticmethod
    def _people(
        doc: Any, reported: set[int], named_sources: list[Any]
    ) -> tuple[list[Person], dict[int, Person]]:
        """Person entities in text order, short forms joined to the full names they shorten."""
        people: list[Person] = []
        person_at: dict[int, Person] = {}
        headline_end = doc.text.find("\n")
        body_names = {
            tuple(t.lower_ for t in ent)
            for ent in doc.ents
            if ent.label_ == "PERSON" and ent.start_char > headline_end >= 0
        }
        for ent in doc.ents:
            if ent.label_ != "PERSON" and not _dateline_person(ent) and not _person_in_context(ent):
                continue
            dash = dateline_in(ent.doc, ent.start)
            if dash is not None and ent.end <= dash and ent.text.isupper():
                continue  # "CEDAR FALLS, Iowa - …": a dateline's place, no one
            # a headline's "Obama Says": the recogniser took the verb into the name
            while len(ent) > 1 and (ent[-1].pos_ in ("VERB", "AUX") or ent[-1].lower_ in _VERB_FORMS):
                ent = ent[:-1]
            # "Added Ortiz, “…”": a verb that opens the sentence, taken into the name
            while len(ent) > 1 and _opening_verb(ent[0]):
                ent = ent[1:]
            # a dateline taken into the name: "CLEVELAND - Donald Trump"
            dashes = [k for k, t in enumerate(ent) if t.text in DASHES and t.whitespace_]
            if dashes and dashes[-1] + 1 < len(ent):
                ent = ent[dashes[-1] + 1 :]
            # "President Enrique Peña Nieto": the name's own head right after what the
            # recogniser named, left out of it (not "the Obama Administration")
            while (
                ent.start_char > headline_end >= 0
                and ent.end < len(doc)
                and ent.root.dep_ == "compound"
                and ent.root.head.i == ent.end
                and doc[ent.end].pos_ == "PROPN"
                and doc[ent.end].is_title
                and not doc[ent.end].ent_type_
                and doc[ent.end].lower_ not in _NOT_NAME_HEADS
            ):
                ent = doc[ent.start : ent.end + 1]
            # "Ben Carson Defends His Claims": in a title-case headline, a name the article's
            # body gives shorter ends where the body's does
            if ent.end_char <= headline_end:
                words = tuple(t.lower_ for t in ent)
                cut = max(
                    (len(n) for n in body_names if len(n) < len(words) and words[: len(n)] == n), default=0
                )
                if not cut:
                    # "Obama Claims Hillary Most Qualified …" where the body has "Barack Obama":
                    # the words that belong to one name the body gives
                    while cut < len(words) and any(set(words[: cut + 1]) <= set(n) for n in body_names):
                        cut += 1
                    cut = cut if cut < len(words) else 0
                # a verb ends the name, whatever names follow it ("… Claims Hillary …")
                verb = cut and (ent[cut].tag_ in ("VBZ", "VBD") or ent[cut].lower_ in _VERB_FORMS)
                if cut and (verb or not any(w in n for w in words[cut:] for n in body_names)):
                    ent = ent[:cut]
            if _named_after(doc, ent):
                continue  # "the James S. Brady briefing room": a place, no one there
            words = _name_words(ent.text)
            if not words or (len(ent) == 1 and _blended_outlet(doc, ent.text)):
                continue  # "HuffPo": an outlet's short form the recogniser took for a person
            # a short form goes to the person of that name the article names most, then the
            # one named last; a fuller form completes a one-word person
            match = max(
                (p for p in people if set(words) <= p.words),
                key=lambda p: (len(p.mentions), p.last_before(ent.start)),
                default=None,
            )
            # "his daughter Ivanka Trump" is not the "Trump" named before her
            kin = ent.start > 0 and doc[ent.start - 1].lower_ in _KIN
            if match is None and not kin:
                match = max(
                    (p for p in people if p.words <= set(words) and len(p.words) == 1),
                    key=lambda p: p.last_before(ent.start),
                    default=None,
                )
            if match is None and len(words) == 1 and len(words[0]) >= 6:
                # "McLenney" for "Tyresha McClenney": a surname misspelt by one letter
                match = next(
                    (p for p in reversed(people) if any(_one_edit(words[0], w) for w in p.words)), None
                )
                words = [] if match is not None else words
            text = _clean(ent.text)
            while text.split() and text.split()[0].lower().strip(".") in TITLES | {"the"}:
                text = text.split(" ", 1)[1] if " " in text else ""
            if match is None:
                match = Person(names=[text], words=set(words))
                people.append(match)
            elif words:
                match.names.append(text)
                match.words |= set(words)
            match.mentions.append(ent.start)
            before = doc[ent.start - 1] if ent.start > 0 else None
            if before is not None:
                title = _office_of(before)
                if title is None:
                    title = before.lower_.strip(".")
                    if ent.start > 1 and doc[ent.start - 2].lower_ in _RANKS:
                        title = f"{doc[ent.start - 2].lower_} {title}"
                match.titles.setdefault(title, ent.start - 1)
                if title in MALE_TITLES:
                    match.gender, match.gender_sure = "m", True
                elif title in FEMALE_TITLES:
                    match.gender, match.gender_sure = "f", True
            for token in ent:
                person_at[token.i] = match
        for head in sorted(named_sources, key=lambda t: t.i):
            if head.i in person_at or _blended_outlet(doc, head.text):
                continue
            run = [
                t
                for t in head.subtree
                if t.pos_ == "PROPN"
                and t.text[:1].isupper()
                and t.i <= head.i
                and head.i - t.i <= 3
                and not _opening_verb(t)
            ]
            # "Secretary of Transport Ann Ware": the office's last word is no part of the name
            office, title = next(((t, o) for t in reversed(run) if (o := _office_of(t))), (None, None))
            if office is not None:
                run = [t for t in run if t.i > office.i]
            words = set(_name_words(" ".join(t.text for t in run)))
            if not words:
                continue
            match = max((p for p in people if words <= p.words), key=lambda p: len(p.mentions), default=None)
            if match is None:
                match = Person(names=[_clean(doc[run[0].i : head.i + 1].text)], words=words)
                people.append(match)
            match.mentions.append(head.i)
            if office is not None and title:
                match.titles.setdefault(title, office.i)
            for token in run:
                person_at[token.i] = match
        # surnames the entity recogniser missed ("Chaffetz said") or took with a contracted
        # "'s" for an organisation ("Christie's been making the case", not the possessive of
        # "McDonald's said"): join them to their person
        ents_at = {
            t.i
            for e in doc.ents
            if len(e) > 1 and not (e[-1].lower_ in ("'s", "\u2019s") and e[-1].tag_ != "POS")
            for t in e
        }
        for token in doc:
            # a surname the tagger took for a common noun ("Sanders remarked", tagged NNS)
            capitalised = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title)
            if capitalised and token.i not in person_at and token.i not in ents_at:
                word = _name_words(token.text)
                found = [p for p in people if word and word[0] in p.words and len(word[0]) > 2]
                if found:
                    person = max(found, key=lambda p: (len(p.mentions), p.last_before(token.i)))
                    person_at[token.i] = person
                    person.mentions.append(token.i)
        # gender from the pronouns that follow a person as the next subject
        for person in people:
            first = person.name.split()[0].lower() if person.name.split() else ""
            if person.gender is None and first in MALE_NAMES:
                person.gender, person.gender_sure = "m", True
            elif person.gender is None and first in FEMALE_NAMES:
                person.gender, person.gender_sure = "f", True
            if person.gender is None:
                person.gender = _guess_gender(doc, person, person_at, reported)
        return people, person_at

    @staticmethod
    def _titles(doc: Any, person_at: dict[int, Person]) -> dict[str, list[tuple[int, Person]]]:
        """Common nouns the article used for a person: ``spokesman Josh Earnest``,
        ``Michael McFaul, a former ambassador``, ``the commissioner, Maria Lindqvist``,
        ``President Obama``, each bearer with the first token where the article gave it
        (a title means someone only after the article has given it to them)."""
        by_title: dict[str, dict[int, tuple[int, Person]]] = {}

        def add(title: str, person: Person, at: int) -> None:
            bearers = by_title.setdefault(TITLE_FORMS.get(title, title), {})
            if id(person) not in bearers or at < bearers[id(person)][0]:
                bearers[id(person)] = (at, person)

        for token in doc:
            person = person_at.get(token.i)
            if person is not None:
                for child in token.children:
                    if child.dep_ in ("compound", "amod", "appos") and child.pos_ == "NOUN":
                        add(child.lemma_.lower(), person, min(child.i, token.i))
                        for grand in child.children:
                            if grand.dep_ == "compound" and grand.pos_ == "NOUN":
                                add(grand.lemma_.lower(), person, min(grand.i, token.i))
                if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head.i not in person_at:
                    add(token.head.lemma_.lower(), person, token.head.i)
        for person in {id(p): p for p in person_at.values()}.values():
            for title, at in person.titles.items():
                add(title, person, at)
        return {title: sorted(bearers.values(), key=lambda b: b[0]) for title, bearers in by_title.items()}

    # -- output helpers --------------------------------------------------------------------
    @staticmethod
    def _head(doc: Any, tokens: list[int]) -> Any:
        """The syntactic head of a mention: the token whose head lies outside it (its last
        noun when the parse makes that a verb)."""
        inside = set(tokens)
        heads = [doc[i] for i in tokens if doc[i].head.i not in inside or doc[i].head.i == i]
        head = heads[0] if heads else doc[tokens[0]]
        if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "DET"):
            # "Mr. Daniloff, now 81 and retired in Cambridge": the subject of the verb the
            # parser made the head, else the last noun
            subject = next(
                (doc[i] for i in tokens if doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].head.i == head.i),
                None,
            )
            nouns = [doc[i] for i in tokens if doc[i].pos_ in ("NOUN", "PROPN", "PRON")]
            if subject is not None and subject.pos_ in ("NOUN", "PROPN", "PRON"):
                head = subject
            elif nouns:
                head = nouns[-1]
        opening = max((i for i in tokens if i < head.i and doc[i].text == "("), default=None)
        if opening is not None and any(opening < i < head.i and doc[i].text == ")" for i in tokens):
            opening = None  # "The (Chicago) Tribune": that parenthesis closed before the head
        if opening is not None and any(i > head.i and doc[i].text == ")" for i in tokens):
            # "Sen. Ann Ware (D)" parsed with the party as its head: the name before it
            before = [doc[i] for i in tokens if i < opening and doc[i].pos_ in ("PROPN", "NOUN")]
            if before:
                head = before[-1]
        return head

    @staticmethod
    def _spans(doc: Any, tokens: list[int]) -> tuple[Span, ...]:
        if not tokens:
            return ()
        spans: list[Span] = []
        ordered = sorted(set(tokens))
        start = prev = ordered[0]
        for i in ordered[1:] + [None]:
            if i is None or i != prev + 1:
                spans.append(Span(doc[start].idx, doc[prev].idx + len(doc[prev])))
                if i is not None:
                    start = i
            if i is not None:
                prev = i
        return tuple(spans)

    @staticmethod
    def _kind(text: str, cand: Candidate) -> str:
        if not cand.quotes:
            return "indirect"
        quoted = all(text[s.start] in "\"'`\u201c\u201e\u00ab\u2018\u300c" for s in cand.content)
        return "direct" if quoted else "mixed"


def _age(token: Any) -> str | None:
    """The N of an "N-year-old" at or under ``token`` ("the 46-year-old", "the 68-year-old
    former secretary of state"), else None."""
    doc = token.doc
    # the parser may hang "the" and "46-year-old" apart on the verb: read on from "the"
    end = token.i + 6 if token.pos_ == "DET" else token.right_edge.i + 3
    words = doc[token.left_edge.i : min(len(doc), end)]
    for t in words:
        if t.lower_ == "old" and t.i >= 4 and doc[t.i - 2].lower_ == "year" and doc[t.i - 4].like_num:
            if doc[t.i - 1].text == "-" and doc[t.i - 3].text == "-":
                return doc[t.i - 4].text
    return None


_BIO_VERBS = frozenset("be write serve teach direct".split())


def _author(doc: Any, person_at: dict[int, Person]) -> Person | None:
    """The writer of an opinion piece or a book excerpt, where the article names one: a
    headline that opens with the name ("Ann Coulter: And Then There Was the One"), a
    by-line ("By Rick Scott"), an excerpt "from … Dinesh D'Souza's new book", or a closing
    line about the writer ("Rick Scott is the Republican governor of Florida.")."""
    if not len(doc):
        return None
    sents = [s for s in doc.sents if not s.text.isspace()]
    if not sents:
        return None

    def person_in(span: Any, start: int) -> Person | None:
        token = span[start] if start < len(span) else None
        return person_at.get(token.i) if token is not None else None

    def opens_line(token: Any) -> bool:
        return token.i == 0 or "\n" in doc[token.i - 1].text_with_ws

    headline = sents[0]
    writer = person_in(headline, 0)
    if writer is not None:
        after = next((t for t in headline if person_at.get(t.i) is not writer), None)
        if after is not None and after.text == ":":
            return writer
    for sent in sents[:6]:
        for token in sent:
            if token.lower_ == "by" and opens_line(token) and person_in(doc, token.i + 1) is not None:
                named = person_at[token.i + 1]
                end = token.i + 1
                while end + 1 < len(doc) and person_at.get(end + 1) is named:
                    end += 1
                # "By Rick Scott" on a line of its own, or "By Rick Scott, …"
                if (
                    end + 1 >= len(doc)
                    or "\n" in doc[end].text_with_ws
                    or doc[end + 1].text == ","
                    or doc[end + 1].is_space
                ):
                    return named
        if any(t.lemma_.lower() == "excerpt" for t in sent):
            for token in sent:
                book = token.head
                owns_book = token.dep_ == "poss" and book.lemma_.lower() in ("book", "memoir")
                if owns_book and token.text[:1].isupper():
                    # the recogniser may miss the name here ("Dinesh D’Souza’s new book")
                    named = person_at.get(token.i) or next(
                        (p for p in person_at.values() if token.lower_ in p.words), None
                    )
                    if named is None:
                        name = [c for c in token.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
                        text = _join([*name, token]) if name else token.text
                        named = Person(names=[_clean(text)], words=set(_name_words(text)))
                    return named
    last = sents[-1]
    if len(last) <= 40 and opens_line(last[0]):
        k = 0
        while k < len(last) and last[k].lower_.strip(".") in TITLES:
            k += 1
        writer = person_in(last, k)
        if writer is not None and last.root.lemma_.lower() in _BIO_VERBS:
            subject = next((c for c in last.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and person_at.get(subject.i) is writer:
                return writer
    return None


def _guess_gender(doc: Any, person: Person, person_at: dict[int, Person], reported: set[int]) -> str | None:
    """he/she counts of the narrative's pronouns right after the person is a subject."""
    votes = {"m": 0, "f": 0}
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        subj = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and person_at.get(t.i) is person]
        if not subj:
            continue
        others = {id(person_at[t.i]) for t in sent if t.i in person_at} - {id(person)}
        for nxt in sents[si + 1 : si + 2] if not others else ():
            for t in nxt:
                if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she") and t.i not in reported:
                    votes["m" if t.lower_ == "he" else "f"] += 1
                    break
        for t in sent:
            if (
                t.lower_ in ("his", "her", "he", "she")
                and t.i > subj[0].i
                and not others
                and t.i not in reported
            ):
                votes["m" if t.lower_ in ("his", "he") else "f"] += 1
                break
    if votes["m"] > votes["f"]:
        return "m"
    if votes["f"] > votes["m"]:
        return "f"
    return None


class _State:
    """What the resolver knows about one article while it walks its attributions."""

    def __init__(
        self,
        doc: Any,
        people: list[Person],
        person_at: dict[int, Person],
        titles: dict[str, list[tuple[int, Person]]],
        sent_of: dict[int, int],
        window: int,
        reported: set[int],
        author: Person | None = None,
        quoted: set[int] | None = None,
    ) -> None:
        self.doc = doc
        self.people = people
        self.person_at = person_at
        self.titles = titles
        # the titles as the article gives them, before any description is resolved
        self.given_titles = {title: list(bearers) for title, bearers in titles.items()}
        self._described_at: dict[int, Person] | None = None
        self.sent_of = sent_of
        self.window = window
        self.reported: set[int] = reported
        # the writer of a first-person article, whose narrative "I" is theirs
        self.author = author
        # tokens inside quotation marks
        self.quoted: set[int] = quoted or set()

    def speaker_of(self, person: Person) -> Speaker:
        return Speaker(name=person.name, type="person")

    def aged(self, age: str, before: int) -> Person | None:
        """The person last given the age ``age`` before token ``before``: "Melania Trump,
        46," or "46-year-old Melania Trump"."""
        doc = self.doc
        found = None
        for token in doc[:before]:
            person = self.person_at.get(token.i)
            if person is None:
                continue
            after = doc[token.i + 1 : token.i + 4]
            if (
                self.person_at.get(token.i + 1) is not person
                and len(after) == 3
                and after[0].text == ","
                and after[1].text == age
                and after[2].text in (",", ".")
            ):
                found = person
            elif (
                token.i > 0
                and self.person_at.get(token.i - 1) is not person
                and _age(doc[token.i - 1]) == age
            ):
                found = person
        return found

    def _described(self) -> dict[int, Person]:
        """The subjects that name someone by a title the article gave them ("the president
        framed the shooting as …" after "President Obama"), by token: a pronoun after one
        refers back to them as to a name. Only the titles the article gave count, not those
        of descriptions resolved since, so the answer does not depend on the order of the
        questions (and is worked out once)."""
        if self._described_at is None:
            self._described_at = {}
            for token in self.doc:
                if (
                    token.dep_ in ("nsubj", "nsubjpass")
                    and token.pos_ == "NOUN"
                    and token.i not in self.person_at
                    and token.lemma_.lower() in TITLES | _ROLES
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                ):
                    title = token.lemma_.lower()
                    person = self.bearer(TITLE_FORMS.get(title, title), token.i, self.given_titles)
                    if person is not None:
                        self._described_at[token.i] = person
        return self._described_at

    def bearer(
        self, title: str, before: int, titles: dict[str, list[tuple[int, Person]]] | None = None
    ) -> Person | None:
        """Who "the <title>" at token ``before`` means: of the people the article gave the
        title before that point, the one it names most (``titles``: another register of
        titles than the growing one)."""
        given = self.titles if titles is None else titles
        bearers = [person for at, person in given.get(title, ()) if at < before]
        return max(bearers, key=lambda p: len(p.mentions)) if bearers else None

    def resolve(
        self,
        head: Any,
        previous: Person | None,
        addressee: bool = False,
        exclude: Person | None = None,
        previous_at: int = -1,
    ) -> tuple[Speaker | None, Person | None, str]:
        """(speaker, person, how) for the mention headed by ``head``; ``exclude``: a person a
        pronoun cannot mean here (the speaker, for an addressee "her")."""
        doc = self.doc
        # a name: the person entity at the head, or in an appositive of it
        person = self.person_at.get(head.i)
        outlet = _blended_outlet(doc, head.text) if person is None and head.pos_ == "PROPN" else None
        if outlet is not None:  # "HuffPo" for "the Huffington Post"
            return Speaker(name=self._fullest_organisation(outlet), type="organisation"), None, "metonym"
        if person is None:
            for child in head.children:
                # "President Obama" or "Obama, the president", not "one Sanders supporter"
                if child.dep_ == "compound" and head.pos_ != "PROPN":
                    continue
                if child.dep_ in ("appos", "compound") and child.i in self.person_at:
                    person = self.person_at[child.i]
                    break
                if child.dep_ == "appos" and child.pos_ == "NOUN":
                    # "The other man, his cousin James York, 40,": the name in apposition
                    # to the appositive
                    named = next(
                        (g for g in child.children if g.dep_ == "appos" and g.i in self.person_at),
                        None,
                    )
                    if named is not None:
                        person = self.person_at[named.i]
                        break
                if child.dep_ == "appos" and child.ent_type_ == "ORG" and head.pos_ == "NOUN":
                    head = child  # "Russia's propagandistic network RT"
                    break
        if person is None and head.text[:1].isupper() and head.lower_ in TITLES:
            # "Speaker of the House Rep. Paul Ryan": the name the parser hung on the title's "of"
            person = next(
                (
                    self.person_at[n.i]
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for n in p.children
                    if n.dep_ == "pobj" and n.i in self.person_at
                ),
                None,
            )
        conj = next((c for c in head.children if c.dep_ == "conj"), None)
        if (
            person is not None
            and conj is not None
            and (conj.i in self.person_at or conj.pos_ in ("PROPN", "NOUN"))
        ):
            return self._unnamed(head), None, "nominal"  # "Treadwell and Kessling traded accusations"
        if person is not None:
            return self.speaker_of(person), person, "name"
        one_person = (  # "the former first lady and U.S. senator": two titles of one person
            conj is not None
            and head.tag_ == "NN"
            and conj.tag_ == "NN"
            and not any(c.dep_ == "det" for c in conj.children)
        )
        # "China, Pyongyang's only ally and its economic lifeline": descriptions of one name
        described = conj is not None and head.ent_type_ in ("GPE", "ORG", "PERSON") and conj.tag_ == "NN"
        if conj is not None and not one_person and not described:
            return self._unnamed(head), None, "nominal"  # a group: "the United States and its allies"
        if head.tag_ in ("WDT", "WP") and head.lower_ in ("who", "which", "that"):
            # "…, Patti LaBelle and Stevie Wonder, who joked", "the Chicago Police Department
            # which reported": the noun right before the pronoun, whatever the parser hung the
            # clause from
            before = next((t for t in reversed(doc[max(0, head.i - 3) : head.i]) if not t.is_punct), None)
            if before is not None and before.pos_ in ("NOUN", "PROPN"):
                return self.resolve(before, previous, addressee)
            if head.head.dep_ == "relcl":
                return self.resolve(head.head.head, previous, addressee)
        ent, label = _entity_at(head)
        if ent is not None and label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            kind = (
                "government"
                if label == "GPE" or ent.text.lower().removeprefix("the ") in GOVERNMENT_NAMES
                else ("group" if label == "NORP" else "organisation")
            )
            written = _before_dash(ent.text)
            name = self._fullest_organisation(written) if label == "ORG" else _clean(written)
            return Speaker(name=name, type=kind), None, "metonym"
        lower = head.lower_
        if lower in PRONOUNS and head.pos_ == "PRON":
            if lower == "i" and self.author is not None and head.i not in self.quoted:
                return self.speaker_of(self.author), self.author, "pronoun"
            found = (
                self._cataphor(head, exclude)
                or self._topic(head, exclude)
                or self._antecedent(head, previous, exclude=exclude, previous_at=previous_at)
            )
            if found is not None:
                return self.speaker_of(found), found, "pronoun"
            if lower in ("it", "they", "which"):
                body = self._organisation(head)
                if body is not None:
                    return body, None, "pronoun"
            if PRONOUNS[lower] == "p":
                return Speaker(name=None, type="group", description=head.text), None, "pronoun"
            return None, None, "none"
        # "the 46-year-old" is whoever the article gave that age ("Melania Trump, 46,")
        age = _age(head)
        if age is not None and any(
            t.lower_ in ("the", "this") for t in doc[max(head.sent.start, head.left_edge.i - 4) : head.i + 1]
        ):
            # else someone the article has been speaking of
            aged = self.aged(age, head.i) or self._antecedent(head, previous, any_gender=True)
            if aged is not None:
                return self.speaker_of(aged), aged, "nominal"
        # "where the secretary of state said": a common noun the tagger took for a name
        common = head.pos_ == "PROPN" and head.text[:1].islower() and head.lemma_.lower() in TITLES | _ROLES
        if (head.pos_ == "PROPN" and not common) or (
            # "“…,” said Skelly": a name the tagger took for an adverb ("Will wrote": a modal)
            head.pos_ in ("ADV", "ADJ", "X", "AUX")
            and head.text[:1].isupper()
            and head.i > head.sent.start
            and head.is_alpha
        ):
            return self._proper(head)
        if head.pos_ == "NOUN" or common:
            lemma = head.lemma_.lower()
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None and lemma in _BODIES:
                owner, _p, _h = self.resolve(poss, None, addressee)
                if owner is not None and owner.name:
                    return Speaker(name=f"{owner.name} {lemma}", type="organisation"), None, "name"
            fresh = any(
                c.lower_ in _NEW_REFERENT for c in head.children if c.dep_ in ("det", "nummod", "amod")
            )
            if lemma in _BODIES and poss is None and not fresh:
                owned = self._owned_body(head, lemma)
                if owned is not None:
                    return owned, None, "nominal"
            if lemma in _BODY_NOUNS and poss is None and not fresh:  # not "an engineering firm"
                body = self._organisation(head, lemma)
                if body is not None:
                    return body, None, "nominal"
            person = self.bearer(lemma, head.i) or (
                self.bearer(conj.lemma_.lower(), head.i) if one_person else None
            )
            if fresh:
                person = None  # "one Sanders supporter", "another supporter": someone new
            definite = any(c.lower_ in ("the", "this") for c in head.children)
            if person is None and definite and lemma in TITLES | _ROLES and not addressee:
                gender = "m" if lemma in MALE_TITLES or lemma.endswith("man") else None
                gender = "f" if lemma in FEMALE_TITLES or lemma.endswith("woman") else gender
                person = self._antecedent(head, previous, any_gender=gender is None, gender=gender)
                if person is not None and poss is None and head.tag_ != "NNS":
                    # once "the independent Vermont senator" is Sanders, so is "the senator"
                    self.titles.setdefault(lemma, []).append((head.i, person))
            # a title the article gave someone holds with a possessive too ("Obama's former
            # campaign strategist"), a bare role only without one
            titled = self.bearer(lemma, head.i) is not None
            if person is not None and (poss is None or titled) and head.tag_ != "NNS":
                return self.speaker_of(person), person, "nominal"
            if lemma in _DOCUMENTS and definite and poss is None and not fresh:
                unnamed = self._unnamed(head)
                issuer = self._issuer(head, lemma) if unnamed.name is None else None
                if issuer is not None and issuer.name:
                    return replace(unnamed, name=issuer.name), None, "nominal"
                return unnamed, None, "nominal"
        return self._unnamed(head), None, "nominal"

    def _issuer(self, head: Any, lemma: str) -> Speaker | None:
        """Who issued the document a definite mention refers back to: the owner of the
        latest one of that name before it that names one ("Fox News said in a statement …
        the statement said", "the order Curiel issued … the order said", "the committee’s
        report … the report said"), or None."""
        here = self.sent_of.get(head.i, 0)
        for token in reversed(self.doc[: head.i]):
            if here - self.sent_of.get(token.i, 0) > 20:
                break
            if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.i in self.quoted:
                continue
            owners = [c for c in token.children if c.dep_ == "poss"]
            owners += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            spoken_in = token.dep_ == "pobj" and token.head.lower_ == "in"  # "said in a statement"
            if spoken_in or token.dep_ in ("dobj", "nsubjpass"):
                issuing = token.head.head if spoken_in else token.head
                owners += [c for c in issuing.children if c.dep_ in ("nsubj", "agent")]
            for owner in owners:
                if owner.dep_ == "agent":
                    owner = next((g for g in owner.children if g.dep_ == "pobj"), owner)
                if owner.i in self.person_at:
                    return self.speaker_of(self.person_at[owner.i])
                ent, label = _entity_at(owner)
                if (ent is not None and label in ("ORG", "GPE")) or owner.lemma_.lower() in _BODY_NOUNS:
                    found, _p, _h = self.resolve(owner, None)
                    if found is not None and found.name:
                        return found
        return None

    def _owned_body(self, head: Any, lemma: str) -> Speaker | None:
        """A person's body named by its owner ("the Clinton campaign") or, bare and definite
        ("the campaign"), by the latest one the article named so in the last sentences
        ("Mrs. Clinton's campaign … the campaign said")."""

        def owner(token: Any) -> str | None:
            if any(c.dep_ in ("nmod", "poss") and c.i not in self.person_at for c in token.children):
                return None  # "Sanders’ Senate office": named as written elsewhere
            for c in token.children:
                if c.dep_ in ("compound", "poss") and c.i in self.person_at:
                    return self.person_at[c.i].name
                if (
                    c.dep_ == "compound"
                    and c.pos_ == "PROPN"
                    and c.text[:1].isupper()
                    and c.ent_type_ in ("", "PERSON", "ORG")
                ):
                    return _clean(_join(list(c.subtree)))  # "the Reyes campaign"
            return None

        name = owner(head)
        if name is None and any(c.lower_ in ("the", "this", "that") for c in head.children):
            here = self.sent_of.get(head.i, 0)
            for token in reversed(self.doc[: head.i]):
                if here - self.sent_of.get(token.i, 0) > 6:
                    break
                if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
                    name = owner(token)
                    if name is not None:
                        break
        return Speaker(name=f"{name} {lemma}", type="organisation") if name is not None else None

    def _fullest_organisation(self, text: str) -> str:
        """The longest name the article gives an organisation: "the Security Council" →
        "United Nations Security Council", "IMF" → "International Monetary Fund"."""
        words = set(_org_words(text))
        acronym = text.removeprefix("the ").replace(".", "").strip()
        best = _clean(text)
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or ":" in ent.text:  # "Judicial Watch: State Department …", a headline
                continue
            written = _before_dash(_before_verb(_after_run_on_comma(ent)).text)
            other = _org_words(written)
            initials = "".join(w[0] for w in other if w not in ("of", "and", "for", "on")).upper()
            if (
                (words and words <= set(other))
                or (acronym.isupper() and initials == acronym)
                or _blend_of(acronym, other)
            ):
                if len(written) > len(best):
                    best = _clean(written)
        return best

    def _organisation(self, head: Any, word: str | None = None) -> Speaker | None:
        """The organisation an ``it``/``they``/``the agency`` refers to: the latest one named
        in the last few sentences (whose name holds ``word``, when given)."""
        here = self.sent_of.get(head.i, 0)
        bodies = [
            e
            for e in self.doc.ents
            if _before_verb(e)
            and e.end <= head.i
            and e.label_ in ("ORG", "NORP")
            and e[-1].dep_ != "poss"
            and e.start not in self.person_at
        ]
        if word is None:
            # a pronoun prefers an organisation that was a subject ("the IMF did not …, it …"),
            # then a name no recogniser knew ("Politifact did …; they published …")
            subjects = [e for e in bodies if e.root.dep_ in ("nsubj", "nsubjpass")]
            # "Donald Trump's campaign is defending …; it's denouncing …"
            campaigns = [
                t
                for t in self.doc[: head.i]
                if t.dep_ in ("nsubj", "nsubjpass")
                and t.lemma_.lower() in _BODIES
                and here - self.sent_of.get(t.i, 0) <= 3
                and any(c.dep_ == "poss" and c.i in self.person_at for c in t.children)
            ]
            if campaigns and (not subjects or campaigns[-1].i > subjects[-1].start):
                owner = next(self.person_at[c.i] for c in campaigns[-1].children if c.i in self.person_at)
                return Speaker(name=f"{owner.name} {campaigns[-1].lemma_.lower()}", type="organisation")
            if subjects and here - self.sent_of.get(subjects[-1].start, 0) <= 3:
                return Speaker(name=self._fullest_organisation(subjects[-1].text), type="organisation")
            unknown = [
                t
                for t in self.doc[: head.i]
                if t.dep_ in ("nsubj", "nsubjpass")
                and t.pos_ == "PROPN"
                and not t.ent_type_
                and t.i not in self.person_at
                and here - self.sent_of.get(t.i, 0) <= 2
            ]
            if unknown and not bodies:
                return Speaker(name=unknown[-1].text, type="organisation")
        for ent in reversed(bodies):
            if word is None and here - self.sent_of.get(ent.start, 0) > 3:
                break
            if word is not None and word not in ent.text.lower():
                if (
                    here - self.sent_of.get(ent.start, 0) <= 3
                    and ent.label_ == "ORG"
                    and word in _GENERIC_BODIES
                ):
                    return Speaker(name=self._fullest_organisation(ent.text), type="organisation")
                continue
            if word is None and ent.label_ == "NORP" and head.lower_ == "it":
                continue
            return Speaker(name=self._fullest_organisation(_before_verb(ent).text), type="organisation")
        return None

    def _proper(self, head: Any) -> tuple[Speaker, Person | None, str]:
        """A proper name the entity recogniser missed: joined to a known person if it shortens
        one, else kept as written."""
        tokens = [
            t
            for t in head.subtree
            if t.pos_ == "PROPN" and t.i <= head.i and abs(t.i - head.i) <= 4 and not _opening_verb(t)
        ]
        text = _clean(" ".join(t.text for t in tokens)) or head.text
        words = set(_name_words(text))
        for person in reversed(self.people):
            if words and words <= person.words:
                return self.speaker_of(person), person, "name"
        fullest = self._fullest_organisation(text)
        if fullest != text:  # "Peabody" for "Peabody Energy"
            return Speaker(name=fullest, type="organisation"), None, "name"
        kind = "person" if any(t.lower_.strip(".") in TITLES for t in tokens) else "other"
        if text.isupper() and len(text) > 1 and kind == "other":
            text = text.title() if len(text) > 5 else text
        return Speaker(name=text, type=kind), None, "name"

    def _unnamed(self, head: Any) -> Speaker:
        """A speaker the article does not name: its description, type and named members."""
        # the mention without its relative clauses ("officials, who asked not to be named")
        clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
        tokens = [
            t
            for t in head.subtree
            if t.i not in clauses and (t.dep_ != "punct" or t.i == head.i or possessive_mark(t))
        ]
        text = _clean(_join(tokens[:10]))
        ents = [
            e
            for e in map(_after_dateline, self.doc.ents)
            if e.start >= head.left_edge.i
            and e.end <= head.right_edge.i + 1
            and e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")
            # where they are is no member: "the crowd in Iowa", "voters across the Midwest"
            and not (e.label_ in ("GPE", "LOC", "FAC") and e.root.head.lower_ in _WHERE)
        ]
        # a member's fullest name: "Treadwell and Kessling" lists "Joanna Treadwell"
        members = tuple(
            self.person_at[e.root.i].name if e.root.i in self.person_at else _clean(e.text) for e in ents
        )
        plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
        lemma = head.lemma_.lower()
        if lemma in _BODY_NOUNS | _BODIES:
            kind = "organisation"  # "the committee", "the campaign"
        elif plural or lemma in _COLLECTIVES:
            kind = "group"  # "officials", "the crowd"
        else:
            kind = "document" if lemma in _DOCUMENTS else "person"
        # "the IMF report", "officials at Homeland Security Investigations": the organisation
        # speaks through them
        if lemma in _DOCUMENTS | _OFFICIALS and not any(c.dep_ == "conj" for c in head.children):
            owner = next((e for e in ents if e.label_ == "ORG"), None)
            if owner is not None and (lemma in _DOCUMENTS or plural):
                name = self._fullest_organisation(owner.text)
                return Speaker(name=name, type=kind, description=text or head.text)
        return Speaker(name=None, type=kind, description=text or head.text, members=members)

    def _cataphor(self, pron: Any, exclude: Person | None = None) -> Person | None:
        """The person a pronoun in a sentence's opening phrase refers to when the sentence's
        subject after it is that person ("In his assessment of the magnate, Calderon …",
        "After she spoke, Ortiz said …"), else None."""
        want = PRONOUNS.get(pron.lower_)
        if want not in ("m", "f") or pron.dep_ in ("nsubj", "nsubjpass"):
            return None
        root = pron.sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i <= pron.i:
            return None
        # the pronoun's phrase opens the sentence and hangs from its root, before the subject
        phrase = pron
        while phrase.head.i != root.i and phrase.head.i != phrase.i:
            phrase = phrase.head
        if phrase.dep_ not in ("prep", "advcl", "npadvmod") or phrase.i > subject.i:
            return None
        person = self.person_at.get(subject.i)
        if person is None or person is exclude or person.gender not in (None, want):
            return None
        return person

    def _topic(self, pron: Any, exclude: Person | None = None) -> Person | None:
        """The person a sentence names as its topic before a pronoun subject ("As for Ware,
        he said …"), else None."""
        want = PRONOUNS.get(pron.lower_)
        sent = pron.sent
        if want not in ("m", "f") or pron.dep_ not in ("nsubj", "nsubjpass") or len(sent) < 4:
            return None
        if not (sent[0].lower_ == "as" and sent[1].lower_ in ("for", "to")):
            return None
        comma = next((t.i for t in sent if t.text == ","), None)
        if (
            comma is None
            or comma >= pron.i
            or any(t.pos_ in ("VERB", "AUX") for t in sent.doc[comma : pron.i])
        ):
            return None
        # the name that "for" governs ("As for Ware,"), not a possessor ("As for Ware's plan,")
        person = next(
            (
                self.person_at[t.i]
                for t in sent.doc[sent.start + 2 : comma]
                if t.i in self.person_at
                and (t.dep_ == "pobj" or (t.dep_ == "compound" and t.head.dep_ == "pobj"))
            ),
            None,
        )
        if person is None or person is exclude or person.gender not in (None, want):
            return None
        return person

    def _own_quotation(self, pron: Any) -> set[int]:
        """The tokens of the quotation a pronoun's cue closes ("“I met Bernie's fans,” he
        said"): no one named there is the one who says it."""
        k = pron.i - 1
        while k >= 0 and k not in self.quoted and pron.i - k <= 3 and not self.doc[k].is_alpha:
            k -= 1
        own: set[int] = set()
        while k >= 0 and (k in self.quoted or self.doc[k].is_space):
            own.add(k)
            k -= 1
        return own

    def _antecedent(
        self,
        pron: Any,
        previous: Person | None,
        any_gender: bool = False,
        exclude: Person | None = None,
        gender: str | None = None,
        previous_at: int = -1,
        against: str | None = None,
    ) -> Person | None:
        """The person a pronoun (or a bare title) refers to, by agreement and salience: the
        speaker of the turn it continues, unless another person has since become a subject;
        else the nearest subject."""
        want = gender or (None if any_gender else PRONOUNS.get(pron.lower_))
        if want not in ("m", "f") and not any_gender:
            return None
        here = self.sent_of.get(pron.i, 0)
        scores: dict[int, tuple[float, Person]] = {}
        mentions: dict[int, int] = {}
        for token in self.doc[: pron.i]:
            if token.i in self.person_at:
                mentions[id(self.person_at[token.i])] = mentions.get(id(self.person_at[token.i]), 0) + 1
        latest_subject: tuple[int, Person] | None = None
        own = self._own_quotation(pron)
        described = self._described()
        for token in self.doc[: pron.i]:
            person = self.person_at.get(token.i) or described.get(token.i)
            if person is None or person is exclude or token.i in own:
                continue
            if against is not None and person.gender_sure and person.gender not in (None, against):
                continue  # "She" is never Bernie Sanders, whatever the guesses
            subjectish = _in_subject(token) or _opens_sentence(token)
            if (
                subjectish
                and (want is None or person.gender in (None, want))
                and token.i not in self.reported
                # "Ware did not exude confidence when Holt asked …": the subject of a clause
                # inside the sentence does not take the floor from the sentence's own
                and not (
                    latest_subject is not None
                    and self.sent_of.get(latest_subject[0]) == self.sent_of.get(token.i)
                    and _subordinate_subject(token, complements=True)
                )
            ):
                latest_subject = (token.i, person)
            distance = here - self.sent_of.get(token.i, 0)
            if distance > self.window:
                continue
            if want is not None and person.gender is not None and person.gender != want:
                continue
            score = 1.0 / (1 + distance)
            if token.i in self.reported:
                score -= 0.5  # named inside someone's words, not by the narrative
            if subjectish:
                score += 0.6 / (1 + distance)
            if token.dep_ in ("dobj", "pobj", "dative", "poss"):
                score -= 0.3
            if person.gender == want:
                score += 0.3
            score += 0.05 * min(mentions.get(id(person), 0), 6)
            best = scores.get(id(person))
            if best is None or score > best[0]:
                scores[id(person)] = (score, person)
        turn = previous
        if (
            latest_subject is not None
            and latest_subject[1] is not previous
            and latest_subject[0] > previous_at
        ):
            turn = latest_subject[1]  # someone else has taken the floor since
        if (
            turn is not None
            and (want is None or turn.gender in (None, want))
            and turn is not exclude
            and not (against is not None and turn.gender_sure and turn.gender not in (None, against))
        ):
            if id(turn) in scores:
                scores[id(turn)] = (scores[id(turn)][0] + 1.0, turn)
            elif turn is previous and here - self.sent_of.get(previous_at, here) <= self.window:
                # a pronoun chain ("she says … She urges …") keeps the turn though the name is far back
                scores[id(turn)] = (1.0, turn)
        if not scores:
            if want is not None and not any_gender and gender is None:
                # every person near is of the other gender by our guess: a guess can be wrong,
                # an unresolved pronoun is always wrong
                return self._antecedent(pron, previous, True, exclude, None, previous_at, against=want)
            return None
        return max(scores.values(), key=lambda s: s[0])[1]


# Determiners of a description that brings in someone new ("another supporter wrote").
_NEW_REFERENT = frozenset("a an another one some several many other".split())
# Words for a relative, before a name that shares a surname with someone else ("his
# daughter Ivanka Trump").
_KIN = frozenset(
    """daughter son wife husband brother sister father mother dad mom child children grandson
    granddaughter niece nephew cousin uncle aunt""".split()
)
_VERB_FORMS = frozenset("says said tells told asks asked warns warned slams slammed blasts".split())
_BODY_NOUNS = frozenset(
    """agency commission union committee council board department ministry company firm bank
    court panel network newspaper paper group organization organisation institute foundation
    campaign administration party""".split()
)
# Body nouns that may stand for any recent organisation ("the agency" for "Homeland
# Security Investigations"); the others must appear in its name ("the union").
_GENERIC_BODIES = frozenset("agency company firm organization organisation network".split())
_BODIES = frozenset("campaign administration government team office camp party".split())
# Capitalised words after a person's name that make it the name of something else ("the
# Obama Administration", "the Clinton Foundation").
# Places and institutions named after someone ("the Ronald Reagan Presidential Library").
_NAMED_AFTER = frozenset(
    """room library center centre airport stadium arena building memorial hall bridge institute
    school university college foundation award prize highway avenue street park museum""".split()
)
_NOT_NAME_HEADS = frozenset(
    """administration campaign foundation center centre institute library school university act
    bill plan doctrine era rule team camp family fund group office presidency show""".split()
)
# Nouns for one person, before a name in apposition ("One voter, Guadalupe Potocacetpl").
_PERSON_NOUNS = frozenset(
    """voter resident supporter student worker activist protester member owner mother father
    woman man veteran teacher nurse farmer retiree attendee delegate organizer volunteer""".split()
)
# Nouns for what one person does, in an appositive after a name the recogniser took for an
# organisation ("Eswar Prasad, a professor of economics at Cornell University,").
# Only words for a human being: not "producer", "investor", "leader" or "player", which a
# country or a company can be ("China, the largest investor in the region").
_PROFESSIONS = frozenset(
    """journalist reporter correspondent writer author editor columnist commentator blogger
    professor lecturer researcher scientist economist historian analyst strategist pollster
    consultant adviser advisor aide lawyer attorney lobbyist businessman businesswoman banker
    doctor physician surgeon pastor priest rabbi imam actor actress singer comedian musician
    artist filmmaker spokesman spokeswoman spokesperson lawmaker legislator politician senator
    congressman congresswoman governor mayor diplomat ambassador judge prosecutor sheriff
    coach athlete""".split()
)
# Nouns for many people at once ("the crowd", "the audience").
_COLLECTIVES = frozenset("crowd audience staff public electorate jury family couple".split())
_ROLES = frozenset(
    """nominee candidate businessman billionaire president senator governor congressman
    congresswoman mayor secretary spokesman spokeswoman chairman official lawmaker mogul
    magnate tycoon""".split()
)
_OFFICIALS = frozenset("official officer representative spokesman spokeswoman spokesperson aide".split())
_DOCUMENTS = frozenset(
    """report study poll survey statement letter memo email ad video document analysis order
    ruling filing lawsuit complaint transcript release tweet""".split()
)
