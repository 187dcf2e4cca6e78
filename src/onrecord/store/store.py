"""The quote store: articles and their attributions in, answers out.

``Store.add`` writes one extracted article in one transaction (article, attributions,
speakers merged across articles, quotations clustered across articles, full-text index), so
an ingest killed at any moment leaves whole articles or none. The questions a user asks
(``search``, ``speakers``, ``verify``, ``failures``, ``export_*``) are methods here, shared
by the command line and the web app. The schema lives in ``schema.py``; the rule that
merges speakers in ``names.py``; the one that groups quotations in ``quotations.py``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import QueryError
from ..io import table
from ..records import Attribution, Result, Speaker
from . import names, quotations
from .database import DEFAULT_DB, Database
from .dates import iso_date, query_date
from .schema import migrate

log = logging.getLogger(__name__)

# Verify reports clusters whose best quotation is at least this similar to the question.
VERIFY_MIN = 0.75
# At most this many keys are looked up for one quotation (a very long quotation has many).
_MAX_KEYS = 400
# A new quotation is compared with the quotations of at most this many clusters, those that
# share most of its keys. Enough that a short quotation found in many long ones meets them
# all (with 30, PolNeAR's clusters came out differently in different ingest orders).
_CANDIDATES = 200
# ... and with at most this many distinct forms of each, the longest.
_TEXTS_PER_CANDIDATE = 10
KINDS = ("direct", "mixed", "indirect")
# ORDER BY this first: dated articles before undated ones.
_DATED_FIRST = "CASE WHEN ar.date IS NULL OR ar.date = '' THEN 1 ELSE 0 END"


# -- answers ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SpeakerRef:
    name: str | None
    id: str | None


@dataclass(frozen=True)
class Hit:
    """One attribution found by ``search``."""

    article_id: str
    n: int
    kind: str
    content: str
    speaker: SpeakerRef
    date: str | None
    publisher: str | None
    title: str | None
    cue: str
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker of ``speakers``: how often quoted, by kind and publisher, and a sample."""

    speaker: SpeakerRef
    type: str
    count: int
    by_kind: dict[str, int]
    by_publisher: dict[str, int]
    aliases: list[str]
    article_id: str | None
    kind: str | None
    content: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Appearance:
    """One appearance of a quotation: where, when, attributed to whom, in which words."""

    article_id: str
    n: int
    date: str | None
    publisher: str | None
    title: str | None
    speaker: SpeakerRef
    kind: str
    content: str
    quotation: str
    similarity: float


@dataclass(frozen=True)
class Match:
    """A quotation cluster that ``verify`` found for the question."""

    cluster_id: int
    similarity: float
    match: str  # "exact", "contained" (trimmed), "fuzzy"
    first: Appearance
    appearances: list[Appearance]
    variants: list[dict[str, Any]]
    speakers: list[dict[str, Any]]

    # The fields every --json hit carries, from the first appearance.
    @property
    def article_id(self) -> str:
        return self.first.article_id

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        return {
            "article_id": self.first.article_id,
            "speaker": out["first"]["speaker"],
            "kind": self.first.kind,
            "content": self.first.content,
            **out,
        }


@dataclass(frozen=True)
class Failure:
    item: str
    stage: str
    article_id: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "speaker": None,
            "kind": None,
            "content": None,
            "item": self.item,
            "stage": self.stage,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SpeakerDetail:
    """One speaker's page: names, counts, quotes over time, whom they address, the quotes."""

    speaker: SpeakerRef
    type: str
    count: int
    by_kind: dict[str, int]
    by_publisher: dict[str, int]
    aliases: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    undated: int
    addressees: list[dict[str, Any]]
    quotes: list[Hit]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleSummary:
    """An article in a list: where it is from and how many attributions it has."""

    article_id: str
    title: str | None
    date: str | None
    publisher: str | None
    url: str | None
    attributions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Overview:
    """The store at a glance: its size, the speakers quoted most, quotes per publisher."""

    counts: dict[str, int]
    speakers: list[SpeakerSummary]
    publishers: list[dict[str, Any]]
    timeline: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Counts:
    articles: int = 0
    attributions: int = 0
    speakers: int = 0
    clusters: int = 0
    failures: int = 0
    extra: dict[str, int] = field(default_factory=dict)


# -- the store ----------------------------------------------------------------------------------
class Store:
    """A quote store at ``url``: an SQLite file path (made if missing) or a
    ``postgresql://`` URL. Opening it brings its schema up to date."""

    def __init__(self, url: str = DEFAULT_DB) -> None:
        self.url = url
        self.db = Database(url)
        try:
            migrate(self.db)
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.value("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def stored_text_hash(self, article_id: str) -> str | None:
        """The content hash of the stored article with this id (None when there is none)."""
        value = self.db.value("SELECT content_hash FROM articles WHERE id = ?", (article_id,))
        return None if value is None else str(value)

    def add(self, result: Result, where: str | None = None) -> bool:
        """Store one extracted article; False (and nothing written) when its id is stored."""
        article = result.article
        db = self.db
        digest = text_hash(article.text)
        with db.write():
            stored = self.stored_text_hash(article.id)
            if stored == digest:
                return False
            if stored is not None:
                raise ArticleIdClash(article.id)
            meta = _no_nul_anywhere(dict(article.metadata))
            text = _no_nul(article.text)
            seq = db.next_id("articles", "seq")
            db.execute(
                "INSERT INTO articles (id, seq, content_hash, title, date, publisher, url, metadata, text, "
                "attribution_count, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    seq,
                    digest,
                    _text_field(meta.get("title")),
                    self._date(article.id, meta.get("date")),
                    _text_field(meta.get("publisher")),
                    _text_field(meta.get("url")),
                    json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str),
                    text,
                    len(result.attributions),
                    json.dumps(list(result.warnings), ensure_ascii=False) if result.warnings else None,
                ),
            )
            first_id = db.next_id("attributions")
            for n, attribution in enumerate(result.attributions):
                self._add_attribution(first_id + n, article.id, n, attribution, text)
            if where is not None:
                # This item is fine now, and so is its file (a header problem, say, once fixed).
                file = re.sub(r"(:\d+|#\d+)$", "", where)
                db.execute("DELETE FROM failures WHERE item = ? OR item = ?", (where, file))
        return True

    @staticmethod
    def _date(article_id: str, value: Any) -> str | None:
        found = iso_date(value)
        if found is None and value not in (None, ""):
            log.warning(
                "article %r: the date %r is not one onrecord reads; stored undated", article_id, value
            )
        return found

    def add_failure(self, item: str, reason: str, stage: str, article_id: str | None = None) -> bool:
        """Record (or update) the failure of one input item; False when it was recorded
        already, for the same reason."""
        with self.db.write():
            before = self.db.one("SELECT reason, stage FROM failures WHERE item = ?", (item,))
            if before == (reason, stage):
                return False
            seq = self.db.next_id("failures", "seq")
            self.db.execute(
                "INSERT INTO failures (item, seq, stage, article_id, reason) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (item) DO UPDATE SET stage = excluded.stage, "
                "article_id = excluded.article_id, reason = excluded.reason",
                (item, seq, stage, article_id, reason),
            )
        return True

    def _add_attribution(self, row_id: int, article_id: str, n: int, a: Attribution, text: str) -> None:
        db = self.db
        speaker_id = self._merge_speaker(a.speaker) if a.speaker and a.speaker.name else None
        record = a.to_dict()
        content_text = a.content_text(text)
        speaker_name = a.speaker.label if a.speaker else None
        db.execute(
            "INSERT INTO attributions (id, article_id, n, kind, cue, source, content, cue_text, "
            "source_text, content_text, speaker_id, speaker_name, speaker, addressee_name, addressee, "
            "confidence, record, speaker_alias, speaker_type) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row_id,
                article_id,
                n,
                a.kind,
                json.dumps(record["cue"]),
                json.dumps(record["source"]),
                json.dumps(record["content"]),
                a.cue_text(text),
                a.source_text(text),
                content_text,
                speaker_id,
                speaker_name,
                json.dumps(record["speaker"], ensure_ascii=False) if a.speaker else None,
                a.addressee.label if a.addressee else None,
                json.dumps(record["addressee"], ensure_ascii=False) if a.addressee else None,
                a.confidence,
                json.dumps(record, ensure_ascii=False),
                a.speaker.name if speaker_id else None,
                (a.speaker.type or "other") if speaker_id else None,
            ),
        )
        if db.dialect == "sqlite":
            db.execute(
                "INSERT INTO attributions_fts (rowid, content_text, speaker_name) VALUES (?, ?, ?)",
                (row_id, content_text, speaker_name),
            )
        quoted = quotations.quoted_text(a, text)
        if quoted and quotations.words(quoted):
            cluster_id = self._cluster(quoted)
            db.execute(
                "INSERT INTO quotations (attribution_id, article_id, text, cluster_id) VALUES (?, ?, ?, ?)",
                (row_id, article_id, quoted, cluster_id),
            )

    def _merge_speaker(self, speaker: Speaker) -> str:
        """The store-wide id of ``speaker``: an existing speaker it merges with, or a new one."""
        db = self.db
        name, kind = speaker.name or "", speaker.type or "other"
        settled = db.value("SELECT speaker_id FROM speaker_units WHERE name = ? AND type = ?", (name, kind))
        if settled is not None:  # a name the last settle placed: it goes where it went then
            known = self._known_speakers_by_id([settled])
        else:
            known = self._known_speakers(names.lookup_keys(name, kind))
        chosen = known[0] if settled is not None and known else names.choose(name, kind, known)
        if chosen is not None:
            speaker_id = chosen.id
            db.execute(
                "UPDATE speakers SET name = ?, mentions = mentions + 1 WHERE id = ?",
                (names.better_name(chosen.name, name, kind), speaker_id),
            )
        else:
            display = names.display_name(name, kind)
            speaker_id = names.new_id(
                display, kind, self._taken_ids(names.new_id(display, kind, lambda i: False))
            )
            db.execute(
                "INSERT INTO speakers (id, seq, name, type, mentions) VALUES (?, ?, ?, ?, 1)",
                (speaker_id, db.next_id("speakers", "seq"), display, kind),
            )
        db.execute(
            "INSERT INTO speaker_aliases (speaker_id, alias, mentions) VALUES (?, ?, 1) "
            "ON CONFLICT (speaker_id, alias) DO UPDATE SET mentions = speaker_aliases.mentions + 1",
            (speaker_id, name),
        )
        db.executemany(
            "INSERT INTO speaker_keys (key, speaker_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(key, speaker_id) for key in sorted(set(names.index_keys(name, kind)))],
        )
        return speaker_id

    # -- settling speakers ----------------------------------------------------------------------
    def _settled_mark(self) -> str:
        return str(self.db.value("SELECT COALESCE(MAX(id), 0) FROM attributions"))

    def needs_settle(self) -> bool:
        """True when attributions were added since the speakers were last settled."""
        mark = self.db.value("SELECT value FROM meta WHERE key = 'speakers_settled'")
        return mark != self._settled_mark()

    def settle_speakers(self) -> int:
        """Merge the speakers of the whole store again, at once, by ``names.settle``: the
        same articles give the same speakers and ids whatever order they came in and however
        many runs brought them. Articles added one at a time are merged as they come
        (``add``); an ingest or load run ends with this. Ids that disappear are kept as
        redirects to the speaker that holds most of their quotes. Returns the number of
        attributions whose speaker changed."""
        db = self.db
        with db.write():
            units = [
                (str(name), str(kind), int(count))
                for name, kind, count in db.rows(
                    "SELECT speaker_alias, speaker_type, COUNT(*) FROM attributions "
                    "WHERE speaker_alias IS NOT NULL GROUP BY speaker_alias, speaker_type"
                )
            ]
            settled = names.settle(units)
            new_of = {(name, kind): s.id for s in settled for name, kind, _ in s.units}
            old = db.rows(
                "SELECT speaker_id, speaker_alias, speaker_type, COUNT(*) FROM attributions "
                "WHERE speaker_id IS NOT NULL GROUP BY speaker_id, speaker_alias, speaker_type"
            )
            moved: dict[str, Counter[str]] = defaultdict(Counter)
            changed = 0
            for old_id, name, kind, count in old:
                new_id = new_of[(name, kind)]
                moved[old_id][new_id] += count
                changed += count if new_id != old_id else 0
            current = db.rows("SELECT id, name, type, mentions FROM speakers ORDER BY seq")
            wanted = [(sp.id, sp.name, sp.type, sp.mentions) for sp in settled]
            units_now = dict(
                ((n, k), i) for n, k, i in db.rows("SELECT name, type, speaker_id FROM speaker_units")
            )
            if not changed and [tuple(r) for r in current] == wanted and units_now == new_of:
                self._mark_settled()  # nothing moved: the store is settled as it is
                return 0
            db.execute("DELETE FROM speaker_keys")
            db.execute("DELETE FROM speaker_aliases")
            db.execute("DELETE FROM speaker_units")
            db.execute("UPDATE speakers SET seq = -seq - 1")
            for seq, speaker in enumerate(settled, 1):
                db.execute(
                    "INSERT INTO speakers (id, seq, name, type, mentions) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, name = excluded.name, "
                    "type = excluded.type, mentions = excluded.mentions",
                    (speaker.id, seq, speaker.name, speaker.type, speaker.mentions),
                )
            db.executemany(
                "INSERT INTO speaker_units (name, type, speaker_id) VALUES (?, ?, ?)",
                [(name, kind, s.id) for s in settled for name, kind, _ in s.units],
            )
            if changed:
                settled_id = (
                    "(SELECT u.speaker_id FROM speaker_units u "
                    "WHERE u.name = attributions.speaker_alias AND u.type = attributions.speaker_type)"
                )
                differs = "IS NOT" if db.dialect == "sqlite" else "IS DISTINCT FROM"
                db.execute(  # only the rows whose speaker changed
                    f"UPDATE attributions SET speaker_id = {settled_id} "
                    f"WHERE speaker_alias IS NOT NULL AND speaker_id {differs} {settled_id}"
                )
            kept = {s.id for s in settled}
            retired = sorted(set(moved) - kept)
            # A retired id leads to the speaker with most of its quotes (ties: the smaller id);
            # older redirects that led to a retired id follow it.
            target = {i: min(moved[i].items(), key=lambda kv: (-kv[1], kv[0]))[0] for i in retired}
            for old_id, to in db.rows("SELECT old_id, speaker_id FROM speaker_redirects"):
                if to in target:
                    target.setdefault(old_id, target[to])
            db.execute(
                "DELETE FROM speaker_redirects WHERE old_id IN (SELECT id FROM speakers WHERE seq > 0)"
            )
            if target:
                db.executemany(
                    "INSERT INTO speaker_redirects (old_id, speaker_id) VALUES (?, ?) "
                    "ON CONFLICT (old_id) DO UPDATE SET speaker_id = excluded.speaker_id",
                    sorted(target.items()),
                )
            db.execute("DELETE FROM speakers WHERE seq < 0")
            aliases: Counter[tuple[str, str]] = Counter()
            for speaker in settled:
                for name, _, mentions in speaker.units:
                    aliases[(speaker.id, name)] += mentions
            db.executemany(
                "INSERT INTO speaker_aliases (speaker_id, alias, mentions) VALUES (?, ?, ?)",
                [(sid, name, count) for (sid, name), count in sorted(aliases.items())],
            )
            db.executemany(
                "INSERT INTO speaker_keys (key, speaker_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sorted(
                    {(key, s.id) for s in settled for n, k, _ in s.units for key in names.index_keys(n, k)}
                ),
            )
            self._mark_settled()
        return changed

    def _mark_settled(self) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES ('speakers_settled', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (self._settled_mark(),),
        )

    def _taken_ids(self, base: str) -> Callable[[str], bool]:
        """Whether a speaker id is taken, for the ids ``base``, ``base-2``, … (one query)."""
        pattern = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%"
        taken = {
            row[0]
            for row in self.db.rows(
                "SELECT id FROM speakers WHERE id = ? OR id LIKE ? ESCAPE '\\'", (base, pattern)
            )
        }
        return taken.__contains__

    def _known_speakers(self, keys: Sequence[str]) -> list[names.KnownSpeaker]:
        keys = sorted(set(keys))
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        return self._known(
            self.db.rows(
                "SELECT s.id, s.name, s.type, s.mentions FROM speakers s WHERE s.id IN "
                f"(SELECT speaker_id FROM speaker_keys WHERE key IN ({marks})) ORDER BY s.seq",
                keys,
            )
        )

    def _known_speakers_by_id(self, ids: Sequence[str]) -> list[names.KnownSpeaker]:
        marks = ", ".join("?" * len(ids))
        return self._known(
            self.db.rows(
                f"SELECT id, name, type, mentions FROM speakers WHERE id IN ({marks}) ORDER BY seq", ids
            )
        )

    def _known(self, rows: list[tuple[Any, ...]]) -> list[names.KnownSpeaker]:
        if not rows:
            return []
        aliases: dict[str, list[str]] = defaultdict(list)
        ids = [row[0] for row in rows]
        marks = ", ".join("?" * len(ids))
        for speaker_id, alias in self.db.rows(
            f"SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN ({marks}) "
            "ORDER BY speaker_id, alias",
            ids,
        ):
            aliases[speaker_id].append(alias)
        return [
            names.KnownSpeaker(id=r[0], name=r[1], type=r[2], aliases=tuple(aliases[r[0]]), mentions=r[3])
            for r in rows
        ]

    def _cluster(self, quoted: str) -> int:
        """The cluster of a new quotation. It joins every cluster that holds a quotation the
        same as it (``quotations.same_quotation``), and clusters it joins become one (the
        smallest id; the others' ids redirect to it). So clusters are the groups of
        quotations linked by sameness, whatever order they came in."""
        db = self.db
        keys = quotations.keys(quoted, _MAX_KEYS)
        same = sorted(
            {
                cluster_id
                for cluster_id, text in self._candidate_quotations(keys)
                if quotations.same_quotation(quoted, text) >= quotations.SAME_QUOTATION
            }
        )
        if not same:
            # never an id that a merge retired: its redirect must keep leading where it did
            target = max(db.next_id("clusters"), db.next_id("cluster_redirects", "old_id"))
            db.execute("INSERT INTO clusters (id, text) VALUES (?, ?)", (target, quoted))
        else:
            target = same[0]
            for other in same[1:]:
                self._merge_clusters(other, target)
        db.executemany(
            "INSERT INTO cluster_keys (key, cluster_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [(key, target) for key in keys],
        )
        return target

    def _merge_clusters(self, old: int, into: int) -> None:
        db = self.db
        db.execute("UPDATE quotations SET cluster_id = ? WHERE cluster_id = ?", (into, old))
        db.execute(
            "INSERT INTO cluster_keys (key, cluster_id) SELECT key, ? FROM cluster_keys WHERE cluster_id = ? "
            "ON CONFLICT DO NOTHING",
            (into, old),
        )
        db.execute("DELETE FROM cluster_keys WHERE cluster_id = ?", (old,))
        db.execute("DELETE FROM clusters WHERE id = ?", (old,))
        db.execute("UPDATE cluster_redirects SET cluster_id = ? WHERE cluster_id = ?", (into, old))
        db.execute("INSERT INTO cluster_redirects (old_id, cluster_id) VALUES (?, ?)", (old, into))

    def _candidate_clusters(self, keys: Sequence[str], limit: int = _CANDIDATES) -> list[int]:
        """The ids of the ``limit`` clusters that share most of ``keys``."""
        if not keys:
            return []
        marks = ", ".join("?" * len(keys))
        return [
            int(row[0])
            for row in self.db.rows(
                f"SELECT cluster_id FROM cluster_keys WHERE key IN ({marks}) "
                "GROUP BY cluster_id ORDER BY COUNT(*) DESC, cluster_id LIMIT ?",
                [*keys, limit],
            )
        ]

    def _candidate_quotations(self, keys: Sequence[str]) -> list[tuple[int, str]]:
        """The distinct quotations (cluster id, text) of the clusters sharing most keys: the
        ``_TEXTS_PER_CANDIDATE`` longest of each (a trim is found in the longer forms)."""
        ids = self._candidate_clusters(keys)
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        return [
            (int(row[0]), row[1])
            for row in self.db.rows(
                "SELECT cluster_id, text FROM (SELECT cluster_id, text, ROW_NUMBER() OVER "
                "(PARTITION BY cluster_id ORDER BY LENGTH(text) DESC, text) AS k FROM "
                f"(SELECT DISTINCT cluster_id, text FROM quotations WHERE cluster_id IN ({marks})) d) t "
                "WHERE k <= ? ORDER BY cluster_id, k",
                [*ids, _TEXTS_PER_CANDIDATE],
            )
        ]

    # -- reading --------------------------------------------------------------------------------
    def counts(self) -> Counts:
        value = self.db.value
        return Counts(
            articles=int(value("SELECT COUNT(*) FROM articles")),
            attributions=int(value("SELECT COUNT(*) FROM attributions")),
            speakers=int(value("SELECT COUNT(*) FROM speakers")),
            clusters=int(value("SELECT COUNT(*) FROM clusters")),
            failures=int(value("SELECT COUNT(*) FROM failures")),
        )

    def search(
        self,
        text: str,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        publisher: str | None = None,
        kind: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """Attributions whose words (or speaker) match ``text``, best first: all the words
        when any attribution has them all, else any of them. ``"a phrase"`` in double quotes
        matches those words in a row. Any other character is only a separator."""
        for what, value in (("the search", text), ("--speaker", speaker), ("--publisher", publisher)):
            _check_text(what, value)
        terms = search_terms(text)
        if not terms:
            raise QueryError(f"nothing to search for in {text!r}: give at least one word")
        where, params = self._filters(
            speaker=speaker, since=since, until=until, publisher=publisher, kind=kind
        )
        hits = self._search(terms, "AND", where, params, limit)
        if not hits and len(terms) > 1:
            hits = self._search(terms, "OR", where, params, limit)
        return hits

    def _search(self, terms: list[str], mode: str, where: str, params: list[Any], limit: int) -> list[Hit]:
        select = (
            "SELECT a.article_id, a.n, a.kind, a.content_text, COALESCE(s.name, a.speaker_name), "
            "a.speaker_id, ar.date, ar.publisher, ar.title, a.cue_text, {rank} AS score "
        )
        if self.db.dialect == "sqlite":
            joiner = " " if mode == "AND" else " OR "
            query = joiner.join('"' + term.replace('"', '""') + '"' for term in terms)
            sql = (
                select.format(rank="-bm25(attributions_fts, 1.0, 0.5)")
                + "FROM attributions_fts JOIN attributions a ON a.id = attributions_fts.rowid "
                "JOIN articles ar ON ar.id = a.article_id LEFT JOIN speakers s ON s.id = a.speaker_id "
                f"WHERE attributions_fts MATCH ? {where} ORDER BY score DESC, ar.seq, a.n LIMIT ?"
            )
        else:
            joiner = " " if mode == "AND" else " or "
            # Each term quoted: a word such as "or" is then a word, not an operator.
            query = joiner.join(f'"{term}"' for term in terms)
            if not self.db.value("SELECT numnode(websearch_to_tsquery('english', ?))", (query,)):
                raise QueryError(
                    "the search has only very common words (such as 'the', 'of'), which this "
                    "PostgreSQL store does not index; add a more distinctive word"
                )
            sql = (
                select.format(rank="ts_rank_cd(a.search, q.query)")
                + "FROM attributions a CROSS JOIN websearch_to_tsquery('english', ?) AS q (query) "
                "JOIN articles ar ON ar.id = a.article_id LEFT JOIN speakers s ON s.id = a.speaker_id "
                f"WHERE a.search @@ q.query {where} ORDER BY score DESC, ar.seq, a.n LIMIT ?"
            )
        words = {w for term in terms for w in quotations.words(term)}
        return [
            Hit(
                article_id=row[0],
                n=int(row[1]),
                kind=row[2],
                content=row[3],
                speaker=SpeakerRef(row[4], row[5]),
                date=row[6],
                publisher=row[7],
                title=row[8],
                cue=row[9],
                snippet=snippet(row[3], words),
                score=round(float(row[10]), 4),
            )
            for row in self.db.rows(sql, [query, *params, limit])
        ]

    def _filters(
        self,
        *,
        speaker: str | None,
        since: str | None,
        until: str | None,
        publisher: str | None,
        kind: str | None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if speaker is not None:
            ids = self.speaker_ids(speaker)
            if not ids:
                raise QueryError(
                    f"no speaker called {speaker!r} in the store; 'onrecord speakers' lists them"
                )
            clauses.append(f"a.speaker_id IN ({', '.join('?' * len(ids))})")
            params.extend(ids)
        for value, op in ((since, ">="), (until, "<=")):
            if value is not None:
                day = query_date(value)
                if day is None:
                    raise QueryError(f"not a date: {value!r}; write YYYY-MM-DD (or YYYY-MM, YYYY)")
                clauses.append(f"substr(ar.date, 1, {len(day)}) {op} ?")
                params.append(day)
        if publisher is not None:
            clauses.append("LOWER(ar.publisher) = LOWER(?)")
            params.append(publisher)
        if kind is not None:
            if kind not in KINDS:
                raise QueryError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
            clauses.append("a.kind = ?")
            params.append(kind)
        return "".join(f" AND {c}" for c in clauses), params

    def speaker_ids(self, name: str) -> list[str]:
        """The ids of the speakers a user means by ``name``: those it would merge with, else
        those with that name or alias (case folded)."""
        found: list[str] = []
        for kind in ("person", "organisation"):
            for known in self._known_speakers(names.lookup_keys(name, kind)):
                if known.id not in found and names.choose(name, known.type, [known]) is not None:
                    found.append(known.id)
        if found:
            return found
        rows = self.db.rows(
            "SELECT DISTINCT s.id FROM speakers s LEFT JOIN speaker_aliases al ON al.speaker_id = s.id "
            "WHERE LOWER(s.name) = LOWER(?) OR LOWER(al.alias) = LOWER(?) OR s.id = ? ORDER BY s.id",
            (name, name, name),
        )
        return [row[0] for row in rows]

    def speakers(self, top: int = 20, *, publisher: str | None = None) -> list[SpeakerSummary]:
        """The speakers quoted most, with counts by kind and by publisher."""
        _check_text("--publisher", publisher)
        if publisher is None:
            # speakers.mentions is each speaker's number of attributions, kept by the writer:
            # the top N are found without counting the whole store.
            top_rows = self.db.rows(
                "SELECT id, name, type FROM speakers ORDER BY mentions DESC, seq LIMIT ?", (top,)
            )
            return self._summaries([(r[0], r[1], r[2]) for r in top_rows])
        where, params = self._filters(speaker=None, since=None, until=None, publisher=publisher, kind=None)
        rows = self.db.rows(
            "SELECT s.id, s.name, s.type, COUNT(*), "
            + ", ".join(f"SUM(CASE WHEN a.kind = '{k}' THEN 1 ELSE 0 END)" for k in KINDS)
            + ", MIN(s.seq) FROM attributions a JOIN speakers s ON s.id = a.speaker_id "
            f"JOIN articles ar ON ar.id = a.article_id WHERE 1 = 1 {where} "
            "GROUP BY s.id, s.name, s.type ORDER BY COUNT(*) DESC, MIN(s.seq) LIMIT ?",
            [*params, top],
        )
        return self._summaries([(r[0], r[1], r[2]) for r in rows], totals=rows)

    def _summaries(
        self, speakers: list[tuple[str, str, str]], totals: list[tuple[Any, ...]] | None = None
    ) -> list[SpeakerSummary]:
        """Summaries of ``(id, name, type)`` speakers; ``totals`` rows of ``speakers()``
        (id, name, type, count, direct, mixed, indirect) save counting them again."""
        out = []
        for index, (speaker_id, name, kind) in enumerate(speakers):
            if totals is not None:
                count, by_kind_values = int(totals[index][3]), totals[index][4:7]
            else:
                row = self.db.one(
                    "SELECT COUNT(*), "
                    + ", ".join(f"SUM(CASE WHEN kind = '{k}' THEN 1 ELSE 0 END)" for k in KINDS)
                    + " FROM attributions WHERE speaker_id = ?",
                    (speaker_id,),
                )
                assert row is not None
                count, by_kind_values = int(row[0]), row[1:4]
            by_publisher = {
                (p or "(no publisher)"): int(c)
                for p, c in self.db.rows(
                    "SELECT ar.publisher, COUNT(*) FROM attributions a "
                    "JOIN articles ar ON ar.id = a.article_id WHERE a.speaker_id = ? "
                    "GROUP BY ar.publisher ORDER BY COUNT(*) DESC, ar.publisher",
                    (speaker_id,),
                )
            }
            aliases = [
                a
                for (a,) in self.db.rows(
                    "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY mentions DESC, alias",
                    (speaker_id,),
                )
            ]
            sample = self.db.one(
                "SELECT a.article_id, a.kind, a.content_text FROM attributions a JOIN articles ar "
                "ON ar.id = a.article_id WHERE a.speaker_id = ? ORDER BY CASE WHEN a.kind = 'direct' "
                "THEN 0 ELSE 1 END, ar.seq, a.n LIMIT 1",
                (speaker_id,),
            )
            out.append(
                SpeakerSummary(
                    speaker=SpeakerRef(name, speaker_id),
                    type=kind,
                    count=count,
                    by_kind={k: int(v or 0) for k, v in zip(KINDS, by_kind_values, strict=True)},
                    by_publisher=by_publisher,
                    aliases=aliases,
                    article_id=sample[0] if sample else None,
                    kind=sample[1] if sample else None,
                    content=sample[2] if sample else None,
                )
            )
        return out

    def verify(self, quotation: str, limit: int = 5) -> list[Match]:
        """Where the quotation (verbatim, trimmed, with an ellipsis, or lightly edited)
        appears: the matching clusters, best first, each with its first appearance, every
        appearance, its variants and the speakers it was attributed to."""
        _check_text("the quotation", quotation)
        if not quotations.words(quotation):
            raise QueryError(f"nothing to verify in {quotation!r}: give the words of a quotation")
        keys = quotations.keys(quotation, _MAX_KEYS)
        candidates = set(self._candidate_clusters(keys, limit=100))
        candidates |= self._clusters_by_words(quotation)
        matches = []
        for cluster_id in sorted(candidates):
            appearances = self._appearances(cluster_id, quotation)
            if not appearances:
                continue
            score = max(a.similarity for a in appearances)
            if score < VERIFY_MIN:
                continue
            matches.append(self._match(cluster_id, quotation, score, appearances))
        matches.sort(key=lambda m: (-m.similarity, -len(m.appearances), m.cluster_id))
        return matches[:limit]

    def _clusters_by_words(self, quotation: str, limit: int = 50) -> set[int]:
        """Clusters found by full-text search on the question's words: catches a lightly
        edited quotation that shares no three words in a row with the original."""
        uncommon = [w for w in dict.fromkeys(quotations.words(quotation)) if w not in quotations._COMMON]
        if not uncommon:
            return set()
        if self.db.dialect == "sqlite":
            query = " OR ".join('"' + w.replace('"', '""') + '"' for w in uncommon[:30])
            sql = (
                "SELECT cluster_id FROM (SELECT q.cluster_id, bm25(attributions_fts) AS rank FROM "
                "attributions_fts JOIN quotations q ON q.attribution_id = attributions_fts.rowid "
                "WHERE attributions_fts MATCH ? ORDER BY rank LIMIT ?) t"
            )
        else:
            query = " or ".join(uncommon[:30])
            sql = (
                "SELECT q.cluster_id FROM attributions a JOIN quotations q ON q.attribution_id = a.id "
                "CROSS JOIN websearch_to_tsquery('english', ?) AS t (query) WHERE a.search @@ t.query "
                "ORDER BY ts_rank_cd(a.search, t.query) DESC LIMIT ?"
            )
        return {int(row[0]) for row in self.db.rows(sql, (query, limit))}

    def _appearances(self, cluster_id: int, question: str) -> list[Appearance]:
        rows = self.db.rows(
            "SELECT a.article_id, a.n, ar.date, ar.publisher, ar.title, COALESCE(s.name, a.speaker_name), "
            "a.speaker_id, a.kind, a.content_text, q.text FROM quotations q "
            "JOIN attributions a ON a.id = q.attribution_id JOIN articles ar ON ar.id = a.article_id "
            "LEFT JOIN speakers s ON s.id = a.speaker_id WHERE q.cluster_id = ? "
            f"ORDER BY {_DATED_FIRST}, ar.date, ar.seq, a.n",
            (cluster_id,),
        )
        return [
            Appearance(
                article_id=r[0],
                n=int(r[1]),
                date=r[2],
                publisher=r[3],
                title=r[4],
                speaker=SpeakerRef(r[5], r[6]),
                kind=r[7],
                content=r[8],
                quotation=r[9],
                similarity=round(quotations.similarity(question, r[9]), 4),
            )
            for r in rows
        ]

    @staticmethod
    def _match(cluster_id: int, question: str, score: float, appearances: list[Appearance]) -> Match:
        asked = quotations.normalise(question)
        best = max(appearances, key=lambda a: a.similarity)
        said = quotations.normalise(best.quotation)
        if asked == said:
            how = "exact"
        elif score >= 0.999:
            how = "contained"
        else:
            how = "fuzzy"
        variants: Counter[str] = Counter()
        first_seen: dict[str, Appearance] = {}
        for a in appearances:
            key = quotations.normalise(a.quotation)
            variants[key] += 1
            first_seen.setdefault(key, a)
        speakers: dict[tuple[str | None, str | None], int] = defaultdict(int)
        for a in appearances:
            speakers[(a.speaker.name, a.speaker.id)] += 1
        return Match(
            cluster_id=cluster_id,
            similarity=round(score, 4),
            match=how,
            first=appearances[0],
            appearances=appearances,
            variants=[
                {"text": first_seen[k].quotation, "count": c, "first_article_id": first_seen[k].article_id}
                for k, c in sorted(variants.items(), key=lambda kv: (-kv[1], first_seen[kv[0]].article_id))
            ],
            speakers=[
                {"name": n, "id": i, "count": c}
                for (n, i), c in sorted(speakers.items(), key=lambda kv: (-kv[1], str(kv[0][0])))
            ],
        )

    def moved_to(self, speaker_id: str) -> str | None:
        """The id that now holds the quotes of a speaker id a settle retired, or None."""
        value = self.db.value("SELECT speaker_id FROM speaker_redirects WHERE old_id = ?", (speaker_id,))
        return None if value is None else str(value)

    def speaker(self, speaker_id: str, *, limit: int = 50, offset: int = 0) -> SpeakerDetail | None:
        """Everything about one speaker, with ``limit`` of their quotes from ``offset``."""
        row = self.db.one("SELECT id, name, type FROM speakers WHERE id = ?", (speaker_id,))
        if row is None:
            return None
        [summary] = self._summaries([(row[0], row[1], row[2])])
        months = self.db.rows(
            "SELECT substr(ar.date, 1, 7), COUNT(*) FROM attributions a "
            "JOIN articles ar ON ar.id = a.article_id WHERE a.speaker_id = ? AND length(ar.date) >= 7 "
            "GROUP BY substr(ar.date, 1, 7) ORDER BY substr(ar.date, 1, 7)",
            (speaker_id,),
        )
        dated = sum(int(c) for _, c in months)
        addressees = self.db.rows(
            "SELECT addressee_name, COUNT(*) FROM attributions "
            "WHERE speaker_id = ? AND addressee_name IS NOT NULL GROUP BY addressee_name "
            "ORDER BY COUNT(*) DESC, addressee_name LIMIT 10",
            (speaker_id,),
        )
        aliases = self.db.rows(
            "SELECT alias, mentions FROM speaker_aliases WHERE speaker_id = ? ORDER BY mentions DESC, alias",
            (speaker_id,),
        )
        quotes = [
            Hit(
                article_id=r[0],
                n=int(r[1]),
                kind=r[2],
                content=r[3],
                speaker=SpeakerRef(row[1], speaker_id),
                date=r[4],
                publisher=r[5],
                title=r[6],
                cue=r[7],
                snippet=snippet(r[3], set()),
                score=0.0,
            )
            for r in self.db.rows(
                "SELECT a.article_id, a.n, a.kind, a.content_text, ar.date, ar.publisher, ar.title, "
                "a.cue_text FROM attributions a JOIN articles ar ON ar.id = a.article_id "
                f"WHERE a.speaker_id = ? ORDER BY {_DATED_FIRST}, ar.date, ar.seq, a.n LIMIT ? OFFSET ?",
                (speaker_id, limit, offset),
            )
        ]
        return SpeakerDetail(
            speaker=summary.speaker,
            type=summary.type,
            count=summary.count,
            by_kind=summary.by_kind,
            by_publisher=summary.by_publisher,
            aliases=[{"name": a, "count": int(c)} for a, c in aliases],
            timeline=[{"month": m, "count": int(c)} for m, c in months],
            undated=summary.count - dated,
            addressees=[{"name": a, "count": int(c)} for a, c in addressees],
            quotes=quotes,
        )

    def cluster_moved_to(self, cluster_id: int) -> int | None:
        """The cluster that a cluster id merged into, or None."""
        value = self.db.value("SELECT cluster_id FROM cluster_redirects WHERE old_id = ?", (cluster_id,))
        return None if value is None else int(value)

    def cluster(self, cluster_id: int) -> Match | None:
        """One quotation cluster: its first appearance, every appearance, its variants."""
        text = self.db.value("SELECT text FROM clusters WHERE id = ?", (cluster_id,))
        if text is None:
            return None
        appearances = self._appearances(cluster_id, text)
        if not appearances:
            return None
        return self._match(cluster_id, text, max(a.similarity for a in appearances), appearances)

    def articles(
        self, *, limit: int = 50, offset: int = 0, publisher: str | None = None
    ) -> list[ArticleSummary]:
        """Stored articles, newest first (undated ones last), ``limit`` from ``offset``."""
        _check_text("--publisher", publisher)
        where, params = ("WHERE LOWER(publisher) = LOWER(?)", [publisher]) if publisher else ("", [])
        rows = self.db.rows(
            "SELECT id, title, date, publisher, url, attribution_count FROM articles ar "
            f"{where} ORDER BY {_DATED_FIRST}, date DESC, seq DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [ArticleSummary(r[0], r[1], r[2], r[3], r[4], int(r[5])) for r in rows]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article as its FORMAT.md output record, with its ``text``."""
        row = self.db.one("SELECT text FROM articles WHERE id = ?", (article_id,))
        if row is None:
            return None
        [record] = self._records([article_id])
        return {"id": record.pop("id"), "text": row[0], **record}

    def overview(self, top: int = 10) -> Overview:
        """The size of the store, its top speakers, and quotes per publisher and month."""
        counts = self.counts()
        publishers = self.db.rows(
            "SELECT ar.publisher, COUNT(*), SUM(ar.attribution_count) FROM articles ar "
            "GROUP BY ar.publisher ORDER BY SUM(ar.attribution_count) DESC, ar.publisher"
        )
        timeline = self.db.rows(
            "SELECT ar.publisher, substr(ar.date, 1, 7), SUM(ar.attribution_count) FROM articles ar "
            "WHERE length(ar.date) >= 7 GROUP BY ar.publisher, substr(ar.date, 1, 7) "
            "ORDER BY substr(ar.date, 1, 7), ar.publisher"
        )
        return Overview(
            counts={
                "articles": counts.articles,
                "attributions": counts.attributions,
                "speakers": counts.speakers,
                "clusters": counts.clusters,
                "failures": counts.failures,
            },
            speakers=self.speakers(top),
            publishers=[
                {"publisher": p, "articles": int(a), "attributions": int(n or 0)} for p, a, n in publishers
            ],
            timeline=[{"publisher": p, "month": m, "count": int(c or 0)} for p, m, c in timeline],
        )

    def failures(self) -> list[Failure]:
        return [
            Failure(item=r[0], stage=r[1], article_id=r[2], reason=r[3])
            for r in self.db.rows("SELECT item, stage, article_id, reason FROM failures ORDER BY seq")
        ]

    # -- export ---------------------------------------------------------------------------------
    def export_records(self, page: int = 200) -> Iterator[dict[str, Any]]:
        """FORMAT.md output records, one per article with its metadata, ordered by id; each
        speaker carries its store-wide ``id``. Read a page at a time (flat memory)."""
        for records in self._record_pages(page):
            yield from records

    def _record_pages(self, page: int) -> Iterator[list[dict[str, Any]]]:
        last: str | None = None
        while True:
            if last is None:
                rows = self.db.rows("SELECT id, metadata FROM articles ORDER BY id LIMIT ?", (page,))
            else:
                rows = self.db.rows(
                    "SELECT id, metadata FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, page)
                )
            if not rows:
                return
            ids = [r[0] for r in rows]
            yield self._records(ids, {r[0]: r[1] for r in rows})
            last = ids[-1]

    def _records(self, ids: list[str], metadata: dict[str, str] | None = None) -> list[dict[str, Any]]:
        """The FORMAT.md output records of the articles ``ids`` (in that order), each
        speaker with its store-wide ``id``."""
        marks = ", ".join("?" * len(ids))
        if metadata is None:
            metadata = dict(self.db.rows(f"SELECT id, metadata FROM articles WHERE id IN ({marks})", ids))
        attributions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for article_id, stored, speaker_id in self.db.rows(
            f"SELECT article_id, record, speaker_id FROM attributions WHERE article_id IN ({marks}) "
            "ORDER BY article_id, n",
            ids,
        ):
            data = json.loads(stored)
            if speaker_id and data.get("speaker"):
                data["speaker"]["id"] = speaker_id
            attributions[article_id].append(data)
        out = []
        for article_id in ids:
            record: dict[str, Any] = {"id": article_id}
            record.update(json.loads(metadata[article_id]))
            record["attributions"] = attributions.get(article_id, [])
            out.append(record)
        return out

    def export_articles(
        self, page: int = 200
    ) -> Iterator[tuple[dict[str, Any], str, dict[int, Any], str | None]]:
        """For every article, ordered by id: its FORMAT.md record (speaker ids included),
        its text, its quotations (``n`` → (quoted words, cluster number)) and its stored date.

        A cluster's number here is not its id in the store (which follows ingest order) but
        its rank by its first quotation in article-id order: 1 for the cluster of the first
        quotation of the first article, and so on. So an export does not depend on the order
        in which its articles were ingested."""
        numbers = self._cluster_numbers()
        for records in self._record_pages(page):
            ids = [r["id"] for r in records]
            marks = ", ".join("?" * len(ids))
            texts = {
                i: (t, d)
                for i, t, d in self.db.rows(f"SELECT id, text, date FROM articles WHERE id IN ({marks})", ids)
            }
            quoted: dict[str, dict[int, Any]] = defaultdict(dict)
            for article_id, n, text, cluster in self.db.rows(
                "SELECT a.article_id, a.n, q.text, q.cluster_id FROM quotations q "
                f"JOIN attributions a ON a.id = q.attribution_id WHERE a.article_id IN ({marks})",
                ids,
            ):
                quoted[article_id][int(n)] = (text, numbers[int(cluster)])
            for record in records:
                text, day = texts[record["id"]]
                yield record, text, quoted.get(record["id"], {}), day

    def _cluster_numbers(self) -> dict[int, int]:
        """Cluster id → its number in exports (see ``export_articles``)."""
        rows = self.db.rows(
            "SELECT cluster_id FROM (SELECT q.cluster_id, a.article_id, a.n, ROW_NUMBER() OVER "
            "(PARTITION BY q.cluster_id ORDER BY a.article_id, a.n) AS k FROM quotations q "
            "JOIN attributions a ON a.id = q.attribution_id) firsts WHERE k = 1 ORDER BY article_id, n"
        )
        return {int(row[0]): number for number, row in enumerate(rows, 1)}

    def export_rows(self, *, full: bool = False) -> Iterator[dict[str, Any]]:
        """One flat row per attribution (``io.table.COLUMNS``; with ``full``, the Parquet
        shape of ``io.table.FULL_COLUMNS``), ordered by article id and ``n``."""
        for record, text, quoted, day in self.export_articles():
            yield from table.rows(record, text, quoted, full=full, date=day)


# -- helpers -----------------------------------------------------------------------------------------
class ArticleIdClash(Exception):
    """An article whose id is stored already, with other text."""

    def __init__(self, article_id: str) -> None:
        super().__init__(
            f"another article with the id {article_id!r} and different text is already stored; "
            "give one of them another id"
        )
        self.article_id = article_id


def _check_text(what: str, value: str | None) -> None:
    """A command-line argument that is not valid UTF-8 (a stray byte) is a clear error."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"{what} is not valid UTF-8 text: {value!r}") from None


def text_hash(text: str) -> str:
    """The content hash of an article's text, as ``articles.content_hash`` keeps it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _no_nul_anywhere(value: Any) -> Any:
    """``value`` (metadata: JSON values) with NUL characters replaced in every string."""
    if isinstance(value, str):
        return _no_nul(value)
    if isinstance(value, dict):
        return {_no_nul(str(k)): _no_nul_anywhere(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_no_nul_anywhere(v) for v in value]
    return value


def _no_nul(text: str) -> str:
    # PostgreSQL text cannot hold NUL; U+FFFD keeps every offset where it was.
    return text.replace("\x00", "\ufffd")


_PHRASE = re.compile(r'"([^"]*)"')


def search_terms(text: str) -> list[str]:
    """The words and "quoted phrases" of a search, each as plain folded words joined by
    spaces: every other character (FTS operators, SQL, punctuation) only separates words."""
    terms: list[str] = []
    rest = _PHRASE.sub(lambda m: terms.append(" ".join(quotations.words(m.group(1)))) or " ", text)
    terms = [t for t in terms if t]
    for word in quotations.words(rest.replace('"', " ")):
        for part in word.replace("'", " ").split():
            if part not in terms:
                terms.append(part)
    return terms


def snippet(content: str, words: set[str], width: int = 160) -> str:
    """A window of ``content`` around the first of ``words`` it contains."""
    if len(content) <= width:
        return content
    folded = content.lower()
    positions = [folded.find(w) for w in words if w and folded.find(w) >= 0]
    at = min(positions) if positions else 0
    start = max(0, at - width // 3)
    end = min(len(content), start + width)
    start = max(0, end - width)
    return ("…" if start else "") + content[start:end].strip() + ("…" if end < len(content) else "")


def _text_field(value: Any) -> str | None:
    text = table.text_value(value)
    return None if text is None else _no_nul(text)


def open_store(url: str | None = None) -> Store:
    return Store(url or DEFAULT_DB)
