"""The linker: joins quotations that the finder left without a cue to the turn they belong to.

``“A,” he said. “B.”``: B opens the next sentence of the same paragraph and has no cue of
its own, so it is a second content piece of the attribution before it; so is a quotation
after a paraphrase closed by its cue (``…, Schiff said. “B.”``), or after reported words
that end where it starts (``Carter said that … would not happen. “B.”``, in the same
paragraph or the next).  A paragraph that is one quotation with no cue continues the turn
of the quotation in the paragraph before.
Everything else the finder left alone (scare quotes, titles) stays unattributed.  The
linker also cuts a trailing participle (``…, saying that …``) out of the clause before it,
so that two attributions never claim the same words.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..records import Span
from .candidate import Candidate, SpanIndex
from .finder import title_spans
from .lexicon import OBJECT_CUES, QUOTE_CUES
from .scanner import Quote

# How far back (characters) an attribution may start and still hold the turn a quotation
# continues: a paragraph or two.
_TURN_REACH = 5000


class Linker:
    """Gives cue-less quotations to the turn they continue (module docstring).

    max_gap_chars: how much text (the cue clause: ``he said.``) may stand between a quotation
    and the next one that continues it inside one paragraph.
    """

    def __init__(self, max_gap_chars: int = 60) -> None:
        self.max_gap_chars = max_gap_chars

    def __call__(self, doc: Any, quotes: list[Quote], candidates: list[Candidate]) -> list[Candidate]:
        text = doc.text
        top = [q for q in quotes if q.depth == 0]
        claimed = {qi for c in candidates for qi in c.quotes}
        candidates = sorted(candidates, key=lambda c: c.start)
        cue_ends = {id(c): doc[max(c.cue)].idx + len(doc[max(c.cue)]) if c.cue else 0 for c in candidates}
        contents = SpanIndex((span, c) for c in candidates for span in c.content)
        starts = [c.start for c in candidates]
        titles = set(title_spans(doc, top))
        quote_index = SpanIndex((q.span, qi) for qi, q in enumerate(top))
        for qi, quote in enumerate(top):
            if qi in claimed or contents.holders(quote.start, quote.end) or quote.span in titles:
                continue  # a title ("said on “CBS This Morning”") continues no one's words
            # only attributions that start near enough to hold a turn this quotation continues
            near = candidates[
                bisect.bisect_left(starts, quote.start - _TURN_REACH) : bisect.bisect_left(
                    starts, quote.start
                )
            ]
            before = self._turn(doc, text, quote, near, quote_index, cue_ends)
            if before is not None:
                before.content.extend(quote.pieces)
                before.quotes.append(qi)
                claimed.add(qi)
        self._cut_nested(doc, text, candidates)
        return candidates

    def _turn(
        self,
        doc: Any,
        text: str,
        quote: Quote,
        candidates: list[Candidate],
        quotes: SpanIndex,
        cue_ends: dict[int, int],
    ) -> Candidate | None:
        """The quoted attribution whose turn this cue-less quotation continues, if any."""
        para_start = text.rfind("\n", 0, quote.start) + 1
        before = [c for c in candidates if c.end <= quote.start]
        # a turn is a quotation, or a paraphrase closed by its cue ("…, Schiff said. “…”")
        quoted = [
            c
            for c in before
            if c.quotes
            or (c.end >= para_start and cue_ends[id(c)] > c.end)
            or self._reported_turn(doc, text, c, quote, quotes, cue_ends)
        ]
        if not quoted:
            return None
        last = max(quoted, key=lambda c: c.end)
        between = [c for c in candidates if last.end < c.start < quote.start]
        if between and not self._within_cue_sentence(doc, last, between, para_start, cue_ends, quote.start):
            return None  # another attribution came in between: the turn has moved on
        if last.end >= para_start:
            if last.source and doc[min(last.source)].idx < quote.start < cue_ends[id(last)]:
                return None  # “A,” Bill Eastland, wearing “Ted Cruz” pins, said: in the source
            last_end = max(last.end, cue_ends[id(last)])
            # same paragraph: only the cue clause may stand between them
            gap = text[last_end : quote.start]
            if "\n" in gap:
                return None
            if len(gap) <= self.max_gap_chars:
                return None if self._other_speaker(doc, last, last_end, quote.start) else last
            # “A,” said Matt Baker, a former commissioner who is now …. “B.”: a long source,
            # but still only the sentence of the cue, which ends right before B
            return last if self._cue_sentence_only(doc, last, last_end, quote.start) else None
        # a new paragraph that opens with this quotation and is (nearly) all quotation
        para_end = text.find("\n", quote.start)
        para_end = len(text) if para_end < 0 else para_end
        if quote.start != para_start or (quote.end - para_start) < 0.8 * (para_end - para_start):
            return None
        prev_para_end = len(text[:para_start].rstrip())  # past blank lines between paragraphs
        prev_para_start = text.rfind("\n", 0, prev_para_end) + 1
        return last if last.end >= prev_para_start else None

    @staticmethod
    def _reported_turn(
        doc: Any, text: str, cand: Candidate, quote: Quote, quotes: SpanIndex, cue_ends: dict[int, int]
    ) -> bool:
        """True when a speaker's reported words end right where the quotation starts, in the
        same paragraph or at the end of the one before ("Carter said that … would not
        happen.¶“That's because …”"): the quotation goes on with those words."""
        if not (cand.source or cand.subject is not None) or not cand.cue or cue_ends[id(cand)] > cand.start:
            return False
        # a verb of saying, or one whose object is what was said ("praised …")
        verb = next((doc[i] for i in cand.cue if doc[i].lemma_.lower() in QUOTE_CUES | OBJECT_CUES), None)
        if verb is None or not (
            verb.dep_ == "ROOT"
            or (verb.dep_ in ("xcomp", "conj") and verb.head.dep_ == "ROOT")
            # "was quick to add that …": the infinitive of the root's adjective
            or (verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.dep_ == "ROOT")
            # "…, adding that he would help. “…”": the participle of the sentence's speaker
            or (not cand.source and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ == "ROOT")
        ):
            return False  # "…, during which callers asked how …": not the sentence's own words
        if any(doc[i].tag_ in ("WP", "WDT") for i in cand.source):
            return False  # "Pardo, who said that …, said “…”": the words of a relative clause
        sent = doc[max(cand.cue)].sent
        start, end = sent.start_char, sent.end_char
        if (
            quote.start < end
            or quotes.within(start, end)
            or quotes.holders(start, start + 1)
            or quotes.holders(end - 1, end)
        ):
            return False  # a sentence with a quotation of its own ("“…,” Trump assured Jones, after …")
        # the rest of the cue's sentence ("…, but this would not happen.") may stand between
        end = max(cand.end, min(sent.end_char, quote.start))
        if "\n" in text[cand.end : end].rstrip():
            return False
        gap = text[end : quote.start]
        return gap.count("\n") <= 2 and not gap.strip(" \t\n\u00a0.!?")

    def _within_cue_sentence(
        self,
        doc: Any,
        last: Candidate,
        between: list[Candidate],
        para_start: int,
        cue_ends: dict[int, int],
        end: int,
    ) -> bool:
        """True when the attributions between a turn and a quotation stand in the rest of the
        sentence of the turn's cue, and that sentence runs up to the quotation ("“A,” Holt said,
        referring to a town hall where she declined to criticize Dunn. “B.”")."""
        if not last.cue or last.end < para_start or any(c.quotes for c in between):
            return False
        sent_end = doc[max(last.cue)].sent.end_char
        if any(c.start >= sent_end for c in between):
            return False
        return self._cue_sentence_only(doc, last, max(last.end, cue_ends[id(last)]), end)

    @staticmethod
    def _other_speaker(doc: Any, cand: Candidate, start: int, end: int) -> bool:
        """True when the text between a turn and a quotation holds a sentence of its own with
        a subject and a verb ("“…,” Silverman joked. The crowd chants “BERNIE!”")."""
        if not cand.cue:
            return False
        cue_sent = doc[max(cand.cue)].sent
        gap = doc.char_span(start, end, alignment_mode="contract")
        if gap is None:
            return False
        return any(
            t.pos_ in ("VERB", "AUX")
            and t.sent.start != cue_sent.start
            and any(c.dep_ in ("nsubj", "nsubjpass") and start <= c.idx < end for c in t.children)
            for t in gap
        )

    @staticmethod
    def _cue_sentence_only(doc: Any, cand: Candidate, start: int, end: int) -> bool:
        """True when the text from ``start`` to ``end`` is the rest of the sentence of the
        candidate's cue (no other sentence, at most 300 characters)."""
        if not cand.cue or end - start > 300:
            return False
        sent = doc[max(cand.cue)].sent
        text = doc.text
        tail = text[sent.end_char : end] if sent.end_char <= end else ""
        return sent.end_char >= start and not tail.strip() and text[start:end].rstrip()[-1:] in ".!?:"

    @staticmethod
    def _cut_nested(doc: Any, text: str, candidates: list[Candidate]) -> None:
        """Cut from each content a trailing participle clause that is an attribution of its own
        ("told Xi that Russia is ready …, saying that …")."""
        contents = SpanIndex((span, c) for c in candidates for span in c.content)
        for inner in candidates:
            if not inner.cue or inner.source:  # with its own source: reported speech inside speech
                continue
            cue_start = doc[min(inner.cue)].idx
            holders = {id(c): c for c in contents.holders(cue_start, cue_start)}
            for outer in holders.values():
                if outer is inner or not any(s.start < cue_start < s.end for s in outer.content):
                    continue
                if inner.end < outer.end:
                    continue  # a participle inside the clause ("tweets accusing X … are …") stays in it
                cut_from = cue_start
                while cut_from > 0 and text[cut_from - 1] in " ,;\u2014":
                    cut_from -= 1
                pieces: list[Span] = []
                for span in outer.content:
                    if span.end <= cut_from:
                        pieces.append(span)
                    elif span.start < cut_from:
                        pieces.append(Span(span.start, cut_from))
                if pieces:
                    outer.content = pieces
