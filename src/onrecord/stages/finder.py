"""The attribution finder: cues and their source and content arguments, from the parse.

Two passes over one parsed Doc.  The quote pass takes every top-level quotation and looks
for the cue it belongs to: a speech verb whose clause is joined to the quotation by the
dependency parse (``“…,” Xi said``) or, where the parse missed it, stands right beside it
(``He continued, “…”``).  The verb pass takes every cue verb left and reads its content
from the parse: a clausal complement (``said that …``), a to-infinitive (``vowed to …``), an
object for the verbs that report through one (``denied the report``), a relative pronoun
(``…, which Beijing has denied``), and ``according to X``.  The cue lexicon
(``lexicon.py``) says which lemmas count and how often they are cues on PolNeAR train.

This is the replaceable stage: a learned finder returns the same ``Candidate`` list.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Span
from .candidate import Candidate, SpanIndex
from .lexicon import (
    CLAUSE_CUES,
    DASHES,
    INFINITIVE_CUES,
    NAME_SUFFIXES,
    OBJECT_CUES,
    QUOTE_CUES,
    TELL_VERBS,
    cue_precision,
)
from .scanner import MARKS_RE, Quote
from .scorer import threshold_key

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Verbs of saying that, joined to a reported clause without a subject, are the speaker's next
# act ("… and called the venture ''a great example''").
_SECOND_ACTS = (
    frozenset("call say add tell insist argue warn vow pledge promise describe dub deny accuse".split())
    | TELL_VERBS
)
# Verbs whose "to" is part of the cue: "referred to X as …", "pointed to the polls".
_TO_CUES = frozenset("refer point allude respond object turn appeal react".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())
_CONTENT_DEPS = ("ccomp", "parataxis")
# Words that open a clause of time, reason or concession set off after a name ("Ware, hours
# after …, said").
_ASIDE_OPENERS = frozenset("after before when while since although though because once".split())
# Adverbs in "-ly" that a capital letter inside a sentence does not make a surname ("But
# Finally called …" is a typo; "And Skelly called …" is Skelly).
_LY_ADVERBS = frozenset(
    """finally only really clearly certainly obviously likely actually apparently reportedly
    recently initially ultimately eventually nearly simply merely previously publicly privately
    quickly immediately separately similarly additionally importantly frankly honestly basically
    generally usually typically originally subsequently repeatedly personally specifically
    especially particularly largely mostly partly fully directly quietly openly strongly firmly
    sharply briefly angrily politely bluntly""".split()
)
# What may follow a cue that closes its sentence: when and where it was said, and the marks.
_WHEN_DEPS = ("prep", "npadvmod", "advmod")
_CLOSERS = frozenset(". ! ? \" \u201d \u2019 '".split())
# Prepositions after an adjective that hold what a stance is about ("skeptical of",
# "worried about", "upbeat on", "angry over", "furious with").
_STANCE_PREPS = frozenset("of about on over with toward towards against".split())
# Prepositions of a verb's circumstances (time, place, medium), not of what was said.
_ADJUNCT_PREPS = frozenset(
    """in on at during after before since until by with from through amid despite over via
    across among throughout following near around upon""".split()
)
# Verbs of going on or starting, which join the cue verb they take ("continued to portray").
_ASPECTUAL = frozenset("continue begin start resume proceed go keep".split())
# A verb's preposition that holds part of what was said, though it often marks
# circumstances ("blamed the violence on a “disturbed person”", "credited him with …").
_ARGUMENT_PREPS = frozenset(
    (verb, prep)
    for verbs, prep in (
        ("blame pin focus", "on"),
        ("credit compare replace associate link charge equate", "with"),
        ("slam criticize criticise attack blast fault rebuke chide scold", "over"),
        ("congratulate", "on"),
    )
    for verb in verbs.split()
)
_STOPS = " \t\n.,;:!?"
# What someone issues, sends or posts that a participle after it can quote ("a statement saying").
# Verbs of saying that answer "yes", "no" or "so".
_ANSWERS = frozenset("say answer reply respond".split())
_POSSESSIVE_PRONOUNS = frozenset("his her their its my our your".split())
# Nouns of people who hold a view of someone: the name compounded with one is whom they
# back or fight ("Bernie Sanders supporters"), not who holds it.
_BACKERS = frozenset(
    "supporter backer critic opponent ally fan defender proponent advocate detractor".split()
)
# Verbs that direct the one they name to do what their infinitive says.
_DIRECTING = TELL_VERBS | frozenset("push pressure call force lobby".split())
# Verbs whose object does not do what their infinitive says: "promised voters to fix it",
# "used his speech to call for …", "had this to say"; nor, here, the ones told or urged
# ("pushing Democrats to reject …" is what Sanders pushes for, not what Democrats said).
_NOT_OBJECT_CONTROL = (
    frozenset("promise vow pledge use have take spend need give push".split()) | TELL_VERBS | INFINITIVE_CUES
)
# How the parser hangs a share of people it did not take for the subject ("About 4 in 10 say").
_COUNTING_DEPS = ("nummod", "quantmod", "advmod", "npadvmod", "prep", "nmod", "amod")
_COUNTING_WORDS = frozenset(
    "most many more some half majority few fewer all percent % third thirds quarter quarters".split()
)
# Verbs whose content may be a question ("asked if …", "wondered whether …").
_QUESTIONING = frozenset("ask wonder question inquire enquire".split())
_STATEMENTS = frozenset(
    """statement release letter message memo email e-mail post tweet note op-ed editorial column
    video ad advertisement report piece article commercial""".split()
)
# Verbs of saying that open a sentence before the speaker's name: "Added Ward: “…”".
VERBS_FIRST = frozenset(
    """said added stated continued wrote explained noted asked declared concluded warned remarked
    tweeted quipped replied responded argued insisted countered recalled observed joked cautioned
    posted""".split()
)
# What may stand between a content and the quotation it runs into: space or a spaced dash.
_GAP_RE = re.compile(r"[ \t]*(?:(?:--|[\u2013\u2014])[ \t]*)?")
# Verbs by which someone receives what others say of them ("drew criticism from …"), and the
# prepositions that name the ones who say it.
_RECEIVING = frozenset(
    "draw face receive get attract win earn garner gain enjoy have spark provoke court command".split()
)
_GIVING_PREPS = frozenset("from among within".split())
_OBJECT_DEPS = ("dobj", "prep", "oprd", "xcomp", "ccomp", "dative", "attr", "acomp")
_CLAUSE_END = {",", ".", "?", "!", "\u2014", "\u2013", "-", "--", "\u2026", ":"}
# Words for the occasion of a statement: "in an interview with …", "in an email to …".
# Verbs whose object noun of saying is their subject's ("voiced criticism of …")
# Prepositions by which a verb carries a stance its subject takes: "voted in favor of",
# "roused the crowd with criticism of", "backed away from a suggestion that".
_HOLDING_PREPS = frozenset("in with from to under".split())
# Verbs whose object after "to" is someone else's words: "responded to criticism of …".
_ANSWERING = frozenset("respond react reply answer object listen point refer".split())
_HOLDING = frozenset("voice express make issue offer raise share have hold level lodge".split())
_MEDIA = frozenset(
    """interview statement letter call email e-mail memo message appearance conversation speech
    briefing meeting breakfast dinner lunch session forum broadcast podcast""".split()
)
# Common nouns for the people a statement is made to ("said to reporters").
_AUDIENCES = frozenset(
    """reporter journalist supporter crowd audience voter member lawmaker official student group
    committee people host viewer listener reader delegate congress senator representative
    colleague follower donor worker employee staff press media panel jury court board council
    nation country world family parent child woman man friend leader government administration
    president governor mayor minister office campaign team agency department organization party
    class graduate diner rally hall gala convention gathering caucus conference assembly
    legislature parliament senate house chamber caller questioner interviewer moderator anchor
    public judge candidate nominee mogul billionaire millionaire secretary chief aide official
    executive rival opponent ally partner counterpart camera""".split()
)
# What one makes, offers or delivers to someone that is itself said to them ("made the case to
# women that …", "offered an olive branch to the party officials").
_SAID_THINGS = frozenset(
    """case message apology warning speech argument pitch plea appeal branch promise assurance
    reminder address remarks greeting tribute thanks condolence condolences explanation answer
    ultimatum challenge invitation""".split()
)
# Verbs of telling whose object is always the one told ("assured donors", "told the story"
# aside); the others' object is an addressee only if it can be one ("promised voters", not
# "promised a wall"; "encouraged supporters", not "encouraged the base’s revulsion").
_TOLD_OBJECT = frozenset("tell ask inform assure reassure remind brief notify".split())
# Verbs that make an addressee of their object only with an infinitive after it: "is pushing
# fellow Senate Democrats to reject …", "Cruz coached Trump to “breathe”".
_PUSHING = frozenset("push pressure prod nudge coach lobby".split())
# Verbs whose object is the one addressed when a reason follows ("thanked voters for …").
_THANKING = frozenset("thank congratulate".split())
# Verbs whose "with" names the one appealed to ("pleaded with Republicans to …").
_PLEADING = frozenset("plead reason remonstrate".split())
# Prepositions whose object is what a cue reports ("complained about X", "criticism of X").
_CONTENT_PREPS = frozenset("about against at for of on over with that".split())
# Nouns whose "to" names what they are about ("opposition to Trump"), not whom they are
# addressed to ("a letter to Congress")
_TO_NOUNS = frozenset(
    """opposition response reference attention commitment objection tribute allusion resistance
    reply answer challenge hostility aversion sympathy allegiance loyalty""".split()
)
# Verbs that, with "back", answer in kind ("shot back", "fired back", "hit back")
_ANSWERING = frozenset("shoot fire hit jab snap push strike bite swing lash punch".split())
_INNER_BELIEFS = frozenset(
    "think believe hope expect recall seem appear feel know fear wish want remember".split()
)
# verbs whose subject is what seems, not who says it ("Christie seemed to …")
_RAISING = frozenset("seem appear look sound".split())
# passives whose subject speaks ("was quoted as saying") or feels ("is worried that")
_PASSIVE_SPEAKERS = frozenset(
    "quote hear overhear record worry concern convince divide impress shock assure please "
    "disappoint surprise satisfy encourage frighten alarm trouble anger upset persuade commit "
    "determine prepare interest excite dismay stun outrage offend bother confuse inspire hearten "
    "relieve disturb horrify thrill delight sadden embarrass insult appal appall scare annoy".split()
)
# passives whose subject was spoken to: no source, and the subject is no part of the words
_PASSIVE_ADDRESSED = frozenset("ask tell question press inform".split())
# participles that give a name ("a measure called the Freedom Act")
_NAMED = frozenset("know call title entitle label name dub nickname brand term".split())
# passives with a preposition whose subject is what others say something of ("is accused of",
# "is best known for", "was asked about")
_PASSIVE_JUDGED = _PASSIVE_ADDRESSED | frozenset(
    "accuse charge criticize criticise blame suspect challenge know praise condemn fault "
    "credit warn urge fine sue investigate".split()
)
_NAMING = frozenset("call term describe dub label brand characterize characterise".split())
_ADDRESSING = frozenset("speak talk address write respond reply".split())
# "pointed to", "referred to": a "to" that names no addressee.
_NOT_TO_ADDRESSEE = frozenset(
    "point refer turn go come listen look lead contribute object add allude pledge".split()
)
# What respondents say "in" (a poll), and the words for a share of them ("31 percent").
_POLLS = frozenset("poll survey".split())
_SHARES = frozenset("percent % majority half plurality third quarter".split())
# Verbs whose subject does not own a quotation in their object: "the bill, known as “…”".
_NOT_GOVERNORS = frozenset(
    """be know title name dub call have include feature mean use make send take give get put
    require license participate""".split()
)
# What one tells rather than whom: "telling the story of …", "told the truth".
_TOLD_THINGS = frozenset(
    """story truth lie joke tale anecdote version news secret thing something anything nothing
    everything""".split()
)
# Verbs whose "on" may name the programme a statement was made on ("said on “Meet the Press”").
_ON_AIR = frozenset(
    """say speak appear tell talk admit acknowledge add explain argue insist claim predict suggest
    declare announce note joke quip concede repeat warn state assert contend maintain stress vow
    promise boast complain lament reiterate recall remark observe respond reply""".split()
)
# Adverbs before a cue that are not part of it: sentence links and questions.
_NOT_CUE_ADVERBS = frozenset(
    """then so thus however therefore meanwhile instead how when where why as here there indeed
    otherwise""".split()
)
# Occasions named after the outlet that holds them ("in a CNN interview", "in an MSNBC forum").
_INTERVIEWS = frozenset("interview forum appearance broadcast podcast".split())
# Verbs of sending whose object may be the message rather than its reader ("emailed a link").
_SENDING = frozenset("email e-mail text message".split())
# Where a statement is posted or aired, not who it is made to ("said on Twitter").
_CHANNELS = frozenset(
    """twitter facebook instagram youtube snapchat reddit tumblr linkedin periscope website site
    blog television tv radio air stage floor trail phone telephone camera record internet web
    page feed account hill""".split()
)


def _day(token: Any) -> bool:
    """A day named as when something was said ("vowed Tuesday", not "USA TODAY")."""
    return token.lower_ in _WEEKDAYS and not token.is_upper


def _mention(token: Any) -> list[int]:
    """An addressee mention: the phrase a token heads, without relative clauses, dates and
    prepositional phrases other than "of" ("Reynolds from behind the camera" is Reynolds;
    "members of the committee" stays whole), nor the place or employer after a name ("The
    Star-Ledger of Newark", "Bill O'Reilly of Fox News")."""
    drop: set[int] = set()
    for child in token.children:
        of_name = child.lower_ == "of" and (
            token.pos_ != "PROPN"
            or any(
                c.dep_ == "pobj"
                and c.pos_ == "PROPN"
                and c.ent_type_ != "GPE"
                and token.ent_type_ != "PERSON"
                for c in child.children
            )
        )
        if child.dep_ in ("relcl", "acl", "npadvmod", "appos") or (child.dep_ == "prep" and not of_name):
            drop.update(t.i for t in child.subtree)
    tokens = [
        t
        for t in token.subtree
        if t.i not in drop
        and (t.dep_ != "punct" or _inside_word(t) or possessive_mark(t))
        and (t.i == token.i or t.ent_type_ not in ("DATE", "TIME"))
    ]
    # a name the parser broke off ("MSNBC’s Morning | Joe Monday", "Bill | O’Reilly")
    doc, end = token.doc, max(t.i for t in tokens)
    while (
        end + 1 < len(doc)
        and doc[end].text[:1].isupper()
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].pos_ not in ("VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT")
        and doc[end + 1].ent_type_ not in ("DATE", "TIME")
        and end + 1 not in drop
        and len(tokens) < 8
    ):
        end += 1
        tokens.append(doc[end])
    return [t.i for t in tokens][:8]


def _addressed(verb: Any) -> list[int]:
    """The object of "addressing": "Addressing the party’s annual gala, Trump said …"."""
    if verb.lemma_.lower() != "address":
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj" and _is_people(c)), None)
    return _mention(obj) if obj is not None else []


def _to_joins_cue(verb: Any, cue: list[int], content: list[Any]) -> tuple[list[int], list[Any]]:
    """(cue, content) with the "to" of "referred to Rubio as “…”", "pointed to the polls"
    moved from the content into the cue, as PolNeAR marks it."""
    first = min(content, key=lambda t: t.i)
    if first.lower_ == "to" and first.head.i == verb.i and verb.lemma_.lower() in _TO_CUES:
        return sorted(set(cue) | {first.i}), [t for t in content if t.i != first.i]
    return cue, content


def _finite(verb: Any) -> bool:
    """True for a verb with a tense: "said", "says", "has said", "did not mention", "will
    say" (not "saying", "to say" or "said" as a participle)."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    if verb.tag_ == "VBN":
        return any(c.lemma_ == "have" for c in aux)
    return verb.tag_ == "VB" and any(c.tag_ in ("MD", "VBD", "VBZ", "VBP") and c.lower_ != "to" for c in aux)


def _asked_passive(verb: Any) -> bool:
    """True for "asked" as a passive participle with no agent: "Asked about it, O'Neill
    said …", "when asked about his daughter's work, he …"."""
    return (
        verb.lemma_.lower() == "ask"
        and verb.tag_ in ("VBN", "VBD")
        and verb.dep_ in ("advcl", "xcomp", "acl", "dep")
        and not any(c.dep_ in ("agent", "nsubj", "aux", "dobj", "dative") for c in verb.children)
    )


def _counted(doc: Any, source: list[int]) -> bool:
    """True for a share of respondents as a source: "31% of Republicans", "six in 10"."""
    return any(doc[i].ent_type_ in ("PERCENT", "CARDINAL") or doc[i].lower_ in _SHARES for i in source)


def possessive_mark(token: Any) -> bool:
    """True for the apostrophe of a plural possessive: "Sanders’ Senate office"."""
    doc = token.doc
    return (
        token.text in "'\u2019"
        and token.i > 0
        and not doc[token.i - 1].whitespace_
        and doc[token.i - 1].lower_.endswith("s")
    )


def _inside_word(token: Any) -> bool:
    """True for punctuation within a name, between two words with no space: the hyphen of
    "The Star-Ledger", the ampersand of "AT&T"."""
    doc = token.doc
    return (
        token.text in "-&/.'\u2019"
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and doc[token.i - 1].is_alpha
        and doc[token.i + 1].is_alpha
    )


def _is_audience(token: Any) -> bool:
    """True for a word that can name whom a statement is made to: a name, a pronoun, an
    organisation, "reporters"."""
    return (
        token.pos_ in ("PROPN", "PRON")
        or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.lemma_.lower() in _AUDIENCES
    )


def _cue_between(verb: Any, token: Any) -> bool:
    """True when a verb of saying other than ``verb`` stands between the token and ``verb``
    in the parse ("appeared to dismiss it in October, when he told Clinton that …": the
    clause is what he told her)."""
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in CLAUSE_CUES:
            return True
    return False


def _is_people(token: Any) -> bool:
    """True for a word that can name people: an audience word, or a noun of a person's role
    ("voters", "activists", "Republicans", "officials")."""
    lemma = token.lemma_.lower()
    return _is_audience(token) or (
        token.pos_ == "NOUN"
        and lemma.endswith(("er", "or", "ist", "ian", "ant", "man", "delegate", "official"))
    )


def _is_someone(token: Any) -> bool:
    """True for a word that can name who is addressed: people ("voters"), a person's or a
    body's name ("Trump", "Congress") or a personal pronoun ("him")."""
    return (
        _is_people(token)
        or token.ent_type_ in ("PERSON", "ORG", "NORP")
        or (token.pos_ == "PRON" and token.lower_ in ("him", "her", "them", "me", "us", "you"))
    )


# Nouns for a work whose title may follow after a comma ("his new book, ''…,''").
_WORKS = frozenset(
    """book memoir novel film movie documentary show program programme series column op-ed
    essay article song album podcast ad advertisement video play""".split()
)
# Words after which a short quotation in title case is the name of a work or a programme.
_TITLE_BEFORE = frozenset(
    """on in of for from at with by about to star host anchor show program programme film movie
    book series magazine column podcast album song titled entitled""".split()
)


def title_spans(doc: Any, quotes: list[Any]) -> list[Span]:
    """The spans of the top-level quotations that name a work or a programme (``_is_title``),
    found once per document: the finder and the linker both ask."""
    cache = doc.user_data.setdefault("onrecord_titles", {})
    key = tuple(quote.span for quote in quotes if quote.depth == 0)
    if key not in cache:
        found = []
        for quote in quotes:
            if quote.depth != 0:
                continue
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is not None and _is_title(doc, quote, list(span)):
                found.append(quote.span)
        cache.clear()
        cache[key] = found
    return cache[key]


def _interviews(sent: Any) -> list[Any]:
    """The "in an interview with …" prepositions of a sentence (read once per sentence; the
    cache keeps token indices, so that it holds no reference back to the Doc)."""
    doc = sent.doc
    cache = doc.user_data.setdefault("onrecord_interviews", {})
    if sent.start not in cache:
        cache[sent.start] = [
            t.i
            for t in sent
            if t.dep_ == "prep"
            and t.lower_ in ("in", "during")
            and any(c.dep_ == "pobj" and c.lemma_.lower() in _INTERVIEWS for c in t.children)
        ]
    return [doc[i] for i in cache[sent.start]]


def _within(spans: list[Span], outer: list[Span]) -> bool:
    """True when every span lies inside one of ``outer``."""
    return bool(outer) and all(any(o.start <= s.start and s.end <= o.end for o in outer) for s in spans)


def _is_title(doc: Any, quote: Any, tokens: list[Any]) -> bool:
    """True for a quotation that names a work or a programme: a few words in title case right
    after a preposition or a possessive ("on “CBS This Morning,”", "ABC’s “This Week”")."""
    if len(quote.pieces) > 1 or not tokens:
        return False
    words = [t for t in tokens if t.is_alpha]
    if not words or len(words) > 8:
        return False
    if any(not t.text[:1].isupper() for t in words if len(t) > 3):
        return False
    if any(t.text in ".!?" for t in tokens[:-2]):
        return False
    before = next((t for t in reversed(doc[max(0, tokens[0].i - 2) : tokens[0].i]) if not t.is_quote), None)
    if before is not None and before.text == "," and before.i > 0:
        before = doc[before.i - 1]  # "In his new book, ''Doomed to Succeed,''"
        return before.lemma_.lower() in _WORKS
    return before is not None and (
        before.lower_ in _TITLE_BEFORE or before.tag_ in ("POS", "PRP$") or before.lower_ == "the"
    )


# Phrases that link sentences with a verb of saying in them: nobody says anything. Those
# whose last word may open a clause ("Having said that the plan was dead, …") count only
# before a comma or the sentence's end.
_LINKING_SAYINGS = (
    (("needless", "to", "say"), False),
    (("suffice", "it", "to", "say"), False),
    (("suffice", "to", "say"), False),
    (("so", "to", "speak"), False),
    (("that", "is", "to", "say"), False),
    (("truth", "be", "told"), False),
    (("having", "said", "that"), True),
    (("having", "said", "this"), True),
)


def _linking_index() -> dict[str, list[tuple[tuple[str, ...], int, bool]]]:
    """Each word of those phrases: the phrases it is in, where, and whether a comma must follow."""
    index: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
    for phrase, closed in _LINKING_SAYINGS:
        for k, word in enumerate(phrase):
            index.setdefault(word, []).append((phrase, k, closed))
    return index


_LINKING_AT = _linking_index()


def _linking_phrase(verb: Any) -> bool:
    """True for the verb of a phrase that links sentences: "That said, …", "That being said,
    …", "All told, …", "Having said that, …", "Needless to say, …" ("All said, in separate
    interviews, that …" and "This said, “…”" are statements)."""
    doc = verb.doc
    i = verb.i
    if verb.lower_ in ("said", "told") and i + 2 < len(doc) and doc[i + 1].text == ",":
        first = i - 1
        if first >= 1 and doc[first].lower_ == "being":
            first -= 1
        after = doc[i + 2]
        said_something = (
            after.is_quote
            or (after.head.i == i and after.dep_ in ("prep", "advmod", "npadvmod"))
            or any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in verb.children
            )
        )
        if first >= 0 and doc[first].lower_ in ("that", "this", "all") and not said_something:
            before = doc[first - 1] if first else None
            if (
                before is None
                or doc[first].is_sent_start
                or before.is_space
                or before.text in (",", ";", ":", "(", ".")
                or before.text in DASHES
                or before.lower_ in ("and", "but", "so", "yet")
            ):
                return True
    for phrase, k, closed in _LINKING_AT.get(verb.lower_, ()):
        start = i - k
        end = start + len(phrase)
        if start < 0 or end > len(doc) or any(doc[start + j].lower_ != w for j, w in enumerate(phrase)):
            continue
        if not closed or end == len(doc) or doc[end].text in (",", ".", ";", ":", "!", "?"):
            return True
    return False


def _programme_after(prep: Any) -> list[int]:
    """The programme or outlet named right after "on" ("ABC’s “This Week”", "CNN", "“Meet
    the Press”"), not a place, a person, a day or a channel such as Twitter; else []."""
    doc = prep.doc
    i = prep.i + 1
    quoted = False
    while i < len(doc) and (doc[i].is_quote or doc[i].is_space):
        quoted, i = quoted or doc[i].is_quote, i + 1
    if i >= len(doc):
        return []
    first = doc[i]
    if first.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW"):
        return []
    if first.lower_ in _CHANNELS or not first.text[:1].isupper():
        return []
    if not (quoted or first.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT")):
        return []
    found: list[int] = []
    inside = quoted
    for token in doc[i : i + 12]:
        if token.is_quote:
            if inside and found:
                break  # the title's closing mark
            inside = True
            continue
        if "\n" in token.text or (token.is_punct and not inside):
            break
        if not inside and not (
            token.pos_ == "PROPN" or token.tag_ == "POS" or token.ent_type_ in ("ORG", "WORK_OF_ART")
        ):
            break
        if inside and token.is_punct and token.text in ".,;:!?":
            break
        found.append(token.i)
    if any(doc[k].lower_ in _CHANNELS for k in found):  # "on Capitol Hill", "on Fox’s website"
        return []
    return found


_BYLINE_RE = re.compile(r"[ \t\u00a0]*(\u2015|\u2014|\u2013|--?)[ \t\u00a0]*(?=\w)")
# the same signature in a paragraph of its own under the quotation
_SIGNED_BELOW_RE = re.compile(r"[ \t\u00a0]*\n\s*(\u2015|\u2014|\u2013|--?)[ \t\u00a0]*(?=[A-Z])")
_EDGE_PUNCT = set(",;:-\u2014\u2013 \n")


def token_span(tokens: list[Any]) -> Span:
    return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def closing_words(tokens: list[Any]) -> list[Any]:
    """A quotation's tokens without spaces and without the closing marks of quotations
    nested at its end: in “She said ‘…,’” the word before the closing mark is the comma."""
    words = [t for t in tokens if not t.is_space]
    while len(words) > 2 and MARKS_RE.fullmatch(words[-2].text):
        del words[-2]
    return words


def trim(tokens: list[Any]) -> list[Any]:
    """Drop punctuation and spaces at both edges of a token list (quotation marks stay)."""
    while tokens and (tokens[0].is_space or tokens[0].text in _EDGE_PUNCT or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in _EDGE_PUNCT or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    return tokens


def dateline_dash(sent: Any) -> int | None:
    """The index of the dash that ends a sentence's dateline ("CEDAR FALLS, Iowa - …",
    "WASHINGTON (AP) — …"), else None: the sentence opens with a place in capitals, every
    word of it up to its first comma or parenthesis in capitals ("EU leaders - …" is no
    dateline), and a spaced dash follows within ten tokens, before anything but a word of a
    headline in capitals."""
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    dash = next(
        (
            t.i
            for t in sent[:10]
            # a spaced dash, not the hyphen of "Seitz-Wald" or "big-money"
            if t.text in DASHES and t.i > first.i and t.whitespace_ and t.nbor(-1).whitespace_
        ),
        None,
    )
    if dash is None or dash + 1 >= sent.end:
        return None
    after = sent.doc[dash + 1]
    if after.is_upper and after.is_alpha and len(after) > 3:
        return None  # a headline in capitals goes on ("SANDERS LEADS - POLL SHOWS …")
    place = next((t.i for t in sent.doc[first.i : dash] if t.text in (",", "(")), dash)
    if not all(t.is_upper for t in sent.doc[first.i : place] if t.is_alpha):
        return None
    return dash


_DATELINES = "onrecord_datelines"


def _datelines(doc: Any) -> dict[int, tuple[int, int]]:
    """{dash: (sentence start, sentence end)} for the datelines of ``doc``, found once and
    kept in ``doc.user_data``."""
    found = doc.user_data.get(_DATELINES)
    if found is None:
        found = {}
        for sent in doc.sents:
            dash = dateline_dash(sent)
            if dash is not None:
                found[dash] = (sent.start, sent.end)
        doc.user_data[_DATELINES] = found
    return found


def dateline_in(doc: Any, i: int) -> int | None:
    """The dash of the dateline that opens the sentence of token ``i``, else None."""
    return next((dash for dash, (start, end) in _datelines(doc).items() if start <= i < end), None)


def unseat_datelines(doc: Any) -> None:
    """Take a dateline out of the subjects of the verb after it, in place: in "MYRTLE BEACH,
    S.C. - Sen. Ted Cruz continued …" the parser makes "BEACH" a subject of "continued",
    beside "Cruz" or with "Cruz" as its apposition, and the place would become the speaker.
    The dateline's subject becomes an adverbial of place; a name after the dash that the
    parser hung on it becomes the verb's subject, and words of the dateline the parser hung
    on that name ("Iowa - Dana Holt") go back to the dateline. This is the one place where
    the pipeline changes spaCy's parse, so every later stage reads the same tree."""
    for dash, (start, _end) in _datelines(doc).items():
        for token in doc[start:dash]:
            if token.dep_ not in _SUBJECTS or token.head.i <= dash:
                continue
            verb = token.head
            if not any(c.dep_ in _SUBJECTS and c.i > dash for c in verb.children):
                # "MOUNT PLEASANT, Iowa - Sen. Dana Holt continued": Holt, the apposition
                name = next(
                    (
                        c
                        for c in token.children
                        if c.dep_ in ("appos", "conj") and c.i > dash and c.pos_ in ("PROPN", "NOUN")
                    ),
                    None,
                )
                if name is None:
                    continue
                name.head = verb
                name.dep_ = token.dep_
            token.dep_ = "npadvmod"
        # "CEDAR FALLS, Iowa - Dana Holt said": "Iowa" and the dash hung on the name go to
        # the place the dateline names, where that hangs from the verb
        place = next((t for t in doc[start:dash] if t.head.i > dash and t.head.pos_ in ("VERB", "AUX")), None)
        if place is not None:
            for token in doc[start : dash + 1]:
                if token.head.i > dash and token.i != place.i:
                    token.head = place


class Finder:
    """Proposes attributions from a parsed Doc and its quotations (module docstring).

    Calling it first takes a dateline out of the subjects in the Doc's parse, in place
    (``unseat_datelines``), so the resolver after it reads the same tree.

    near: how many tokens may stand between a quotation and a cue that the parse did not
    join to it.
    """

    def __init__(self, near: int = 6, scorer: Any = None) -> None:
        self.near = near
        self.scorer = scorer
        # with a learned scorer every verb with a complement is a candidate and the scorer
        # decides; without one the cue lexicon does (training sets it for its own scorer)
        self.open = scorer is not None
        # nouns that report ("claim", "decision"): known to the learned model only
        self.noun_cues: frozenset[str] = frozenset(getattr(scorer, "noun_cues", ()))
        # adjectives that report a stance ("skeptical of"): likewise
        self.adjective_cues: frozenset[str] = frozenset(getattr(scorer, "adjective_cues", ()))

    def __call__(self, doc: Any, quotes: list[Quote]) -> list[Candidate]:
        unseat_datelines(doc)
        top = [q for q in quotes if q.depth == 0]
        text = doc.text  # spaCy joins the tokens anew on every access
        in_quote = self._quote_index(doc, top)
        quote_tokens: dict[int, list[Any]] = {}
        for token in doc:
            if in_quote[token.i] >= 0:
                quote_tokens.setdefault(in_quote[token.i], []).append(token)
        pieces = SpanIndex((piece, qi) for qi, quote in enumerate(top) for piece in quote.pieces)
        found: list[Candidate] = []
        used_cues: set[int] = set()
        by_cue: dict[tuple[int, ...], Candidate] = {}
        titles = title_spans(doc, top)
        for qi, quote in enumerate(top):
            if quote.span in titles:
                continue  # said on “CBS This Morning”: a name, not words anyone said
            cand = self._quote_cue(doc, text, quote, qi, in_quote, quote_tokens.get(qi, []))
            if cand is None:
                continue
            # “A,” he said, “B.”: the same cue takes the second piece
            same = by_cue.get(tuple(cand.cue))
            if same is not None:
                same.content.extend(cand.content)
                same.quotes.extend(cand.quotes)
                continue
            found.append(cand)
            by_cue[tuple(cand.cue)] = cand
            used_cues.update(cand.cue)
        proposed = []
        rejected: set[int] = set()
        for token in doc:
            if token.i in used_cues or in_quote[token.i] >= 0:
                continue
            cand = self._verb_cue(doc, token, in_quote)
            if cand is not None and not _within(cand.content, titles):  # "spoke on “CBS This Morning”"
                proposed.append(cand)
        if self.scorer is not None:
            self._mark_outer(doc, proposed, found)
            kept = []
            for cand in proposed:
                if cand.route.startswith("noun") and cand.outer and not cand.source:
                    continue  # "said he hopes it sends a message that …": part of the outer words
                probability = self.scorer(doc, cand, in_quote)
                if probability >= self.scorer.threshold_for(threshold_key(doc, cand)):
                    cand.confidence = round(probability, 4)
                    kept.append(cand)
                else:
                    # the model weighed this verb and said no: its quotation does not make
                    # it a cue after all ("crushed the “establishment” candidate")
                    rejected.update(cand.cue)
            proposed = kept
        proposed = self._without_carriers(doc, proposed, found)
        proposed = self._merged_infinitives(doc, proposed)
        polls = [c for c in proposed if c.route == "poll"]
        if polls:
            # "In a CNN/ORC poll, 31% of Republicans said …": the poll frames what its
            # respondents said, as one attribution
            inside = SpanIndex((span, id(c)) for c in polls for span in c.content)
            proposed = [
                c
                for c in proposed
                if c.route == "poll"
                or not (inside.holders(doc[c.cue[0]].idx, doc[c.cue[0]].idx) and _counted(doc, c.source))
            ]
        for cand in proposed:
            found.append(cand)
            used_cues.update(cand.cue)
        for cand in found:
            cand.content = [self._cover_quotes(text, span, pieces, top) for span in cand.content]
        cues = SpanIndex((Span(doc[i].idx, doc[i].idx + len(doc[i])), id(c)) for c in found for i in c.cue)
        self._reach_quotes(text, found, top, cues)
        # "she said she recalls …", "said he thought that …": the inner belief repeats the
        # outer statement; "what he called …" sits inside the words of another cue. What
        # someone seemed to do holds no one's words ("appeared to dismiss it, when he told
        # Clinton that …")
        holding = [c for c in found if doc[c.cue[-1]].lemma_.lower() not in _RAISING]
        contents = SpanIndex((span, id(c)) for c in holding for span in c.content)
        found = [
            c
            for c in found
            if not (
                (
                    c.route == "naming"
                    or doc[c.cue[-1]].lemma_.lower() in _INNER_BELIEFS
                    or (len(c.source) == 1 and doc[c.source[0]].lower_ in ("he", "she", "they", "we", "i"))
                )
                and self._nested(c, contents)
            )
        ]
        contents = SpanIndex((span, id(c)) for c in found for span in c.content)
        # a quotation no cue took, inside the object of a clause with a subject: the subject
        # says it ("Trump openly admires Putin as a “strong leader”")
        for qi, quote in enumerate(top):
            if contents.holders(quote.start, quote.end) or quote.span in titles:
                continue
            cand = self._governor(doc, quote, qi, in_quote, used_cues | rejected, quote_tokens.get(qi, []))
            if cand is not None:
                found.append(cand)
                used_cues.update(cand.cue)
        # "said in a statement that …" proposes "said" and "statement" with the same words:
        # one attribution, the one whose cue comes first
        first: dict[tuple[Span, ...], int] = {}
        for cand in found:
            key = tuple(cand.content)
            first[key] = min(first.get(key, cand.cue[0]), cand.cue[0])
        found = [c for c in found if first[tuple(c.content)] == c.cue[0]]
        starts = SpanIndex((quote.span, qi) for qi, quote in enumerate(top))
        for cand in found:
            cand.quotes = sorted(
                {qi for s in cand.content for qi in starts.within(s.start, s.end)} | set(cand.quotes)
            )
        return found

    @staticmethod
    def _without_carriers(doc: Any, proposed: list[Candidate], quoted: list[Candidate]) -> list[Candidate]:
        """Drop the verb that issued a statement whose words a verb of its own reports
        ("issued a statement saying …", "released a video that said …", "posted a message
        reading “…”"): the words are one attribution, the one of the verb that reports them."""
        carriers: set[int] = set()  # the issuing verbs and their statements
        for cand in proposed + quoted:
            head = cand.head if cand.head is not None else (cand.cue[-1] if cand.cue else None)
            if head is None:
                continue
            verb = doc[head]
            noun = verb.head
            says = verb.dep_ == "acl" or (
                verb.dep_ == "relcl"
                and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)
            )  # the statement says it, not "the message that officials expect"
            if says and noun.dep_ == "dobj" and noun.lemma_.lower() in _STATEMENTS:
                carriers.update((noun.i, noun.head.i))
        return [
            c
            for c in proposed
            if not ((c.route == "object" or c.route.startswith("noun")) and c.head in carriers)
        ]

    @staticmethod
    def _merged_infinitives(doc: Any, proposed: list[Candidate]) -> list[Candidate]:
        """One attribution for a verb or adjective whose infinitive is a cue with words of its
        own ("declined to comment on the reaction", "was quick to point out that …"): the
        infinitive's, its cue taking in the words before it, as PolNeAR marks it. When the
        verb directs someone it names before the infinitive ("pushing Democrats to reject …",
        "would ask a firm to review it"), what they are asked to do is the verb's words, and
        the infinitive no attribution of its own."""
        by_head = {c.head: c for c in proposed if c.head is not None and c.route != "infinitive"}
        dropped: set[int] = set()
        for cand in proposed:
            if cand.head is None or not (cand.route == "infinitive" or cand.route.startswith("adjective")):
                continue
            if doc[cand.head].lemma_.lower() in ("seem", "appear"):
                continue  # "Rubio seemed to confirm that …": what seems, and what he confirmed
            inner = next(
                (
                    by_head[c.i]
                    for c in doc[cand.head].children
                    if c.dep_ == "xcomp" and c.i in by_head and c.i > cand.head
                ),
                None,
            )
            if inner is None or inner.source != cand.source:
                continue
            head = doc[cand.head]
            if head.lemma_.lower() in _DIRECTING and any(
                c.dep_ in ("dobj", "dative") and c.i < doc[inner.head].i for c in head.rights
            ):
                dropped.add(id(inner))
                continue
            inner.cue = sorted(set(inner.cue) | set(cand.cue))
            dropped.add(id(cand))
        return [c for c in proposed if id(c) not in dropped]

    @staticmethod
    def _mark_outer(doc: Any, proposed: list[Candidate], quoted: list[Candidate]) -> None:
        """Tell each proposed candidate whose words its cue stands in, if anyone's: the
        innermost other candidate whose content holds the cue ("told Putin Russia is ready
        to discuss …": "discuss" stands in the words of "told")."""
        everyone = proposed + quoted
        contents = SpanIndex((span, k) for k, c in enumerate(everyone) for span in c.content)
        for k, cand in enumerate(proposed):
            head = cand.head_token(doc)
            # a stance ("is ready to …") holds no one's words
            holders = [
                everyone[h]
                for h in contents.holders(head.idx, head.idx + len(head))
                if h != k and not everyone[h].route.startswith("adjective")
            ]
            if holders:
                outer = max(holders, key=lambda c: c.start)
                cand.outer = outer.route + "|" + outer.head_token(doc).lemma_.lower()

    @staticmethod
    def _nested(cand: Candidate, contents: SpanIndex) -> bool:
        """True when another candidate's content holds all of this one's content."""
        holders = None
        for span in cand.content:
            these = set(contents.holders(span.start, span.end)) - {id(cand)}
            holders = these if holders is None else holders & these
        return bool(holders)

    @staticmethod
    def _cover_quotes(text: str, span: Span, pieces: SpanIndex, top: list[Quote]) -> Span:
        """Widen a content span that cuts a quotation to hold all of that quotation piece.

        A span that reaches into a quotation by its opening mark alone (the parser hung the
        mark of the next sentence's quotation on this one: "Time, Mr. Pence added, was on
        their side. ''It's preseason,'' he said.") stops before the mark instead.
        """
        start, end = span.start, span.end
        for qi in pieces.holders(end, end):
            for piece in top[qi].pieces:
                if piece.start < end < piece.end and piece.start >= start:
                    if start < piece.start and not MARKS_RE.sub("", text[piece.start : end]).strip():
                        end = len(text[start : piece.start].rstrip()) + start
                    else:
                        end = piece.end
        for qi in pieces.holders(start, start):
            for piece in top[qi].pieces:
                if piece.start < start < piece.end and piece.end <= end:
                    start = piece.start

        # a span that stops inside a quotation's marks ("cautioned against ''a betrayal of
        # our values''" taken without its marks) takes them in
        def bare(a: int, b: int) -> bool:
            return not MARKS_RE.sub("", text[a:b]).strip(_STOPS)

        for qi in pieces.holders(end, end):
            for piece in top[qi].pieces:
                if piece.start < end < piece.end and bare(end, piece.end):
                    end = piece.end
        for qi in pieces.holders(start, start):
            for piece in top[qi].pieces:
                if piece.start < start < piece.end and bare(piece.start, start):
                    start = piece.start
        return Span(start, end)

    @staticmethod
    def _reach_quotes(text: str, found: list[Candidate], top: list[Quote], cues: SpanIndex) -> None:
        """Carry a content that stops right before a quotation of the same sentence into it.

        The parser sometimes ends a clause early and leaves the quoted rest hanging from
        another word ("vowed that ferries leaving the port “will sail on time”", "backed the
        new levy -- “I think …”"): a quotation
        that opens where the content stops, with nothing but space or a dash between and no
        other candidate's words over it, is the rest of that content; so is the quotation
        that closes the content's sentence when only unclaimed words stand between
        (``_closing_quote``; ``cues``: the cue words of every candidate).
        """
        opening = {quote.start: qi for qi, quote in enumerate(top)}
        taken = SpanIndex((span, id(c)) for c in found for span in c.content)
        for cand in found:
            if not cand.content:
                continue
            last = cand.content[-1]
            if text[last.start : last.end].rstrip()[-1:] in ".!?:;":
                continue
            gap = _GAP_RE.match(text, last.end)
            qi = opening.get(gap.end()) if gap else None
            if qi is None:
                qi = Finder._closing_quote(text, last.end, top, taken, cues)
            if qi is None or taken.holders(top[qi].start, top[qi].start + 1):
                continue
            if not top[qi].closed or len(top[qi].pieces) > 1:
                continue
            cand.content[-1] = Span(last.start, top[qi].end)
            cand.quotes = sorted(set(cand.quotes) | {qi})

    @staticmethod
    def _closing_quote(
        text: str, end: int, top: list[Quote], taken: SpanIndex, cues: SpanIndex
    ) -> int | None:
        """The quotation that closes the sentence a content stops in, when only unclaimed words
        of that sentence stand between them ("added that she could live without a Gulfstream 650
        but it was a “real comfort to have.”", where the parser ended the clause early);
        else None."""
        qi = next((k for k, quote in enumerate(top) if quote.start >= end), None)
        if qi is None:
            return None
        quote = top[qi]
        between = text[end : quote.start]
        if len(between) > 100 or any(ch in between for ch in '.!?;:\n\u201c\u201d"'):
            return None
        if any(
            taken.holders(k, k + 1) or cues.holders(k, k + 1)
            for k in range(end, quote.start)
            if not text[k].isspace()
        ):
            return None  # another statement's words or cue stand between
        after = text[quote.end : quote.end + 3]
        if after.strip(" \t.,)") and not after.startswith("\n"):
            return None  # the quotation ends no sentence: "… “a fraud” and a phony"
        return qi

    # -- quotations ------------------------------------------------------------------------
    @staticmethod
    def _quote_index(doc: Any, top: list[Quote]) -> list[int]:
        """For each token, the index of the top-level quotation holding it, else -1."""
        index = [-1] * len(doc)
        for qi, quote in enumerate(top):
            for piece in quote.pieces:
                span = doc.char_span(piece.start, piece.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    index[token.i] = qi
        return index

    def _quote_cue(
        self, doc: Any, text: str, quote: Quote, qi: int, in_quote: list[int], tokens: list[Any]
    ) -> Candidate | None:
        """The cue a quotation belongs to, as a direct-quote candidate, or None."""
        if not tokens:
            return None
        best: tuple[float, Any, str, int] | None = None
        fragment = self._fragment(doc, tokens)
        j = self._before_quote(doc, tokens)
        # 1. joined by the parse: a cue verb outside the quote that governs a quoted token,
        #    or that hangs (parataxis, advcl) from one
        for token in tokens:
            if token.is_punct or token.is_space:
                continue  # a closing mark hangs from the sentence root, whatever the quote is
            for other in (token.head, *[c for c in token.children]):
                if in_quote[other.i] >= 0 or not self._is_quote_cue(other):
                    continue
                if (
                    other.dep_ == "acl"
                    and other.tag_ == "VBN"
                    and other.lemma_.lower() in _NAMING | {"name", "title"}
                    and other.head.pos_ in ("NOUN", "PROPN")
                    and not any(c.dep_ in ("nsubj", "agent") for c in other.children)
                ):
                    continue  # "a short film called “Tenemos Familias”": a name, no one's words
                if other.head.i == token.i and (
                    other.dep_ == "xcomp" or any(c.dep_ == "aux" and c.lower_ == "to" for c in other.children)
                ):
                    continue  # “… owes it to the men and women” of the state to answer …
                if (
                    other.head.i == token.i
                    and other.dep_ == "conj"
                    and any(c.dep_ == "mark" for c in other.children)
                ):
                    continue  # “fully committed” … and that the office would ask …: a clause of its own
                if other.i == token.head.i and self._spills(token, qi, in_quote):
                    continue  # the quotation is a fragment of a paraphrase: a mixed quote
                if other.head.i == token.i and other.i > tokens[-1].i and fragment:
                    continue  # said it could be “messy,” adding, “…”: the fragment is said's
                if (
                    fragment
                    and other.i < tokens[0].i
                    and any(
                        t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "csubj", "xcomp", "pcomp", "advcl")
                        for t in doc[other.i + 1 : tokens[0].i]
                    )
                ):
                    # "added that praising him was like saying the team ''scored 19 runs …''":
                    # a fragment inside another verb's words, whatever the parser joined it to
                    continue
                if self._between_is_frame(doc, quote, other, in_quote):
                    # of two cues the parse joins, the nearer: "Asked what he believed, he
                    # said, “…”" is said, not asked
                    gap = -min(abs(other.i - tokens[0].i), abs(other.i - tokens[-1].i))
                    best = max(
                        best or (0.0, None, "", -len(doc)),
                        (0.95, other, "parse", gap),
                        key=lambda b: (b[0], b[3]),
                    )
        # "Trump said before adding: “…”": the cue right before the colon or comma that
        # opens the quotation, whatever verb before it the parse joined it to
        while j >= 0 and doc[j].text in (",", ":"):
            j -= 1
        if (
            best is not None
            and best[1].i < j
            and j < tokens[0].i - 1
            and in_quote[j] < 0
            and self._is_quote_cue(doc[j])
            and doc[j].dep_ in ("pcomp", "advcl", "conj", "xcomp")
        ):
            best = (best[0], doc[j], best[2], 0)
        # a cue that follows a quotation closed by a comma ("“…,” Mr. Biden said twice",
        # "“…,” Isaac Boltansky, an analyst at …, wrote") is its cue, whatever verb before
        # it the parse joined it to
        if best is None or best[1].i < tokens[0].i:
            after = self._cue_after(doc, tokens, in_quote)
            if after is not None:
                best = (0.95, after, "near", 0)
        # 2. beside it: “…,” he added. / He continued, “…” / Trump tweeted: “…”
        if best is None:
            verb = self._nearby_cue(doc, tokens, in_quote)
            if verb is not None:
                best = (0.85, verb, "near", 0)
        opening = self._verb_first(doc, tokens, in_quote)
        if opening is not None and (best is None or best[1].i == opening[0]):
            cue, source = opening
            return Candidate(
                cue=[cue],
                source=source,
                content=list(quote.pieces),
                route="quote-near",
                confidence=0.85,
                subject=source[-1],
                quotes=[qi],
            )
        if best is None:
            return self._byline(doc, text, quote, qi, in_quote) or self._labelled(
                doc, quote, qi, tokens, in_quote
            )
        confidence, verb, route = best[:3]
        source, subject = self._source(verb, in_quote)
        if not source and subject is None:
            source = self._frame_source(doc, tokens, verb, in_quote)
            subject = source[-1] if source else None
        addressee = self._addressee(verb)
        if set(addressee) & set(source):  # “…?” asked Mr. Manafort: the one asking
            addressee = []
        content = list(quote.pieces)
        # "called China ''provocative and expansionist''": what was so called is said too
        named = (
            next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "dobj" and verb.i < c.i < tokens[0].i and in_quote[c.i] < 0
                ),
                None,
            )
            if verb.lemma_.lower() in _NAMING | {"deem", "consider"} and len(quote.pieces) == 1
            else None
        )
        if named is not None and "\n" not in text[named.left_edge.idx : quote.end]:
            content = [Span(named.left_edge.idx, quote.end)]
        else:
            lead = self._quoted_predicate_lead(tokens, in_quote, verb, source)
            if lead is None and verb.i > tokens[-1].i:
                lead = self._sentence_lead(doc, tokens, in_quote)
            if lead is not None and len(quote.pieces) == 1 and "\n" not in text[lead : quote.start]:
                content = [Span(lead, quote.end)]
        return Candidate(
            cue=self._cue_tokens(verb),
            source=source,
            content=content,
            route=f"quote-{route}",
            confidence=confidence,
            addressee=addressee,
            subject=subject,
            quotes=[qi],
        )

    @staticmethod
    def _sentence_predicate(tokens: list[Any], in_quote: list[int]) -> bool:
        """True for a quotation that is the predicate of its own sentence, its subject right
        before it: "The event “was the first time I …,” Baker said", which the parser left
        apart from the verb after it."""
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if not words:
            return False
        qi = in_quote[words[0].i]
        roots = [t for t in words if in_quote[t.head.i] != qi or t.head.i == t.i]
        if len(roots) != 1 or roots[0].dep_ != "ROOT" or roots[0].pos_ not in ("VERB", "AUX"):
            return False
        return any(
            c.dep_ in ("nsubj", "nsubjpass") and c.i < words[0].i and c.right_edge.i == words[0].i - 2
            for c in roots[0].children
        )

    @staticmethod
    def _quoted_predicate_lead(
        tokens: list[Any], in_quote: list[int], verb: Any, source: list[int]
    ) -> int | None:
        """Where the clause starts when a quotation is its predicate and its subject stands
        before it: "Clinton’s reaction to the rule “could be less about ethanol …,” Smith
        said" (PolNeAR's content starts at "Clinton’s"); else None."""
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        if not words:
            return None
        qi = in_quote[words[0].i]
        roots = [t for t in words if in_quote[t.head.i] != qi or t.head.i == t.i]
        if len(roots) != 1:
            return None
        root = roots[0]
        before = [c for c in root.children if c.i < words[0].i and in_quote[c.i] != qi]
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in before):
            return None
        start = min(c.left_edge.i for c in before)
        span = range(start, words[0].i)
        if verb.i in span or any(i in span for i in source) or in_quote[start] >= 0:
            return None
        if start < root.sent.start:  # never from another sentence
            return None
        return root.doc[start].idx

    @staticmethod
    def _sentence_lead(doc: Any, tokens: list[Any], in_quote: list[int]) -> int | None:
        """Where the sentence starts when a quotation its cue follows finishes it: "Many
        voters then saw the party as “…,” she said", "If the bill passes, “…,” he said"
        (PolNeAR's content starts with the sentence); else None.  Words that frame the
        quotation themselves (a speech verb, a colon, a dash) keep it on its own."""
        first = tokens[0]
        start = first.sent.start
        # the parser may run the sentence before into a quotation's ("… to treat me.
        # ''That wasn't …''"): a full stop ends it all the same
        stops = [t.i for t in doc[start : first.i] if t.text in (".", "!", "?")]
        start = stops[-1] + 1 if stops else start
        while start < first.i and (doc[start].is_space or doc[start].is_punct):
            start += 1
        if start >= first.i:
            return None
        for token in doc[start : first.i]:
            if (
                in_quote[token.i] >= 0
                or "\n" in token.text
                or token.text in (":", ";", "-", "--", "\u2014", "\u2013", "(", ")")
                or (token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in QUOTE_CUES)
            ):
                return None
        return doc[start].idx

    @staticmethod
    def _verb_first(doc: Any, tokens: list[Any], in_quote: list[int]) -> tuple[int, list[int]] | None:
        """A verb of saying that opens its sentence, then the speaker's name and a colon or
        comma before the quotation ("Added Ward: “…”", "Stated Stone:" above a quoted
        paragraph, "Said Comey, "…""): (the verb, the name), else None.  The parser reads
        such a verb as a part of the name."""
        j = tokens[0].i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if (
            j < 2
            or doc[j].text not in (":", ",")
            or ("\n" in doc[j + 1 : tokens[0].i].text and doc[j].text != ":")
        ):
            return None
        words = []
        k = j - 1
        while k >= 0 and j - k <= 6 and in_quote[k] < 0 and not doc[k].is_space:
            if doc[k].lower_ in VERBS_FIRST and doc[k].text[:1].isupper():
                break
            words.insert(0, doc[k])
            k -= 1
        else:
            return None
        opens = (
            k == 0 or (doc[k - 1].is_space and "\n" in doc[k - 1].text) or doc[k - 1].text in (".", "!", "?")
        )
        if (
            not opens
            or not words
            or not all(t.text[:1].isupper() or t.text in (".", "\u2019s", "'s") for t in words)
        ):
            return None
        return k, [t.i for t in words]

    @staticmethod
    def _frame_source(doc: Any, tokens: list[Any], verb: Any, in_quote: list[int]) -> list[int]:
        """Where the parse gave the cue no subject: the words between the quotation and the
        cue (“…,” Tulsa police Chief Chuck Jordan said), else those after it (“…,” said X)."""
        between = [t for t in doc[tokens[-1].i + 1 : verb.i] if not t.is_punct and not t.is_space]
        if verb.i < tokens[0].i:
            return []  # "X, the nominee, tweeted in response: “…”": the words after it name no one
        if between:
            words = doc[tokens[-1].i + 1 : verb.i]
        else:  # “…,” said X / “…?” asked Mr. Manafort
            end = verb.i + 1
            while (
                end < len(doc) and not doc[end].is_punct and "\n" not in doc[end].text and end - verb.i <= 8
            ):
                end += 1
            words = doc[verb.i + 1 : end]
        found = trim([t for t in words if in_quote[t.i] < 0 and not t.is_space])
        # ten words at most, commas not counted ("Mr. Daniloff, now 81 and retired in
        # Cambridge, Mass., said")
        if (
            not found
            or sum(not t.is_punct for t in found) > 10
            or not (
                any(t.pos_ in ("PROPN", "NOUN", "PRON", "NUM") for t in found)  # "the two"
                # “…,” the editorial read: the parser made the noun a modifier of the verb
                or (found[-1].dep_ in ("amod", "compound") and found[-1].head.i == verb.i)
            )
        ):
            return []
        return [t.i for t in found]

    def _governor(
        self,
        doc: Any,
        quote: Quote,
        qi: int,
        in_quote: list[int],
        used_cues: set[int],
        quote_tokens: list[Any],
    ) -> Candidate | None:
        """The verb whose object holds a quotation, when it has a named or nominal subject."""
        tokens = [t for t in quote_tokens if not t.is_punct and not t.is_space]
        heads = [t.head for t in tokens if in_quote[t.head.i] != qi]
        if not heads:
            return None
        verb = heads[0]
        for _ in range(4):
            if verb.pos_ == "VERB" or verb.dep_ == "ROOT":
                break
            verb = verb.head
        if verb.pos_ != "VERB" or verb.i in used_cues or in_quote[verb.i] >= 0 or verb.i > tokens[0].i:
            return None
        if verb.lemma_.lower() in _NOT_GOVERNORS:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj",) and in_quote[c.i] < 0), None)
        if (
            subject is None
            or subject.pos_ not in ("PROPN", "NOUN", "PRON")
            or subject.lower_ in ("it", "this", "that", "which", "what")
            or subject.ent_type_ in ("DATE", "TIME")
        ):
            return None
        span = doc[tokens[0].i : tokens[-1].i + 1]
        right = [c for c in verb.children if c.i > verb.i and c.dep_ in _OBJECT_DEPS]
        if right:
            span = doc[right[0].left_edge.i : max(right[-1].right_edge.i, tokens[-1].i) + 1]
        content = trim(list(span))
        if not content or any("\n" in t.text for t in content):
            return None
        cue, content = _to_joins_cue(verb, self._cue_tokens(verb), content)
        return Candidate(
            cue=cue,
            source=self._np(subject),
            content=self._pieces(content),
            route="quote-governor",
            confidence=0.45,
            subject=subject.i,
            quotes=[qi],
            addressee=self._addressee(verb),
        )

    @staticmethod
    def _labelled(
        doc: Any, quote: Quote, qi: int, tokens: list[Any], in_quote: list[int]
    ) -> Candidate | None:
        """A quotation labelled with its speaker and a colon: ``Jeffrey M. Jones: “…”``,
        ``Bush: "…"``, ``More from the report: “…”``."""
        j = Finder._before_quote(doc, tokens)
        if j < 1 or doc[j].text != ":":
            return None
        label: list[Any] = []
        after_quote = False
        head = None
        k, stop = j - 1, max(0, j - 8)
        while k >= stop:
            token = doc[k]
            if in_quote[token.i] >= 0:
                after_quote = True
                break
            opening = Finder._parenthesis_opening(doc, k, in_quote)
            if opening is not None:
                # "Rep. Trey Gowdy (R-S.C.): “…”": the party and state go with the name
                label[0:0] = list(doc[opening : k + 1])
                stop = max(0, stop - (k - opening + 1))
                k = opening - 1
                continue
            if "\n" in token.text or token.text in (".", "!", "?", "-", "\u2013", "\u2014"):
                break
            if token.pos_ in ("VERB", "AUX"):
                return None
            label.insert(0, token)
            k -= 1
        label = trim(label)
        nouns = [t for t in label if t.pos_ in ("PROPN", "NOUN")]
        if not nouns:
            return None
        if after_quote and any(t.pos_ not in ("PROPN", "PUNCT") for t in label):
            return None  # “volatile,” with Clinton: “…”: the tail of a sentence ("… Bush: “…”" is a label)
        if label[0].pos_ == "ADP" and label[0].lower_ != "from":
            # "broke down … to the Dutch newspaper NRC: “…”": the phrase of a verb, whose
            # subject is the source
            verb = label[0].head
            for _ in range(4):  # "… the message to the Dutch newspaper": up to the verb
                if verb.pos_ not in ("NOUN", "PROPN", "ADP") or verb.head.i == verb.i:
                    break
                verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if verb.pos_ != "VERB" or subject is None or in_quote[subject.i] >= 0:
                return None
            label = [doc[i] for i in Finder._np(subject)]
            head = subject
        if label[0].lower_ in ("from", "more"):  # "More from the report:"
            label = [t for t in label if t.i > max(t2.i for t2 in label if t2.lower_ in ("from", "more"))]
        if not label:
            return None
        return Candidate(
            cue=[j],
            source=[t.i for t in label],
            content=list(quote.pieces),
            route="quote-label",
            confidence=0.7,
            subject=(head or label[-1]).i,
            quotes=[qi],
        )

    @staticmethod
    def _parenthesis_opening(doc: Any, k: int, in_quote: list[int]) -> int | None:
        """Where the parenthesis that ``doc[k]`` closes opens, when it is a short one on the
        same line outside any quotation ("(R-S.C.)", "(D)")."""
        if doc[k].text != ")":
            return None
        for m in range(k - 1, max(-1, k - 8), -1):
            if "\n" in doc[m].text or in_quote[m] >= 0 or doc[m].text == ")":
                return None
            if doc[m].text == "(":
                return m if m < k - 1 else None
        return None

    @staticmethod
    def _byline(doc: Any, text: str, quote: Quote, qi: int, in_quote: list[int]) -> Candidate | None:
        """A quotation signed after a dash: “…” ― Carlos Ruiz (the rest of its paragraph),
        or a quotation paragraph signed in the paragraph under it ("- Sen. Ortiz, in a
        tweet."): the name up to its first comma there."""
        match = _BYLINE_RE.match(text, quote.end)
        below = False
        if match is None:
            if text[: quote.start].rstrip(" \t\u00a0")[-1:] not in ("", "\n"):
                return None  # the quotation must be a paragraph of its own
            match = _SIGNED_BELOW_RE.match(text, quote.end)
            below = True
        if match is None:
            return None
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        dash = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        names = doc.char_span(match.end(), line_end, alignment_mode="expand")
        if dash is None or names is None:
            return None
        name_tokens = trim([t for t in names if in_quote[t.i] < 0 and t.i >= dash.end])
        if below:
            if len(names) > 16:
                return None
            cut = next((k for k, t in enumerate(name_tokens) if t.text in (",", ".", ";")), len(name_tokens))
            name_tokens = name_tokens[:cut]
            if not name_tokens or not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name_tokens):
                return None
        if not name_tokens or len(name_tokens) > 8 or name_tokens[0].pos_ not in ("PROPN", "NOUN"):
            return None
        return Candidate(
            cue=[dash.start],
            source=[t.i for t in name_tokens],
            content=list(quote.pieces),
            route="quote-byline",
            confidence=0.8,
            quotes=[qi],
        )

    @staticmethod
    def _spills(token: Any, qi: int, in_quote: list[int]) -> bool:
        """True when the clause a quoted token heads reaches outside the quotation."""
        return any(in_quote[t.i] != qi and not t.is_punct and not t.is_space for t in token.subtree)

    def _between_is_frame(self, doc: Any, quote: Quote, verb: Any, in_quote: list[int]) -> bool:
        """True when only the cue's own clause (no other quotation, no paragraph break) stands
        between them."""
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        lo, hi = (verb.i, span.start) if verb.i < span.start else (span.end, verb.i)
        return hi - lo <= 25 and all(in_quote[i] < 0 and "\n" not in doc[i].text for i in range(lo, hi))

    @staticmethod
    def _before_quote(doc: Any, tokens: list[Any]) -> int:
        """The token right before a quotation on its line, spaces skipped (-1 at the start)."""
        j = tokens[0].i - 1
        while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
            j -= 1
        return j

    @staticmethod
    def _fragment(doc: Any, tokens: list[Any]) -> bool:
        """True for a quotation that starts inside a sentence's words, not at its start or
        after a mark (what Mr. Hedge called ''the prior economy model,'' …): a fragment of
        a paraphrase, whose cue is never a verb after it."""
        j = Finder._before_quote(doc, tokens)
        return j >= 0 and not (doc[j].is_punct or "\n" in doc[j].text or doc[j + 1].is_sent_start)

    def _nearby_cue(self, doc: Any, tokens: list[Any], in_quote: list[int]) -> Any:
        """A speech verb within a few tokens after the quote, or before it (ending in , or :)."""
        last, first = tokens[-1].i, tokens[0].i
        sent_end = tokens[-1].sent.end
        words = closing_words(tokens)
        closes_clause = (len(words) > 1 and words[-2].text in _CLAUSE_END) or (
            last + 1 < len(doc) and doc[last + 1].text in _CLAUSE_END
        )
        nxt = next((t for t in doc[last + 1 : last + 3] if not t.is_space), None)
        if (
            len(words) > 1
            and words[-2].text in (".", "!", "?")
            and nxt is not None
            and nxt.pos_ == "PRON"
            and nxt.text[:1].isupper()
        ):
            closes_clause = False  # “… strength.” He told …: a new sentence, not this quote's cue
        if self._fragment(doc, tokens):
            closes_clause = False  # said it could be “messy,” adding, “…”: said's fragment
        for i in range(last + 1, min(len(doc), last + 1 + self.near) if closes_clause else last + 1):
            if in_quote[i] >= 0 or (doc[i].text in ".!?" and i >= sent_end - 1) or "\n" in doc[i].text:
                break
            if self._is_quote_cue(doc[i]):
                # “… campaign.” Ohio Gov. John Kasich said he would …, “… man,” and said that
                # Trump …: a verb with words of its own, not this quotation's cue
                if any(
                    c.dep_ in ("ccomp", "xcomp")
                    and c.i > i
                    and any(in_quote[t.i] < 0 and not t.is_punct for t in c.subtree)
                    for c in doc[i].children
                ):
                    break
                return doc[i]
        j = first - 1
        while j >= 0 and (doc[j].is_space or doc[j].text in ",:"):
            j -= 1
        if j < first - 1:
            colon = any(doc[k].text == ":" for k in range(j + 1, first))
            for i in range(j, max(-1, j - (3 * self.near if colon else self.near)), -1):
                if in_quote[i] >= 0 or "\n" in doc[i].text or doc[i].text in ".!?":
                    break
                if colon and doc[i].text in DASHES and doc[i].whitespace_:
                    break  # "WHAT IT MEANS - More from Jones: “…”": a headline, then the label
                if self._is_quote_cue(doc[i]):
                    return doc[i]
                # "Sen. Claire McCaskill scolded him: “…”": a colon makes any verb with a
                # subject the cue; "Trump issued a statement, “…”" a verb of a statement
                if doc[i].pos_ == "VERB" and any(c.dep_ in _SUBJECTS for c in doc[i].children):
                    if colon or any(c.dep_ == "dobj" and c.lemma_.lower() in _MEDIA for c in doc[i].children):
                        return doc[i]
        return None

    def _cue_after(self, doc: Any, tokens: list[Any], in_quote: list[int]) -> Any:
        """The speech verb right after a quotation that ends its clause with a comma, "?" or
        "!" (“…,” the source recalled), with nothing but its subject between; else None."""
        words = closing_words(tokens)
        if len(words) < 2 or words[-2].text not in (",", "?", "!"):
            return None
        if self._fragment(doc, tokens) and not self._sentence_predicate(tokens, in_quote):
            return None  # what Mr. Hedge called ''the prior economy model,'' the club charged …
        last = tokens[-1].i
        qi = in_quote[last]
        past = last  # the end of a short quotation inside an aside, skipped
        for i in range(last + 1, min(len(doc), last + 40)):
            token = doc[i]
            if i <= past:
                continue
            if in_quote[i] >= 0 and any(doc[k].text == "," for k in range(last + 1, i)):
                # “…,” Bill Eastland, wearing “Ted Cruz” pins, said: a title or name quoted
                # within an aside
                end = i
                while end + 1 < len(doc) and in_quote[end + 1] == in_quote[i]:
                    end += 1
                if end - i <= 5 and end + 1 < len(doc) and doc[end + 1].text not in (".", "!", "?", "\n"):
                    past = end
                    continue
            if in_quote[i] >= 0 or "\n" in token.text or token.text in (".", "!", "?", ";", ":"):
                return None
            if self._verb_read_as_noun(doc, token, last):
                return token
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
                if not (self._is_quote_cue(token) or self._bare_verb(token, last, in_quote)):
                    if any(doc[k].text == "," for k in range(last + 1, i)) and any(
                        doc[k].text == "," for k in range(i + 1, min(len(doc), i + 12))
                    ):
                        continue  # “…,” Mr. Daniloff, now 81 and retired in Cambridge, said: an aside
                    return None
                subject = next((c for c in token.children if c.dep_ in _SUBJECTS and c.i < i), None)
                between = [t for t in doc[last + 1 : i] if not t.is_punct and t.pos_ != "ADV"]
                if between and subject is None:
                    # a name the parser hung on the quotation ("“…,” Brent Bozell III,
                    # founder of the Media Research Center, tells …")
                    if between[0].pos_ not in ("PROPN", "NOUN", "DET", "PRON", "ADJ"):
                        return None
                elif between and any(
                    not (subject.left_edge.i <= t.i <= subject.right_edge.i) for t in between
                ):
                    return None
                if any(
                    c.dep_ in ("ccomp", "xcomp")
                    and c.i > i
                    and any(in_quote[t.i] < 0 and not t.is_punct for t in c.subtree)
                    # not "“…?” Holt asked, repeating a charge - that …": a clause the parser
                    # hung on the verb from across a comma
                    and not any(doc[k].text == "," for k in range(i + 1, c.left_edge.i))
                    for c in token.children
                ):
                    return None  # “…,” Kasich said he would …: words of its own
                first = next(t for t in doc[last + 1 : i + 1] if not t.is_punct and not t.is_space)
                if words[-2].text != "," and first.text[:1].isupper() and first.pos_ != "PROPN":
                    return None  # “Why now?” Her critics cited it …: a new sentence
                for t in doc[i + 1 : i + 5]:
                    if t.text in (".", "!", "?") or "\n" in t.text:
                        break
                    if in_quote[t.i] not in (-1, qi):
                        if self._goes_on(doc, t):
                            break
                        return None  # “…?” Mills then writes back, “You look cute.”: its own quotation
                return token
        return None

    @staticmethod
    def _verb_read_as_noun(doc: Any, token: Any, last: int) -> bool:
        """True for a verb of quoting that closes a short frame after a quotation and that the
        parser read as the noun its subject qualifies ("“…,” the two write.")."""
        if token.pos_ != "NOUN" or token.tag_ not in ("NN", "NNS") or token.lemma_.lower() not in QUOTE_CUES:
            return False
        after = next((t for t in doc[token.i + 1 : token.i + 3] if not t.is_space), None)
        if after is None or after.text not in (".", ","):
            return False
        between = [t for t in doc[last + 1 : token.i] if not t.is_punct]
        inside = {t.i for t in between} | {token.i}
        return 0 < len(between) <= 4 and all(
            t.pos_ in ("DET", "NUM", "ADJ", "NOUN", "PROPN") and t.head.i in inside for t in between
        )

    @staticmethod
    def _goes_on(doc: Any, mark: Any) -> bool:
        """True when the quotation opened at ``mark`` goes on with a small letter after a
        comma (“…,” she elaborated, “no one …”): the second half of the same words."""
        word = next((t for t in doc[mark.i : mark.i + 3] if t.is_alpha), None)
        before = next((t for t in reversed(doc[max(0, mark.i - 2) : mark.i]) if not t.is_space), None)
        return word is not None and word.text[:1].islower() and before is not None and before.text == ","

    @staticmethod
    def _bare_verb(token: Any, last: int, in_quote: list[int]) -> bool:
        """True for a verb right after a quotation that takes nothing but its subject and
        adverbs (“This is fantastic!” beamed Hartley; “…,” she elaborated): a way of saying
        it, though no lexicon lists it."""
        if (
            token.pos_ != "VERB"
            or token.i - last > 4
            or token.tag_ not in ("VBD", "VBZ", "VBP")
            or token.dep_ == "relcl"
            or any(t.is_punct for t in token.doc[last + 1 : token.i])  # “…!” — the balloons fell
        ):
            return False
        allowed = ("nsubj", "advmod", "punct", "npadvmod", "prep", "cc", "conj")
        if not all(c.dep_ in allowed or c.is_space or in_quote[c.i] >= 0 for c in token.children):
            return False
        # its subject stands right after the quotation ("“…,” she elaborated"), not before
        # it ("…, who also stars in “Mercy Street,” returns to the stage"), and is no
        # relative pronoun ("''…,'' which votes June 7")
        return any(c.dep_ == "nsubj" and c.i > last and c.tag_ not in ("WP", "WDT") for c in token.children)

    @staticmethod
    def _is_quote_cue(token: Any) -> bool:
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        # "Hillary shot back, “…”", "fired back:": an answer in kind
        if lemma in _ANSWERING and any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in token.children
        ):
            return True
        # “…,” he went on: going on with one's words, not "went on to win"
        return lemma in QUOTE_CUES or (
            lemma == "go"
            and any(c.dep_ == "prt" and c.lower_ == "on" for c in token.children)
            and not any(c.dep_ in ("xcomp", "prep", "dobj", "advcl") for c in token.children)
        )

    # -- cue verbs -------------------------------------------------------------------------
    def _verb_cue(self, doc: Any, verb: Any, in_quote: list[int]) -> Candidate | None:
        lemma = verb.lemma_.lower()
        if verb.lower_ == "according":
            return self._according(doc, verb)
        if verb.lower_ == "in" and verb.dep_ == "prep":
            return self._poll(doc, verb, in_quote)
        if verb.lower_ == "to" and verb.pos_ == "ADP":
            return self._perspective(doc, verb, in_quote)
        if verb.text == ":":
            return self._label(doc, verb, in_quote)
        if verb.lower_ == "reportedly":
            return self._reportedly(doc, verb, in_quote)
        if verb.pos_ == "NOUN" and self.open:
            return self._noun_cue(verb, in_quote)
        if verb.pos_ == "ADJ" and self.open:
            return self._adjective_cue(verb, in_quote)
        if verb.pos_ not in ("VERB", "AUX") or _linking_phrase(verb):
            return None
        if lemma in _ASPECTUAL and any(self._after_aspect(c) for c in verb.children):
            return None  # "continued to portray …": the cue is the verb it goes on with
        content: list[Any] = []
        route = ""
        addressee = self._addressee(verb)
        # "said on NBC's “Meet the Press” that …": a programme's title the parser read as a
        # clause or an infinitive is where it was said
        aired = (
            {k for c in verb.rights if c.dep_ == "prep" and c.lower_ == "on" for k in _programme_after(c)}
            if lemma in _ON_AIR
            else set()
        )
        if lemma in CLAUSE_CUES or self.open:
            # the clause after the verb first; one before it only from the same paragraph
            clauses = sorted(
                (
                    c
                    for c in verb.children
                    if (c.dep_ in _CONTENT_DEPS or self._asked_whether(verb, c))
                    and c.i not in aired
                    and not any(
                        "\n" in t.text for t in verb.doc[min(c.left_edge.i, verb.i) : max(c.i, verb.i)]
                    )
                ),
                key=lambda c: (c.i < verb.i, abs(c.i - verb.i)),
            )
            clause = clauses[0] if clauses else None
            if clause is None and lemma in CLAUSE_CUES:
                # a that-clause the parser hung elsewhere ("told Okafor during the session that …")
                mark = next(
                    (
                        t
                        for t in verb.subtree
                        if t.i > verb.i
                        and t.dep_ == "mark"
                        and t.lower_ == "that"
                        and t.head.pos_ in ("VERB", "AUX")
                        and (t.head.dep_ in ("relcl", "acl", "advcl") or t.head.head.i in aired)
                        and not _cue_between(verb, t.head)
                    ),
                    None,
                )
                clause = mark.head if mark is not None else None
            if clause is not None:
                content = list(clause.subtree)
                stray = self._stray_subject(verb)
                if stray is not None and stray.i < clause.i:
                    # "Lopez, the author of “Lost Roads,” said the days when … are gone": the
                    # clause's subject the parser hung on the verb of saying
                    content = list(verb.doc[stray.left_edge.i : clause.right_edge.i + 1])
                # "acknowledged that she found the ''debt stack'' confusing and called the
                # venture ''a great example''": a second verb of saying with no subject of its
                # own is the speaker's next act, not part of what was acknowledged
                second = next(
                    (
                        c
                        for c in clause.children
                        if c.dep_ == "conj"
                        and c.pos_ == "VERB"
                        and c.lemma_.lower() in _SECOND_ACTS
                        and not any(g.dep_ in _SUBJECTS for g in c.children)
                    ),
                    None,
                )
                if second is not None:
                    cut = min(
                        [second.left_edge.i]
                        + [c.i for c in clause.children if c.dep_ == "cc" and c.i < second.i]
                    )
                    content = [t for t in content if t.i < cut]
                route = "clause"
                # "said the city needs to repair the bridge, but that she would not support …":
                # a second that-clause the parser joined to the verb, not to the first
                more = [
                    c
                    for c in verb.children
                    if c.dep_ == "conj"
                    and c.i > clause.right_edge.i
                    and clause.i > verb.i
                    and any(
                        m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children
                    )
                ]
                # "said that the announcement, which some have argued was intended to …, was
                # an “insult”": the parser split one clause in two at the aside; the second
                # half has no subject of its own
                more += [
                    c
                    for c in verb.children
                    if c.dep_ == "ccomp"
                    and c.i > clause.right_edge.i
                    and clause.i > verb.i
                    and c.tag_ != "VBG"  # "…, saying …": an attribution of its own
                    and not any(g.dep_ in _SUBJECTS for g in c.children)
                    and all(t.is_punct for t in verb.doc[clause.right_edge.i + 1 : c.left_edge.i])
                ]
                if more:
                    more.sort(key=lambda c: c.i)
                    content = list(verb.doc[content[0].i : more[-1].right_edge.i + 1])
                if clause.i > verb.i:
                    # a mis-parsed first half (“Xi added China “highly values” ties and that …”)
                    # hangs from the verb as an object: take it in
                    lead = [
                        c
                        for c in verb.children
                        if verb.i < c.i < clause.i
                        and c.dep_ in ("dobj", "dative", "attr")
                        and c.i not in addressee
                        and c.pos_ != "ADP"  # "wrote in an email to aides that …": whom to
                    ]
                    if lead:
                        start = min(c.left_edge.i for c in lead)
                        content = [t for t in verb.doc[start : clause.right_edge.i + 1]]
        joined: list[int] = []  # words that join the cue
        if not content and (lemma in INFINITIVE_CUES or self.open):
            # the parser hangs some infinitives as adverbial clauses ("vowed Tuesday at a fair
            # to cut …"): one is what was promised when the verb has no object of its own
            bare = lemma in INFINITIVE_CUES and not any(
                c.dep_ in ("xcomp", "ccomp", "dobj") and not _day(c) for c in verb.children
            )
            for child in verb.children:
                infinitive = child.dep_ == "xcomp" or (
                    bare
                    and child.dep_ == "advcl"
                    and child.i > verb.i
                    and child.tag_ == "VB"
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                )
                if infinitive and child.i not in aired:
                    content = [t for t in child.subtree]
                    # "urged Congress to act", "called on superdelegates to back …": the one
                    # urged is part of what was urged, as PolNeAR marks it
                    told = [
                        c
                        for c in verb.children
                        if verb.i < c.i < child.i
                        and (
                            (c.dep_ in ("dobj", "prep") and c.lower_ not in ("in", "at") and not _day(c))
                            # "called on Republicans to unite": the parser's particle
                            or (c.dep_ == "prt" and any(g.dep_ == "pobj" for g in c.children))
                        )
                    ]
                    if told and all(t.i < child.left_edge.i for c in told for t in c.subtree):
                        start = min(c.left_edge.i for c in told)
                        if verb.doc[start].dep_ == "prep":  # "called upon": the preposition cues
                            joined.append(start)
                            start += 1
                        elif verb.doc[start].dep_ == "prt":  # a particle is in the cue already
                            start += 1
                        content = list(verb.doc[start : child.right_edge.i + 1])
                    route = "infinitive"
                    break
        # a parenthetical cue (“And perhaps, he said, it could help …”), or one with "as"
        # ("As Clyburn noted, those voters will …"): what was said is the clause it stands in
        standing_in = (
            verb.dep_ == "parataxis"
            or (
                verb.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
                # "As Clinton told the New York Daily News, …": the one told is no object of saying
                and not any(
                    c.dep_ in ("dobj", "ccomp", "xcomp", "prep") and c.i not in addressee
                    for c in verb.children
                    if c.i > verb.i
                )
            )
            or self._joined_after_comma(verb)
        )
        if not content and (lemma in CLAUSE_CUES or self.open) and standing_in and verb.head.i != verb.i:
            own = {t.i for t in verb.subtree}
            host = verb.head
            while host.dep_ in ("aux", "auxpass") and host.head.i != host.i:
                host = host.head  # "Even then, he said, he’s learned …": hung on the auxiliary
            content = [t for t in host.subtree if t.i not in own]
            route = "parenthetical"
        if (
            not content
            and lemma in CLAUSE_CUES
            and verb.i > verb.sent.start + 2
            and doc[verb.i - 1].text == ","
        ):
            # "The rejection of the treaty signals “the beginning of the end,” said Geert
            # Wilders": an inverted cue after words the parser did not make its clause
            inverted = any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)
            before = [t for t in doc[verb.sent.start : verb.i - 1] if not t.is_space]
            if inverted and any(in_quote[t.i] < 0 and not t.is_punct for t in before):
                content, route = before, "clause"
        if not content and lemma in CLAUSE_CUES and verb.dep_ == "ROOT":
            closing = self._closing_clause(doc, verb, in_quote)
            if closing:
                content, route = closing, "clause"
        if not content and (lemma in OBJECT_CUES or lemma in QUOTE_CUES or self.open):
            right = [
                c
                for c in verb.children
                if c.i > verb.i
                and (c.dep_ in _OBJECT_DEPS or self._answer(verb, c))
                and c.i not in addressee
                and not (c.dep_ == "dobj" and _day(c))  # "vowed Tuesday to …"
            ]
            if right and (
                right[0].dep_ in ("dobj", "ccomp", "xcomp", "oprd")
                or right[0].lower_ == "as"
                or (lemma in _THANKING and addressee)  # "thanked voters for …": what for
                or self._answer(verb, right[0])
            ):
                # when, where and how it was said is no part of it: "claimed victory in a
                # tweet", "stressed those worries on Sunday at a forum"
                while (
                    len(right) > 1
                    and right[-1].dep_ == "prep"
                    and right[-1].lower_ in _ADJUNCT_PREPS
                    and (lemma, right[-1].lower_) not in _ARGUMENT_PREPS
                ):
                    right = right[:-1]
                end = right[-1].right_edge.i
                # "called it “shameful” and called on leaders …": a second finite verb the
                # parser hung on the object is a statement of its own
                second = [
                    t
                    for t in right[-1].subtree
                    if (
                        (
                            t.dep_ == "conj"
                            and t.tag_ in ("VBD", "VBZ", "VBP")
                            and t.head.pos_ not in ("VERB", "AUX")
                        )
                        or self._series_verb(t)
                    )
                    and t.i > right[-1].i
                ]
                if second:
                    end = min(end, second[0].left_edge.i - 1)
                    while end > right[0].i and (verb.doc[end].dep_ == "cc" or verb.doc[end].is_punct):
                        end -= 1
                span = verb.doc[right[0].left_edge.i : end + 1]
                # a speech verb outside the object lexicon reports through its object only
                # when the object quotes: "noted several “intangibles”"
                if lemma in OBJECT_CUES or self.open or any(in_quote[t.i] >= 0 for t in span):
                    content = list(span)
                    route = "object"
            if not content and verb.dep_ == "relcl" and (lemma in OBJECT_CUES or self.open):
                rel = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP")]
                if rel:
                    content, route = rel, "relative"
        cue = sorted(self._cue_tokens(verb) + joined)
        if not content and self.open:
            # "complained about X", "warned against X", "responded with X": the preposition
            # joins the cue and its object is the content
            prep = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "prep"
                    and c.i > verb.i
                    and (c.lower_ in _CONTENT_PREPS or (c.lower_ == "to" and lemma in _TO_CUES))
                    and c.i not in addressee
                ),
                None,
            )
            target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
            if (
                target is not None
                and prep.text == "on"  # not a headline's "Promises Action On Immigration"
                and lemma in _ON_AIR
                and target.i in _programme_after(prep)
            ):
                target = None  # "said on CNN’s “State of the Union”": where, not what
            if prep is not None and target is not None:
                content, route = list(target.subtree), "prep"
                # "referred to Rubio as “a bright leader”": what he was called goes with him
                named = [c for c in verb.children if c.lower_ == "as" and c.i > target.right_edge.i]
                if prep.lower_ == "to" and named:
                    content = list(verb.doc[target.left_edge.i : named[0].right_edge.i + 1])
                cue = sorted(cue + [prep.i])
        if not content and (lemma in QUOTE_CUES or lemma in OBJECT_CUES):
            # "News of the move was first reported by the Herald": what was reported is the
            # passive subject, and the agent, if named, is the source
            passive = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "nsubjpass"
                    and c.i < verb.i
                    and c.tag_ not in ("WP", "WDT", "PRP")
                    and in_quote[c.i] < 0
                ),
                None,
            )
            if passive is not None and not any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children):
                content, route = list(passive.subtree), "passive"
        if not content:
            return None
        cue, content = _to_joins_cue(verb, cue, content)
        # a leading "that" / "whether" / "if" belongs to the content, as PolNeAR annotates it
        content = trim(
            self._without_aside(self._without_according([t for t in content if t.i != verb.i]), in_quote)
        )
        if not content:
            return None
        source, subject = self._source(verb, in_quote)
        if route == "passive" and subject is not None and any(t.i == subject for t in content):
            source, subject = [], None  # no agent named: "had been previously reported"
        raised = self._raised(verb, route, in_quote)
        if raised is not None:
            # "Trump is expected to deliver a speech", "the governor seemed to be shrinking":
            # the subject is part of what is expected or seems, and no one is named who expects it
            cue, content = self._with_raised(verb, raised, route, cue, content)
            source, subject = [], None
        if any(t.i in source for t in content):
            return None
        pieces = self._pieces(content)
        if lemma in _NAMING and any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
            route = "naming"  # "condemned what he called a “brazen breach”": inside another's words
        return Candidate(
            cue=cue,
            source=source,
            content=pieces,
            route=route,
            confidence=round(0.9 * cue_precision(lemma, route), 4),
            addressee=addressee,
            subject=subject,
            head=verb.i,
        )

    def _noun_cue(self, noun: Any, in_quote: list[int]) -> Candidate | None:
        """A noun of saying or thinking that the model's lexicon knows: "his claim that …",
        "Obama's decision to …", "criticism of …"; its owner (a possessive) is the source."""
        if noun.lemma_.lower() not in self.noun_cues:
            return None
        # "Kaine's full embrace of …", "his lyrical rejection of …": the adjectives right
        # before the noun are part of the cue, as PolNeAR marks it
        cue = [noun.i]
        for left in reversed(list(noun.lefts)):
            if (
                left.dep_ == "amod"
                and left.i == cue[0] - 1
                and left.pos_ in ("ADJ", "VERB")
                and left.lower_ not in _COUNTING_WORDS  # "Many fear …": who, not how
            ):
                cue.insert(0, left.i)
        preps = _CONTENT_PREPS | {"to"} if noun.lemma_.lower() in _TO_NOUNS else _CONTENT_PREPS
        found = self._complement(noun, ("acl", "ccomp"), preps, "noun_")
        if found is None:
            found = self._received(noun, in_quote)
        if found is None:
            return None
        content, route, joined = found
        cue += joined
        if not content:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in _POSSESSIVE_PRONOUNS:
            # "Trump continued his attacks against …", "she shared her belief that …": the
            # subject of the verb whose object is the noun holds it, as PolNeAR marks it (not
            # through a preposition: "fanned controversy over her remark")
            verb = noun.head if noun.dep_ == "dobj" else None
            holder = (
                next(
                    (c for c in verb.children if c.dep_ == "nsubj" and in_quote[c.i] < 0 and c.i < noun.i),
                    None,
                )
                if verb is not None and verb.pos_ in ("VERB", "AUX")
                else None
            )
            if holder is not None and holder.tag_ not in ("WP", "WDT"):
                owner = holder
        source = [t for t in self._np(owner) if noun.doc[t].dep_ != "case"] if owner is not None else []
        if owner is None:
            # "BLM calls for action", "Trump estimates that he spent …" (a verb the parser
            # read as a plural noun): the name before the noun holds it
            named = self._compound_owner(noun, in_quote) or self._counted_owner(noun, in_quote)
            if named:
                owner, source = noun.doc[named[-1]], named
        if owner is None:
            # "criticism from Democrats in Congress", "drew praise from the mayor", "support
            # among social conservatives": the ones it comes from
            giver = self._giver(noun)
            if giver is not None:
                owner, source = giver, self._np(giver, (noun.i,))
        if owner is None and noun.dep_ in ("attr", "dobj") and noun.head.pos_ in ("AUX", "VERB"):
            # "Schlafly had been a strong supporter of …", "she voiced criticism of …": the
            # subject of the verb holds it
            holder = next(
                (c for c in noun.head.children if c.dep_ == "nsubj" and in_quote[c.i] < 0 and c.i < noun.i),
                None,
            )
            if holder is not None and (noun.dep_ == "attr" or noun.head.lemma_.lower() in _HOLDING):
                owner = holder
                source = self._np(holder, (noun.i,))
        prep = noun.head
        if (
            owner is None
            and noun.dep_ == "pobj"
            and prep.lower_ in _HOLDING_PREPS
            and noun.lemma_.lower() not in _BACKERS | {"question"}  # "fielded questions about …"
            and not (prep.lower_ == "to" and prep.head.lemma_.lower() in _ANSWERING)
            and prep.head.pos_ == "VERB"
            and prep.head.i < noun.i
        ):
            # "voted in favor of the bill", "released a statement in opposition to …", "roused
            # the crowd with criticism of …": the one who acted holds it
            found, subject = self._source(prep.head, in_quote)
            if subject is not None and in_quote[subject] < 0:
                owner, source = noun.doc[subject], found
        return Candidate(
            cue=cue,
            source=source,
            content=self._pieces(content),
            route=route,
            confidence=0.5,
            subject=owner.i if owner is not None else None,
            head=noun.i,
        )

    @staticmethod
    def _compound_owner(noun: Any, in_quote: list[int], misread: bool = False) -> list[int]:
        """The name a noun of saying is compounded with, right before it ("BLM calls for"), as
        tokens; [] when there is none.  ``misread``: the noun is a verb the parser read as
        one, so a described subject counts too ("the GOP nominee feuds with …")."""
        left = [c for c in noun.lefts if c.dep_ == "compound"]
        if not left or left[-1].i != noun.i - 1 or noun.lemma_.lower() in _BACKERS:
            return []
        name = left[-1]
        named = name.pos_ == "PROPN" or name.ent_type_ in ("PERSON", "ORG", "NORP")
        if misread and name.pos_ == "NOUN":
            named = True
        if not named or in_quote[name.i] >= 0 or name.ent_type_ in ("DATE", "TIME", "GPE"):
            return []
        start = (
            min(c.i for c in noun.lefts if c.dep_ in ("compound", "det", "amod", "poss"))
            if misread
            else name.i
        )
        start = min(start, name.left_edge.i)
        while (
            start > noun.sent.start
            and noun.doc[start - 1].dep_ == "compound"
            and noun.doc[start - 1].head.i == noun.i
        ):
            start -= 1
        return [t.i for t in noun.doc[start : noun.i] if not t.is_punct or t.i > start]

    @staticmethod
    def _counted_owner(noun: Any, in_quote: list[int]) -> list[int]:
        """The share of people before a verb the parser read as the noun that opens the
        sentence ("Many fear Trump will …", "Two-thirds support reducing …"), else []."""
        if noun.dep_ != "ROOT" or not any(c.dep_ in ("ccomp", "acl", "xcomp") for c in noun.rights):
            return []
        left = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nummod")]
        if not left or left[-1].i != noun.i - 1 or left[-1].lower_ not in _COUNTING_WORDS:
            return []
        start = min(c.left_edge.i for c in left)
        if start != noun.sent.start or any(in_quote[t.i] >= 0 for t in noun.doc[start : noun.i]):
            return []
        return list(range(start, noun.i))

    @staticmethod
    def _giver(noun: Any) -> Any:
        """The object of "from" / "among" / "within" on a noun of saying or on the verb that
        takes it ("drew criticism from Democrats"), else None."""
        holders = [noun] + ([noun.head] if noun.dep_ == "dobj" else [])
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ in _GIVING_PREPS and prep.i > noun.i:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj
        return None

    def _received(self, noun: Any, in_quote: list[int]) -> tuple[list[Any], str, list[int]] | None:
        """What a noun of saying is about when someone receives it: "Pfizer's deal drew
        criticism from Democrats", "Clinton has overwhelming support among …", "He has faced
        criticism … for comments …": the subject of the verb that takes it, and what it is
        for (route ``noun_received``); None unless someone gives it."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING or self._giver(noun) is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
        if subject is None or in_quote[subject.i] >= 0 or subject.tag_ in ("WP", "WDT"):
            return None
        content = [noun.doc[i] for i in self._np(subject)]
        reason = next(
            (
                c
                for h in (noun, verb)
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "for" and c.i > noun.i
            ),
            None,
        )
        if reason is not None:
            content += list(reason.subtree)
        return content, "noun_received", []

    @staticmethod
    def _complement(
        word: Any, clauses: tuple[str, ...], preps: frozenset[str], route: str
    ) -> tuple[list[Any], str, list[int]] | None:
        """(content, route, words that join the cue) of a noun or adjective cue: its clause
        after it ("claim that …", "eager to …", route ``route + "clause"``), else the object
        of one of ``preps`` after it ("criticism of …", ``route + "prep"``, the preposition
        joining the cue); None without either."""
        clause = next((c for c in word.children if c.dep_ in clauses and c.i > word.i), None)
        if clause is not None:
            return trim(list(clause.subtree)), route + "clause", []
        prep = next(
            (c for c in word.children if c.dep_ == "prep" and c.i > word.i and c.lower_ in preps), None
        )
        target = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep else None
        if prep is None or target is None:
            return None
        return trim(list(target.subtree)), route + "prep", [prep.i]

    def _adjective_cue(self, adj: Any, in_quote: list[int]) -> Candidate | None:
        """A stance said with an adjective after a verb like "be": "are deeply skeptical of
        free trade", "was confident that …", "is eager to …"; the verb's subject holds it.
        The adjectives are those the model's lexicon knows."""
        verb = adj.head
        if adj.lemma_.lower() not in self.adjective_cues:
            return None
        if adj.dep_ != "acomp" or verb.i == adj.i or verb.pos_ not in ("AUX", "VERB") or verb.i > adj.i:
            return None
        cue = [adj.i]
        found = self._complement(adj, ("ccomp", "xcomp"), _STANCE_PREPS, "adjective_")
        if found is None:
            return None
        content, route, joined = found
        cue += joined
        if not content or any("\n" in t.text for t in content):
            return None
        # "are deeply skeptical of": the verb, its auxiliaries and the adverbs before the
        # adjective are part of the cue, as PolNeAR marks it
        cue += [t for t in self._cue_tokens(verb) if t < adj.i]
        cue += [c.i for c in adj.children if c.dep_ == "advmod" and verb.i < c.i < adj.i]
        source, subject = self._source(verb, in_quote)
        return Candidate(
            cue=sorted(set(cue)),
            source=source,
            content=self._pieces(content),
            route=route,
            confidence=0.5,
            subject=subject,
            head=adj.i,
        )

    def _according(self, doc: Any, word: Any) -> Candidate | None:
        """``according to X, …`` / ``…, according to X``: X is the source, the rest of the
        sentence the content.  Read by position, since the parser often makes "According"
        the root of the sentence."""
        to = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if to is None or to.lower_ != "to":
            return None
        sent = [t for t in word.sent if not t.is_space]
        first = sent[0].i
        # "It has not gone unnoticed: According to recent polls, …": a clause of its own
        opens_clause = word.i > first and doc[word.i - 1].text in (":", ";")
        if (
            word.i == first
            or opens_clause
            or (word.i - first <= 2 and all(t.is_punct for t in doc[first : word.i]))
        ):
            comma = next((t.i for t in doc[to.i + 1 : sent[-1].i + 1] if t.text in (",", ":")), None)
            if comma is None:
                return None
            source = list(doc[to.i + 1 : comma])
            # "According to Beth Ardagh, Kessling's campaign manager, the …": a short noun
            # phrase between two commas is the source's appositive (the parser rarely says so)
            after = next((t.i for t in doc[comma + 1 : sent[-1].i + 1] if t.text in (",", ":")), None)
            between = list(doc[comma + 1 : after]) if after is not None else []
            if (
                0 < len(between) <= 8
                and between[-1].pos_ in ("NOUN", "PROPN")
                and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between)
            ):
                source, comma = list(doc[to.i + 1 : after]), after
            content = [t for t in doc[comma + 1 : sent[-1].i + 1]]
        else:
            content = [t for t in doc[first : word.i]]
            source = [t for t in doc[to.i + 1 : sent[-1].i + 1]]
            # the source ends at a comma, a relative clause or a spaced dash ("according to
            # the Tax Policy Center - half a percentage point of …")
            comma = next(
                (
                    i
                    for i, t in enumerate(source)
                    if t.text in (",", ";")
                    or t.dep_ == "relcl"
                    or (t.text in DASHES and t.i > 0 and doc[t.i - 1].whitespace_)
                ),
                None,
            )
            rest = source[comma + 1 :] if comma and source[comma].text == "," else []
            source = source[:comma] if comma else source
            # "For Trump, according to Bennett, “the big thing is to look strong.”": the
            # sentence goes on after the source, and what it says is on both sides
            if (
                not any(t.pos_ in ("VERB", "AUX") for t in content)
                and any(t.pos_ in ("VERB", "AUX") for t in rest)
                and rest[0].tag_ not in ("WDT", "WP")
            ):
                content = trim(content) + trim([t for t in rest if not t.is_space])
        source, content = trim(source), trim(content)
        if content and content[-1].text in ".!?":
            content = trim(content[:-1])
        if source and source[-1].text in ".!?":
            source = trim(source[:-1])
        if not source or not content or len(source) > 15:
            return None
        return Candidate(
            cue=[word.i, to.i],
            source=[t.i for t in source],
            content=self._pieces(content),
            route="according",
            confidence=0.85,
            head=word.i,
        )

    def _poll(self, doc: Any, word: Any, in_quote: list[int]) -> Candidate | None:
        """``In a CNN/ORC poll released Monday, 31% of Republicans said …``, ``Trump has a
        decisive lead in the polls``: the poll is the source, "in" the cue and the clause it
        frames (what the respondents said, where a candidate stands) the content, as
        PolNeAR marks it."""
        pobj = next((c for c in word.children if c.dep_ == "pobj"), None)
        if pobj is None or in_quote[word.i] >= 0:
            return None
        # "in the RealClearPolitics average of New Hampshire polls"
        polled = pobj.lemma_.lower() in _POLLS or any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lemma_.lower() in _POLLS for g in c.children)
            for c in pobj.children
        )
        if not polled:
            return None
        sent = word.sent
        frame = {t.i for t in word.subtree}
        lead = word.i == sent.start or all(t.is_punct or t.is_space for t in doc[sent.start : word.i])
        if lead or any(a.dep_ in _SUBJECTS for a in word.ancestors):
            # at the head of the sentence, or inside its subject ("Some 20 percent of people
            # in a recent CNN/ORC poll said …"): the whole sentence
            clause = list(sent)
        else:
            # "Trump has a decisive lead in the polls": the clause of the verb it hangs from
            verb = next((a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is None:
                return None
            clause = list(verb.subtree)
        content = [
            t
            for t in clause
            if t.i not in frame
            and not t.is_space
            and not (t.i == word.right_edge.i + 1 and t.text == ",")
            and not (t.i == word.i - 1 and t.text == ",")
        ]
        return self._framed(word, trim(list(pobj.subtree)), content, "poll", 0.8)

    def _perspective(self, doc: Any, word: Any, in_quote: list[int]) -> Candidate | None:
        """``To many, Santilli is a provocateur …``, ``To Ms. Gil, skateboarding represents …``:
        whose view the sentence gives; the rest of the sentence is the content."""
        sent = word.sent
        if in_quote[word.i] >= 0 or not all(t.is_punct or t.is_space for t in doc[sent.start : word.i]):
            return None
        comma = next((t.i for t in doc[word.i + 1 : min(sent.end, word.i + 12)] if t.text == ","), None)
        if comma is None or comma == word.i + 1:
            return None
        source = trim(list(doc[word.i + 1 : comma]))
        head = next((t for t in reversed(source) if t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ")), None)
        people = head is not None and (_is_people(head) or head.lower_ in ("many", "some", "others", "most"))
        if not people or any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("DATE", "TIME") for t in source):
            return None
        content = [t for t in doc[comma + 1 : sent.end] if not t.is_space]
        if not any(t.pos_ in ("VERB", "AUX") for t in content):
            return None
        return self._framed(word, source, content, "perspective", 0.7)

    def _label(self, doc: Any, colon: Any, in_quote: list[int]) -> Candidate | None:
        """A paragraph that opens with a name and a colon and goes on without quotation
        marks: a headline ("John McCain: Republican anger appeals to …") or a transcript
        ("TAPPER: And obviously, you’re supporting …")."""
        start = colon.i
        while start > 0 and colon.i - start <= 6 and not doc[start - 1].is_space:
            start -= 1  # a label is short: never walk back further (a paragraph of colons)
        label = list(doc[start : colon.i])
        if start > 0 and not doc[start - 1].is_space:
            return None  # not at the start of a paragraph
        if not 0 < len(label) <= 6 or in_quote[colon.i] >= 0:
            return None
        if not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.text.isupper() for t in label):
            return None
        if any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in label):
            return None  # "He added: …", "So let me get this straight: …"
        end = colon.i + 1
        while end < len(doc) and "\n" not in doc[end].text:
            end += 1
        content = trim([t for t in doc[colon.i + 1 : end] if not t.is_space])
        if content and in_quote[content[0].i] >= 0:
            return None  # a quotation: the quote scanner's labelled route takes it
        return self._framed(colon, trim(label), content, "label", 0.6)

    def _reportedly(self, doc: Any, word: Any, in_quote: list[int]) -> Candidate | None:
        """A report with no named source ("Anti-Trump delegates reportedly erupted in a
        chorus of booing"): its clause, without the adverb, is the content."""
        head = word.head
        if head.i == word.i or in_quote[word.i] >= 0 or head.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        tokens = [t for t in head.subtree if t.i != word.i]
        if not any(t.dep_ in _SUBJECTS for t in head.children) and head.dep_ == "conj":
            # "Whitman is a Republican, but has reportedly been critical …": the first verb's subject
            subject = next((c for c in head.head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                tokens = list(subject.subtree) + tokens
        tokens = [t for t in tokens if not (t.dep_ in ("cc", "mark") and t.head.i == head.i and t.i < head.i)]
        return self._framed(word, [], sorted(tokens, key=lambda t: t.i), "reportedly", 0.6, ".!?;,")

    def _framed(
        self,
        cue: Any,
        source: list[Any],
        content: list[Any],
        route: str,
        confidence: float,
        closing: str = ".!?;",
    ) -> Candidate | None:
        """A candidate whose cue is one word that frames a clause (a poll's "in", a
        speaker's label, "reportedly"), the clause without its closing punctuation; None
        when too little of it is left."""
        content = trim(content)
        while content and content[-1].text in closing:
            content = trim(content[:-1])
        if len(content) < 3:
            return None
        return Candidate(
            cue=[cue.i],
            source=[t.i for t in source],
            content=self._pieces(content),
            route=route,
            confidence=confidence,
            head=cue.i,
        )

    @staticmethod
    def _pieces(tokens: list[Any]) -> list[Span]:
        """Character spans of a token list, one per run of consecutive tokens."""
        pieces: list[Span] = []
        run = [tokens[0]]
        for token in tokens[1:]:
            if token.i == run[-1].i + 1:
                run.append(token)
            else:
                pieces.append(token_span(run))
                run = [token]
        pieces.append(token_span(run))
        return pieces

    @staticmethod
    def _after_aspect(verb: Any) -> bool:
        """True for a cue verb in the infinitive after a verb of going on or starting
        ("continued to portray", "began to criticize", "went on to say")."""
        head = verb.head
        return (
            verb.dep_ == "xcomp"
            and head.i != verb.i
            and head.i < verb.i
            and head.lemma_.lower() in _ASPECTUAL
            and verb.lemma_.lower() in (CLAUSE_CUES | OBJECT_CUES | QUOTE_CUES)
            and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                or verb.tag_ == "VBG"  # "kept asking her why …"
            )
        )

    @staticmethod
    def _closing_clause(doc: Any, verb: Any, in_quote: list[int]) -> list[Any]:
        """The words before a cue that closes its sentence, which the parser did not make its
        clause ("Those who borrow struggle, even with a “good” job, he said."), also when it
        ended the sentence at the comma before the subject; [] for an opening phrase alone
        ("In a speech last July, he said …", "Asked if …, he said no", "When the vote came,
        he said"), or when the verb has words of its own after it."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None:
            return []
        adjuncts = {
            t.i
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in _WHEN_DEPS
            and (c.dep_ != "prep" or c.lower_ in _ADJUNCT_PREPS)  # not "called for …"
            for t in c.subtree
        }
        after = [t for t in doc[verb.i + 1 : verb.sent.end] if not (t.is_space or t.text in _CLOSERS)]
        comma = subject.left_edge.i - 1
        # the sentence the parser ended at the comma ("…, even with a job | , he said.")
        start = doc[comma - 1].sent.start if 0 < comma <= verb.sent.start + 1 else verb.sent.start
        if (
            comma <= start + 2
            or doc[comma].text != ","
            or "\n" in doc[start:comma].text
            or any(c.dep_ in _CONTENT_DEPS + ("dobj", "xcomp") for c in verb.children)
            or not all(t.i in adjuncts for t in after)
        ):
            return []
        before = [t for t in doc[start:comma] if not t.is_space]
        # a statement with a verb of its own outside any opening phrase ("After the flood,
        # many residents left, she said"), not an opening phrase alone
        first = before[0]
        opening: set[int] = set()
        if first.pos_ in ("ADP", "SCONJ") or first.tag_ in ("VBN", "VBG", "WRB"):
            # "if …", "when …": the clause they open
            phrase = first.head if first.dep_ in ("mark", "advmod") else first
            opening = {t.i for t in phrase.subtree}
        if any(
            in_quote[t.i] < 0 and t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.i not in opening for t in before
        ):
            return before
        return []

    @staticmethod
    def _joined_after_comma(verb: Any) -> bool:
        """True for a cue the parser joined to the clause before it as a second verb ("The
        company built the tool for emergencies, a spokeswoman, Ann Ware, said on Saturday"):
        its own subject follows a comma with no "and" or "but" between, and nothing after it
        is what was said."""
        if verb.dep_ != "conj" or verb.head.i > verb.i or verb.lemma_.lower() not in CLAUSE_CUES:
            return False
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is None or subject.left_edge.i < 1 or verb.doc[subject.left_edge.i - 1].text != ",":
            return False
        if any(t.dep_ in ("cc", "preconj") for t in verb.doc[verb.head.i : subject.left_edge.i]):
            return False
        return not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)

    @staticmethod
    def _name_as_modal(verb: Any) -> Any:
        """A surname the parser read as a word of the verb, else None: "Will" taken for its
        modal ("Will wrote", "Will acknowledges": no modal comes before a tense, and none
        before a participle without "have" or "be"), or a name in "-ly" taken for an adverb
        ("And Skelly called …": capitalised inside the sentence, where the verb has no
        subject)."""
        prev = verb.doc[verb.i - 1] if verb.i > 0 else None
        if prev is None or prev.head.i != verb.i:
            return None
        if prev.dep_ == "aux" and prev.text == "Will":
            if verb.tag_ in ("VBD", "VBZ"):
                return prev
            # not a question that opens with the modal ("Will written rules help?")
            question = prev.is_sent_start or verb.sent[-1].text == "?"
            if (
                verb.tag_ == "VBN"
                and not question
                and not any(c.dep_ in ("aux", "auxpass") and c.i != prev.i for c in verb.children)
            ):
                return prev
            return None
        if (
            prev.dep_ == "advmod"
            and prev.tag_ == "RB"
            and prev.text[:1].isupper()
            and prev.text[1:].islower()
            and prev.lower_.endswith("ly")
            and prev.lower_ not in _LY_ADVERBS
            and not prev.is_sent_start  # so a word stands before it
            and verb.text[:1].islower()  # not a headline's capitals ("Trump Just Announced")
            # "Informed of it, Early described …": after a word or an opening phrase's comma
            and (verb.doc[prev.i - 1].is_alpha or verb.doc[prev.i - 1].text == ",")
            and not any(c.dep_ in _SUBJECTS for c in verb.children)
        ):
            return prev
        return None

    @staticmethod
    def _misread_past(verb: Any, in_quote: list[int]) -> Any:
        """The subject of a past tense the parser read as a participle describing it: "…; one
        lawmaker called Trump “…”", "…, the candidate boasted of his skills", where no verb
        of the sentence has the noun as its subject or object; else None."""
        noun = verb.head
        if verb.tag_ != "VBN" or verb.dep_ != "acl" or noun.i != verb.i - 1 or in_quote[noun.i] >= 0:
            return None
        if verb.lemma_.lower() == "know":
            return None  # "the hacker known as “Guccifer”"
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ in _SUBJECTS + _OBJECT_DEPS + ("pobj",):
            return None
        # someone known ("the candidate", "one lawmaker", "Skelly"), not "a measure called …"
        if noun.pos_ == "NOUN" and not any(
            c.lower_ in ("the", "one", "this") for c in noun.children if c.dep_ in ("det", "nummod")
        ):
            return None
        if any(c.dep_ in ("agent", "auxpass") for c in verb.children):
            return None
        before = verb.doc[noun.left_edge.i - 1] if noun.left_edge.i > verb.sent.start else None
        if before is not None and before.text not in (",", ";", ":", "\u2014"):
            return None
        return noun

    @staticmethod
    def _cue_tokens(verb: Any) -> list[int]:
        """The cue: the verb with its auxiliaries, negation, verb particles and the adverbs
        right before it ("also said", "has repeatedly denied"), as PolNeAR marks cues."""
        named = Finder._name_as_modal(verb)
        parts = [verb.i] + [
            c.i
            for c in verb.children
            if (c.dep_ in ("aux", "auxpass", "neg", "prt") or (c.dep_ == "advmod" and c.lower_ == "back"))
            and abs(c.i - verb.i) <= 3
            and (named is None or c.i != named.i)
        ]
        if Finder._after_aspect(verb):
            # "continued to portray", "goes on to say": the verb of going on is part of the cue
            head = verb.head
            parts += [head.i] + [
                c.i for c in head.children if c.dep_ in ("aux", "neg", "prt") and abs(c.i - head.i) <= 3
            ]
        # adverbs between the first auxiliary (or the verb) and the verb, and one just before
        k = min(parts) - 1
        while k >= 0 and verb.i - k <= 4:
            token = verb.doc[k]
            if token.head.i == verb.i and token.dep_ == "advmod" and token.tag_ in ("RB", "RBR", "RBS"):
                if (
                    token.lower_ in _NOT_CUE_ADVERBS
                    or token.lower_ in _COUNTING_WORDS
                    or (named is not None and token.i == named.i)
                ):
                    break
                parts.append(k)
            elif token.i not in parts:
                break
            k -= 1
        inner = [
            c.i
            for c in verb.children
            if c.dep_ == "advmod"
            and min(parts) < c.i < verb.i
            and c.lower_ not in _NOT_CUE_ADVERBS
            and (named is None or c.i != named.i)
        ]
        return sorted(set(parts + inner))

    def _with_raised(
        self, verb: Any, raised: Any, route: str, cue: list[int], content: list[Any]
    ) -> tuple[list[int], list[Any]]:
        """The cue and content of a verb whose subject (``_raised``) is part of its words."""
        doc = verb.doc
        if verb.lemma_.lower() in _PASSIVE_ADDRESSED or (raised.lower_ == "it" and route == "clause"):
            return cue, content  # "Clinton was asked about …", "it is expected that …"
        named = [doc[i] for i in self._np(raised, (verb.i,))]
        if raised.i == verb.head.i:  # a participle that names: "a measure called the Harbour Act"
            node = raised  # with the noun it belongs to: "the string of contests known as"
            while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
                node = node.head.head
            named = trim(list(doc[node.left_edge.i : verb.i]))
            after = next((t for t in content if t.i > verb.i), None)
            if (
                verb.lemma_.lower() == "know"
                and after is not None
                and after.i == verb.i + 1
                and after.lower_ == "as"
            ):
                cue, content = sorted(cue + [after.i]), [t for t in content if t.i != after.i]  # "known as"
        held = {t.i for t in content}
        return cue, sorted(content + [t for t in named if t.i not in held and t.i < verb.i])

    @staticmethod
    def _raised(verb: Any, route: str, in_quote: list[int]) -> Any:
        """The subject of a verb that says nothing of who speaks: a passive without its
        agent ("is expected to", "was declared"), "seem"/"appear" with what seems ("the
        governor seemed to be shrinking"), or the noun a participle names ("a measure called
        the Harbour Act"); None for any other verb."""
        if route not in ("infinitive", "object", "clause", "prep"):
            return None
        if route == "prep" and verb.lemma_.lower() not in _PASSIVE_JUDGED:
            return None  # "are split on", "is aimed at", "is looking for": the subject's own stance
        children = list(verb.children)
        if any(
            c.dep_ == "agent" or (c.dep_ == "auxpass" and c.lower_ in ("'s", "\u2019s")) for c in children
        ):
            return None  # "by X" names who; "he's said" is "he has said"
        lemma = verb.lemma_.lower()
        if lemma in _RAISING:
            if any(c.dep_ == "dobj" for c in children):
                return None  # "sounded a cautious note": the subject's own act
            act = next((c for c in children if c.dep_ == "xcomp"), None)
            if act is not None and act.lemma_.lower() in CLAUSE_CUES:
                return None  # "seemed to confirm", "appeared to contradict": the subject speaks
        if (
            lemma in _NAMED
            and verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and route == "object"
            and verb.head.i < verb.i
            and verb.head.pos_ in ("NOUN", "PROPN")
            and in_quote[verb.head.i] < 0
            and Finder._aside_subject(verb, in_quote) is None  # not "Rivers, who …, called it …"
            and Finder._misread_past(verb, in_quote) is None  # nor "…; one lawmaker called it …"
            # nor "De Blasio, speaking on WOR710, called Trump …" ("Lazar, 44, known as" names)
            and not (lemma != "know" and Finder._hung_on_subject(verb, in_quote))
        ):
            return verb.head  # "a measure called the Freedom Act": what is named, and its name
        for child in children:
            if in_quote[child.i] >= 0 or child.i > verb.i:
                continue
            if child.dep_ == "nsubjpass" and lemma not in _PASSIVE_SPEAKERS:
                return child
            if (
                child.dep_ == "nsubj"
                and lemma in _RAISING
                and not (lemma == "look" and route == "infinitive")
            ):
                return child  # not "Nwosu looks to ease …", which is her aim
        return None

    def _source(self, verb: Any, in_quote: list[int]) -> tuple[list[int], int | None]:
        """(source tokens, subject token): the subject of the cue, or of the verb it joins.

        A participle (``…, saying that …``) has no source of its own; its subject is the
        subject of the clause it hangs from, passed on for the resolver.  A subject inside a
        quotation is the parser's mistake for an inverted cue (``“…,” said Leslie Wimes``):
        the noun after the verb is the source then.
        """
        for child in verb.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._np(pobj, (verb.i,)), pobj.i
        if _asked_passive(verb):
            return [], None  # "Asked about it, O'Neill said": O'Neill was asked, by someone unnamed
        named = self._name_as_modal(verb)
        if named is not None:
            return [named.i], named.i
        doer = self._misread_past(verb, in_quote)
        if doer is not None:
            return [t for t in self._np(doer, (verb.i,)) if t < verb.i], doer.i
        # the subject nearest the verb, never one across a paragraph break ("12:15 p.m.\n\nTrump says")
        stray = self._stray_subject(verb)
        subjects = sorted(
            (c for c in verb.children if c.dep_ in _SUBJECTS and (stray is None or c.i != stray.i)),
            key=lambda c: (
                any("\n" in t.text for t in verb.doc[min(c.i, verb.i) : max(c.i, verb.i)]),
                abs(c.i - verb.i),
            ),
        )
        for child in subjects:
            if child.dep_ in _SUBJECTS:
                if in_quote[child.i] >= 0:
                    # "“…, Mr. President,” Representative Steve Cohen, Democrat of Tennessee,
                    # told Mr. Obama": the name the parser hung on the quoted vocative
                    outside = next(
                        (
                            c
                            for c in child.children
                            if c.dep_ in ("appos", "conj")
                            and in_quote[c.i] < 0
                            and c.i < verb.i
                            and c.pos_ in ("PROPN", "NOUN")
                        ),
                        None,
                    )
                    if outside is not None:
                        return self._np(outside, (verb.i,)), outside.i
                    after = next(
                        (
                            c
                            for c in verb.rights
                            if c.pos_ in ("PROPN", "NOUN")
                            and in_quote[c.i] < 0
                            and c.ent_type_ not in ("DATE", "TIME")
                            and c.dep_ != "npadvmod"
                        ),
                        None,
                    )
                    if after is not None:
                        return self._np(after, (verb.i,)), after.i
                    continue
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    # "released a video that said …": the one who made the statement
                    maker = self._maker(verb, in_quote)
                    if maker is not None:
                        return self._np(maker, (verb.i,)), maker.i
                    return [child.i], verb.head.i
                return self._np(child, (verb.i,)), child.i
        # "Sanders, meanwhile, who sits at zero endorsements, said …": the parser made the
        # name and "who" two subjects of the aside and left the verb without one
        aside = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("advcl", "ccomp", "parataxis")
                and c.i < verb.i
                and any(s.dep_ == "nsubj" and s.tag_ == "WP" for s in c.children)
            ),
            None,
        )
        named = next(
            (
                s
                for s in (aside.children if aside is not None else ())
                if s.dep_ in _SUBJECTS
                and s.tag_ != "WP"
                and s.pos_ in ("PROPN", "NOUN")
                and in_quote[s.i] < 0
            ),
            None,
        )
        if named is not None and named.i < aside.i:
            return self._np(named, (verb.i,)), named.i
        # "Speaker Ann Ware, the party's leader, on Tuesday called …": the verb the parser
        # made a relative clause of the name before it, with no relative word to open it
        named = verb.head
        if (
            verb.dep_ == "relcl"
            and named.pos_ == "PROPN"
            and named.dep_ in ("ROOT", *_SUBJECTS)
            and named.i < verb.i
            and in_quote[named.i] < 0
            and any(t.text == "," for t in verb.doc[named.i : verb.i])
            and not any(c.tag_ in ("WP", "WDT", "WRB") or c.lower_ == "that" for c in verb.children)
        ):
            before = trim([verb.doc[t] for t in self._np(named, (verb.i,)) if t < verb.i])
            return [t.i for t in before], named.i
        # "Bannon, whom Beck on Wednesday called “…”": the name after the relative word, which
        # the parser hung elsewhere (as the clause's verb, or an appositive of "whom")
        k = verb.i - 1
        while k > verb.sent.start and (
            verb.doc[k].ent_type_ in ("DATE", "TIME") or verb.doc[k].pos_ in ("ADV", "ADP", "AUX")
        ):
            k -= 1
        first = k
        while first > verb.sent.start and verb.doc[first - 1].pos_ == "PROPN":
            first -= 1
        if (
            verb.doc[k].pos_ == "PROPN"
            and first > verb.sent.start
            and verb.doc[first - 1].lower_ in ("who", "whom")
            and in_quote[k] < 0
            and not any(c.dep_ in _SUBJECTS for c in verb.children)
        ):
            return list(range(first, k + 1)), k
        # "“…,” Trump barked and …": a name the parser made a compound of the verb after it
        named = verb.doc[verb.i - 1] if verb.i > 0 else None
        if (
            named is not None
            and named.head.i == verb.i
            and named.dep_ == "compound"
            and named.pos_ == "PROPN"
            and in_quote[named.i] < 0
        ):
            return self._np(named, (verb.i,)), named.i
        named = verb.head
        if self._hung_on_subject(verb, in_quote):
            aside = {
                t.i
                for c in named.children
                if c.dep_ == "acl" and c.tag_ == "VBG" and c.i < verb.i
                for t in c.subtree
            }
            tokens = [t for t in verb.doc[named.left_edge.i : verb.i] if t.i not in aside]
            return [t.i for t in trim(tokens)], named.i
        before = (
            self._left_subject(verb, in_quote)
            or self._aside_subject(verb, in_quote)
            or self._clause_subject(verb, in_quote)
        )
        if before is not None:
            if any(t.i == before.i for t in verb.ancestors):  # the verb hangs inside the subject's aside
                return [t.i for t in trim(list(verb.doc[before.left_edge.i : verb.i]))], before.i
            return self._np(before, (verb.i,)), before.i
        counted = self._quantity_subject(verb, in_quote)
        if counted:
            return counted, counted[-1]
        after = self._inverted_subject(verb, in_quote)
        if after is not None:
            return self._np(after, (verb.i,)), after.i
        if (
            verb.dep_ == "conj"
            and verb.lemma_.lower() in _SECOND_ACTS
            and verb.head.dep_ == "ccomp"
            and verb.head.head.i != verb.head.i
        ):
            # "acknowledged that she found it confusing and called it …": the one who
            # acknowledged calls, not the subject of what was acknowledged
            outer = next(
                (c for c in verb.head.head.children if c.dep_ in _SUBJECTS and in_quote[c.i] < 0), None
            )
            if outer is not None:
                return self._np(outer, (verb.i,)), outer.i
        # "rejected both objections, ruled Cruz eligible and ordered that …": a verb in a series
        # the parser hung on the first one's object, or joined to one so hung, shares its subject
        series = verb.head if verb.dep_ == "conj" and self._series_verb(verb.head) else verb
        if self._series_verb(series):
            first = series.head.head
            subj = next(
                (c for c in first.children if c.dep_ in ("nsubj", "nsubjpass") and in_quote[c.i] < 0), None
            )
            if subj is not None:
                return self._np(subj, (verb.i,)), subj.i
        if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.tag_ == "NNS":
            # "the GOP nominee feuds with … and dismisses …": the first verb read as a plural
            # noun, its subject as the noun's compound
            named = self._compound_owner(verb.head, in_quote, misread=True)
            if named:
                return named, named[-1]
        # "He called it “shameful” and called on leaders …": a second verb the parser hung on
        # the first one's object shares that verb's subject
        if verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX") and verb.head.dep_ in _OBJECT_DEPS:
            first = verb.head.head
            subj = next((c for c in first.children if c.dep_ in _SUBJECTS and in_quote[c.i] < 0), None)
            if first.pos_ == "VERB" and subj is not None:
                return self._np(subj, (verb.i,)), subj.i
        # an infinitive ("will come on the show to talk about …", "more likely to say …") has
        # the subject it hangs from as its source, as PolNeAR marks it; a participle has none
        if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ in ("VB", "VBG"):
            # "Romney ran on his ability to jolt the recovery and accused Obama of …": a finite
            # verb the parser joined to an infinitive or participle goes on from the sentence's
            # own verb, whose subject it shares
            root = verb.sent.root
            subj = next((c for c in root.children if c.dep_ in _SUBJECTS and in_quote[c.i] < 0), None)
            if root.tag_ == verb.tag_ and subj is not None and subj.i < verb.head.i:
                return self._np(subj, (verb.i,)), subj.i
        infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if infinitive and verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in _NOT_OBJECT_CONTROL:
            # "This has led many experts to suspect …": the object of the verb the infinitive
            # completes is the one who suspects
            made = next(
                (
                    c
                    for c in verb.head.children
                    if c.dep_ == "dobj"
                    and verb.head.i < c.i < verb.i
                    and in_quote[c.i] < 0
                    and c.pos_ in ("NOUN", "PROPN", "PRON")
                ),
                None,
            )
            if made is not None:
                return self._np(made, (verb.i,)), made.i
        head = verb
        for _ in range(5):
            if (
                head.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acl", "dep", "pcomp", "prep", "acomp")
                and head.head.i != head.i
            ):
                participle = (
                    verb.tag_ == "VBG"
                    and verb.dep_ in ("advcl", "xcomp", "acl", "dep", "pcomp")
                    and not self._after_aspect(verb)  # "kept asking": the subject keeps asking
                )
                head = head.head
                if (
                    participle
                    and head.dep_ == "ccomp"
                    and head.head.pos_ in ("VERB", "AUX")
                    and head.i == verb.head.i
                ):
                    # "Sanders said the process could be “messy,” adding, “…”": the parser
                    # hung the participle on the words said; the one who said them adds
                    head = head.head
                subj = next((c for c in head.children if c.dep_ in _SUBJECTS and in_quote[c.i] < 0), None)
                if subj is None and verb.dep_ == "conj" and head.i == verb.head.i and _finite(verb):
                    # "…, Margaret Holt also railed against the council, and explained …": the
                    # subject the parser hung elsewhere is the first verb's, and so the second's
                    subj = self._left_subject(head, in_quote) or self._aside_subject(head, in_quote)
                if subj is not None:
                    # "The candidate has mocked …, referred to …": a finite verb in a series,
                    # which the parser hung as a clause of the first one, shares its subject
                    series = (
                        verb.dep_ == "advcl"
                        and verb.tag_ in ("VBD", "VBZ")
                        and head.i == verb.head.i
                        and subj.i < head.i < verb.i
                        and verb.doc[verb.i - 1].text == ","
                        and not any(c.dep_ == "mark" for c in verb.children)
                    )
                    if not series and (participle or (verb.dep_ in ("advcl", "acl") and not infinitive)):
                        return [], subj.i
                    if infinitive and subj.lower_ in ("it", "that") and head.lemma_ == "be":
                        return [], None  # "it is hard not to wonder whether …": no one wonders
                    return self._np(subj, (verb.i,)), subj.i
            else:
                break
        # "issued a statement saying …", "her letter urging …": the participle tells what a
        # statement says, and the one who made the statement is its source
        if verb.tag_ == "VBG" and verb.dep_ == "acl":
            maker = self._maker(verb, in_quote)
            if maker is not None:
                return self._np(maker, (verb.i,)), maker.i
        # a participle or infinitive whose chain of heads found no subject ("Asserting that …,
        # Mr. Trump …"): the speaker is the subject of its sentence, named or not
        if verb.tag_ in ("VBG", "VB") and verb.dep_ != "ROOT":
            root = verb.sent.root
            subj = next((c for c in root.children if c.dep_ in _SUBJECTS and in_quote[c.i] < 0), None)
            if subj is not None and subj.i != verb.i:
                if infinitive and subj.i < verb.i:
                    if subj.lower_ in ("it", "that") and root.lemma_ == "be":
                        return [], None
                    return self._np(subj, (verb.i,)), subj.i
                return [], subj.i
        return [], None

    @staticmethod
    def _answer(verb: Any, word: Any) -> bool:
        """True for "yes", "no" or "so" right after a verb of saying: the answer given ("46
        percent said yes", "he said no to the war", "half said so")."""
        return word.i == verb.i + 1 and word.lower_ in ("yes", "no", "so") and verb.lemma_.lower() in _ANSWERS

    @staticmethod
    def _asked_whether(verb: Any, clause: Any) -> bool:
        """True for a question the parser hung on a verb of asking as an adverbial clause
        ("Asked if she believed …", "wondered whether …")."""
        return (
            clause.dep_ == "advcl"
            and clause.i > verb.i
            and verb.lemma_.lower() in _QUESTIONING
            and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i == clause.left_edge.i
                for m in clause.children
            )
        )

    @staticmethod
    def _maker(verb: Any, in_quote: list[int]) -> Any:
        """Who made the statement a verb hangs from ("issued a statement saying …", "her
        letter urging …", "released a video that said …"): the statement's owner, or the
        subject of the verb whose object it is; else None."""
        noun = verb.head
        if noun.lemma_.lower() not in _STATEMENTS:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        # "she revised her statement explaining …": the subject, as for a noun of saying
        if (owner is None or owner.lower_ in _POSSESSIVE_PRONOUNS) and noun.dep_ == "dobj":
            owner = next(
                (c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass") and in_quote[c.i] < 0),
                owner,
            )
        return owner if owner is not None and owner.i < verb.i else None

    @staticmethod
    def _without_according(tokens: list[Any]) -> list[Any]:
        """The content without a closing ", according to X", which names the source of the
        whole sentence ("Lee said he was “happy to see” it, according to The Ledger")."""
        for k in range(2, len(tokens) - 2):
            word = tokens[k]
            if (
                word.lower_ == "according"
                and tokens[k + 1].lower_ == "to"
                and tokens[k - 1].text == ","
                and word.right_edge.i >= tokens[-1].i - 1
            ):
                return tokens[: k - 1]
        return tokens

    @staticmethod
    def _without_aside(tokens: list[Any], in_quote: list[int]) -> list[Any]:
        """The content without a closing aside of the writer's: an appositive or a
        non-restrictive relative clause set off by a comma at its end ("announced it would
        slash 30,000 jobs, a mass layoff rivaling …", "…, who fights with journalists")."""
        if len(tokens) < 4:
            return tokens
        ids = {t.i for t in tokens}
        end = max(ids)
        while end in ids and tokens[0].doc[end].is_punct:
            end -= 1
        cut = None
        for token in tokens:
            if token.dep_ not in ("appos", "relcl") or token.head.i not in ids or in_quote[token.i] >= 0:
                continue
            if token.right_edge.i < end or token.head.i > token.i:
                continue
            if token.dep_ == "appos" and token.pos_ == "PROPN":
                continue  # "fired his police chief, Garry F. McCarthy": the name is no aside
            left = token.left_edge.i
            if left - 1 in ids and tokens[0].doc[left - 1].text == "," and left - 1 > min(ids) + 2:
                cut = left - 1 if cut is None else min(cut, left - 1)
        return tokens if cut is None else [t for t in tokens if t.i < cut]

    @staticmethod
    def _aside_subject(verb: Any, in_quote: list[int]) -> Any:
        """The subject before an aside the parser took for the clause of the verb: "One
        attendee, who like others spoke on the condition of anonymity, said …", "Mr. Trump,
        asked about the deaths of journalists, had said …", "Sen. Richard J. Durbin
        (D-Ill.), noting the size of his following, said …"."""
        doc = verb.doc
        finite = _finite(verb)
        k = verb.i - 1
        # "…, last week said": a time before the verb is no part of the aside
        while k > verb.sent.start and (
            doc[k].pos_ in ("AUX", "ADV", "PART") or doc[k].ent_type_ in ("DATE", "TIME")
        ):
            k -= 1
        # "Paul Rivers, who worked as a strategist during the 2012 campaign, called …": a past
        # tense the parser took for a participle hung from the aside's last noun
        hung = verb.tag_ == "VBN" and verb.dep_ == "acl"
        if not (finite or hung) or k <= verb.sent.start or doc[k].text != ",":
            return None
        opening = next((j for j in range(k - 1, verb.sent.start, -1) if doc[j].text in ",(\u2014"), None)
        if opening is None or doc[opening].text != "," or opening + 1 >= k:
            return None
        first = doc[opening + 1]
        if finite and first.lower_ not in ("who", "which"):
            # an aside with commas of its own: "Beck, who backed Ted Cruz, R-Texas, and …, said"
            relative = next(
                (
                    j
                    for j in range(opening - 1, verb.sent.start, -1)
                    if doc[j].text == "," and doc[j + 1].lower_ == "who"
                ),
                None,
            )
            if relative is not None and first.tag_ not in ("VBG", "VBN", "VBD"):
                opening, first = relative, doc[relative + 1]
            elif first.tag_ not in ("VBG", "VBN", "VBD"):
                # "Okafor, speaking later at a rally in Dayton, Ohio, did not mention …"
                participle = next(
                    (
                        j
                        for j in range(opening - 1, max(verb.sent.start, opening - 20), -1)
                        if doc[j].text == ","
                        and doc[j + 1].tag_ == "VBG"
                        and doc[j + 1].right_edge.i >= k - 1
                    ),
                    None,
                )
                if participle is not None:
                    opening, first = participle, doc[participle + 1]
        # "Ware, hours after Holt attacked him on television, said …": a clause of time or
        # reason set off between the name and its verb
        subordinate = finite and (
            first.lower_ in _ASIDE_OPENERS
            or (
                first.dep_ in ("npadvmod", "advmod")
                and doc[first.i + 1].lower_ in _ASIDE_OPENERS
                and doc[first.i + 1].dep_ in ("mark", "prep")
            )
        )
        described = finite and first.tag_ in ("VBG", "VBN", "VBD")
        if not (first.lower_ in ("who", "which") or described or subordinate):
            return None
        if hung and (first.lower_ != "who" or any(c.dep_ in ("advmod", "auxpass") for c in verb.children)):
            return None  # "the course, which opened in 1971, now known as …": a participle
        j = opening - 1
        if doc[j].text == ")":  # "Durbin (D-Ill.),"
            while j > verb.sent.start and doc[j].text != "(":
                j -= 1
            j -= 1
        x = doc[j] if j >= verb.sent.start else None
        if (
            x is None
            or in_quote[x.i] >= 0
            or x.pos_ not in ("PROPN", "NOUN")
            or x.ent_type_ in ("DATE", "TIME")
        ):
            return None
        while x.dep_ == "compound" and x.i < x.head.i <= j:
            x = x.head
        return x

    @staticmethod
    def _stray_subject(verb: Any) -> Any:
        """The subject of a reported clause that the parser made a second subject of the verb
        of saying: "Lopez, the author of “Lost Roads,” said the days when towns had … are
        gone", where "days" became a subject of "said" and "gone" a clause with none."""
        before = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        after = [
            c
            for c in verb.children
            if c.i > verb.i
            and (
                c.dep_ == "nsubj"
                # "said the days when …": or a bare noun phrase taken for when it was said
                or (c.dep_ == "npadvmod" and c.pos_ == "NOUN")
            )
        ]
        if len(before) != 1 or len(after) != 1 or after[0].tag_ in ("WP", "WDT", "PRP"):
            return None
        stray = after[0]
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and c.i > stray.right_edge.i
                and not any(g.dep_ in _SUBJECTS for g in c.children)
            ),
            None,
        )
        if clause is None or any(
            t.is_punct and t.text in ",;:" for t in verb.doc[verb.i : stray.left_edge.i]
        ):
            return None
        return stray

    @staticmethod
    def _series_verb(token: Any) -> bool:
        """True for a verb in the past after a comma that the parser hung as a modifier of the
        object of the verb before it, itself in the past: the next verb of a series ("rejected
        both objections, ruled Cruz eligible")."""
        return (
            token.dep_ == "acl"
            # past tense, or a past participle with an object of its own (no passive then)
            and (
                token.tag_ == "VBD" or (token.tag_ == "VBN" and any(c.dep_ == "dobj" for c in token.children))
            )
            and token.i > 0
            and token.doc[token.i - 1].text == ","
            and token.head.dep_ == "dobj"
            and token.head.head.tag_ == "VBD"
        )

    @staticmethod
    def _quantity_subject(verb: Any, in_quote: list[int]) -> list[int]:
        """A share of people the parser did not make the subject ("About 4 in 10 say …",
        "most in both states supported …"): the words right before a finite verb with no
        subject, hung on it as modifiers, that count someone; else []."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SUBJECTS for c in verb.children):
            return []
        doc = verb.doc
        start = verb.i
        lefts = sorted((c for c in verb.lefts if c.dep_ in _COUNTING_DEPS), key=lambda c: -c.i)
        for child in lefts:
            if child.right_edge.i != start - 1:
                break
            start = child.left_edge.i
        words = [t for t in doc[start : verb.i]]
        while words and words[0].pos_ in ("ADP", "SCONJ", "CCONJ") and words[0].lower_ != "about":
            words = words[1:]  # "after half said so": when, then who
        counting = bool(words) and words[-1].lower_ in _COUNTING_WORDS
        if (
            not words
            or (words[-1].pos_ == "ADV" and not counting)
            or any(in_quote[t.i] >= 0 or t.is_punct for t in words)
        ):
            return []  # "and most recently defended": when, not who
        if not any(t.pos_ == "NUM" or t.lower_ in _COUNTING_WORDS for t in words):
            return []
        return [t.i for t in words]

    @staticmethod
    def _inverted_subject(verb: Any, in_quote: list[int]) -> Any:
        """The name after a verb that follows a quotation when the parser took the name for
        an adverb: "“…,” said Skelly, explaining …"."""
        doc = verb.doc
        if verb.i < 2 or verb.i + 1 >= len(doc) or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        before = doc[verb.i - 1]
        if not (before.is_quote or (before.text == "," and doc[verb.i - 2].is_quote)):
            return None
        x = doc[verb.i + 1]
        if (
            in_quote[x.i] >= 0
            or x.dep_ in _SUBJECTS
            or not x.text[:1].isupper()
            or x.pos_ not in ("PROPN", "ADV", "NOUN")
            or x.ent_type_ in ("DATE", "TIME")
            or x.lower_ in _WEEKDAYS
        ):
            return None
        while x.dep_ == "compound" and x.head.i > x.i:
            x = x.head
        return x

    @staticmethod
    def _hung_on_subject(verb: Any, in_quote: list[int]) -> bool:
        """True for a sentence's own verb that the parser hung as a participle ("acl") of
        the noun before it, which is its subject: "Mitt Romney, the 2012 Republican
        presidential nominee, tweeted …" (past the name's appositive), "One lawmaker called
        Trump “…”" (a sentence with no other verb), "At AIPAC, a group of rabbis called for
        …" (an appositive of the opening phrase)."""
        named = verb.head
        if (
            verb.dep_ != "acl"
            or verb.tag_ not in ("VBN", "VBD")
            or named.i > verb.i
            or named.pos_ not in ("NOUN", "PROPN")
            or in_quote[named.i] >= 0
        ):
            return False
        after_comma = verb.doc[verb.i - 1].text == ","
        # past the name's appositive or a participle aside ("De Blasio, speaking on WOR710,
        # called Trump …")
        past_appositive = (
            after_comma
            and named.pos_ == "PROPN"
            and any(
                (c.dep_ == "appos" or (c.dep_ == "acl" and c.tag_ == "VBG")) and named.i < c.i < verb.i
                for c in named.children
            )
        )
        return (
            past_appositive
            or named.dep_ == "ROOT"
            or (
                named.dep_ == "appos"
                and not after_comma
                and (verb.tag_ == "VBD" or verb.sent.root.pos_ not in ("VERB", "AUX"))
            )
        )

    @staticmethod
    def _first_in_series(verb: Any, clause: Any, in_quote: list[int]) -> bool:
        """True when ``clause`` is the first verb of a series the parser hung on the next one
        ("Okafor offered the man a job, then says he’ll welcome advice"): its subject opens
        the sentence, and only a comma, "and" or an adverb stands between them."""
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subject is None or subject.left_edge.i != verb.sent.start or in_quote[subject.i] >= 0:
            return False
        if clause.tag_ not in ("VBD", "VBZ", "VBP") or subject.tag_ in ("WP", "WDT", "EX"):
            return False
        between = verb.doc[clause.right_edge.i + 1 : verb.i]
        if not between or between[0].text != ",":
            return False
        if not all(
            t.text == "," or t.lower_ == "and" or (t.pos_ == "ADV" and t.head.i == verb.i) for t in between
        ):
            return False
        return any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children)

    @staticmethod
    def _clause_subject(verb: Any, in_quote: list[int]) -> Any:
        """The subject the parser gave a clause it hung before a verb that has words of its
        own after it ("Mr. Slink, whose start-up uses big data, said Mr. Trump was …", where
        "uses" became the first thing said)."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.dep_ != "ROOT":
            return None
        left = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if len(left) == 1 and Finder._first_in_series(verb, left[0], in_quote):
            return next(c for c in left[0].children if c.dep_ == "nsubj")
        if len(left) != 1 or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            return None
        clause = left[0]
        if verb.doc[verb.i - 1].text != "," or any(in_quote[t.i] >= 0 for t in clause.subtree):
            return None
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subject is None or subject.pos_ != "PROPN" or subject.left_edge.i != verb.sent.start:
            return None
        # the name's aside (", whose …,") is what misled the parser
        if not any(c.dep_ in ("appos", "relcl") or c.text == "," for c in subject.children):
            return None
        return subject

    @staticmethod
    def _prepositional_aside(doc: Any, k: int, start: int) -> int | None:
        """The comma before an aside that opens with a preposition and ends at token ``k``
        right before a comma ("Holt, without naming him, also accused …", "the network, for
        one, did replay …"), else None."""
        if doc[k + 1].text != ",":
            return None
        comma = next((j for j in range(k - 1, max(start, k - 10) - 1, -1) if doc[j].text == ","), None)
        if comma is None or comma <= start or doc[comma + 1].dep_ != "prep":
            return None
        first = doc[comma + 1]
        if first.lower_ in ("of", "to") or not all(first.i <= t.i <= k for t in first.subtree):
            return None
        return comma if first.right_edge.i == k else None

    @staticmethod
    def _left_subject(verb: Any, in_quote: list[int]) -> Any:
        """The subject the parser hung elsewhere: the noun phrase right before a finite verb
        that has none ("Alarmed by the unrest, Senator Harry Reid, the minority leader,
        said …", where "Reid" became a conjunct of "unrest"), or the noun whose relative
        clause ends right before the verb ("an official who spoke on condition of anonymity
        said …", where the parser hung the noun elsewhere)."""
        # "“…,” Ann Ware, a lawyer then working for the city, wrote": a verb the parser joined
        # to the quoted words before it
        joined = verb.dep_ == "conj" and verb.head.i < verb.i and in_quote[verb.head.i] >= 0
        if not _finite(verb) or not (verb.dep_ in ("ROOT", "parataxis") or joined):
            return None
        doc, start = verb.doc, verb.sent.start
        k = verb.i - 1
        while k >= start:
            token = doc[k]
            # "A representative for the brand — a business pitched as “…” — noted": the
            # subject before a dashed aside
            dash = (
                next((j for j in range(k - 2, max(start, k - 40), -1) if doc[j].text == "\u2014"), None)
                if token.text == "\u2014" and k == verb.i - 1
                else None
            )
            if dash is not None:
                k = dash - 1
            elif token.is_punct and token.text in ",\u2014":
                k -= 1
            elif token.head.i == verb.i and token.dep_ in ("aux", "neg", "advmod") and k > start:
                k -= 1  # "…, have said", "…, also accused"
            elif token.text == ")" and doc[k - 1].text != "(":
                # "Sen. Carl Dunn (a Dover Democrat …) says"
                opening = next(
                    (j for j in range(k - 1, max(start, k - 30) - 1, -1) if doc[j].text == "("), None
                )
                if opening is None:
                    return None
                k = opening - 1
            elif token.like_num and doc[k + 1].text == "," and k > start and doc[k - 1].text == ",":
                k -= 2  # "Marek Barta, 44, said"
            elif token.text != "," and (comma := Finder._prepositional_aside(doc, k, start)) is not None:
                k = comma - 1  # "Holt, without naming him,"
            else:
                break
        if k < start:
            return None
        if doc[k + 1].text == "," and doc[k].dep_ not in _SUBJECTS:
            # "“…,” Holt, the party's candidate and a leader in the polls after the vote, said":
            # a name before a long aside the parser did not hang on it
            named = Finder._named_before_aside(doc, k, start)
            if named is not None:
                k = named
        x = doc[k]
        # "a White House official who spoke anonymously to discuss strategy said": the noun
        # whose relative clause ends right before the verb, not the clause's last word
        # (the outermost: "the official who runs the agency that oversees ports said")
        clause = next(
            (a for a in reversed([x, *x.ancestors]) if a.dep_ == "relcl" and a.right_edge.i == k), None
        )
        relative = (
            clause is not None
            and clause.head.i < clause.left_edge.i
            and clause.left_edge.tag_ in ("WP", "WDT")
        )
        if relative:
            x = clause.head
        if in_quote[x.i] >= 0 or x.pos_ not in ("PROPN", "NOUN") or x.ent_type_ in ("DATE", "TIME"):
            return None
        while x.dep_ == "compound" and x.head.i < verb.i and x.head.i > x.i:
            x = x.head
        # "At an event in Dayton, Ohio, 62-year-old Margaret Holt railed …": a name after
        # the comma that closes an opening phrase, which the parser took for a second object
        opening = x.dep_ == "pobj" and x.pos_ == "PROPN" and doc[x.left_edge.i - 1].text == ","
        # "Brent Bozell III, founder of the Media Research Center, tells …"
        while (
            not opening
            and x.dep_ == "pobj"
            and x.head.dep_ == "prep"
            and x.head.head.pos_ in ("NOUN", "PROPN")
        ):
            x = x.head.head
        if (
            x.dep_ == "appos"
            and x.pos_ == "NOUN"
            and x.head.pos_ == "PROPN"
            and x.head.i < x.i
            and not (relative and x.head.ent_type_ in ("GPE", "LOC", "FAC"))
        ):
            x = x.head  # "Harry Reid, the minority leader,"; not "in Ohio, a woman who …"
        first = x
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ == "dobj" and first.head.tag_ == "VBG":
            return None  # "Bill Eastland, wearing a hat and “Ted Cruz” pins, said": in the aside
        if (x.dep_ in ("pobj", "dobj", "poss", "npadvmod") and not opening) or x.ent_type_ in (
            "GPE",
            "LOC",
            "FAC",
        ):
            return None
        return x

    @staticmethod
    def _named_before_aside(doc: Any, end: int, start: int) -> int | None:
        """The last word of a name followed by an aside ", the …" or ", a …" that ends at
        ``end`` and has no finite verb of its own outside a relative clause; else None."""
        for j in range(end, max(start, end - 40), -1):
            token = doc[j]
            if _finite(token) and not any(a.dep_ == "relcl" for a in (token, *token.ancestors) if a.i <= end):
                return None  # a clause of its own: "…, the board will vote, said"
            if token.text == "," and doc[j + 1].lower_ in ("the", "a", "an"):
                return j - 1 if doc[j - 1].pos_ == "PROPN" else None
        return None

    @staticmethod
    def _np(head: Any, cue: tuple[int, ...] = ()) -> list[int]:
        """A source mention: the subject's subtree with its relative clauses (as PolNeAR
        marks sources: "Paradis, who volunteered for Bill Clinton in 1992,"), without
        quotations."""
        drop: set[int] = set()
        for child in head.children:
            if child.dep_ == "punct" and child.text in '\u201c\u201d"':
                drop.update(t.i for t in child.subtree)
            elif child.dep_ in ("relcl", "acl") and any(t.is_quote or t.i in cue for t in child.subtree):
                drop.update(t.i for t in child.subtree)  # "a statement … saying": not the cue
            elif (
                child.tag_ == "VBG"
                and child.dep_ in ("acl", "advcl")
                and child.i > head.i
                and child.lower_ != "including"
                and head.doc[child.left_edge.i - 1].text == ","
            ):
                # "Trump, speaking at a rally in Wilmington, warned …": when and where, not who
                # ("Several candidates, including Trump," stays whole, as PolNeAR marks it)
                drop.update(t.i for t in child.subtree)
        tokens = [t for t in head.subtree if t.i not in drop]
        # never across a paragraph break ("12:15 p.m.\n\nDonald Trump says")
        breaks = [k for k, t in enumerate(tokens) if "\n" in t.text]
        if breaks:
            tokens = tokens[breaks[-1] + 1 :] if tokens.index(head) > breaks[-1] else tokens[: breaks[0]]
        # a dateline before the name: "CLEVELAND - Donald Trump", "CEDAR FALLS, Iowa - Dana Holt"
        if len(tokens) > 2 and tokens[0].text.isupper() and tokens[1].text in DASHES:
            tokens = tokens[2:]
        dash = dateline_in(head.doc, head.i)
        if dash is not None and head.i > dash:
            tokens = [t for t in tokens if t.i > dash]
        tokens = trim(tokens)
        if len(tokens) > 1 and tokens[0].lower_ == "even" and tokens[0].dep_ == "advmod":
            tokens = tokens[1:]  # "even Republicans said": PolNeAR leaves "even" out of the source
        doc = head.doc
        if (
            tokens == [head]
            and head.lower_.rstrip(".") in NAME_SUFFIXES
            and head.i >= 2
            and doc[head.i - 1].text == ","
            and doc[head.i - 2].pos_ == "PROPN"
        ):
            # "Martin Luther King, Jr. said", "Acme, Inc. said": the parser made the suffix
            # the subject; the name is the run of proper nouns before the comma
            start = head.i - 2
            while start > 0 and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].text:
                start -= 1
            return list(range(start, head.i + 1))
        return [t.i for t in tokens] or [head.i]

    def _addressee(self, verb: Any, depth: int = 0) -> list[int]:
        """Who the statement was made to: ``told Putin``, ``urged Congress to``, ``said to
        reporters``, ``called on X``, ``speaking to a veterans group``, ``in an interview
        with CNN``, ``in a Bloomberg interview``, ``said on ABC's "This Week"``, ``wrote in an
        email to X``; ``Asked about it, O'Neill said`` (the one asked); a participle or a
        second verb inherits the addressee of the verb it hangs from ("told the group …, adding
        that …"), and every verb of a sentence that opens with its occasion ("In an interview
        with CNN, …") has it."""
        found = self._own_addressee(verb)
        if found:
            return found
        if verb.lemma_.lower() in _PASSIVE_ADDRESSED and verb.tag_ == "VBN":
            # "Clinton was asked about …", "When Trump was questioned about …"
            asked = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if asked is None and verb.dep_ in ("advcl", "xcomp"):  # "Asked …, O'Neill said"
                asked = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if asked is not None:
                return _mention(asked)
        # a second verb of telling ("told X … and added", "told X …, adding that …") keeps X;
        # one after a directive ("exhorted Republicans to … and said") does not. A
        # participle that summarises ("emailed reporters …, arguing that …") shares only an
        # occasion, and "…, saying that …" not even that (the canonical example's "told Xi
        # that …, saying that …")
        participle = (
            verb.tag_ == "VBG"
            and verb.dep_ in ("advcl", "xcomp", "pcomp", "dep")
            and verb.lemma_.lower() != "say"
        )
        inherits = (verb.dep_ == "conj" and verb.head.lemma_.lower() in ("tell", "say")) or (
            participle and verb.lemma_.lower() in ("add", "continue")  # "…, adding that …" goes on
        )
        if (inherits or participle) and depth < 2 and verb.head.i != verb.i:
            head = verb.head.head if verb.head.dep_ == "prep" else verb.head  # "… by saying"
            found = self._addressee(head, depth + 1) if inherits else self._occasion(head, shared=True)
            if found:
                return found
        # "In an interview with reporters, the senator criticized … and said …": the occasion
        # of the first verb is the second's too, whatever the first verb is
        if verb.dep_ == "conj" and depth < 2:
            found = self._occasion(verb.head, shared=True)
            if found:
                return found
        return self._opening(verb)

    @staticmethod
    def _own_addressee(verb: Any) -> list[int]:
        lemma = verb.lemma_.lower()
        # "called on police to …": the parser often takes "on" for a particle
        if lemma == "call" and any(c.dep_ == "prt" and c.lower_ in ("on", "upon") for c in verb.children):
            # the one called on hangs from the verb, or from the particle ("called on Republicans")
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
                (g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "pobj"), None
            )
            if obj is not None:
                return _mention(obj)
        if lemma in _THANKING:  # "thanked the crowd for …": the one thanked
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
            if obj is not None and any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children):
                return _mention(obj)
        if lemma in _PLEADING:  # "pleaded with Republicans to …"
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is not None and _is_people(obj):
                return _mention(obj)
        if lemma in TELL_VERBS:
            for child in verb.children:
                if (
                    child.dep_ in ("dobj", "dative")
                    and child.pos_ in ("PROPN", "NOUN", "PRON")
                    and child.tag_ not in ("WP", "WDT")
                    and not _day(child)  # "vowed Tuesday to …"
                    and (child.pos_ == "PROPN" or child.lemma_.lower() not in _TOLD_THINGS)  # "the story"
                    and (lemma not in _SENDING or _is_audience(child))  # "emailed a link"
                    and (lemma in _TOLD_OBJECT or _is_people(child))
                ):
                    return _mention(child)
            # "Gingrich told O’Reilly": a name the parser took for an adverb
            nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
            if (
                nxt is not None
                and nxt.head.i == verb.i
                and nxt.dep_ in ("advmod", "npadvmod", "attr", "oprd")
                and nxt.text[:1].isupper()
                and nxt.ent_type_ not in ("DATE", "TIME")
                and not nxt.is_punct
            ):
                return _mention(nxt)
        # (an infinitive the parser may hang as an adverbial clause: "coached Trump to …")
        # or what they were pushed for or on ("pushed him for specifics")
        if lemma in _PUSHING and any(
            c.dep_ == "xcomp"
            or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
            or (c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i > verb.i)
            for c in verb.children
        ):
            obj = next((c for c in verb.children if c.dep_ == "dobj" and _is_someone(c)), None)
            if obj is not None:
                return _mention(obj)
        return Finder._occasion(verb)

    @staticmethod
    def _occasion(verb: Any, shared: bool = False) -> list[int]:
        """An addressee named by the verb's prepositions or by a participle of speaking
        hung from it or from its subject ("said to reporters", "in an interview with CNN",
        "speaking to a veterans group, …"). ``shared``: only an occasion another verb can
        share (an interview, a programme, "speaking to"), not "moving to Los Angeles"."""
        preps = [c for c in verb.children if c.dep_ in ("prep", "dative")]
        holders = [verb] + [c for c in verb.children if c.dep_ in _SUBJECTS]
        for holder in holders:
            for child in holder.children:
                if child.dep_ in ("advcl", "acl", "xcomp") and child.lemma_.lower() in _ADDRESSING:
                    addressed = _addressed(child)
                    if addressed:
                        return addressed
                    preps.extend(c for c in child.children if c.dep_ in ("prep", "dative"))
        return Finder._through(preps, opening=shared)

    @staticmethod
    def _opening(verb: Any) -> list[int]:
        """The occasion a sentence opens with, for every verb in it: "In an interview with
        TMZ Sports, Walker said, “…”", "Speaking to MSNBC’s Morning Joe, Bush referred …",
        "Sunday, on CNN’s “State of the Union,” Fallin said …"."""
        sent = verb.sent
        preps = []
        for token in sent[:6]:
            if token.i >= verb.i or "\n" in token.text:
                break
            # an opening phrase of the sentence's own verb, not of another word ("Following
            # Sanders on MSNBC, …")
            # ("Wednesday on Fox News Channel’s “Hannity,” Gingrich said": hung from the day)
            owner = token.head.head if token.head.ent_type_ in ("DATE", "TIME") else token.head
            if token.dep_ == "prep" and token.i - sent.start <= 3 and owner.i in (verb.i, sent.root.i):
                preps.append(token)
            elif token.lemma_.lower() in _ADDRESSING and token.tag_ == "VBG" and token.i == sent.start:
                addressed = _addressed(token)
                if addressed:
                    return addressed
                preps.extend(c for c in token.children if c.dep_ in ("prep", "dative"))
        # an interview frames the whole sentence, wherever it stands ("…, saying his campaign
        # doesn't want “that crap,” in an interview with CNN on Sunday")
        preps.extend(t for t in _interviews(sent) if t not in preps)
        return Finder._through(preps, opening=True)

    @staticmethod
    def _through(preps: list[Any], opening: bool = False) -> list[int]:
        """The addressee one of these prepositions names, if any."""
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            word, head_lemma = prep.lower_, prep.head.lemma_.lower()
            # "said on ABC’s “This Week”", "Speaking Sunday on “Meet the Press”": a programme
            if word == "on" and (opening or head_lemma in _ON_AIR):
                programme = _programme_after(prep)
                if programme:
                    return programme
            if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
                continue
            nominal = pobj.pos_ in ("PROPN", "NOUN", "PRON")
            # "called bigwigs to the stage" names no addressee; "sings X to Hillary Clinton" does
            has_object = any(
                c.dep_ == "dobj" and c.lemma_.lower() not in _SAID_THINGS for c in prep.head.children
            ) and pobj.ent_type_ not in ("PERSON", "ORG", "NORP")
            audience = _is_audience(pobj)
            to_speaker = not opening or head_lemma in _ADDRESSING
            if (
                word == "to"
                and head_lemma not in _NOT_TO_ADDRESSEE
                and audience
                and not has_object
                and to_speaker
            ):
                return _mention(pobj)
            # "speaking with The Register's editorial board", "talked with reporters"
            if word == "with" and head_lemma in ("speak", "talk") and audience and to_speaker:
                return _mention(pobj)
            # "called on voters to …" (not "On economic issues, more call themselves …")
            if (
                word in ("on", "upon")
                and head_lemma == "call"
                and nominal
                and not opening
                and prep.i > prep.head.i
            ):
                return _mention(pobj)
            if word in ("in", "during", "at", "on") and pobj.lemma_.lower() in _MEDIA:
                inner = next(
                    (
                        p
                        for c in pobj.children
                        if c.dep_ == "prep" and c.lower_ in ("with", "to", "on")
                        for p in c.children
                        if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
                    ),
                    None,
                )
                if inner is not None:
                    return _mention(inner)
                # "in a Bloomberg interview", "in an MSNBC interview" (tagged a common noun)
                outlet = [
                    c
                    for c in pobj.children
                    if c.dep_ in ("compound", "poss")
                    and (c.pos_ == "PROPN" or c.ent_type_ == "ORG" or (c.text.isupper() and len(c.text) > 1))
                    and pobj.lemma_.lower() in _INTERVIEWS
                ]
                if outlet:
                    return _mention(outlet[0])
        return []
