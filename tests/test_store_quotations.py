"""What counts as the same quotation (``store/quotations.py``), without a database."""

from __future__ import annotations

from onrecord.store.quotations import SAME_QUOTATION, keys, same_quotation, similarity

LONG = " ".join(f"word{i} filler{i % 7}" for i in range(800))


def test_a_long_quotation_with_one_word_changed_is_the_same_quotation() -> None:
    edited = LONG.replace("word400 ", "changed ")
    assert similarity(edited, LONG) > 0.99 and same_quotation(edited, LONG) >= SAME_QUOTATION


def test_a_long_excerpt_from_the_middle_is_found() -> None:
    middle = " ".join(LONG.split()[700:900])
    assert similarity(middle, LONG) == 1.0


def test_capped_keys_are_spread_over_the_whole_quotation() -> None:
    every = keys(LONG)
    capped = keys(LONG, 10)
    assert len(capped) == 10 and capped[0] == every[0]
    assert every.index(capped[-1]) > 0.85 * len(every)


def test_short_pieces_of_common_words_give_no_key() -> None:
    assert keys("we will") == [] and keys("no") == []
    assert keys("tax plan") == ["tax plan"]


def test_two_trims_of_one_remark_are_one_quotation() -> None:
    a = "Bad, bad things are going to happen … This could be the great Trojan horse of all time."
    b = "You have no idea who they are. This could be the great Trojan horse of all time."
    assert same_quotation(a, b) >= SAME_QUOTATION


def test_different_remarks_sharing_a_few_words_are_not_one_quotation() -> None:
    a = "We will build a great wall on the southern border and Mexico will pay for it."
    b = "We will build a great economy for every family in this country, believe me."
    assert same_quotation(a, b) < SAME_QUOTATION
