"""Corpus readers: CSV, HTML and WARC files, globs, directories of mixed files, content ids.

Every input is built in tmp_path; HTML goes through trafilatura for real."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import logging
from pathlib import Path

import pytest
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.io.readers import ReadFailure, ReadOptions, content_id, read, read_located
from onrecord.records import Article

QUOTE = "\u201cThis is a good day for the harbour,\u201d said Mayor Ann Lee, who backed the plan."

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour plan approved | The Gazette</title>
  <meta name="author" content="Jane Roe">
  <meta property="og:site_name" content="The Gazette">
  <meta property="og:url" content="https://gazette.example/news/harbour-plan">
  <meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head>
<body>
  <header><a href="/">The Gazette</a></header>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  </ul></nav>
  <main><article>
    <h1>Harbour plan approved</h1>
    <p>The city council approved the harbour plan on Tuesday after a debate that ran late into the night.</p>
    <p>{QUOTE}</p>
    <p>Opponents said the costs were too high and promised to keep fighting the project in court.</p>
  </article></main>
  <aside><h2>Most read</h2><ul><li><a href="/a">Storm hits coast</a></li></ul></aside>
  <footer><p>Copyright 2024 The Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

NAV_ONLY_PAGE = """<html><head><title>Menu</title></head><body>
<nav><ul>
  <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
</ul></nav>
</body></html>"""


def page(title: str, sentence: str) -> str:
    """A small news page without a date of its own."""
    return f"""<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
<p>{sentence} The decision came after a long debate that ran late into the evening, officials said.</p>
<p>\u201cWe will keep going,\u201d said the spokeswoman, who asked reporters to be patient.</p>
</article><footer>Copyright 2023 Example News</footer></body></html>"""


def write_csv(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def failures(items: list[object]) -> list[ReadFailure]:
    return [item for item in items if isinstance(item, ReadFailure)]


def articles(items: list[object]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


# -- WARC fixtures ----------------------------------------------------------------------------
def write_record(writer: WARCWriter, record: ArcWarcRecord) -> None:
    writer.write_record(record)
    record.raw_stream.close()  # warcio buffers the record in a temporary file


def warc_bytes(gzipped: bool) -> bytes:
    """Two HTML articles, an image and a 404 page, as a crawler would write them."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    write_record(writer, writer.create_warcinfo_record("crawl.warc", {"software": "test"}))

    def response(url: str, status: str, content_type: str, body: bytes, date: str) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )
        write_record(writer, record)

    response(
        "https://news.example/council",
        "200 OK",
        "text/html; charset=utf-8",
        page("Council backs plan", "The council backed the plan.").encode(),
        "2024-05-06T07:08:09Z",
    )
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    response("https://news.example/logo.png", "200 OK", "image/png", png, "2024-05-06T07:08:10Z")
    not_found = b"<html><body>Not found</body></html>"
    response("https://news.example/gone", "404 Not Found", "text/html", not_found, "2024-05-06T07:08:11Z")
    response(
        "https://news.example/harbour",
        "200 OK",
        "application/xhtml+xml",
        ARTICLE_PAGE.encode(),
        "2024-05-06T07:08:12Z",
    )
    return buffer.getvalue()


def test_csv_row_is_an_article_and_other_columns_are_metadata(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "export.csv",
        "id,title,date,url,publisher,text\n"
        "a1,Harbour,2024-03-05,https://x.example/h,The Gazette,The mayor said it was fine.\n",
    )
    [article] = read([path])
    assert article.id == "a1"
    assert article.text == "The mayor said it was fine."
    assert dict(article.metadata) == {
        "title": "Harbour",
        "date": "2024-03-05",
        "url": "https://x.example/h",
        "publisher": "The Gazette",
    }


def test_csv_empty_fields_are_not_metadata(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "id,title,date,text\na,,2024-01-02,Text.\n")
    [article] = read([path])
    assert dict(article.metadata) == {"date": "2024-01-02"}


def test_csv_quoted_fields_keep_commas_quotes_and_newlines(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", 'id,text\na,"He said, ""no.""\r\nThen he left."\n')
    [article] = read([path])
    assert article.text == 'He said, "no."\r\nThen he left.'


def test_csv_rows_are_located_by_the_line_they_start_on(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", 'id,text\na,"two\nlines"\n\nb,one line\n')
    assert [where for where, _ in read_located([path])] == [f"{path}:2", f"{path}:5"]


def test_csv_without_id_column_gets_content_ids(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "title,text\nT,First text.\nU,Second text.\n")
    first, second = read([path])
    assert first.id == content_id("First text.")
    assert second.id == content_id("Second text.")
    assert dict(first.metadata) == {"title": "T"}


def test_csv_row_with_empty_id_gets_a_content_id(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "id,text\n,No id here.\nb,Has one.\n")
    first, second = read([path])
    assert (first.id, second.id) == (content_id("No id here."), "b")


def test_csv_text_and_id_columns_are_configurable(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "doc_id,body,text\nd1,The body.,a summary\n")
    [article] = read([path], options=ReadOptions(text_column="body", id_column="doc_id"))
    assert (article.id, article.text) == ("d1", "The body.")
    assert "text" not in article.metadata  # a reserved output field, never metadata


def test_csv_row_with_wrong_number_of_fields_is_a_failure_and_the_rows_around_it_are_read(
    tmp_path: Path,
) -> None:
    path = write_csv(tmp_path / "in.csv", "id,text\na,First.\nb,Second.,extra\nc,Third.\n")
    a, failure, c = read([path])
    assert (a.id, c.id) == ("a", "c")
    assert isinstance(failure, ReadFailure)
    assert failure.item == f"{path}:3"
    assert "3 fields" in failure.reason and "header has 2" in failure.reason


def test_csv_row_with_empty_text_is_a_failure(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "id,text\na,  \nb,Fine.\n")
    failure, b = read([path])
    assert isinstance(failure, ReadFailure) and failure.item == f"{path}:2"
    assert "empty 'text'" in failure.reason
    assert b.id == "b"


def test_csv_row_with_a_nul_byte_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id,text\na,Fi\x00ne.\nb,Fine.\n")
    failure, b = read([path])
    assert isinstance(failure, ReadFailure) and failure.item == f"{path}:2"
    assert "NUL" in failure.reason
    assert b.id == "b"


def test_csv_badly_quoted_row_is_a_failure_and_reading_goes_on(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", 'id,text\na,"quoted"then more\nb,Fine.\n')
    failure, b = read([path])
    assert isinstance(failure, ReadFailure) and failure.item == f"{path}:2"
    assert "quote" in failure.reason
    assert b.id == "b"


def test_csv_unterminated_quote_at_the_end_is_a_failure_after_the_complete_rows(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", 'id,text\na,Fine.\nb,"never closed\nc,swallowed\n')
    a, failure = read([path])
    assert a.id == "a"
    assert isinstance(failure, ReadFailure) and failure.item == f"{path}:3"
    assert "unterminated" in failure.reason


def test_csv_without_the_text_column_is_one_failure_naming_its_columns_and_the_option(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "id,headline,body\na,H,B\nb,H,B\n")
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert failure.item == str(path)
    assert "'headline', 'body'" in failure.reason
    assert "text_column" in failure.reason


def test_csv_separated_by_semicolons_gets_a_hint(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "in.csv", "id;text\na;Text.\n")
    [failure] = read([path])
    assert isinstance(failure, ReadFailure) and "';'" in failure.reason


def test_csv_byte_order_mark_is_not_part_of_the_first_column(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\na,Text.\n")
    [article] = read([path])
    assert article.id == "a"


def test_csv_invalid_utf8_warns_with_the_line_and_keeps_replacement_chars(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(b"id,text\na,Caf\xe9 owner said so.\n")
    with caplog.at_level(logging.WARNING, logger="onrecord"):
        [article] = read([path])
    assert article.text == "Caf\ufffd owner said so."
    assert f"{path}:2" in caplog.text


def test_csv_field_bigger_than_the_csv_module_default_limit_is_read(tmp_path: Path) -> None:
    long_text = "He said it was fine. " * 20_000  # 420,000 characters; the default limit is 131,072
    path = write_csv(tmp_path / "big.csv", f'id,text\nbig,"{long_text}"\n')
    [article] = read([path])
    assert article.text == long_text


def test_csv_with_only_a_header_yields_nothing_and_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write_csv(tmp_path / "in.csv", "id,text\n")
    with caplog.at_level(logging.WARNING, logger="onrecord"):
        assert list(read([path])) == []
    assert "only a header" in caplog.text


# -- HTML -------------------------------------------------------------------------------------
def test_html_article_text_leaves_out_menus_and_footers_and_keeps_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "harbour-plan.html"
    path.write_text(ARTICLE_PAGE, encoding="utf-8")
    [article] = read([path])
    assert isinstance(article, Article)
    assert article.id == "harbour-plan"
    assert QUOTE in article.text
    assert "council approved the harbour plan" in article.text
    for boilerplate in ("Sport", "Most read", "Copyright", "Privacy"):
        assert boilerplate not in article.text
    assert dict(article.metadata) == {
        "title": "Harbour plan approved",
        "date": "2024-03-05",
        "author": "Jane Roe",
        "url": "https://gazette.example/news/harbour-plan",
        "publisher": "The Gazette",
    }


def test_htm_file_is_read_like_html(tmp_path: Path) -> None:
    path = tmp_path / "story.HTM"
    path.write_bytes(page("Story", "The mayor resigned.").encode("utf-8"))
    [article] = read([path])
    assert article.id == "story"
    assert "The mayor resigned." in article.text


def test_html_metadata_the_page_does_not_give_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    path.write_text(page("Plain", "The mayor resigned."), encoding="utf-8")
    [article] = read([path])
    assert "author" not in article.metadata
    assert "date" not in article.metadata  # not guessed from the footer's "Copyright 2023"


def test_html_short_article_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "brief.html"
    path.write_text("<html><body><article><p>He said yes.</p></article></body></html>", encoding="utf-8")
    [article] = read([path])
    assert article.text == "He said yes."


@pytest.mark.parametrize(
    "html",
    [NAV_ONLY_PAGE, "<html><head><title>Nothing</title></head><body></body></html>", "<p>"],
    ids=["nav-menu-only", "empty-body", "no-text"],
)
def test_html_page_without_article_text_is_a_failure(tmp_path: Path, html: str) -> None:
    path = tmp_path / "menu.html"
    path.write_text(html, encoding="utf-8")
    [failure] = read([path])
    assert failure == ReadFailure(str(path), "no article text found in this HTML page")


# -- WARC -------------------------------------------------------------------------------------
def test_warc_html_responses_with_status_200_are_articles_with_url_and_content_id(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes(gzipped=False))
    located = list(read_located([path]))
    assert [where for where, _ in located] == [f"{path}#2", f"{path}#5"]
    council, harbour = (item for _, item in located)
    assert isinstance(council, Article) and isinstance(harbour, Article)
    assert council.id == content_id(council.text)
    assert harbour.id == content_id(harbour.text)
    assert "The council backed the plan." in council.text
    assert QUOTE in harbour.text
    assert council.metadata["url"] == "https://news.example/council"
    assert harbour.metadata["url"] == "https://news.example/harbour"  # the record's, not the page's


def test_warc_article_date_is_the_pages_own_else_the_crawl_day(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes(gzipped=False))
    council, harbour = read([path])
    assert council.metadata["date"] == "2024-05-06"
    assert harbour.metadata["date"] == "2024-03-05"
    assert (harbour.metadata["title"], harbour.metadata["author"]) == ("Harbour plan approved", "Jane Roe")
    assert harbour.metadata["publisher"] == "The Gazette"


def test_warc_gz_gives_the_same_articles_as_the_plain_warc(tmp_path: Path) -> None:
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(warc_bytes(gzipped=False))
    packed = tmp_path / "crawl.warc.gz"
    packed.write_bytes(warc_bytes(gzipped=True))
    assert list(read([packed])) == list(read([plain]))


def test_warc_gzipped_as_one_member_is_read(tmp_path: Path) -> None:
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(warc_bytes(gzipped=False)))
    assert len(list(read([path]))) == 2


def test_warc_html_response_without_article_text_is_a_failure_named_by_record(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    payload = io.BytesIO(NAV_ONLY_PAGE.encode())
    record = writer.create_warc_record(
        "https://x.example/menu", "response", payload=payload, http_headers=headers
    )
    write_record(writer, record)
    path = tmp_path / "menu.warc"
    path.write_bytes(buffer.getvalue())
    [failure] = read([path])
    assert failure == ReadFailure(
        f"{path}#1", "no article text found in the HTML response for https://x.example/menu"
    )


def test_truncated_warc_gz_yields_the_complete_records_then_one_failure_and_the_next_path_is_read(
    tmp_path: Path,
) -> None:
    data = warc_bytes(gzipped=True)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2])
    after = tmp_path / "after.txt"
    after.write_text("Read after the damaged archive.", encoding="utf-8")
    items = list(read([cut, after]))
    council, failure, text = items
    assert "The council backed the plan." in council.text
    assert isinstance(failure, ReadFailure) and failure.item == str(cut)
    assert failure.reason.startswith("truncated or corrupt WARC after ")
    assert text == Article(id="after", text="Read after the damaged archive.")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9, 0.99])
def test_truncated_plain_warc_yields_the_complete_records_then_one_failure(
    tmp_path: Path, keep: float
) -> None:
    data = warc_bytes(gzipped=False)
    whole = tmp_path / "whole.warc"
    whole.write_bytes(data)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: int(len(data) * keep)])
    items = list(read([path]))
    [failure] = failures(items)
    assert items[-1] is failure
    assert failure.reason.startswith("truncated or corrupt WARC after ")
    whole_articles = list(read([whole]))
    assert articles(items) == whole_articles[: len(articles(items))]  # whole articles, none cut short


def test_warc_cut_inside_a_records_headers_is_a_failure(tmp_path: Path) -> None:
    data = warc_bytes(gzipped=False)
    path = tmp_path / "cut.warc"
    third_record = data.index(b"WARC/1.0\r\n", data.index(b"https://news.example/council"))
    path.write_bytes(data[: third_record + 30])
    items = list(read([path]))
    assert len(articles(items)) == 1
    [failure] = failures(items)
    assert "after 2 records" in failure.reason


def test_file_that_is_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("<html><body>not an archive</body></html>\n", encoding="utf-8")
    [failure] = read([path])
    assert isinstance(failure, ReadFailure)
    assert failure.reason.startswith("truncated or corrupt WARC after 0 records: ")


def test_arc_file_html_responses_are_articles(tmp_path: Path) -> None:
    body = page("Old crawl", "The old harbour reopened.").encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    header = b"filedesc://old.arc 0.0.0.0 20050102030405 text/plain "
    version = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    head = header + str(len(version)).encode() + b"\n" + version + b"\n"
    record = b"http://old.example/harbour 10.0.0.1 20050102030405 text/html %d\n" % len(http) + http + b"\n"
    path = tmp_path / "old.arc"
    path.write_bytes(head + record)
    [article] = read([path])
    assert "The old harbour reopened." in article.text
    assert article.metadata["url"] == "http://old.example/harbour"
    assert article.metadata["date"] == "2005-01-02"


# -- empty files, directories, globs ----------------------------------------------------------
@pytest.mark.parametrize("name", ["a.csv", "a.html", "a.htm", "a.warc", "a.warc.gz"])
def test_empty_file_is_a_failure_and_reading_goes_on(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"")
    after = tmp_path / "after.txt"
    after.write_text("Next.", encoding="utf-8")
    failure, article = read([empty, after])
    assert failure == ReadFailure(str(empty), "empty file (0 bytes)")
    assert article.id == "after"


def test_directory_reads_every_supported_kind_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    write_csv(tmp_path / "b.csv", "id,text\nb1,B1.\n")
    (tmp_path / "c.html").write_text(page("C", "The C story."), encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d1", "text": "D1."}) + "\n", encoding="utf-8")
    (tmp_path / "e.warc.gz").write_bytes(warc_bytes(gzipped=True))
    ids = [item.id for item in read([tmp_path])]
    assert ids[:4] == ["a", "b1", "c", "d1"]
    assert len(ids) == 6


def test_directory_binary_file_of_another_type_is_a_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "c.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "d.txt").write_text("D.", encoding="utf-8")
    a, bin_failure, png_failure, d = read([tmp_path])
    assert (a.id, d.id) == ("a", "d")
    assert bin_failure == ReadFailure(
        str(tmp_path / "b.bin"),
        "skipped: unsupported file type '.bin'; onrecord reads .txt, .jsonl, .csv, .html, .htm, .warc "
        "and .warc.gz files",
    )
    assert isinstance(png_failure, ReadFailure) and "'.png'" in png_failure.reason


def test_directory_text_file_of_another_type_is_skipped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Notes on this corpus\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="onrecord"):
        assert [item.id for item in read([tmp_path])] == ["a"]
    assert "README.md" in caplog.text and "'.md'" in caplog.text


def test_directory_with_only_unsupported_files_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    photo, none = read([tmp_path])
    assert isinstance(photo, ReadFailure) and photo.item == str(tmp_path / "photo.jpg")
    assert isinstance(none, ReadFailure) and none.item == str(tmp_path)


def test_explicit_file_of_an_unsupported_type_names_the_types_read(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl.gz"
    path.write_bytes(b"\x1f\x8b")
    [failure] = read([path])
    assert "'.jsonl.gz'" in failure.reason and ".warc.gz" in failure.reason


def test_glob_reads_the_matching_files_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.csv"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    assert [a.id for a in read([str(tmp_path / "*.txt")])] == ["a", "b"]


def test_double_star_glob_matches_at_any_depth(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "top.txt").write_text("T.", encoding="utf-8")
    (tmp_path / "x" / "y" / "deep.txt").write_text("D.", encoding="utf-8")
    assert [a.id for a in read([str(tmp_path / "**" / "*.txt")])] == ["top", "deep"]


def test_glob_without_matches_is_a_failure(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.warc.gz")
    assert list(read([pattern])) == [ReadFailure(pattern, "no files match this pattern")]


def test_file_whose_name_has_glob_characters_is_read_as_named(tmp_path: Path) -> None:
    path = tmp_path / "draft[1].txt"
    path.write_text("Draft.", encoding="utf-8")
    (tmp_path / "draft1.txt").write_text("Other.", encoding="utf-8")
    assert [a.id for a in read([path])] == ["draft[1]"]


# -- content ids ------------------------------------------------------------------------------
def test_content_id_is_a_sha256_prefix_of_the_utf8_text() -> None:
    expected = "sha256-" + hashlib.sha256("Café said “yes”.".encode()).hexdigest()[:24]
    assert content_id("Café said “yes”.") == expected
    assert content_id("Hello") == "sha256-185f8db32271fe25f561a6fc"  # stable across runs and machines
    assert content_id("Hello") != content_id("Hello.")


def test_content_id_does_not_fail_on_a_lone_surrogate() -> None:
    assert content_id("\ud800").startswith("sha256-")


def test_jsonl_without_id_gets_a_content_id_when_ids_are_not_required(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"text": "Same."},
        {"id": None, "text": "Same."},
        {"id": "", "text": "Other."},
        {"id": "k", "text": "K."},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    first, second, third, fourth = read([path], options=ReadOptions(require_id=False))
    assert first.id == second.id == content_id("Same.")
    assert third.id == content_id("Other.")
    assert fourth.id == "k"
    assert [a.id for a in read([path], options=ReadOptions(require_id=False))][:3] == [
        first.id,
        second.id,
        third.id,
    ]


def test_jsonl_without_id_is_still_a_failure_by_default(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    [failure] = read([path], options=ReadOptions())
    assert isinstance(failure, ReadFailure) and "'id'" in failure.reason


def test_stdin_jsonl_without_id_gets_a_content_id_when_ids_are_not_required() -> None:
    stream = io.BytesIO(b'{"text": "From a pipe."}\n')
    [article] = read(["-"], stdin=stream, options=ReadOptions(require_id=False))
    assert article.id == content_id("From a pipe.")
