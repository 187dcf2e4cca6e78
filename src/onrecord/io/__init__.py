"""Readers (txt, jsonl, directories, stdin) and writers (jsonl, json, csv, table, brat, citron)."""
