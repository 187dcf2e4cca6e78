"""Readers (txt, jsonl, csv, html, warc, directories, globs, stdin) and writers (jsonl, json,
csv, table, brat, citron)."""
