"""What the finder, linker and resolver make of the constructions news uses, one at a time."""

from __future__ import annotations

from typing import Any

import pytest


def run(extractor: Any, text: str) -> list[dict[str, Any]]:
    """The attributions of ``text`` as plain dicts with the quoted texts filled in."""
    out = []
    for att in extractor.extract(text):
        out.append(
            {
                "kind": att.kind,
                "cue": att.cue_text(text),
                "source": att.source_text(text),
                "content": [s.text(text) for s in att.content],
                "speaker": att.speaker.name if att.speaker else None,
                "speaker_type": att.speaker.type if att.speaker else None,
                "description": att.speaker.description if att.speaker else None,
                "addressee": att.addressee.label if att.addressee else None,
            }
        )
    return out


def pick(extractor: Any, text: str, **fields: str) -> dict[str, Any]:
    """The first attribution of ``text`` whose fields have the values given (cue="said")."""
    return next(a for a in run(extractor, text) if all(a[k] == v for k, v in fields.items()))


def only(extractor: Any, text: str) -> dict[str, Any]:
    found = run(extractor, text)
    assert len(found) == 1, found
    return found[0]


def test_split_quote_is_one_attribution_with_two_pieces(extractor: Any) -> None:
    att = only(extractor, "\u201cWe will win,\u201d Holt said, \u201cand we will win big.\u201d")
    assert att["content"] == ["\u201cWe will win,\u201d", "\u201cand we will win big.\u201d"]
    assert (att["kind"], att["speaker"]) == ("direct", "Holt")


def test_quote_after_colon_and_cue(extractor: Any) -> None:
    att = only(extractor, 'Senator Jane Holt said: "We will not back down."')
    assert (att["kind"], att["speaker"], att["cue"]) == ("direct", "Jane Holt", "said")


def test_quote_labelled_with_its_source_and_a_colon(extractor: Any) -> None:
    att = only(extractor, 'More from the report: "Turnout fell sharply."')
    assert (att["source"], att["speaker_type"]) == ("the report", "document")


def test_a_label_after_a_headline_and_a_dash_is_the_source(extractor: Any) -> None:
    text = (
        "Polls were close.\n\nWhat that means for the bridge - More from Okafor: "
        "\u201cThe state of the budget is a starting point.\u201d"
    )
    att = only(extractor, text)
    assert (att["cue"], att["source"], att["kind"]) == (":", "Okafor", "direct")


def test_quote_signed_after_a_dash(extractor: Any) -> None:
    att = only(extractor, "\u201cWe are ready.\u201d \u2015 Maria Lopez")
    assert (att["cue"], att["speaker"]) == ("\u2015", "Maria Lopez")


def test_quote_over_three_paragraphs_is_one_attribution(extractor: Any) -> None:
    text = (
        "Holt said the vote was close.\n"
        "\u201cWe counted every ballot.\n"
        "\u201cWe counted them twice.\n"
        "\u201cAnd we will count them again,\u201d she said."
    )
    quoted = [a for a in run(extractor, text) if a["kind"] == "direct"]
    assert len(quoted) == 1
    assert len(quoted[0]["content"]) == 3
    assert quoted[0]["speaker"] == "Holt"


def test_cue_less_paragraph_continues_the_turn(extractor: Any) -> None:
    text = "\u201cThe bridge is safe,\u201d Okafor said.\n\u201cEvery engineer we asked agrees.\u201d"
    att = only(extractor, text)
    assert att["content"] == [
        "\u201cThe bridge is safe,\u201d",
        "\u201cEvery engineer we asked agrees.\u201d",
    ]


def test_quote_in_the_next_paragraph_never_takes_a_cue_across_the_break(extractor: Any) -> None:
    text = "\u201cWe are done here.\u201d\nMaria Lopez said the bridge was safe."
    for att in run(extractor, text):
        assert att["content"] != ["\u201cWe are done here.\u201d"] or att["speaker"] != "Maria Lopez"


@pytest.mark.parametrize(
    "text",
    [
        "According to Ventresca, the islands asked for 18 percent.",
        "The islands asked for 18 percent, according to Ventresca.",
    ],
)
def test_according_to_at_either_end(extractor: Any, text: str) -> None:
    att = only(extractor, text)
    assert att["source"] == "Ventresca"
    assert [c.lower() for c in att["content"]] == ["the islands asked for 18 percent"]


def test_according_to_keeps_the_sources_appositive_out_of_the_content(extractor: Any) -> None:
    text = "According to Beth Ardagh, Kessling\u2019s campaign manager, the polling shows a tie."
    att = only(extractor, text)
    assert att["source"] == "Beth Ardagh, Kessling\u2019s campaign manager"
    assert att["speaker"] == "Beth Ardagh"
    assert att["content"] == ["the polling shows a tie"]


def test_participle_has_no_source_but_a_speaker(extractor: Any) -> None:
    found = run(extractor, "Okafor rejected the plan, saying that it cost too much.")
    saying = next(a for a in found if a["cue"] == "saying")
    assert saying["source"] == ""
    assert saying["speaker"] == "Okafor"


def test_a_belief_inside_a_statement_is_not_reported_twice(extractor: Any) -> None:
    att = only(extractor, 'Jane Holt said she thought the plan was "a disaster".')
    assert (att["kind"], att["cue"]) == ("mixed", "said")


def test_what_someone_called_stays_inside_the_statement_that_holds_it(extractor: Any) -> None:
    att = only(extractor, 'Okafor condemned what he called a "reckless gamble".')
    assert att["cue"] == "condemned"


def test_addressee_of_told_and_of_called_on(extractor: Any) -> None:
    told = only(extractor, "Xi told Putin that the talks had gone well.")
    assert told["addressee"] == "Putin"
    called = only(extractor, "Trump called on Congress to act.")
    assert called["addressee"] == "Congress"


def test_the_one_called_on_or_pleaded_with_is_the_addressee_and_in_the_content(extractor: Any) -> None:
    called = only(extractor, "Kasich called on Republicans to unite.")
    assert (called["addressee"], called["content"]) == ("Republicans", ["Republicans to unite"])
    pleaded = only(extractor, "Ryan pleaded with Republicans to stay calm.")
    assert (pleaded["addressee"], pleaded["content"]) == ("Republicans", ["Republicans to stay calm"])


def test_the_one_written_to_is_no_part_of_what_was_written(extractor: Any) -> None:
    att = only(extractor, "Clinton wrote in an email to aides that the server was secure.")
    assert (att["addressee"], att["content"]) == ("aides", ["that the server was secure"])


def test_a_group_addressed_is_a_group_and_its_place_no_member(extractor: Any) -> None:
    att = next(iter(extractor.extract("Sanders told the crowd in Iowa that he would win.")))
    assert att.addressee is not None
    assert (att.addressee.name, att.addressee.type, att.addressee.members) == (None, "group", ())


def test_a_clause_hung_under_another_verb_of_saying_is_that_verbs(extractor: Any) -> None:
    text = (
        "Holt appeared to dismiss the matter in March, when he told Okafor at a hearing that "
        'voters were "tired of hearing about the bridge."'
    )
    found = run(extractor, text)
    told = [a for a in found if a["content"] and a["content"][-1].startswith("that voters")]
    assert [a["cue"] for a in told] == ["told"], found


def test_the_one_thanked_is_the_addressee_and_the_reason_the_content(extractor: Any) -> None:
    att = only(extractor, "She thanked another diner for wearing one of her buttons.")
    assert (att["cue"], att["addressee"], att["content"]) == (
        "thanked",
        "another diner",
        ["for wearing one of her buttons"],
    )


def test_a_person_coached_to_say_something_is_the_addressee(extractor: Any) -> None:
    att = only(extractor, 'Mr. Holt coached Okafor to "breathe, breathe, breathe."')
    assert (att["speaker"], att["addressee"]) == ("Holt", "Okafor")


def test_an_addressee_pronoun_the_article_never_names_is_described(extractor: Any) -> None:
    text = "She learned her father had begun the process; he died before she could ask him about it."
    att = pick(extractor, text, source="she")
    assert att["addressee"] == "him"


def test_the_one_pushed_for_something_is_the_addressee(extractor: Any) -> None:
    att = only(extractor, "Holt pushed Okafor for specifics on her policy proposals.")
    assert (att["addressee"], att["content"]) == ("Okafor", ["specifics on her policy proposals"])


def test_a_document_mentioned_again_is_its_issuers(extractor: Any) -> None:
    text = 'Judge Maria Ortiz issued an order on Friday. The claim "is speculative," the order said.'
    att = pick(extractor, text, source="the order")
    expected = ("Maria Ortiz", "document", "the order")
    assert (att["speaker"], att["speaker_type"], att["description"]) == expected
    text = 'Holt spoke on Monday. "It was hacked," the report said.'
    assert pick(extractor, text, source="the report")["speaker"] is None  # no report named before


def test_a_name_whose_last_word_the_recogniser_left_out_is_whole(extractor: Any) -> None:
    text = (
        "Trump went to Mexico.\n\nTrump met President Enrique Pe\u00f1a Nieto on Wednesday. "
        "Pe\u00f1a Nieto said that the trade pact had been good."
    )
    assert pick(extractor, text, cue="said")["speaker"] == "Enrique Pe\u00f1a Nieto"
    text = "The plan.\n\nThe Obama Administration said the plan would work, Obama said."
    assert pick(extractor, text, source="Obama")["speaker"] == "Obama"


def test_an_outlets_blended_short_form_is_the_outlet(extractor: Any) -> None:
    text = (
        "Kaine has changed, the Huffington Post reported on Monday.\n\n"
        'According to HuffPo, "Senator Tim Kaine has had a mixed record on abortion."\n\n'
        "McKinney said it was fine."
    )
    found = run(extractor, text)
    assert [(a["source"], a["speaker"], a["speaker_type"]) for a in found[1:]] == [
        ("HuffPo", "the Huffington Post", "organisation"),
        ("McKinney", "McKinney", "person"),
    ]


def test_a_name_tagged_an_organisation_is_a_person_by_its_age_or_apposition(extractor: Any) -> None:
    text = (
        'Sanders spoke at the rally.\n\nOne voter, Guadalupe Potocacetpl, 35, showed up in the "brown '
        'beret" gear of a Chicano nationalist group. He had protested Trump at a Phoenix rally.\n\n'
        '"I met a lot of Bernie supporters, and I liked every single reason they had," he said.'
    )
    att = pick(extractor, text, cue="said")
    assert (att["speaker"], att["speaker_type"]) == ("Guadalupe Potocacetpl", "person")


def test_no_one_named_in_a_quotation_is_the_pronoun_that_closes_it(extractor: Any) -> None:
    text = 'Holt spoke at the rally on Monday.\n\n"I met a lot of Bernie supporters," he said.'
    assert pick(extractor, text, cue="said")["speaker"] != "Bernie"


def test_a_statement_someone_spoke_in_is_theirs_when_mentioned_again(extractor: Any) -> None:
    text = (
        '"There were no calls," the Calder Group said in a statement.\n\n'
        "The statement was sent to reporters on Friday.\n\n"
        '"We could not engage in a quid pro quo," the statement said.'
    )
    assert pick(extractor, text, source="the statement")["speaker"] == "the Calder Group"


def test_a_mogul_is_a_role_the_article_gave_someone(extractor: Any) -> None:
    text = (
        "Donald Trump accepted the nomination on Thursday. Declaring that he alone can fix it, "
        'the billionaire real estate mogul offered himself as a "law and order" candidate.'
    )
    assert pick(extractor, text, cue="offered")["speaker"] == "Donald Trump"


def test_a_possessive_his_or_their_is_resolved_like_he_or_they(extractor: Any) -> None:
    text = "Bernie Sanders spoke on Monday. His criticism of the wall was harsh."
    att = pick(extractor, text, source="His")
    assert att["speaker"] == "Bernie Sanders"


def test_a_sentence_after_an_opening_noun_of_saying_is_the_narratives(extractor: Any) -> None:
    text = (
        "Bernie Sanders criticized the plan on Monday.\n\n"
        '"It will never work," Donald Trump said of the criticism.\n\n'
        "In his assessment of the real estate magnate, Sanders looked tired and angry.\n\n"
        '"It is incredible that a society could produce such candidates," he said.'
    )
    found = run(extractor, text)
    # "his" before its sentence's subject is that subject; the subject, after the opening
    # phrase, is no one's words, so it takes the floor from the last speaker
    assert [(a["source"], a["speaker"]) for a in found if a["source"] in ("his", "he")] == [
        ("his", "Bernie Sanders"),
        ("he", "Bernie Sanders"),
    ]


def test_adding_keeps_the_addressee_and_saying_does_not(extractor: Any) -> None:
    adding = run(
        extractor, "The mayor told reporters that the bridge would open in May, adding that costs rose."
    )
    assert [a["addressee"] for a in adding] == ["reporters", "reporters"]
    saying = run(extractor, "Putin told Xi that Russia was ready, saying that Moscow had studied the plan.")
    assert [a["addressee"] for a in saying] == ["Xi", None]


def test_a_programme_after_on_is_the_addressee_and_a_channel_is_not(extractor: Any) -> None:
    text = (
        "\u201cI have always expected to be vetted,\u201d Nkemelu said on \u201cMeet the Press.\u201d "
        "\u201cThe message is clear,\u201d Halvorsen said on ABC\u2019s \u201cThis Week.\u201d "
        "Brandt said on Twitter that the vote was rigged. "
        "On Capitol Hill, Republican senators said the plan lacked details."
    )
    assert [a["addressee"] for a in run(extractor, text)] == [
        "Meet the Press",
        "ABC\u2019s This Week",
        None,
        None,
    ]


def test_an_opening_interview_is_the_occasion_of_every_verb_after_it(extractor: Any) -> None:
    text = (
        "In an interview with reporters on Thursday, the senator criticized the budget and said "
        "the deficit would grow."
    )
    assert [a["addressee"] for a in run(extractor, text)] == ["reporters", "reporters"]
    walker = run(extractor, "In an interview with TMZ Sports, Walker said, \u201cI have lost bookings.\u201d")
    assert [a["addressee"] for a in walker] == ["TMZ Sports"]


def test_told_a_name_the_parser_misreads_and_told_the_story(extractor: Any) -> None:
    told = run(extractor, "\u201cI regard him as an old friend,\u201d Gingrich told O\u2019Reilly.")
    assert told[0]["addressee"] == "O\u2019Reilly"
    story = run(extractor, 'Five vintage photos were telling "the story of how they fell in love."')
    assert all(a["addressee"] is None for a in story)


def test_the_one_asking_after_a_question_is_the_source_not_the_addressee(extractor: Any) -> None:
    att = only(extractor, "''Is he running against the committee?'' asked Mr. Manafort.")
    assert (att["source"], att["addressee"]) == ("Mr. Manafort", None)


def test_a_new_sentence_with_its_own_clause_does_not_take_the_quotation_before_it(extractor: Any) -> None:
    text = (
        '"It\'s a very sad development," Cruz told reporters. "This is the consequence of the '
        'abusive culture." Ohio Gov. John Kasich said he would have fired the manager.'
    )
    found = run(extractor, text)
    assert [(a["speaker"], len(a["content"])) for a in found if a["kind"] == "direct"] == [("Cruz", 2)]


def test_a_subject_the_parser_hung_elsewhere_is_still_the_source(extractor: Any) -> None:
    text = (
        "Alarmed by the unrest in Nevada, Senator Harold Reiding, the minority leader, said that "
        "he spoke with the candidate on Tuesday.\n\n"
        "\u201cYes, I support her,\u201d Brent Bozell III, founder of the Media Research Center, "
        "tells the newspaper."
    )
    found = run(extractor, text)
    assert [(a["source"], a["speaker"]) for a in found] == [
        ("Senator Harold Reiding, the minority leader", "Harold Reiding"),
        ("Brent Bozell III, founder of the Media Research Center", "Brent Bozell III"),
    ]


def test_a_title_case_headline_does_not_lengthen_a_name(extractor: Any) -> None:
    text = (
        "Ben Carson Defends His Account Of West Point Offer\n\n"
        "Ben Carson said on Sunday that the offer had been real.\n\n"
        "\u201cI never applied,\u201d Carson said."
    )
    assert {a["speaker"] for a in run(extractor, text)} == {"Ben Carson"}


def test_the_adverbs_before_a_cue_belong_to_it(extractor: Any) -> None:
    text = (
        "Trump also said he would win. Clinton has repeatedly denied that she lied. "
        "Then Sanders said he agreed."
    )
    assert [a["cue"] for a in run(extractor, text)] == ["also said", "has repeatedly denied", "said"]


def test_a_quotation_after_a_long_source_continues_the_turn(extractor: Any) -> None:
    text = (
        "''The scale of the transition is enormous,'' said Matt Baker, a former commissioner "
        "with the Colorado Public Utilities Commission who now works at a foundation in "
        "California. ''You can't do it alone.''"
    )
    att = only(extractor, text)
    assert att["content"] == [
        "''The scale of the transition is enormous,''",
        "''You can't do it alone.''",
    ]


def test_a_closing_aside_of_the_writer_is_not_content(extractor: Any) -> None:
    text = (
        "Kasich said there is an active conversation about the response to Trump, one that "
        "will dominate the meeting next month. Okafor said he supports the governor, who "
        "fights with journalists every week."
    )
    assert [a["content"] for a in run(extractor, text)] == [
        ["there is an active conversation about the response to Trump"],
        ["he supports the governor"],
    ]


def test_a_source_keeps_its_relative_clause(extractor: Any) -> None:
    text = "Jane Paradis, who volunteered for the campaign in 1992, said the race was close."
    att = only(extractor, text)
    assert (att["source"], att["speaker"]) == (
        "Jane Paradis, who volunteered for the campaign in 1992",
        "Jane Paradis",
    )


def test_a_coordinated_verb_with_its_own_clause_is_not_the_quotations_cue(extractor: Any) -> None:
    text = (
        "Senator Lindsey Graham said that Carson is a \u201cgood, decent man,\u201d and said that "
        "Trump \u201cmelted down last night.\u201d"
    )
    found = run(extractor, text)
    assert all(a["kind"] != "direct" for a in found), found


def test_a_title_after_a_preposition_is_not_a_quotation(extractor: Any) -> None:
    text = '"We will win," Sanders said on "CBS This Morning." He appeared on "Meet the Press" too.'
    found = run(extractor, text)
    assert [(a["content"], a["addressee"]) for a in found] == [(['"We will win,"'], "CBS This Morning")]


def test_a_relative_with_the_same_surname_is_another_person(extractor: Any) -> None:
    text = (
        "CLEVELAND - Donald Trump painted a picture of a nation in crisis.\n\n"
        '"I am your voice," Trump said. He was introduced by his daughter Ivanka Trump, who '
        "spoke of his work.\n\n"
        '"We will win," Trump said.'
    )
    found = run(extractor, text)
    assert found[0]["source"] == "Donald Trump"
    assert [a["speaker"] for a in found if a["kind"] == "direct"] == ["Donald Trump", "Donald Trump"]


def test_a_group_named_after_a_person_is_not_that_person(extractor: Any) -> None:
    text = "Bernie Sanders spoke in Ohio. One Sanders supporter wrote that the race was rigged."
    found = run(extractor, text)
    assert found[-1]["speaker"] is None and found[-1]["description"] == "One Sanders supporter"


def test_she_is_never_a_man_the_article_names(extractor: Any) -> None:
    text = (
        "Bernie Sanders took questions at a forum in Palo Alto. Then one voter brought up "
        "immigration. She asked Sanders whether he would stop the deportations."
    )
    asked = next(a for a in run(extractor, text) if a["cue"].startswith("asked"))
    assert asked["speaker"] is None


def test_another_supporter_is_someone_new(extractor: Any) -> None:
    text = (
        "Diane Russell, a Sanders supporter, said the count was unfair.\n\n"
        '"Yet another state we would have won," another supporter wrote on Reddit.'
    )
    wrote = run(extractor, text)[-1]
    assert (wrote["speaker"], wrote["description"]) == (None, "another supporter")


def test_an_interview_anywhere_in_the_sentence_is_the_occasion(extractor: Any) -> None:
    text = (
        "Sanders has denounced supporters who level sexist attacks, saying his campaign does "
        "not want them, in an interview with CNN on Sunday."
    )
    assert {a["addressee"] for a in run(extractor, text)} == {"CNN"}


def test_a_second_verb_does_not_take_the_first_ones_destination(extractor: Any) -> None:
    text = "She is moving to Los Angeles but is expected to say that the show will go on."
    assert all(a["addressee"] is None for a in run(extractor, text))


def test_an_addressee_name_the_parser_broke_off_is_whole(extractor: Any) -> None:
    text = "Speaking to MSNBC\u2019s Morning Joe Monday, Trump said the caucus system is complex."
    assert only(extractor, text)["addressee"] == "MSNBC\u2019s Morning Joe"


def test_what_is_called_something_belongs_to_the_quotation(extractor: Any) -> None:
    att = only(extractor, "The admiral called both Beijing and Moscow \u201cprovocative.\u201d")
    assert (att["kind"], att["content"]) == ("mixed", ["both Beijing and Moscow \u201cprovocative.\u201d"])


def test_pronoun_goes_to_the_speaker_of_the_turn_not_the_last_name(extractor: Any) -> None:
    text = (
        "\u201cChina has leapt forward,\u201d Vladimir Putin told Xi Jinping.\n"
        "\u201cThe world is watching,\u201d he added."
    )
    assert [a["speaker"] for a in run(extractor, text)] == ["Vladimir Putin", "Vladimir Putin"]


def test_pronoun_goes_to_whoever_took_the_floor_since(extractor: Any) -> None:
    text = (
        "\u201cWe will win,\u201d Chris Matthews said.\n"
        "Dan McLaughlin at the National Review agreed about the winner.\n"
        "\u201cPence succeeded,\u201d he wrote."
    )
    assert run(extractor, text)[-1]["speaker"] == "Dan McLaughlin"


def test_description_resolves_through_an_appositive(extractor: Any) -> None:
    text = (
        "Michael McFaul, a former ambassador, said the talks were useful. "
        "The ambassador added that more were needed."
    )
    assert [a["speaker"] for a in run(extractor, text)] == ["Michael McFaul", "Michael McFaul"]


def test_metonym_keeps_its_name_as_a_government(extractor: Any) -> None:
    att = only(extractor, "The Kremlin said the meeting was productive.")
    assert (att["speaker"], att["speaker_type"]) == ("Kremlin", "government")


def test_unnamed_group_has_a_description(extractor: Any) -> None:
    att = only(extractor, "Western diplomats said the talks had stalled.")
    assert (att["speaker"], att["speaker_type"], att["description"]) == (None, "group", "Western diplomats")


def test_officials_of_a_named_body_speak_for_it(extractor: Any) -> None:
    att = only(extractor, "Officials at the Federal Reserve said rates would stay low.")
    assert "Federal Reserve" in att["speaker"]


def test_short_name_joins_the_full_name(extractor: Any) -> None:
    text = "Senator Jane Holt spoke on Monday. Holt said the bill would pass."
    assert only(extractor, text)["speaker"] == "Jane Holt"


def test_surname_misspelt_by_one_letter_is_the_same_person(extractor: Any) -> None:
    text = (
        "Voters such as Tyresha McClenney and Bryan Anderson attended the rally.\n"
        "McLenney said the campaign had ignored her.\n"
        "\u201cThey only call when they need us,\u201d she said."
    )
    assert {a["speaker"] for a in run(extractor, text)} == {"Tyresha McClenney"}


def test_relative_pronoun_names_the_noun_before_it(extractor: Any) -> None:
    text = 'Reporters turned to the Chicago Police Department, which reported "2,521 shootings" this year.'
    att = pick(extractor, text, cue="reported")
    assert att["speaker"] == "the Chicago Police Department"


def addressees(extractor: Any, text: str) -> list[str | None]:
    return [a["addressee"] for a in run(extractor, text)]


def test_an_addressee_keeps_the_punctuation_inside_its_name(extractor: Any) -> None:
    text = "Christine Todd Whitman told The Star-Ledger of Newark last week she would vote for Clinton."
    assert addressees(extractor, text) == ["The Star-Ledger"]
    text = "The American Legion wrote to Sanders\u2019 Senate office that it did not have permission."
    assert addressees(extractor, text) == ["Sanders\u2019 Senate office"]


def test_an_addressee_the_recogniser_named_in_part_has_the_name_as_written(extractor: Any) -> None:
    text = "On Friday, Gingrich told Bill O\u2019Reilly of Fox News that \u201cyou have to look at it.\u201d"
    assert addressees(extractor, text) == ["Bill O\u2019Reilly"]
    text = "\u201cShow me somebody,\u201d Carson told ABC\u2019s George Stephanopoulos by phone."
    assert addressees(extractor, text) == ["George Stephanopoulos"]


def test_a_programme_in_quotation_marks_keeps_its_whole_name(extractor: Any) -> None:
    text = 'In an interview with "Fox and Friends," Donald Trump said that the U.S. should act.'
    assert addressees(extractor, text) == ["Fox and Friends"]
    text = (
        "\u201cI have always said that I expect to be vetted,\u201d he said on  \u201cMeet the Press.\u201d"
    )
    assert addressees(extractor, text) == ["Meet the Press"]
    text = (
        "Wednesday on Fox News Channel\u2019s \u201cHannity,\u201d Newt Gingrich said he would consider it."
    )
    assert addressees(extractor, text) == ["Fox News Channel\u2019s Hannity"]


def test_an_outlet_before_interview_is_the_addressee_whatever_its_tag(extractor: Any) -> None:
    assert addressees(extractor, "Trump said in an MSNBC interview that he would win.") == ["MSNBC"]


def test_addressing_and_pushing_name_their_object(extractor: Any) -> None:
    text = (
        "Addressing the state party\u2019s annual gala Thursday, Trump said the South has treated him well."
    )
    assert addressees(extractor, text) == ["the state party\u2019s annual gala"]
    text = "Bernie Sanders is pushing fellow Senate Democrats to reject the Puerto Rico debt deal."
    assert addressees(extractor, text) == ["Democrats"]
    text = "Sanders on Wednesday also called upon the U.S. to press China."
    assert addressees(extractor, text) == ["U.S."]


def test_an_object_that_cannot_be_told_is_no_addressee(extractor: Any) -> None:
    assert addressees(extractor, "Trump promised a wall to the crowd’s delight.") == [None]
    assert addressees(extractor, "Trump promised voters that Mexico would pay for it.") == ["voters"]
    text = "Trump won by encouraging the base’s general revulsion for establishment leaders."
    assert addressees(extractor, text) == [None] * len(run(extractor, text))
    text = "Manafort ignored Cruz, alluding to him only to echo remarks he made earlier this week."
    assert all(a["addressee"] is None for a in run(extractor, text))


def test_a_summarising_participle_does_not_inherit_the_one_told(extractor: Any) -> None:
    text = "A spokeswoman emailed reporters the text of the law, arguing that it says nothing of the sort."
    found = {a["cue"]: a["addressee"] for a in run(extractor, text)}
    assert found == {"emailed": "reporters", "arguing": None}


def test_a_quotation_a_verb_governs_has_the_occasion_of_its_sentence(extractor: Any) -> None:
    text = (
        "Speaking to MSNBC’s Morning Joe Monday in New Hampshire, Bush referred to Rubio as “a bright, "
        "charismatic leader” but described his leadership skills as a “work in progress.”"
    )
    assert addressees(extractor, text) == ["MSNBC’s Morning Joe", "MSNBC’s Morning Joe"]


def test_a_subject_before_an_aside_is_the_source(extractor: Any) -> None:
    text = (
        "One attendee, who like others spoke on the condition of anonymity to discuss the private meeting, "
        'said the message was that "this is not going to be over in February."'
    )
    said = pick(extractor, text, cue="said")
    assert said["source"].startswith("One attendee")
    text = (
        "The issue had come up Friday after Mr. Trump, asked about the deaths of journalists under "
        "Mr. Putin, had said, ''I think our country does plenty of killing also.''"
    )
    quoted = [a for a in run(extractor, text) if a["cue"] == "had said"]
    assert [(a["source"], a["speaker"]) for a in quoted] == [("Mr. Trump", "Trump")]


def test_a_name_after_a_quotation_and_its_verb_is_the_source(extractor: Any) -> None:
    text = (
        "Matt Skelly worked at the RNC. \u201cHaving access to the RNC file is valuable,\u201d said Skelly, "
        "explaining he knew them."
    )
    assert [(a["source"], a["speaker"]) for a in run(extractor, text) if a["cue"] == "said"] == [
        ("Skelly", "Matt Skelly")
    ]
    # a participle's object is not its source
    text = "Clinton attacked Trump on Monday, saying Trump would \u201cabolish the second amendment.\u201d"
    assert [a["source"] for a in run(extractor, text) if a["cue"] == "saying"] == [""]


def test_the_one_asked_is_the_addressee_not_the_speaker(extractor: Any) -> None:
    text = (
        "Gov. Chris Christie spoke in Trenton on Tuesday. Asked about his previous criticisms of Trump, "
        "Christie said that was a natural part of the race."
    )
    found = {a["cue"]: (a["speaker"], a["addressee"]) for a in run(extractor, text)}
    assert found["Asked about"] == (None, "Chris Christie")
    assert found["said"] == ("Chris Christie", None)


def test_a_second_verb_of_saying_after_a_reported_clause_is_its_own_attribution(extractor: Any) -> None:
    text = (
        "Ms. Acosta acknowledged that even she found the ''debt stack'' confusing and called the golf "
        "venture ''a great example'' of how things had gone wrong."
    )
    found = {a["cue"]: (a["source"], a["content"]) for a in run(extractor, text)}
    assert found["acknowledged"] == ("Ms. Acosta", ["that even she found the ''debt stack'' confusing"])
    assert found["called"][0] == "Ms. Acosta"


def test_a_sentence_with_its_own_subject_ends_the_turn(extractor: Any) -> None:
    text = (
        "As for Trump, he figures that a second gig on \u201cSaturday Night Live\u201d was an adequate "
        "reward and so now he can coast. Or, maybe, his act\u2014\u201cMy tax plan will be a tremendous "
        "plan!\u201d\u2014is simply tired."
    )
    figures = [a for a in run(extractor, text) if a["cue"] == "figures"]
    assert len(figures) == 1 and not any("tax plan" in piece for piece in figures[0]["content"])


def test_a_noun_cue_takes_the_adjectives_before_it(extractor: Any) -> None:
    text = "Kaine's full embrace of abortion rights angered the bishops."
    found = [a for a in run(extractor, text) if "embrace" in a["cue"]]
    assert [a["cue"] for a in found] == ["full embrace of"]


def test_the_one_urged_is_part_of_what_was_urged(extractor: Any) -> None:
    att = only(extractor, "Activists urged superdelegates to back the will of voters at the convention.")
    assert (att["content"], att["addressee"]) == (
        ["superdelegates to back the will of voters at the convention"],
        "superdelegates",
    )
    text = "Sanders also called upon the U.S. to press China into forcing North Korea to abide by norms."
    att = only(extractor, text)
    assert (att["cue"], att["content"][0][:16]) == ("also called upon", "the U.S. to pres")


def test_a_quoted_predicate_takes_its_subject_into_the_content(extractor: Any) -> None:
    text = (
        "During their phone call Tuesday, Obama and Hollande \u201creaffirmed their shared commitment to "
        "degrading ISIL,\u201d the White House said."
    )
    att = only(extractor, text)
    assert att["content"] == [
        "During their phone call Tuesday, Obama and Hollande \u201creaffirmed their shared commitment to "
        "degrading ISIL,\u201d"
    ]
    assert only(extractor, "\u201cWe will win,\u201d Holt said.")["content"] == ["\u201cWe will win,\u201d"]


def test_a_name_in_apposition_stays_in_the_content(extractor: Any) -> None:
    att = only(extractor, "Emanuel said he fired his police chief, Garry F. McCarthy.")
    assert att["content"] == ["he fired his police chief, Garry F. McCarthy"]


def test_the_to_of_referred_to_is_part_of_the_cue(extractor: Any) -> None:
    att = only(extractor, "Bush referred to Rubio as \u201ca bright, charismatic leader\u201d on Monday.")
    assert (att["cue"], att["content"][0][:8]) == ("referred to", "Rubio as")


def test_an_urging_after_a_reported_clause_is_the_speakers_own(extractor: Any) -> None:
    text = (
        "Councillor Tomas Reyes spoke first. He added the plan in its current form was \u201cdead on "
        "arrival\u201d and urged colleagues to look again at a cheaper tunnel option."
    )
    found = {a["cue"]: (a["speaker"], a["addressee"], a["content"]) for a in run(extractor, text)}
    assert found["urged"][:2] == ("Tomas Reyes", "colleagues")
    assert found["added"][2] == ["the plan in its current form was \u201cdead on arrival\u201d"]


def test_a_title_before_an_addressee_is_not_part_of_the_name(extractor: Any) -> None:
    text = "Helen Carver spoke. Amara Nwosu told Health Minister Helen Carver that nurses would strike."
    assert [a["addressee"] for a in run(extractor, text) if a["cue"] == "told"] == ["Helen Carver"]


def test_what_is_expected_holds_its_subject_and_names_no_source(extractor: Any) -> None:
    att = only(extractor, "Trump is expected to deliver a victory speech later tonight.")
    assert (att["cue"], att["source"], att["speaker"]) == ("is expected", "", None)
    assert att["content"] == ["Trump", "to deliver a victory speech later tonight"]


def test_what_seems_holds_its_subject_and_names_no_source(extractor: Any) -> None:
    att = only(extractor, "The governor seemed to be shrinking in political stature.")
    assert (att["cue"], att["source"]) == ("seemed", "")
    assert att["content"] == ["The governor", "to be shrinking in political stature"]


def test_a_subject_who_seems_to_speak_is_the_source(extractor: Any) -> None:
    found = {a["cue"]: a for a in run(extractor, "Rubio seemed to confirm that he would stay in the race.")}
    assert found["to confirm"]["source"] == "Rubio"
    assert all(a["source"] == "Rubio" for a in found.values())


def test_a_passive_with_its_agent_keeps_the_agent_as_source(extractor: Any) -> None:
    att = only(extractor, "The deal was described by Senator Jane Holt as a betrayal of workers.")
    assert (att["source"], att["speaker"]) == ("Senator Jane Holt", "Jane Holt")


def test_a_lower_case_title_the_tagger_took_for_a_name_is_no_name(extractor: Any) -> None:
    text = (
        "Grimes spoke at a rally with Clinton. There the secretary of state said she was "
        "\u201cnot only here to do my job\u201d but also to back her candidate."
    )
    assert [a["speaker"] for a in run(extractor, text) if a["cue"] == "said"] != ["secretary"]


def test_a_verb_the_parser_hung_inside_the_subjects_aside_keeps_its_subject(extractor: Any) -> None:
    # the parser hangs "called" from "campaign" as a participle
    text = (
        "Paul Rivers, who worked as a strategist during the 2012 campaign, called Trump's "
        'statements on Sunday "childish."'
    )
    att = only(extractor, text)
    assert att["source"] == "Paul Rivers, who worked as a strategist during the 2012 campaign"
    assert (att["cue"], att["speaker"]) == ("called", "Paul Rivers")


def test_an_infinitive_of_purpose_has_its_clauses_subject_as_source(extractor: Any) -> None:
    found = run(extractor, "Councillor Tomas Reyes will come on the program to talk about the bridge vote.")
    att = next(a for a in found if a["cue"].startswith("to talk"))
    assert (att["source"], att["speaker"]) == ("Councillor Tomas Reyes", "Tomas Reyes")


def test_a_participle_still_names_no_source(extractor: Any) -> None:
    text = "Reyes voted against the plan on Monday, saying that the bridge was too costly."
    att = pick(extractor, text, cue="saying")
    assert (att["source"], att["speaker"]) == ("", "Reyes")


def test_the_one_asked_is_the_addressee_and_no_source(extractor: Any) -> None:
    att = only(extractor, "Clinton was asked about the emails on Tuesday.")
    assert (att["cue"], att["source"], att["addressee"]) == ("was asked about", "", "Clinton")
    assert att["content"] == ["the emails on Tuesday"]


def test_what_someone_is_accused_of_holds_its_subject(extractor: Any) -> None:
    att = only(extractor, "Reyes is accused of lying to voters.")
    assert (att["cue"], att["source"], att["content"]) == ("is accused of", "", ["Reyes", "lying to voters"])


def test_a_stance_with_a_preposition_keeps_its_subject_as_source(extractor: Any) -> None:
    att = only(extractor, "Councillor Amara Nwosu is looking for a cheaper tunnel option.")
    assert (att["cue"], att["source"], att["speaker"]) == (
        "is looking for",
        "Councillor Amara Nwosu",
        "Amara Nwosu",
    )


def test_a_second_that_clause_joined_to_the_verb_is_part_of_the_content(extractor: Any) -> None:
    said = "the city needs to repair the bridge and build a new tunnel, but that she would not support tolls"
    assert only(extractor, f"The mayor said {said}.")["content"] == [said]


def candidates(extractor: Any, text: str) -> tuple[Any, list[Any]]:
    """(doc, every candidate the learned finder proposes for the model to score)."""
    from onrecord.training import every_candidate

    doc = extractor.nlp(text)
    finder = extractor.component.finder
    with every_candidate(finder):
        return doc, finder(doc, extractor.component.scanner.scan(text))


def proposed(extractor: Any, text: str) -> dict[str, tuple[str, list[str]]]:
    """What the learned finder proposes, every candidate kept: cue → (source, content pieces)."""
    doc, found = candidates(extractor, text)
    return {
        " ".join(doc[i].text for i in c.cue): (
            " ".join(doc[i].text for i in c.source),
            [text[p.start : p.end] for p in c.content],
        )
        for c in found
    }


def test_a_participle_that_names_holds_what_it_names(extractor: Any) -> None:
    found = proposed(
        extractor, "Reyes won most of the contests known as Super Tuesday, and Dunn won the rest."
    )
    assert found["known as"] == ("", ["the contests", "Super Tuesday"])
    found = proposed(extractor, "The council passed a measure called the Harbour Act.")
    assert found["called"] == ("", ["a measure", "the Harbour Act"])


def test_a_quotation_after_a_long_cue_sentence_with_an_aside_continues_the_quote(extractor: Any) -> None:
    text = (
        '"We made mistakes along the way," Holt said in Dover, referring to a town hall where she '
        'declined to criticize Dunn. "If I had to do it over again, I would have said so."'
    )
    att = pick(extractor, text, cue="said")
    assert att["content"] == [
        '"We made mistakes along the way,"',
        '"If I had to do it over again, I would have said so."',
    ]


def test_the_one_questioned_is_the_addressee(extractor: Any) -> None:
    text = "When Dunn was questioned about the dispute on Tuesday, his answer focused on the budget."
    att = pick(extractor, text, cue="was questioned about")
    assert (att["source"], att["addressee"]) == ("", "Dunn")


def test_even_is_no_part_of_the_source(extractor: Any) -> None:
    att = only(extractor, "Even Republicans said the plan was dead.")
    assert (att["source"], att["speaker"]) == ("Republicans", "Republicans")


def test_a_verb_with_a_clause_of_its_own_is_not_the_cue_of_a_quotation_before_it(extractor: Any) -> None:
    text = (
        "City Hall said in a statement that it remained \u201cfully committed\u201d to the bridge "
        "and that the mayor\u2019s office would ask an independent engineering firm to review it."
    )
    found = run(extractor, text)
    quoted = [a for a in found if any("fully committed" in c for c in a["content"])]
    assert [(a["cue"], a["speaker"]) for a in quoted] == [("said", "City Hall")]
    # whether "would ask" is kept is the learned scorer's call; what it would say is not
    assert proposed(extractor, text)["would ask"][1] == ["an independent engineering firm to review it"]


def test_an_indefinite_organisation_is_someone_new(extractor: Any) -> None:
    text = (
        "The Eastbrook Port Authority published the figures on Monday. The mayor would ask an "
        "independent engineering firm to review the figures."
    )
    asked = pick(extractor, text, cue="would ask")
    assert asked["addressee"] == "an independent engineering firm"


def test_two_people_speaking_together_are_a_group_with_both_named(extractor: Any) -> None:
    text = (
        "Joanna Treadwell debated Martin Kessling on Monday. Afterwards Treadwell and Kessling "
        "said the vote would go ahead."
    )
    [att] = [a for a in extractor.extract(text) if a.cue_text(text) == "said"]
    assert att.speaker is not None
    assert (att.speaker.name, att.speaker.type) == (None, "group")
    assert att.speaker.members == ("Joanna Treadwell", "Martin Kessling")


def test_said_in_a_statement_is_one_attribution(extractor: Any) -> None:
    found = run(extractor, "The agency said in a statement that the bridge was \u201csafe\u201d.")
    assert [(a["cue"], a["content"]) for a in found] == [("said", ["that the bridge was \u201csafe\u201d"])]


def test_a_poll_is_the_source_of_what_its_respondents_said(extractor: Any) -> None:
    text = (
        "In a Harbour Courier poll released Monday, 61 percent of voters said the bridge was worth the cost."
    )
    found = proposed(extractor, text)
    assert found["In"] == (
        "a Harbour Courier poll released Monday",
        ["61 percent of voters said the bridge was worth the cost"],
    )
    assert "said" not in found  # the share of respondents is no speaker of its own


def test_a_lead_in_the_polls_is_what_the_polls_say(extractor: Any) -> None:
    found = proposed(extractor, "Treadwell has a narrow lead in the polls ahead of the March primary.")
    assert found["in"] == ("the polls", ["Treadwell has a narrow lead", "ahead of the March primary"])


def test_whose_view_a_sentence_gives(extractor: Any) -> None:
    found = proposed(extractor, "To many farmers, the water plan is a betrayal of the valley.")
    assert found["To"] == ("many farmers", ["the water plan is a betrayal of the valley"])
    assert "To" not in proposed(extractor, "To be sure, the water plan has flaws.")


def test_a_headline_with_a_name_and_a_colon(extractor: Any) -> None:
    found = proposed(
        extractor, "Bridge vote delayed\nTomas Reyes: The council will not sign a blank cheque.\n"
    )
    assert found[":"] == ("Tomas Reyes", ["The council will not sign a blank cheque"])


def test_a_verb_before_a_colon_is_not_a_speaker_label(extractor: Any) -> None:
    assert ":" not in proposed(extractor, "So let me get this straight: the council wants a tunnel now.")
    assert ":" not in proposed(extractor, "Reyes added: the council wants a tunnel now.")


def test_reportedly_reports_with_no_source(extractor: Any) -> None:
    found = proposed(extractor, "Councillors reportedly walked out of the session in protest.")
    assert found["reportedly"] == ("", ["Councillors", "walked out of the session in protest"])


def test_referring_to_is_an_attribution_of_the_speaker(extractor: Any) -> None:
    text = "\u201cThey know what they did,\u201d Reyes said, referring to the previous administration."
    found = run(extractor, text)
    referring = next(a for a in found if a["cue"] == "referring to")
    assert (referring["source"], referring["speaker"]) == ("", "Reyes")
    assert referring["content"] == ["the previous administration"]


def test_the_subject_before_an_aside_with_commas_of_its_own(extractor: Any) -> None:
    text = (
        "Kessling, who backed Sen. Maria Lopez, D-Calder, and opposed the dam during the "
        "primaries, last week said the treasurer was seeking a federal post."
    )
    att = pick(extractor, text, cue="said")
    assert att["source"].startswith("Kessling")
    assert att["speaker"] == "Kessling"


def test_it_is_hard_to_wonder_names_no_one(extractor: Any) -> None:
    att = only(extractor, "It is hard not to wonder whether the bridge will ever be built.")
    assert (att["cue"], att["source"], att["speaker"]) == ("not to wonder", "", None)


def test_only_a_colon_at_the_start_of_a_paragraph_labels_a_speaker(extractor: Any) -> None:
    text = "Tomas Reyes: the vote is off. " + "note: the vote is off, " * 1000
    doc, found = candidates(extractor, text)
    labels = [c for c in found if c.route == "label"]
    assert [" ".join(doc[i].text for i in c.source) for c in labels] == ["Tomas Reyes"]


def test_a_name_past_its_appositive_is_the_source_of_a_verb_before_a_quotation(extractor: Any) -> None:
    text = (
        "Maria Lopez, the 2012 Democratic gubernatorial nominee, tweeted in response: ''Important "
        "distinction: thug mayors block bridges and critics; our councils build bridges and schools.''"
    )
    att = pick(extractor, text, kind="direct")
    assert (att["cue"], att["speaker"]) == ("tweeted", "Maria Lopez")
    assert att["source"].startswith("Maria Lopez")


def test_a_quoted_vocative_does_not_make_the_addressee_the_speaker(extractor: Any) -> None:
    text = (
        "''That was a fine speech you gave last night, Mr. Mayor,'' Councillor Tomas Reyes, "
        "Democrat of Calder, told Mr. Okafor as they left."
    )
    att = pick(extractor, text, kind="direct")
    assert (att["cue"], att["speaker"], att["addressee"]) == ("told", "Tomas Reyes", "Okafor")


def test_of_two_cues_the_parse_joins_to_a_quotation_the_nearer_takes_it(extractor: Any) -> None:
    text = (
        "Asked what he personally thought about the tunnel plan, he said, \"It's the wrong "
        'plan, but for sure we have no right to stop it."'
    )
    att = pick(extractor, text, kind="direct")
    assert (att["cue"], att["source"]) == ("said", "he")


def test_an_opening_mark_hung_on_the_sentence_before_stays_with_its_quotation(extractor: Any) -> None:
    text = (
        "Time, Ms. Lopez added, was on their side. ''It's early days, for heaven's sake,'' she "
        "said. ''The count starts on Monday.''"
    )
    found = run(extractor, text)
    added = next(a for a in found if a["cue"] == "added")
    assert all("''" not in piece for piece in added["content"])
    said = next(a for a in found if a["cue"] == "said")
    assert (said["kind"], said["speaker"]) == ("direct", "Lopez")
    assert said["content"][0] == "''It's early days, for heaven's sake,''"


def test_a_cue_after_a_quotation_closed_by_a_comma_is_its_cue(extractor: Any) -> None:
    text = (
        "But the plan may have a cost that has so far been largely ignored: ''While the council "
        "remains unlikely to act, we believe the tunnel will cost twice as much,'' Tomas Reyes, "
        "an analyst at Calder Research, wrote in a note to investors."
    )
    att = pick(extractor, text, kind="direct")
    assert (att["cue"], att["speaker"]) == ("wrote", "Tomas Reyes")


def test_a_quoted_fragment_keeps_the_verb_it_is_the_object_of(extractor: Any) -> None:
    text = "In 2009, under what Mr. Reyes called ''the old economy model,'' the club charged a large fee."
    att = next(a for a in run(extractor, text) if "''the old economy model,''" in " ".join(a["content"]))
    assert att["cue"] == "called"


def test_when_and_where_something_was_said_is_no_part_of_it(extractor: Any) -> None:
    found = proposed(extractor, "Okafor stressed those worries on Sunday at a university forum in Calder.")
    assert found["stressed"][1] == ["those worries"]


def test_a_quotation_that_finishes_a_sentence_takes_the_sentence_in(extractor: Any) -> None:
    text = "If the council approves the plan, \u201cwe will start work in May,\u201d Okafor said."
    att = only(extractor, text)
    assert att["content"] == ["If the council approves the plan, \u201cwe will start work in May,\u201d"]
    text = "The mayor was in a hurry. ''We will start work in May,'' Okafor said."
    att = pick(extractor, text, cue="said")
    assert att["content"] == ["''We will start work in May,''"]


def test_a_name_the_parser_hung_on_the_quotation_is_the_source_of_the_cue_after_it(extractor: Any) -> None:
    text = (
        "\u201cYes, I back Ted Cruz,\u201d Brent Dunmore III, founder of the Media Research "
        "Institute, tells Calder News in an interview."
    )
    att = pick(extractor, text, kind="direct")
    assert (att["cue"], att["speaker"], att["addressee"]) == ("tells", "Brent Dunmore III", "Calder News")


def test_as_someone_noted_attributes_the_clause_it_stands_in(extractor: Any) -> None:
    att = only(extractor, "As Clyburn noted, those voters will give Reyes a second look.")
    assert (att["cue"], att["source"]) == ("noted", "Clyburn")
    assert att["content"][0].startswith("those voters will give Reyes a second look")


def test_a_title_after_a_comma_and_a_work_is_no_quotation(extractor: Any) -> None:
    text = "In his new book, ''Doomed to Fail,'' Mr. Reyes said that the relationship had always been close."
    att = only(extractor, text)
    assert (att["kind"], att["cue"], att["content"]) == (
        "indirect",
        "said",
        ["that the relationship had always been close"],
    )


def test_a_stance_said_with_an_adjective(extractor: Any) -> None:
    found = proposed(extractor, "Many farmers are deeply skeptical of the new trade deal.")
    assert found["are deeply skeptical of"] == ("Many farmers", ["the new trade deal"])
    found = proposed(extractor, "The mayor was confident that the bridge would open in May.")
    assert found["was confident"] == ("The mayor", ["that the bridge would open in May"])


def test_a_name_in_title_case_after_the_or_a_possessive_is_no_quotation(extractor: Any) -> None:
    for text in (
        "Time Magazine chose Maria Lopez as its \u201cPerson of the Year\u201d for 2015.",
        "Cruz is holding a party at the \u201cRed Neck Country Club\u201d on Tuesday night.",
    ):
        assert run(extractor, text) == []


def test_a_quotation_ending_in_a_nested_quotation_takes_the_cue_after_it(extractor: Any) -> None:
    text = (
        "\u201cShe told us that \u2018I know the difference between having the House"
        " and not having it,\u2019\u201d Rep. Jim Stone said."
    )
    att = pick(extractor, text, cue="said", source="Rep. Jim Stone")
    assert (att["kind"], att["speaker"]) == ("direct", "Jim Stone")
    assert att["content"] == [text[: text.index("\u201d") + 1]]


def test_a_quotation_paragraph_after_a_blank_line_continues_the_turn(extractor: Any) -> None:
    text = (
        "\u201cWe are ready for the fight,\u201d Carter said at the conference.\n\n"
        "\u201cThis region remains the most consequential for our security.\u201d"
    )
    att = only(extractor, text)
    assert (att["cue"], att["speaker"]) == ("said", "Carter")
    assert len(att["content"]) == 2


def test_a_quotation_after_words_someone_was_quick_to_add_goes_on_with_them(extractor: Any) -> None:
    text = "Holt was quick to add that the toll would not rise. \u201cBuilding it? Not negotiable.\u201d"
    att = only(extractor, text)
    assert (att["cue"], att["content"]) == (
        "was quick to add",
        ["that the toll would not rise", "\u201cBuilding it? Not negotiable.\u201d"],
    )


def test_a_quotation_after_reported_words_goes_on_with_them(extractor: Any) -> None:
    text = (
        "Carter said that for decades some critics had predicted a withdrawal, but it would not happen.\n\n"
        "\u201cThis region remains the most consequential for our security.\u201d"
    )
    att = pick(extractor, text, cue="said")
    assert att["source"] == "Carter"
    assert att["content"][-1] == text[text.index("\u201c") :]
    text = (
        "The mayor says people should be able to choose their school. "
        '"It is their life; they are not hurting anybody."'
    )
    att = pick(extractor, text, cue="says")
    assert att["content"] == ["people should be able to choose their school", text[text.index('"') :]]
    # so after the object of a verb whose object is what was said
    text = (
        "Lopez praised the governor's leadership after the storm. "
        "\u201cWe need someone who is going to cut through the noise.\u201d"
    )
    att = pick(extractor, text, cue="praised")
    assert att["content"][-1] == text[text.index("\u201c") :]
    # and after a participle of the sentence's speaker
    text = (
        "Bolton praised the plan, saying he would be willing to help if asked. "
        "\u201cI am going to support him.\u201d"
    )
    att = pick(extractor, text, cue="saying")
    assert (att["speaker"], att["content"][-1]) == ("Bolton", text[text.index("\u201c") :])
    # but not after a belief
    text = "Lopez expected the governor to win. \u201cWe need someone who is going to cut through it.\u201d"
    assert all(len(a["content"]) == 1 for a in run(extractor, text))


def test_he_went_on_is_the_cue_of_the_quotation_before_it(extractor: Any) -> None:
    text = '"We ought to start it up again. This is a lot of nonsense," he went on.'
    att = only(extractor, text)
    assert (att["cue"], att["source"], att["kind"]) == ("went on", "he", "direct")


def test_a_colon_after_a_phrase_of_a_verb_is_no_label(extractor: Any) -> None:
    text = (
        'Ortiz attacked the governor, calling him a "disaster," and compared the incumbent, whom he'
        ' described as "reckless," with Lopez: "What I have seen working with Lopez is a steady hand."'
    )
    quote = '"What I have seen working with Lopez is a steady hand."'
    att = next(a for a in run(extractor, text) if quote in a["content"])
    assert att["speaker"] == "Ortiz" and att["source"] != "with Lopez"


def test_a_verb_with_only_its_subject_after_a_quotation_is_its_cue(extractor: Any) -> None:
    att = only(extractor, "\u201cWhat a night this is!\u201d beamed Maria Ortiz of Tucson, Arizona.")
    assert (att["cue"], att["speaker"], att["kind"]) == ("beamed", "Maria Ortiz", "direct")
    text = "\u201cThe way I look at it,\u201d she elaborated, \u201cnobody ever doubted his service.\u201d"
    att = only(extractor, text)
    assert (att["cue"], att["source"]) == ("elaborated", "she")
    assert len(att["content"]) == 2


def test_a_verb_whose_subject_stands_before_the_quotation_is_no_cue(extractor: Any) -> None:
    text = (
        "The singer, who also stars in the drama \u201cMercy Street,\u201d returns to the stage this week."
        " We could catch up, \u201cand we have good chances all the way through California,\u201d"
        " which votes June 7. When Reyes finally wrapped up \u2014 \u201cWe will win!\u201d \u2014"
        " the balloons fell."
    )
    assert not {"returns", "votes", "fell"} & {a["cue"] for a in run(extractor, text)}


def test_a_sentence_whose_only_verb_the_parser_took_for_a_participle_keeps_its_subject(
    extractor: Any,
) -> None:
    att = pick(extractor, 'The senator called Trump "a blowhard."', cue="called")
    assert att["source"] == "The senator"
    text = "At a golf club called Reyes National, the candidate boasted of his negotiating skills."
    att = pick(extractor, text, cue="boasted of")
    assert att["source"] == "the candidate"


def test_a_name_with_an_aside_before_the_cue_is_its_source(extractor: Any) -> None:
    text = (
        "Mr. Slink, whose latest start-up, Paradox, uses big data to help brands, said Mr. Reyes"
        " was a candidate in the spirit of the Valley: ''He's a start-up kind of guy.''"
    )
    att = pick(extractor, text, cue="said")
    assert att["source"].startswith("Mr. Slink") and att["speaker"] == "Slink"


def test_a_finite_verb_in_a_series_shares_the_subject(extractor: Any) -> None:
    text = (
        "The candidate has mocked a disabled reporter, referred to immigrants as criminals"
        " and said the judge was biased."
    )
    att = pick(extractor, text, cue="referred to")
    assert att["source"] == "The candidate"


def test_the_subject_of_a_noun_of_saying_after_be_or_voice_holds_it(extractor: Any) -> None:
    found = proposed(extractor, "Schlafly had been a strong supporter of the border wall.")
    assert found["strong supporter of"] == ("Schlafly", ["the border wall"])


def test_a_participle_after_be_has_the_subject_of_be(extractor: Any) -> None:
    text = "Now 52 and living in Ohio, she is terrified of losing her pension."
    att = pick(extractor, text, cue="terrified of")
    assert att["source"] == "she"


def test_a_name_in_the_aside_of_reported_words_does_not_take_the_turn(extractor: Any) -> None:
    text = (
        "Ortiz benefited from the long battle with Lopez.\n\n"
        "Hale said the fading attention on the race this time helped Lopez, who does not need to"
        " show her staying power to the extent that Ortiz did eight years ago.\n\n"
        '"She has nothing to prove on that," he said.'
    )
    att = pick(extractor, text, source="he")
    assert att["speaker"] == "Hale"


def test_a_clause_the_parser_split_at_its_aside_is_one_content(extractor: Any) -> None:
    text = (
        "He said that the Reyes campaign\u2019s announcement, which some have argued was intended to"
        " get Hale supporters to caucus for Reyes, was an \u201cinsult\u201d to the volunteers."
    )
    att = pick(extractor, text, cue="said")
    assert att["content"] == [
        text[text.index("that") : text.index(" to the volunteers")] + " to the volunteers"
    ]


def test_a_preposition_that_holds_part_of_what_was_said_stays_in_the_object(extractor: Any) -> None:
    att = pick(extractor, "The mayor blamed the flooding on the old levees.", cue="blamed")
    assert att["content"] == ["the flooding on the old levees"]
    att = pick(extractor, "The mayor praised the crews on Tuesday.", cue="praised")
    assert att["content"] == ["the crews"]


def test_the_campaign_is_the_campaign_the_article_named(extractor: Any) -> None:
    for text in (
        'Mrs. Reyes\'s campaign has defended the emails. "There is nothing new here," the campaign said.',
        'The Reyes campaign has defended the emails. "There is nothing new here," the campaign said.',
    ):
        att = pick(extractor, text, source="the campaign")
        assert att["speaker"] == "Reyes campaign"


def test_a_verb_of_going_on_joins_the_cue_it_takes(extractor: Any) -> None:
    att = only(extractor, "The mayor continued to portray the new levy as a tax on families.")
    assert (att["cue"], att["source"]) == ("continued to portray", "The mayor")
    assert att["content"] == ["the new levy as a tax on families"]
    att = pick(extractor, "Councillor Ron Hale kept asking her why the pool had closed.", cue="kept asking")
    assert (att["source"], att["content"]) == ("Councillor Ron Hale", ["why the pool had closed"])


def test_a_title_means_someone_only_after_the_article_gave_it(extractor: Any) -> None:
    text = (
        "Ron Hale said the count was far from over.\n\n"
        '"We have come a long way," the independent Vermont senator said.\n\n'
        '"That would be me," the senator said.\n\n'
        "Later, Sen. Claire Ortiz said Hale had pushed the field to the left."
    )
    for source in ("the independent Vermont senator", "the senator"):
        assert pick(extractor, text, source=source)["speaker"] == "Ron Hale"


def test_the_narrative_i_of_an_opinion_piece_or_excerpt_is_its_writer(extractor: Any) -> None:
    excerpt = (
        "Editor\u2019s note: The following is an exclusive excerpt from author Maria Lindqvist\u2019s"
        " new book.\n\n"
        "The judge looked at me. \u201cWhy are you here?\u201d he asked.\n\n"
        "\u201cYour Honor,\u201d I said, \u201cI want to explain what happened.\u201d"
    )
    att = pick(extractor, excerpt, source="I")
    assert att["speaker"] == "Maria Lindqvist"
    column = (
        "Why the levy failed.\n\n"
        "When I ran for the council in 2010, I said that the levy would fail.\n\n"
        "Ron Hale is a former member of the city council."
    )
    att = pick(extractor, column, source="I")
    assert att["speaker"] == "Ron Hale"
    byline = "Why the levy failed\nBy Ron Hale\n\nIn 2010 I said that the levy would fail."
    assert pick(extractor, byline, source="I")["speaker"] == "Ron Hale"
    # the "I" of a quotation is the quotation's speaker, never the writer
    att = pick(extractor, column + '\n\nOrtiz said: "I told them so."', source="I")
    assert att["speaker"] != "Ron Hale"


def test_words_that_fill_a_quotation_take_its_marks(extractor: Any) -> None:
    text = "The mayor condemned ''such a reckless attack'' and called for calm."
    att = pick(extractor, text, cue="condemned")
    assert att["content"] == ["''such a reckless attack''"]
    assert att["kind"] in ("direct", "mixed")


def test_a_participle_after_a_quoted_fragment_takes_only_the_quotation_it_opens(extractor: Any) -> None:
    text = "Mayor Ortiz said the process could be \u201cmessy,\u201d adding, \u201cDemocracy is messy.\u201d"
    said = pick(extractor, text, cue="said")
    assert said["content"] == ["the process could be \u201cmessy,\u201d"]
    adding = pick(extractor, text, cue="adding")
    assert adding["content"] == ["\u201cDemocracy is messy.\u201d"]
    assert adding["speaker"] == "Ortiz"


def test_the_cue_right_before_the_colon_opens_the_quotation(extractor: Any) -> None:
    text = (
        '"If the council gets its way, there is nothing you can do," Ortiz said before adding:'
        ' "Maybe the voters can, I do not know."'
    )
    said = pick(extractor, text, cue="said")
    assert said["content"] == ['"If the council gets its way, there is nothing you can do,"']
    adding = pick(extractor, text, cue="adding")
    assert adding["content"] == ['"Maybe the voters can, I do not know."']
    assert adding["speaker"] == "Ortiz"


def test_a_quotation_paragraph_signed_in_the_paragraph_under_it(extractor: Any) -> None:
    text = (
        "The levy failed in May.\n\n"
        '"Nobody in this city pays their fair share of taxes."\n\n'
        "- Ron Hale, at the council meeting.\n\n"
        '"We will cut taxes."\n\n'
        "- Reduce regulations on small firms."
    )
    att = pick(extractor, text, cue="-")
    assert (att["source"], att["speaker"]) == ("Ron Hale", "Ron Hale")
    assert att["content"] == ['"Nobody in this city pays their fair share of taxes."']
    # a list item under a quotation signs nothing
    assert not [a for a in run(extractor, text) if a["content"] == ['"We will cut taxes."']]


def test_the_n_year_old_is_whoever_the_article_gave_that_age(extractor: Any) -> None:
    text = (
        "Maria Lindqvist, 46, spoke first. Ron Hale, 71, followed her to the stage.\n\n"
        '"We will win this county," the 46-year-old said.'
    )
    att = pick(extractor, text, source="the 46-year-old")
    assert att["speaker"] == "Maria Lindqvist"


def test_criticism_or_support_someone_receives_is_about_them_and_from_its_givers(extractor: Any) -> None:
    found = proposed(extractor, "The harbour deal drew criticism from unions and port workers.")
    assert found["criticism"] == ("unions and port workers", ["The harbour deal"])
    found = proposed(extractor, "Mayor Ortiz has overwhelming support from leaders of the city's unions.")
    assert found["overwhelming support"] == ("leaders of the city 's unions", ["Mayor Ortiz"])
    # nobody gives it: no attribution of it
    assert "criticism" not in proposed(extractor, "The harbour deal drew criticism.")


def test_according_to_a_source_before_a_dash_aside(extractor: Any) -> None:
    text = (
        "The levy would raise only $1.1 million over the next decade, according to the Harbour"
        " Policy Center - half of what the council expected."
    )
    att = pick(extractor, text, cue="according to")
    assert att["source"] == "the Harbour Policy Center"
    assert att["content"] == ["The levy would raise only $1.1 million over the next decade"]
    assert att["speaker"] == "the Harbour Policy Center"


def test_to_after_a_noun_of_stance_is_what_it_is_about(extractor: Any) -> None:
    found = proposed(extractor, "Many council members were firm in their opposition to the levy.")
    assert found["opposition to"] == ("their", ["the levy"])
    # "a letter to the council" is addressed to it, not about it
    found = proposed(extractor, "Ortiz sent a letter to the council about the levy.")
    assert "letter to" not in found


def test_an_inverted_cue_after_words_the_parser_did_not_make_its_clause(extractor: Any) -> None:
    text = (
        'The closure of the harbour signals "the beginning of the end" for the town, said Maria'
        " Lindqvist, head of the harbour board."
    )
    att = pick(extractor, text, cue="said")
    assert att["content"] == [text[: text.index(", said")]]
    assert att["source"] == "Maria Lindqvist, head of the harbour board"


def test_shot_back_answers_with_the_quotation(extractor: Any) -> None:
    text = 'After Hale criticized her budget, Ortiz shot back, "I balanced it twice."'
    att = pick(extractor, text, cue="shot back")
    assert (att["source"], att["content"]) == ("Ortiz", ['"I balanced it twice."'])
    att = pick(extractor, '"This is nonsense," the mayor fired back.', cue="fired back")
    assert att["source"] == "the mayor"


def test_as_someone_told_someone_frames_the_sentence(extractor: Any) -> None:
    text = "As Ortiz told the Harbour Gazette, the levy pays for the new pier."
    att = pick(extractor, text, cue="told")
    assert att["source"] == "Ortiz"
    assert att["content"][0].startswith("the levy pays for the new pier")
    assert att["addressee"] == "the Harbour Gazette"


def test_a_content_the_parser_ends_before_its_quotation_runs_into_it(extractor: Any) -> None:
    text = 'The mayor also defended the new curfew -- "We had no other choice."'
    att = pick(extractor, text, cue="also defended")
    assert att["content"] == ['the new curfew -- "We had no other choice."']
    assert att["kind"] == "mixed"
    text = (
        'Councillor Baptiste, who argued that families leaving the valley "cannot come back in'
        ' time" but tourists from the coast "can drive in so easily," lost the vote.'
    )
    att = pick(extractor, text, cue="argued")
    assert att["content"][0] == 'that families leaving the valley "cannot come back in time"'
    assert att["speaker"] == "Baptiste"


def test_a_programme_after_on_is_where_it_was_said_not_what(extractor: Any) -> None:
    text = 'Okafor stated on NBC\u2019s \u201cMeet the Press\u201d that the harbour levy "was dead."'
    att = only(extractor, text)
    assert att["cue"] == "stated"
    assert att["content"] == ['that the harbour levy "was dead."']
    assert att["addressee"] == "NBC\u2019s Meet the Press"


def test_a_title_case_headline_is_not_one_long_name(extractor: Any) -> None:
    text = (
        "Harbour Council Promises Action On Flooding In First 100 Days\n\n"
        'The council said the plan was "ready."'
    )
    att = pick(extractor, text, cue="said")
    assert att["speaker"] == "Harbour Council"
    assert all("Promises" not in (a["speaker"] or "") + (a["addressee"] or "") for a in run(extractor, text))


def test_a_participle_after_a_statement_has_the_one_who_made_it_as_source(extractor: Any) -> None:
    found = proposed(extractor, 'The Harbour Party issued a statement saying the levy was "a disgrace."')
    assert found["saying"] == ("The Harbour Party", ['the levy was "a disgrace."'])
    found = proposed(extractor, "On Monday her letter urging the council to act was read aloud.")
    assert found["urging"][0] == "her"
    # a participle after a clause keeps no source of its own (FORMAT.md)
    found = proposed(extractor, 'Lindqvist spoke to reporters, saying the plan "will work."')
    assert found["saying"][0] == ""


def test_a_verb_of_saying_that_opens_the_sentence_names_the_speaker_after_it(extractor: Any) -> None:
    text = 'Ortiz spoke at length.\n\nStated Ortiz:\n\n"The harbour levy is dead."'
    att = pick(extractor, text, cue="Stated")
    assert (att["source"], att["speaker"]) == ("Ortiz", "Ortiz")
    assert att["content"] == ['"The harbour levy is dead."']
    att = pick(extractor, 'The mayor spoke first. Added Lindqvist, "We will not stop."', cue="Added")
    assert (att["source"], att["speaker"]) == ("Lindqvist", "Lindqvist")


def test_an_outlet_after_a_possessive_mark_keeps_its_whole_name(extractor: Any) -> None:
    att = pick(extractor, "Ortiz told CBS\u2019 Face the Harbour that the levy was dead.", cue="told")
    assert att["addressee"] == "CBS\u2019 Face the Harbour"
    text = "In an interview with CBS\u2019 Face the Harbour, Ortiz said the levy was dead."
    att = pick(extractor, text, cue="said")
    assert (att["addressee"], att["speaker"]) == ("CBS\u2019 Face the Harbour", "Ortiz")


def test_a_participle_aside_after_the_source_is_no_part_of_it(extractor: Any) -> None:
    att = pick(extractor, "Ortiz, speaking at a rally in Dover, said the levy was dead.", cue="said")
    assert att["source"] == "Ortiz"
    att = pick(extractor, "Several councillors, including Ortiz, said the levy was dead.", cue="said")
    assert att["source"] == "Several councillors, including Ortiz"


def test_a_second_verb_the_parser_hung_on_the_object_is_a_statement_of_its_own(extractor: Any) -> None:
    text = 'He called it "shameful" and called on councillors "not to feed that dark impulse."'
    first = pick(extractor, text, cue="called", source="He")
    assert first["content"] == ['it "shameful"']
    second = pick(extractor, text, content=['"not to feed that dark impulse."'])
    assert second["source"] == "He"


def test_a_quoted_fragment_inside_another_verbs_words_is_no_direct_quote_of_the_cue(extractor: Any) -> None:
    text = (
        "He added that praising the old council was like saying the other team ''scored 19 runs"
        " in the first inning, but after that, we played pretty well.''"
    )
    att = pick(extractor, text, cue="added")
    assert att["kind"] == "mixed"
    assert att["content"][0].startswith("that praising the old council")


def test_a_name_the_parser_made_a_subject_of_its_who_aside_is_the_source(extractor: Any) -> None:
    text = (
        "Lindqvist chairs two committees. Ortiz, meanwhile, who sits on no committees, said that the"
        ' rules favour the "old guard."'
    )
    att = pick(extractor, text, cue="said")
    assert (att["source"], att["speaker"]) == ("Ortiz", "Ortiz")


def test_according_to_between_an_opener_and_its_clause_takes_both(extractor: Any) -> None:
    text = "For the mayor, according to her former deputy Ann Brook, the big thing was to look strong."
    att = pick(extractor, text, cue="according to")
    assert att["source"] == "her former deputy Ann Brook"
    assert att["content"] == ["For the mayor", "the big thing was to look strong"]
    # a clause before it is what the source says; what follows "and" is the writer's
    text = "The levy raised $2 million, according to the council, and the rest came from grants."
    att = pick(extractor, text, cue="according to")
    assert att["content"] == ["The levy raised $2 million"]


def test_a_verb_inside_the_asides_of_a_name_after_a_quotation_is_no_bar(extractor: Any) -> None:
    text = "''Nobody listened to us back then,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass., said."
    att = pick(extractor, text, cue="said")
    assert att["source"] == "Mr. Daniloff, now 81 and retired in Cambridge, Mass."
    assert att["speaker"] == "Daniloff"


def test_a_sentence_verb_hung_on_a_name_past_a_participle_aside_has_the_name_as_source(
    extractor: Any,
) -> None:
    text = "De Blasio, speaking at a rally, called Trump a \u201cfraud,\u201d and said the plan was wrong."
    att = pick(extractor, text, cue="called")
    assert (att["source"], att["content"]) == ("De Blasio", ["Trump a \u201cfraud,\u201d"])
    # a name given by a participle is still no one's words
    found = proposed(extractor, "The council passed a measure called the Harbour Act.")
    assert found["called"] == ("", ["a measure", "the Harbour Act"])


def test_the_subject_of_what_was_said_hung_on_the_verb_of_saying_stays_in_the_content(
    extractor: Any,
) -> None:
    text = (
        'Dana Lopez, the author of "Lost Roads," said the days when towns had "a shared main street" '
        "and a single diner are gone."
    )
    att = pick(extractor, text, cue="said")
    assert att["speaker"] == "Dana Lopez"
    assert att["content"] == ['the days when towns had "a shared main street" and a single diner are gone']


def test_a_programme_title_the_parser_read_as_a_verb_is_where_it_was_said(extractor: Any) -> None:
    for text in (
        "Mr. Okafor, who had addressed the city council on Thursday, said on NBC's ''Meet the Press'' "
        "on Sunday that Mr. Lee had shown disrespect to his family.",
        "Mr. Okafor said on NBC's \u201cMeet the Press\u201d on Sunday that Mr. Lee had shown disrespect "
        "to his family.",
    ):
        att = pick(extractor, text, speaker="Okafor")
        assert (att["kind"], att["cue"]) == ("indirect", "said")
        assert att["content"] == ["that Mr. Lee had shown disrespect to his family"]
        assert att["addressee"] == "NBC's Meet the Press"


def test_a_verb_of_quoting_the_parser_read_as_a_noun_still_cues_the_quotation(extractor: Any) -> None:
    text = (
        "\u201cYou seem to have picked a new rule out of thin air,\u201d the two write. "
        "\u201cWe do not understand the need.\u201d"
    )
    att = only(extractor, text)
    assert (att["kind"], att["cue"], att["source"]) == ("direct", "write", "the two")
    assert len(att["content"]) == 2


def test_a_quotation_that_is_its_sentence_predicate_takes_the_cue_after_it(extractor: Any) -> None:
    text = (
        "The event \u201cwas the first time I walked away with the idea that maybe it\u2019s not as simple "
        "as, \u2018He\u2019s the boss,\u2019\u201d Baker said in an interview. "
        "\u201cI\u2019m starting to wonder who is in charge.\u201d"
    )
    att = pick(extractor, text, cue="said")
    assert att["speaker"] == "Baker"
    assert att["content"] == [
        "The event \u201cwas the first time I walked away with the idea that maybe it\u2019s not as simple "
        "as, \u2018He\u2019s the boss,\u2019\u201d",
        "\u201cI\u2019m starting to wonder who is in charge.\u201d",
    ]


def test_a_statement_that_says_something_has_its_maker_as_source(extractor: Any) -> None:
    text = "The campaign released a video that said the senator \u201ccannot be trusted.\u201d"
    att = pick(extractor, text, cue="said")
    assert att["source"] == "The campaign"
    text = "The Ledger recently ran a piece that noted the plan would cost more than promised."
    att = pick(extractor, text, cue="noted")
    assert att["source"] == "The Ledger"
    # a statement owned by a pronoun: the subject who issued it
    found = proposed(extractor, "She revised her statement explaining that she had not sent the emails.")
    assert found["explaining"][0] == "She"


def test_a_question_hung_on_a_verb_of_asking_as_an_adverbial_clause_is_its_content(
    extractor: Any,
) -> None:
    text = "Asked if she believed the rival wanted Lee to win, Clinton said she did not know."
    att = pick(extractor, text, cue="Asked")
    assert att["content"] == ["if she believed the rival wanted Lee to win"]


def test_yes_no_or_so_after_a_verb_of_saying_is_the_answer_given(extractor: Any) -> None:
    text = "Asked about the plan, 72 percent of Democrats said yes, while 26 percent said no."
    found = [(a["source"], a["content"]) for a in run(extractor, text) if a["cue"] == "said"]
    assert found == [("72 percent of Democrats", ["yes"]), ("26 percent", ["no"])]
    att = pick(extractor, "He said no to the war.", cue="said")
    assert att["content"] == ["no to the war"]


def test_a_statement_and_the_verb_that_reports_its_words_are_one_attribution(extractor: Any) -> None:
    text = 'Trump issued a statement saying that Scalia was "a remarkable person."'
    att = only(extractor, text)
    assert (att["cue"], att["source"]) == ("saying", "Trump")
    text = (
        "Trump posted a message on Twitter reading \u201cThank you Georgia\u201d moments after polls closed."
    )
    att = only(extractor, text)
    assert (att["cue"], att["content"]) == ("reading", ["\u201cThank you Georgia\u201d"])


def test_a_quoted_name_given_by_a_participle_is_no_ones_words(extractor: Any) -> None:
    text = 'His campaign broadcast a short film called "Tenemos Familias" on Sunday.'
    assert all(a["kind"] != "direct" for a in run(extractor, text))
    # one who calls it so still says it
    att = pick(extractor, 'Cruz, whom Trump has called "Lyin Ted," answered.', kind="direct")
    assert att["source"] == "Trump"


def test_a_closing_according_to_is_no_part_of_the_words_it_attributes(extractor: Any) -> None:
    text = 'On Monday, Lee said he was "happy to see" that Khan was voted in, according to The Ledger.'
    found = proposed(extractor, text)
    assert found["said"][1] == ['he was "happy to see" that Khan was voted in']


def test_a_noun_of_saying_owned_by_a_pronoun_is_held_by_the_subject_of_its_verb(extractor: Any) -> None:
    found = proposed(extractor, "Trump continued his attacks against Curiel on Sunday.")
    assert found["attacks against"][0] == "Trump"
    # not through a preposition
    found = proposed(extractor, "Senators were vocal in their criticism of the plan.")
    assert found["criticism of"][0] == "their"


def test_a_quotation_mark_typed_against_the_cue_still_opens_the_quotation(extractor: Any) -> None:
    text = "Ryan said,\u201cLook, these images have no place in a campaign. The tweet is deleted.\u201d"
    att = only(extractor, text)
    assert (att["kind"], att["cue"], att["source"]) == ("direct", "said", "Ryan")
    assert att["content"] == [text[text.index("\u201c") :]]


def test_the_object_of_the_verb_an_infinitive_completes_is_its_source(extractor: Any) -> None:
    text = "This has led many experts to suspect that the release would come later."
    att = pick(extractor, text, cue="to suspect")
    assert att["source"] == "many experts"
    # not when the object is a means: "used his speech to call for …"
    found = proposed(extractor, "Ramos used his acceptance speech to call for the resignation of the mayor.")
    assert next(v for k, v in found.items() if k.endswith("to call for"))[0] == "Ramos"


def test_a_share_of_people_the_parser_left_without_its_verb_is_the_source(extractor: Any) -> None:
    text = "About 4 in 10 say they want the next president to have more liberal policies."
    att = pick(extractor, text, cue="say")
    assert att["source"] == "About 4 in 10"
    # an adverb of time is no one
    found = proposed(extractor, "He vowed to cut taxes, and most recently defended the use of the image.")
    assert found["recently defended"][0] == "He"


def test_a_finite_verb_joined_to_an_infinitive_shares_the_sentence_subject(extractor: Any) -> None:
    text = (
        "During the 2012 election, Mitt Romney largely ran on his ability to jolt the economic recovery "
        "into hyperdrive and accused Obama of bungling the rehabilitation."
    )
    found = proposed(extractor, text)
    assert found["accused"][0] == "Mitt Romney"


def test_a_verb_in_a_series_hung_on_the_object_before_it_shares_the_subject(extractor: Any) -> None:
    text = "The court rejected both objections, ruled Cruz eligible and ordered that his name be certified."
    found = proposed(extractor, text)
    assert found["ruled"][0] == "The court"
    assert found["ordered"] == ("The court", ["that his name be certified"])
    assert found["rejected"][1] == ["both objections"]


def test_a_passive_verb_of_saying_reports_its_subject(extractor: Any) -> None:
    found = proposed(extractor, "News of the move was first reported by the Miami Herald.")
    assert found["was first reported"] == ("the Miami Herald", ["News of the move"])
    found = proposed(extractor, "The compromise of the computers had been previously reported.")
    assert found["had been previously reported"] == ("", ["The compromise of the computers"])


def test_a_verb_and_the_cue_of_its_infinitive_are_one_attribution(extractor: Any) -> None:
    att = only(extractor, "Sexton was quick to point out that not all Trump supporters espoused such views.")
    assert (att["cue"], att["source"]) == ("was quick to point out", "Sexton")
    assert att["content"] == ["that not all Trump supporters espoused such views"]


def test_a_parenthetical_cue_hung_on_an_auxiliary_reports_the_whole_clause(extractor: Any) -> None:
    text = (
        "Even then, he said, he\u2019s learned enough about the mayor that he\u2019s fairly sure he "
        "can\u2019t back her."
    )
    att = pick(extractor, text, cue="said")
    assert att["content"] == [
        "Even then",
        "he\u2019s learned enough about the mayor that he\u2019s fairly sure he can\u2019t back her.",
    ]


def test_a_verb_read_as_a_plural_noun_has_the_name_before_it_as_source(extractor: Any) -> None:
    att = pick(
        extractor, "Trump estimates that he spent $50 million on the race so far, supplemented by donations."
    )
    assert (att["cue"], att["source"], att["speaker"]) == ("estimates", "Trump", "Trump")
    text = (
        "Publicly, the GOP nominee feuds with his party\u2019s biggest national stars and dismisses the "
        "advice of his aides."
    )
    assert pick(extractor, text, cue="dismisses")["source"] == "the GOP nominee"


def test_the_surname_will_read_as_a_modal_is_the_source(extractor: Any) -> None:
    text = (
        "George Will is a columnist. In particular, Will wrote, Holt can beat Dunn. While Will "
        "acknowledges Dunn\u2019s appeal as a \u201cforceful persona,\u201d he prefers Holt."
    )
    for cue in ("wrote", "acknowledges"):
        att = pick(extractor, text, cue=cue)
        assert (att["source"], att["speaker"]) == ("Will", "George Will")
    # the parser's participle after "Will" ("Will wrote" read as "will written"), not a question
    text = "\u201cThat might speed the end of Dunn, Ortiz and above all Holt,\u201d Will wrote."
    assert [(a["cue"], a["source"]) for a in run(extractor, text)] == [("wrote", "Will")]
    assert all(a["source"] != "Will" for a in run(extractor, "Will written rules help?"))


def test_the_subject_before_an_age_an_aside_or_a_parenthesis_is_found(extractor: Any) -> None:
    att = pick(
        extractor, "As a part of his plea, Marek Lazlo Barta, 44, said that he stole from nearly 100 people."
    )
    assert (att["source"], att["speaker"]) == ("Marek Lazlo Barta, 44", "Marek Lazlo Barta")
    text = (
        "Speaking in Harlem, Margaret Holt, without naming him, also accused Dunn of being a latecomer "
        "to the issue."
    )
    assert pick(extractor, text, cue="also accused")["speaker"] == "Margaret Holt"
    text = (
        "Few politicians would ever admit this, but Sen. Carl Dunn (a Dover Democrat so boyish he has "
        "been mistaken for a junior staffer) says he was unfocused."
    )
    assert pick(extractor, text, cue="says")["speaker"] == "Carl Dunn"


def _parsed(extractor: Any, rows: list[tuple[str, str, str, str, int]]) -> Any:
    """A doc with the parse given row by row (word, tag, pos, dependency, head): the parser's
    mistakes reproduced exactly, whatever the model makes of the words."""
    from spacy.tokens import Doc

    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))]
    return Doc(
        extractor.nlp.vocab,
        words=words,
        spaces=spaces,
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )


def test_the_subject_before_a_participle_aside_with_commas_of_its_own_is_found(extractor: Any) -> None:
    from onrecord.stages.finder import Finder

    # "Okafor, speaking later at a rally in Dayton, Ohio, did not mention Dunn.", parsed as the
    # parser sometimes does: the name an adverbial clause, the verb without a subject
    rows = [
        ("Okafor", "NNP", "PROPN", "advcl", 14),
        (",", ",", "PUNCT", "punct", 0),
        ("speaking", "VBG", "VERB", "advcl", 14),
        ("later", "RB", "ADV", "advmod", 2),
        ("at", "IN", "ADP", "prep", 2),
        ("a", "DT", "DET", "det", 6),
        ("rally", "NN", "NOUN", "pobj", 4),
        ("in", "IN", "ADP", "prep", 6),
        ("Dayton", "NNP", "PROPN", "pobj", 7),
        (",", ",", "PUNCT", "punct", 8),
        ("Ohio", "NNP", "PROPN", "appos", 8),
        (",", ",", "PUNCT", "punct", 8),
        ("did", "VBD", "AUX", "aux", 14),
        ("not", "RB", "PART", "neg", 14),
        ("mention", "VB", "VERB", "ROOT", 14),
        ("Dunn", "NNP", "PROPN", "dobj", 14),
        (".", ".", "PUNCT", "punct", 14),
    ]
    doc = _parsed(extractor, rows)
    subject = Finder._aside_subject(doc[14], [-1] * len(doc))
    assert subject is not None and subject.text == "Okafor"


def test_the_one_who_acts_holds_the_stance_a_noun_after_a_preposition_names(extractor: Any) -> None:
    text = "The council's Republican majority voted to end the debate and voted in favor of the bill."
    assert pick(extractor, text, cue="favor of")["source"] == "The council's Republican majority"
    att = pick(extractor, "Holt released a statement in opposition to the harbor deal last week.")
    assert (att["cue"], att["source"]) == ("opposition to", "Holt")
    att = pick(extractor, "Warren roused the crowd with criticism of the developer.")
    assert (att["cue"], att["source"]) == ("criticism of", "Warren")
    att = pick(extractor, "Reyes has been touring the state in hopes of winning over undecided voters.")
    assert (att["cue"], att["source"]) == ("hopes of", "Reyes")
    # the ones who support are no holders of their own support
    att = pick(extractor, "That popularity extends to Democratic supporters of Dunn.")
    assert att["source"] == ""


def test_a_past_tense_read_as_a_participle_of_someone_named_has_them_as_source(extractor: Any) -> None:
    text = 'The board voted to ban the show; one councillor called Okafor "the king of empty promises."'
    att = pick(extractor, text, cue="called")
    assert (att["source"], att["content"]) == ("one councillor", ['Okafor "the king of empty promises."'])
    # a name given is no one's words
    att = pick(extractor, 'The hacker known as "Lynx" was arrested.', cue="known as")
    assert att["source"] == ""


def test_a_place_named_after_someone_brings_no_one_into_the_article(extractor: Any) -> None:
    text = (
        "Speaking to reporters at the White House James S. Brady briefing room Sunday, the president "
        'framed the attack as an act of terror. "We stand together," he said.'
    )
    assert pick(extractor, text, cue="said")["speaker"] is None


def test_the_first_verb_of_a_series_hung_on_the_next_lends_it_its_subject(extractor: Any) -> None:
    text = (
        "Okafor jokingly offered the man a job as Secretary of Defense, then says he\u2019ll welcome "
        "advice from anyone who wants to talk to him."
    )
    assert pick(extractor, text, cue="says")["source"] == "Okafor"


def test_a_name_after_an_opening_phrase_is_the_subject_of_both_its_verbs(extractor: Any) -> None:
    text = (
        "At a June campaign event in St. Clairsville, Ohio, 62-year-old Margaret Holt also railed "
        "against the council, and explained how much it upset her to hear them speak."
    )
    for cue in ("also railed against", "explained"):
        att = pick(extractor, text, cue=cue)
        assert (att["source"], att["speaker"]) == ("62-year-old Margaret Holt", "Margaret Holt")


def test_a_share_of_people_before_the_verb_is_its_source_not_its_cue(extractor: Any) -> None:
    att = pick(extractor, "Two-thirds support reducing the fines for people convicted of parking offenses.")
    assert (att["cue"], att["source"]) == ("support", "Two-thirds")
    att = pick(extractor, "On economic issues, more call themselves conservative (38%) than liberal (33%).")
    assert (att["cue"], att["source"], att["addressee"]) == ("call", "more", None)


def test_a_content_the_parser_ended_early_reaches_the_quotation_closing_its_sentence(extractor: Any) -> None:
    text = (
        'Holt added that she could live without owning a Gulfstream 650 but it was a "real comfort to have."'
    )
    att = pick(extractor, text, cue="added")
    assert att["kind"] == "mixed"
    assert att["content"] == [
        'that she could live without owning a Gulfstream 650 but it was a "real comfort to have."'
    ]
    # not over another statement's cue: the crowd's words stay the crowd's
    text = 'Okafor said the wall would rise, at which point the crowd chanted "Build the wall!"'
    assert pick(extractor, text, cue="said")["content"] == ["the wall would rise"]
    # the comma right after where the parser ended it is no other statement's word
    text = "Okafor said the bid came in late, but \u201cthe rules were plain to everyone.\u201d"
    assert pick(extractor, text, cue="said")["content"] == [text[text.index("the bid") :]]


def test_an_office_of_a_place_gives_its_holder_the_title(extractor: Any) -> None:
    # "Secretary of State Ann Ware": "the secretary" is Ware, and "State" is no part of her name
    for office, name in (
        ("Secretary of State Ann Ware", "Ann Ware"),
        ("Oregon Secretary of State Ann Lundy Ware", "Ann Lundy Ware"),
    ):
        text = (
            f"{office} defended the count on Tuesday. Bob Tillman, a party official, "
            'disagreed with the plan. "The count was fair and complete," the secretary of state said.'
        )
        assert pick(extractor, text, source="the secretary of state")["speaker"] == name
        assert pick(extractor, text, cue="defended")["speaker"] == name


def test_a_day_after_the_verb_is_when_not_whom_and_the_infinitive_is_what(extractor: Any) -> None:
    text = "Holm promised Sunday at a dinner in Provo to fix \u201cthe broken permit system.\u201d"
    att = pick(extractor, text)
    assert att["content"] == ["to fix \u201cthe broken permit system.\u201d"]
    assert att["addressee"] is None
    # an infinitive the parser hung as an adverbial clause: "called for X to resign"
    att = pick(extractor, "Holm called for the mayor to resign.", cue="called")
    assert att["content"] == ["for the mayor to resign"]


def test_a_name_before_a_long_aside_the_parser_left_loose_is_the_subject(extractor: Any) -> None:
    text = (
        "\u201cGreat crew, great crew this one,\u201d Baxter, the party favourite statewide and current"
        " leader in the county by a wide margin after winning the caucuses, said when Ortiz asked him"
        " a question."
    )
    att = pick(extractor, text, cue="said")
    assert (att["source"].split(",")[0], att["speaker"]) == ("Baxter", "Baxter")
    assert pick(extractor, text, cue="asked")["addressee"] == "Baxter"


def test_markup_left_in_a_text_is_no_one_s_words(extractor: Any) -> None:
    text = (
        'Supporters posted the map.\n\n<tweet id="7711565" author="@cityhall" datetime="2016-09-01">'
        "Aide Dana Ruiz told me the map breaks the rules</tweet>.\n\nThe campaign did not reply."
    )
    att = pick(extractor, text, cue="told")
    # the spans are read from the text as given, so its offsets are the text's
    assert att["source"] == "Aide Dana Ruiz"
    assert att["content"] == ["the map breaks the rules"]


def test_a_dateline_is_no_one_s_source_or_name(extractor: Any) -> None:
    text = (
        "CEDAR FALLS, Iowa - Dana Holt tried here last week to reassure farmers, and said she would "
        "fight for them."
    )
    att = pick(extractor, text, cue="said")
    assert (att["source"], att["speaker"]) == ("Dana Holt", "Dana Holt")
    # a dateline taken into one name with a first name the lexicon does not know
    text = 'CLEVELAND - Dana Okafor said on Monday that the plant would close. "We will fight," she said.'
    assert [a["speaker"] for a in run(extractor, text)] == ["Dana Okafor", "Dana Okafor"]
    # a dateline the recogniser took for a person is no one a pronoun refers to
    text = 'CEDAR FALLS, Iowa - Farmers came out in the cold. "We will win," she said.'
    assert pick(extractor, text, cue="said")["speaker"] is None
    # an abbreviation after the dash ("U.S. District Judge …") and a common noun hung on
    # the dateline ("RANGOON, Burma - her allies …")
    text = "JACKSON, Miss. - U.S. District Judge Carla W. Reeves said Friday that the law was void."
    assert pick(extractor, text, cue="said")["source"] == "U.S. District Judge Carla W. Reeves"
    text = "RANGOON, Burma - Aung San Suu Kyi's political allies on Monday predicted a victory."
    assert not pick(extractor, text, cue="predicted")["source"].startswith("RANGOON")
    # a hyphen inside a name is no dateline's dash, and capitals before a dash no dateline
    text = "MSNBC reporter Alex Seitz-Wald tweeted the transcript of the exchange."
    assert pick(extractor, text, cue="tweeted")["source"] == "MSNBC reporter Alex Seitz-Wald"
    text = "EU leaders - Ann Ware among them - said the summit had failed."
    assert pick(extractor, text, cue="said")["source"].startswith("EU leaders")
    # a group named after a dateline has every member and no place
    text = "MOUNT HOPE, Ohio - Dana Holt, Ann Ware and Paul Okafor all said the plant would close."
    att = next(a for a in extractor.extract(text) if a.cue_text(text) == "said")
    assert att.speaker is not None and att.speaker.members == ("Dana Holt", "Ann Ware", "Paul Okafor")
    assert "Ohio" not in (att.speaker.description or "")


def test_a_subject_the_parser_misread_as_part_of_the_verb_is_found(extractor: Any) -> None:
    # a relative clause that ends right before the verb: its noun is the subject
    text = (
        "Although there is no such overlap with Dunn's team, a city official who spoke anonymously "
        'to discuss internal planning said Wednesday, "Certainly there are talks with the mayor."'
    )
    att = pick(extractor, text, cue="said")
    assert att["source"] == "a city official who spoke anonymously to discuss internal planning"
    # a surname in "-ly" read as an adverb is the source, and no part of the cue
    found = run(
        extractor, "Okafor praised his staff. And Skelly called Braynard \u201ca real smart guy.\u201d"
    )
    assert [(a["cue"], a["source"], a["speaker"]) for a in found if "called" in a["cue"]] == [
        ("called", "Skelly", "Skelly")
    ]
    # an adverb in "-ly" with a capital letter by mistake is no one
    text = "The crowd cheered. But Finally called the result fair."
    assert all(a["source"] != "Finally" for a in run(extractor, text))
    # a name read as a compound of the verb after it
    text = (
        "The reporter kept asking about the permits.\n\n\u201cGet out of here,\u201d Trump barked and "
        "a guard escorted the reporter out."
    )
    assert pick(extractor, text, cue="barked")["source"] == "Trump"


def test_a_name_whose_verb_the_parser_made_its_relative_clause_is_the_source(extractor: Any) -> None:
    from onrecord.stages.finder import Finder

    # "Mayor Ann Ware, the city's senior official, on Tuesday called the plan reckless.", parsed
    # as the parser sometimes does: the verb a relative clause of the name, with no "who"
    rows = [
        ("Mayor", "NNP", "PROPN", "compound", 2),
        ("Ann", "NNP", "PROPN", "compound", 2),
        ("Ware", "NNP", "PROPN", "ROOT", 2),
        (",", ",", "PUNCT", "punct", 2),
        ("the", "DT", "DET", "det", 5),
        ("city", "NN", "NOUN", "poss", 8),
        ("'s", "POS", "PART", "case", 5),
        ("senior", "JJ", "ADJ", "amod", 8),
        ("official", "NN", "NOUN", "appos", 2),
        (",", ",", "PUNCT", "punct", 2),
        ("on", "IN", "ADP", "prep", 12),
        ("Tuesday", "NNP", "PROPN", "pobj", 10),
        ("called", "VBN", "VERB", "relcl", 2),
        ("the", "DT", "DET", "det", 14),
        ("plan", "NN", "NOUN", "dobj", 12),
        ("reckless", "JJ", "ADJ", "oprd", 12),
        (".", ".", "PUNCT", "punct", 2),
    ]
    doc = _parsed(extractor, rows)
    source, subject = Finder()._source(doc[12], [-1] * len(doc))
    assert " ".join(doc[i].text for i in source) == "Mayor Ann Ware , the city 's senior official"
    assert subject == 2


def test_a_name_the_parser_hung_on_a_dateline_is_the_subject(extractor: Any) -> None:
    from onrecord.stages.finder import unseat_datelines

    # "MOUNT HOPE, Iowa - Dana Holt continued her attack.": the place the subject, the name its
    # apposition
    rows = [
        ("MOUNT", "NNP", "PROPN", "compound", 1),
        ("HOPE", "NNP", "PROPN", "nsubj", 8),
        (",", ",", "PUNCT", "punct", 1),
        ("Iowa", "NNP", "PROPN", "compound", 6),
        ("-", ":", "PUNCT", "punct", 6),
        ("Dana", "NNP", "PROPN", "compound", 6),
        ("Holt", "NNP", "PROPN", "appos", 1),
        ("then", "RB", "ADV", "advmod", 8),
        ("continued", "VBD", "VERB", "ROOT", 8),
        ("her", "PRP$", "PRON", "poss", 10),
        ("attack", "NN", "NOUN", "dobj", 8),
        (".", ".", "PUNCT", "punct", 8),
    ]
    doc = _parsed(extractor, rows)
    unseat_datelines(doc)
    assert [(t.text, t.dep_) for t in doc[8].children if t.dep_ == "nsubj"] == [("Holt", "nsubj")]
    assert doc[1].dep_ == "npadvmod"


def test_a_cue_the_parser_left_without_the_clause_before_it_takes_that_clause(extractor: Any) -> None:
    # joined to the clause before it as a second verb
    text = (
        "The company built the tool to help in emergencies, a spokeswoman, Ann Ware, said on "
        "Saturday, and it has used it five times this year."
    )
    att = pick(extractor, text, cue="said")
    assert (att["source"], att["content"]) == (
        "a spokeswoman, Ann Ware",
        ["The company built the tool to help in emergencies"],
    )
    # closing a sentence the parser ended at the comma before its subject
    text = (
        "Most students repay on time, he said.\n\n"
        'Those who take on heavy debt struggle, even with a "good" job, he said.'
    )
    att = pick(extractor, text, kind="mixed")
    assert att["content"] == ['Those who take on heavy debt struggle, even with a "good" job']
    # an opening phrase is no statement: what follows the verb is
    text = "In a speech last July, Holt said that the mill would reopen."
    assert [a["content"] for a in run(extractor, text)] == [["that the mill would reopen"]]
    assert run(extractor, "When the vote came, he said.") == []
    # a statement that opens with a phrase of its own is one
    text = "After the flood, many residents left for good, she said."
    assert pick(extractor, text, cue="said")["content"] == ["After the flood, many residents left for good"]


def test_a_clause_hung_on_the_verb_across_a_comma_leaves_the_quotation_its_cue(extractor: Any) -> None:
    text = (
        "''What does that mean, he kept the city safe?'' Mr. Holt asked, repeating a charge - that the "
        "mayor was to blame for the flood - that he has made before."
    )
    att = pick(extractor, text, cue="asked")
    assert (att["kind"], att["source"]) == ("direct", "Mr. Holt")
    assert att["content"] == ["''What does that mean, he kept the city safe?''"]


def test_addressees_of_speaking_with_and_of_what_is_made_or_offered_to_someone(extractor: Any) -> None:
    cases = [
        ('"It is my job to relay what is public," Santilli says to the camera.', "says", "the camera"),
        (
            "Paul Holt offered an olive branch to the party officials at the start.",
            "offered",
            "the party officials",
        ),
        (
            "Ben Okafor, speaking with the Daily Ledger editorial board, called the delay a reason to act.",
            "called",
            "the Daily Ledger editorial board",
        ),
        ("Holt hopes to make the case to women that he would be a better choice.", "hopes to make", "women"),
    ]
    for text, cue, addressee in cases:
        assert pick(extractor, text, cue=cue)["addressee"] == addressee, text


def test_according_to_after_a_colon_opens_a_clause_of_its_own(extractor: Any) -> None:
    text = (
        "It has not gone unnoticed: According to recent polls, Okafor holds only 14 percent of the "
        "rural vote."
    )
    att = pick(extractor, text, cue="According to")
    assert (att["source"], att["content"]) == (
        "recent polls",
        ["Okafor holds only 14 percent of the rural vote"],
    )
    text = "The verdict was mixed; according to the county clerk, turnout fell."
    assert pick(extractor, text, cue="according to")["content"] == ["turnout fell"]


def test_a_verb_the_model_turned_down_does_not_come_back_for_the_quotation_in_its_object(
    extractor: Any,
) -> None:
    texts = [
        "City officials studied potential sites at three bases and a federal “supermax” prison last year.",
        "The mayor crushed the party’s “establishment” candidate to win a seat in the Senate.",
        "The Kazakh government is building a “dry port” at Khorgos with warehouses and cranes.",
    ]
    for text in texts:
        assert run(extractor, text) == [], text
    # a verb the model takes keeps its quotation
    att = only(extractor, "Holt openly admires Putin as a “strong leader”.")
    assert (att["cue"], att["speaker"], att["kind"]) == ("openly admires", "Holt", "mixed")


def test_phrases_that_link_sentences_are_not_statements(extractor: Any) -> None:
    for text in [
        "Ware could win enough delegates. That said, a loss to Holt in this state would hurt her.",
        "He could split the vote. That being said, Holt cannot realistically get enough delegates.",
        "Having said that, Holt cannot win.",
        "All told, the city spent $4 million on the plan.",
        "Needless to say, Holt cannot win.",
        "Truth be told, the plan failed.",
    ]:
        assert run(extractor, text) == [], text
    text = "Holt said that was wrong. He also said, “We will win.”"
    assert [a["cue"] for a in run(extractor, text)] == ["said", "also said"]
    # the same words when they do report something
    for text, source, content in [
        (
            "The memo was short. This said, in short, that the plan had failed.",
            "This",
            "that the plan had failed",
        ),
        ("The senators met. All said, “It failed.”", "All", "“It failed.”"),
    ]:
        att = pick(extractor, text, cue="said")
        assert (att["source"], att["content"]) == (source, [content]), text
    att = pick(extractor, "Having said that the plan was dead, Holt walked out.", cue="Having said")
    assert (att["content"], att["speaker"]) == (["that the plan was dead"], "Holt")


def test_a_source_the_parser_made_a_modifier_of_the_cue_is_still_the_source(extractor: Any) -> None:
    # "the editorial read" parsed as an adjective before the noun "read"
    text = (
        "That did not sit well with the editors of the Advocate. “If she wants to be the next mayor, "
        "Ware should act like one,” the editorial read."
    )
    att = pick(extractor, text, cue="read")
    assert (att["source"], att["kind"]) == ("the editorial", "direct")


def test_a_party_and_state_in_parentheses_go_with_the_name(extractor: Any) -> None:
    # a label whose parenthesis the tokenizer glues to the colon: "(R-S.C.):"
    for text in [
        'Rep. Paul Holt (R-S.C.): "I have not heard anyone other than you cite that figure."',
        'Rep. Paul Holt (R-S.C.):"I have not heard anyone other than you cite that figure."',
    ]:
        att = only(extractor, text)
        assert (att["cue"], att["source"], att["speaker"], att["kind"]) == (
            ":",
            "Rep. Paul Holt (R-S.C.)",
            "Paul Holt",
            "direct",
        ), text
    # "(D)" the parser made the head of the subject: the name is the speaker's
    att = pick(extractor, "Sen. Ann Ware (D) said the plan failed.", cue="said")
    assert (att["source"], att["speaker"]) == ("Sen. Ann Ware (D)", "Ann Ware")


def test_a_phrase_set_off_by_spaced_hyphens_or_bars_leaves_the_subject_to_its_verb(extractor: Any) -> None:
    text = (
        "In a previously unpublished interview with the Tribune - conducted last Wednesday at the "
        "mayor's estate in Palm Beach - Holt continued to assert that he never made contact with Ware."
    )
    att = pick(extractor, text, cue="continued to assert")
    assert (att["source"], att["speaker"]) == ("Holt", "Holt")
    text = (
        "Hastily politicizing the tragedy in Nice \u2015 much like he did after the attacks in Paris in "
        "January \u2015 Holt cast the blame on his rivals in the city, and emphasized the threat that "
        "crime poses to the town."
    )
    att = pick(extractor, text, cue="emphasized")
    assert (att["source"], att["speaker"]) == ("Holt", "Holt")


def test_a_name_run_on_across_a_comma_into_the_next_subject_is_cut_there(extractor: Any) -> None:
    att = pick(extractor, "After meeting Ware, Holt said he would wait.", cue="said")
    assert (att["source"], att["speaker"]) == ("Holt", "Holt")
    text = "Asked whether he would endorse Ware, Holt said he would wait."
    assert pick(extractor, text, cue="Asked")["addressee"] == "Holt"
    assert pick(extractor, text, cue="said")["speaker"] == "Holt"
    # a comma inside one name stays
    for name in ["Acme Holdings, Inc.", "Acme, Inc."]:
        att = pick(extractor, f"{name} said the plan failed.", cue="said")
        assert (att["source"], att["speaker"]) == (name, name)


def test_a_name_suffix_the_parser_made_the_subject_keeps_the_name(extractor: Any) -> None:
    att = pick(extractor, "Martin Luther King, Jr. said the plan failed.", cue="said")
    assert (att["source"], att["speaker"]) == ("Martin Luther King, Jr.", "Martin Luther King")


def test_a_cue_the_parser_joined_to_the_quoted_verb_keeps_the_name_before_its_aside(extractor: Any) -> None:
    text = (
        "''I had breakfast with Okafor,'' Marta Velloso, a Brazilian-American then working for the "
        "State Department, wrote in a June 2012 email to Mrs. Ware."
    )
    att = pick(extractor, text, cue="wrote")
    assert (att["speaker"], att["kind"]) == ("Marta Velloso", "direct")
    assert att["source"].startswith("Marta Velloso")


def test_the_name_after_a_relative_who_is_the_source_whatever_the_parse(extractor: Any) -> None:
    for text, name in [
        ("He met Dunn, whom Okafor on Wednesday called \u201ca horrible human being.\u201d", "Okafor"),
        ("He met Dunn, whom Rosa Okafor last week called \u201ca horrible human being.\u201d", "Rosa Okafor"),
    ]:
        att = pick(extractor, text, cue="called")
        assert (att["source"], att["speaker"]) == (name, name), text


def test_a_title_with_of_before_the_name_resolves_to_the_name(extractor: Any) -> None:
    text = (
        "At a press conference, Speaker of the House Rep. Dan Okafor (R-WI) said \u201canti-Semitic "
        "images have no place in a campaign.\u201d"
    )
    att = pick(extractor, text, cue="said")
    assert att["speaker"] == "Dan Okafor"


def test_a_short_quotation_inside_the_source_aside_is_neither_cue_breaker_nor_content(extractor: Any) -> None:
    text = (
        "\u201cWe\u2019ve had better conventions than this one,\u201d Texas delegate Bill Okafor, wearing a "
        "cowboy hat and \u201cRosa Ware\u201d campaign pins, said matter-of-factly as confetti fell."
    )
    att = pick(extractor, text, cue="said")
    assert att["content"] == ["\u201cWe\u2019ve had better conventions than this one,\u201d"]
    assert (att["speaker"], att["kind"]) == ("Bill Okafor", "direct")
    assert att["source"].startswith("Texas delegate Bill Okafor")


def test_the_subject_before_a_dashed_aside_and_a_name_read_as_an_adverb(extractor: Any) -> None:
    text = (
        "A representative for the Okafor brand - a small business pitched as \u201cthe home of the "
        "working family\u201d - noted that the company offers eight weeks of paid leave."
    )
    att = pick(extractor, text, cue="noted")
    assert att["source"] == "A representative for the Okafor brand"
    text = "Informed of the district\u2019s lean, Early described it as \u201cnews to me.\u201d"
    att = pick(extractor, text, cue="described")
    assert (att["source"], att["speaker"]) == ("Early", "Early")


def test_a_cue_after_a_long_aside_on_the_source_still_takes_the_quotation(extractor: Any) -> None:
    text = (
        "\u201cVery good reporter, very good reporter this guy,\u201d Okafor, the 2016 party frontrunner "
        "nationally and current polling leader in South Carolina by a wide margin after winning the New "
        "Hampshire primaries, said."
    )
    att = pick(extractor, text, cue="said")
    assert (att["kind"], att["speaker"]) == ("direct", "Okafor")


def test_a_pronoun_after_a_title_subject_refers_to_the_title_bearer(extractor: Any) -> None:
    text = (
        "President John Ware spoke on Sunday. His rival, Peter Holt, attacked him in a statement. Holt "
        "said the city was in danger, and Holt later repeated the charge on television.\n\n"
        "Speaking to reporters at the White House on Monday, the president framed the shooting as a "
        "moment of unity.\n\nHe did not mention the proposals. \u201cWe will not give in to fear,\u201d "
        "he said."
    )
    att = pick(extractor, text, kind="direct")
    assert (att["source"], att["speaker"]) == ("he", "John Ware")


def test_a_name_taken_for_an_organisation_is_a_person_by_its_age_or_its_appositive(extractor: Any) -> None:
    text = (
        "Then gunshots were fired into the crowd.\n\nMaryam Violet, an Iranian journalist visiting Nice on "
        "vacation, told the Guardian that she saw the truck.\n\n\u201cI saw that suddenly people were "
        "fleeing,\u201d she said."
    )
    assert pick(extractor, text, kind="direct")["speaker"] == "Maryam Violet"
    text = (
        "Holt said she had been treated unfairly. \u201cThe more the criticism mounted, the more determined "
        "she became,\u201d said a former spokesman.\n\nFiorina, 61, declined multiple requests for an "
        "interview for this article. When asked at the conference about the merger, she defended her "
        "decision. \u201cIf you are not leading, you are failing,\u201d she said."
    )
    assert (
        pick(extractor, text, content=["\u201cIf you are not leading, you are failing,\u201d"])["speaker"]
        == "Fiorina"
    )


def test_a_pronoun_after_as_for_is_the_topic_and_a_clause_subject_does_not_take_the_turn(
    extractor: Any,
) -> None:
    text = (
        "Holt warned against a brokered convention. \u201cIt would be a disaster,\u201d the senator said.\n\n"
        "As for Donald Ware, he said he is not worried. \u201cI think I am going to have the "
        "delegates,\u201d he said."
    )
    assert pick(extractor, text, kind="direct", source="he")["speaker"] == "Donald Ware"
    text = (
        "Ware said the party was strong. Holt has previously called out Ware.\n\nWare also did not exude "
        "confidence when Holt asked whether Republicans would hold the House.\n\n\u201cThis year is going "
        "to be unpredictable,\u201d he said."
    )
    assert pick(extractor, text, kind="direct")["speaker"] == "Ware"


def test_the_name_before_an_aside_of_time_is_the_source(extractor: Any) -> None:
    text = (
        "Holt spoke on Monday. Ware, hours after Holt attacked him on television, said he would "
        "\u201cnever back down.\u201d"
    )
    att = pick(extractor, text, cue="said")
    assert (att["source"], att["speaker"]) == ("Ware", "Ware")


def test_a_name_opening_its_sentence_is_its_subject_for_the_pronouns_after_it(extractor: Any) -> None:
    # the parser made "Obama" a modifier of the verb; "Christie's" an organisation
    text = (
        'Ted Nordhaus said: "No large economy has yet succeeded."\n\nAnd Obama, for all the progress '
        "he helped wrangle from world leaders, seems to agree. \"We don't yet know exactly what's going "
        'to work best," he said.'
    )
    assert pick(extractor, text, kind="direct", source="he")["speaker"] == "Obama"
    text = (
        "The fangs came out early in the debate, where Chris Christie lit into Marco Rubio for giving the "
        "same speech over and over again.\nChristie's been making the case for weeks that Rubio isn't "
        'ready for the White House. "You have not been involved in a consequential decision," he said.'
    )
    assert pick(extractor, text, kind="direct")["speaker"] == "Chris Christie"


def test_pronouns_find_names_in_appositives_examples_and_places_read_for_names(extractor: Any) -> None:
    # the name in apposition to an appositive ("his cousin James Austin")
    text = (
        "At my first stop, a pair of men were leaning on a gatepost. One of the men, Jessie Okafor, 70, "
        "had served in the Army and said he was convinced that the mayor would lead the city into ruin. "
        "The other man, his cousin James Austin, 40, cited the mayor's apparent fondness for developers "
        "as a potential danger. ''He's talking too much trash,'' he said."
    )
    assert pick(extractor, text, kind="direct")["speaker"] == "James Austin"
    # a name the recogniser took for a place, with a profession in apposition
    text = (
        "Inside the hall, Adel Nefzi said he and many others were trying to collect money. Dennis Gaskin, "
        'a retiree who worked at the plant, said the town was quiet. "We are a low-key small town," he '
        "said.\n\nNefzi, a chemistry professor and a member of the mosque's board, said he never saw the "
        'man interact with anyone. "It\'s our bad luck," he said.'
    )
    assert pick(extractor, text, content=['"It\'s our bad luck,"'])["speaker"] == "Nefzi"
    # the example a subject gives ("defenders of globalization, like Gary Clyde Hufbauer")
    text = (
        "Mr. Autor, like most economists, is still persuaded of the benefits of trade. ''It's a matter "
        "of diffuse benefits,'' he said.\n\nSome staunch defenders of globalization, like Gary Clyde "
        "Hufbauer, a senior fellow at the Peterson Institute, also acknowledge that the government has "
        "failed workers.\n\nBut the benefit of free trade is ''10 times the size of the losses,'' he said."
    )
    assert pick(extractor, text, kind="mixed")["speaker"] == "Gary Clyde Hufbauer"


def test_the_maker_of_a_noun_inside_a_sentence_does_not_take_the_turn(extractor: Any) -> None:
    text = (
        "Ted Okafor met voters on Monday. Mr. Okafor has sharpened his already uncompromising language, "
        "eager to retain his hold on popular anger, amid attacks from Senator Marco Ware over immigration "
        "and national security policies.\n\n\u201cWe will win this state,\u201d he said."
    )
    assert pick(extractor, text, kind="direct")["speaker"] == "Ted Okafor"


def test_a_headline_name_run_on_past_a_verb_is_cut_to_the_name_the_body_gives(extractor: Any) -> None:
    from spacy.tokens import Span as SpacySpan

    from onrecord.stages.resolver import Resolver

    text = (
        "Okafor Claims Ware Best Candidate Ever.\n\nIn a long speech on Tuesday, Mayor Dan Okafor praised "
        "his former rival Ann Ware at length."
    )
    doc = extractor.nlp(text)
    # the tagger's and the recogniser's reading of such headlines: "Claims" a verb, and one
    # person from the first name to the line's end
    doc[1].tag_ = "VBZ"
    body = [e for e in doc.ents if e.start_char > text.index("\n")]
    assert [e.text for e in body if e.label_ == "PERSON"] == ["Dan Okafor", "Ann Ware"]
    doc.ents = [SpacySpan(doc, 0, 6, label="PERSON"), *body]
    people, person_at = Resolver._people(doc, set(), [])
    assert person_at[0].name == "Dan Okafor"
    assert not any("Claims" in p.name for p in people)


def test_pronoun_rules_keep_to_their_cases(extractor: Any) -> None:
    def speaker(text: str, **fields: Any) -> Any:
        return pick(extractor, text, **fields)["speaker"]

    # a description counts as a mention only when it is a title ("the plan" is none)
    text = (
        "Sen. John Ware introduced the plan Peter Holt opposed last year. The plan passed the Senate "
        "on Tuesday. \u201cThis is a great day,\u201d he said."
    )
    assert speaker(text, kind="direct") == "John Ware"
    # "while" sets a second subject beside the first: the turn is the last speaker's
    text = (
        "John Ware said the deal was good, while Peter Holt said it was a disaster. \u201cIt will cost "
        "jobs,\u201d he added."
    )
    assert speaker(text, kind="direct") == "Peter Holt"
    # a name that opens a sentence as a modifier is no subject
    text = (
        "John Ware spoke to reporters on Monday. Obama administration officials disputed his account. "
        "\u201cI stand by it,\u201d he said."
    )
    assert speaker(text, kind="direct") == "John Ware"
    # "As for" a possessor is no topic
    text = "Peter Holt was asked about his rival on Monday. As for John Ware's plan, he said it would fail."
    assert speaker(text, cue="said") == "Peter Holt"
    # an appositive's modifier is no name in apposition; a country is no person
    assert speaker("One voter, a Sanders supporter from Ames, said the race was close.", cue="said") is None
    att = pick(extractor, "China, the largest investor in the region, said it would act.", cue="said")
    assert (att["speaker"], att["speaker_type"]) == ("China", "government")
    # a possessive "'s" keeps a company from the person who shares its name
    text = "Bob McDonald ran the chain for years. On Tuesday, McDonald's said it would close stores."
    assert speaker(text, cue="said") != "Bob McDonald"
