"""Replies: sourced numbers, averages framed as averages, next steps whatever the score."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.advice import (
    Whose,
    advise,
    percentile_line,
    percentile_score_line,
    practice_example,
    specialties_table,
)
from bot.render import plain_text
from bot.student import Profile
from bot.understand import Parsed, understand
from knowledge import Knowledge
from knowledge.models import Specialty, Stage
from tests.mixed_sources import mixed_knowledge

CITATION = "OnlineMedEd, May 2025"
"""How replies label the seed's figures: the article's summary, never "matched applicants"."""
DISCOURAGING = ("no chance", "impossible", "give up", "won't match", "too low", "guarantee", "you will match")


def reply_text(parsed: Parsed, knowledge: Knowledge, profile: Profile | None = None) -> str:
    return plain_text(advise(parsed, profile or Profile(1), knowledge).html)


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.])", text)}


@pytest.mark.parametrize(
    ("specialty", "average"),
    [("dermatology", 257), ("orthopedic-surgery", 256), ("radiology", 253), ("family-medicine", 241)],
)
def test_average_gives_number_source_date_and_not_a_minimum(knowledge: Knowledge, specialty: str, average: int) -> None:
    text = reply_text(Parsed("average", specialties=(specialty,)), knowledge)
    assert str(average) in text
    assert CITATION in text and "May 2025" in text
    assert "not a minimum" in text
    figures = [f for f in knowledge.specialties[specialty].figures if f.group is None]  # one group's stand apart
    for figure in figures if len(figures) > 1 else ():  # every figure we hold for everyone, each with its label
        assert f"{figure.value}: {knowledge.label(figure)}" in text
    if len(figures) == 1:
        assert f"about {average}.\n" in text and f"Source: {knowledge.label(figures[0])}." in text


def with_specialty(knowledge: Knowledge, record: dict[str, object]) -> Knowledge:
    """The real knowledge plus (or with a replaced) specialty built from `record`."""
    spec = Specialty.model_validate(record)
    return replace(knowledge, specialties={**knowledge.specialties, spec.id: spec})


PAIRED = {
    "id": "dermatology",
    "name": "Dermatology",
    "short_name": "Derm",
    "aliases": ["derm"],
    "figures": [
        {"value": 257, "source": "onlinemeded-2025", "as_of": "2025-05-01"},
        {
            "value": 258,
            "unmatched": 244,
            "source": "ama-step2-decoded-2025",
            "as_of": "2025-06-25",
            "year": 2024,
            "population": "U.S. MD seniors",
        },
    ],
}
"""A specialty whose second source gives matched and unmatched means (made up for the test)."""


def test_average_and_score_check_show_matched_and_unmatched_where_a_source_gives_both(knowledge: Knowledge) -> None:
    kb = with_specialty(knowledge, PAIRED)
    label = "AMA, June 2025: U.S. MD seniors, 2024 data"
    for parsed in (Parsed("average", specialties=("dermatology",)), Parsed("score_check", 250, ("dermatology",))):
        text = reply_text(parsed, kb)
        assert f"258 for those who matched, 244 for those who didn't: {label}" in text
        assert f"257: {CITATION}" in text or f"Source: {CITATION}" in text


def test_a_score_check_leads_with_the_lead_figure_names_it_and_lists_the_others(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_check", score=248, specialties=("orthopedic-surgery",)), knowledge)
    lead, *others = knowledge.figures_of("orthopedic-surgery")
    assert (lead.year, lead.population) == (2024, "matched U.S. MD seniors")  # the newest stated figure leads
    assert f"{lead.value - 248} points below the Orthopedic Surgery average of {lead.value}." in text
    assert f"Source: {knowledge.label(lead)}." in text
    listed = "\n".join(f"• {f.value}: {knowledge.label(f)}" for f in others)
    assert f"More figures for Orthopedic Surgery, to read your 248 against:\n{listed}" in text
    assert f"{CITATION}, year and population not stated" in text  # the seed's figure, labelled as such


@pytest.mark.parametrize(
    ("score", "specialty", "expect"),
    [
        (260, "orthopedic-surgery", "3 points above"),
        (257, "dermatology", "right at"),
        (254, "dermatology", "3 points below"),
        (252, "dermatology", "within reach"),
        (230, "dermatology", "27 points below"),
        (246, "psychiatry", "right at"),
        (245, "family-medicine", "1 point above"),  # its 2024 figure, 244, leads
    ],
)
def test_score_check_states_the_difference_and_always_a_next_step(
    knowledge: Knowledge, score: int, specialty: str, expect: str
) -> None:
    text = reply_text(Parsed("score_check", score=score, specialties=(specialty,)), knowledge)
    assert expect in text
    assert "Next:" in text
    assert CITATION in text
    assert not any(word in text.lower() for word in DISCOURAGING)


@pytest.mark.parametrize(
    ("score", "parallel_plan"),
    [(244, False), (240, False), (239, True), (225, True)],  # internal medicine's lead average is 250, the middle
)
def test_a_parallel_plan_is_advised_only_for_a_real_gap(knowledge: Knowledge, score: int, parallel_plan: bool) -> None:
    text = reply_text(Parsed("score_check", score=score, specialties=("internal-medicine",)), knowledge)
    assert ("parallel plan" in text) is parallel_plan
    assert "ask a mentor in the field how broadly to apply" in text


def test_a_parallel_plan_is_advised_for_any_gap_in_a_field_above_the_middle(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_check", score=248, specialties=("orthopedic-surgery",)), knowledge)
    assert "parallel plan" in text  # 9 under ortho's 257


@pytest.mark.parametrize("score", [205, 231, 248, 257, 270])
def test_every_number_in_a_score_check_comes_from_the_store_or_the_student(knowledge: Knowledge, score: int) -> None:
    pass_mark = knowledge.facts["step2-passing-score"].value
    assert pass_mark is not None
    for spec in knowledge.specialties.values():
        text = reply_text(Parsed("score_check", score=score, specialties=(spec.id,)), knowledge)
        allowed = {score, abs(score - knowledge.lead(spec.id).value)}
        for figure in spec.figures:
            allowed |= {figure.value, figure.unmatched or 0} | numbers(knowledge.label(figure))
        for source in spec.match_sources:  # how it matches, cited (urology: "the 2025 Urology Match")
            allowed |= numbers(knowledge.cite(source))
        if score < pass_mark:
            for fact in (knowledge.facts["step2-passing-score"], knowledge.facts["step2-passing-score-2022"]):
                allowed |= {fact.value or 0, fact.as_of.day, fact.as_of.year} | numbers(knowledge.cite(fact.source))
        assert numbers(text) <= allowed, (spec.id, numbers(text) - allowed)


DEPENDS_ON_DATE = (
    "whether it passes depends on your exam date. The pass mark is 218 for exams taken from July 1, 2025, "
    "and it was 214 before that. When did you sit it?"
)
UNDER_BOTH = "it's under the pass mark for recent exam dates: 218 for exams from July 1, 2025, and 214 before that."


@pytest.mark.parametrize(
    ("score", "note"),
    [(205, UNDER_BOTH), (213, UNDER_BOTH), (214, DEPENDS_ON_DATE), (217, DEPENDS_ON_DATE), (218, None), (240, None)],
)
def test_a_score_under_the_pass_mark_asks_the_exam_date_and_offers_retakes(
    knowledge: Knowledge, score: int, note: str | None
) -> None:
    assert knowledge.facts["step2-passing-score"].value == 218
    assert knowledge.facts["step2-passing-score-2022"].value == 214
    for parsed in (Parsed("score_check", score=score, specialties=("pediatrics",)), Parsed("score_fit", score=score)):
        reply = advise(parsed, Profile(1), knowledge)
        text = plain_text(reply.html)
        warned = note is not None
        assert (f"If {score} is your Step 2 CK result, {note}" in text) is warned
        assert ("a retake is possible if you have attempts left" in text) is warned
        assert ("Source: USMLE, Scores and Transcripts;" in text) is warned
        assert "((" not in text and "))" not in text  # citations never nest brackets
        assert ("/faq retakes" in [b.action for row in reply.buttons for b in row]) is warned
        assert not any(word in text.lower() for word in DISCOURAGING)


@pytest.mark.parametrize(("score", "step"), [(235, "Next: name the field"), (239, "Next: the fields at or near")])
def test_score_fit_gives_a_next_step_above_or_below_every_average(knowledge: Knowledge, score: int, step: str) -> None:
    reply = advise(Parsed("score_fit", score=score), Profile(1), knowledge)
    text = plain_text(reply.html)
    assert step in text and f"“{score} for peds?”" in text
    below_all = all(f.value > score for g in knowledge.ranking() for _, f in g.rows)
    assert ("/faq low_score" in [b.action for row in reply.buttons for b in row]) is below_all


def test_follow_up_uses_the_remembered_score(knowledge: Knowledge) -> None:
    profile = Profile(1, score=250, specialties=("dermatology",))
    text = reply_text(Parsed("average", specialties=("psychiatry",)), knowledge, profile)
    assert "Your 250 (from earlier) is 4 points above" in text  # psychiatry's lead: 246 (2024)
    assert "Psychiatry" in text


def test_score_fit_never_hides_a_specialty_the_student_asked_about(knowledge: Knowledge) -> None:
    reply = advise(Parsed("score_fit", score=246), Profile(1, specialties=("dermatology",)), knowledge)
    assert "Derm ⭐" in plain_text(reply.html) and "/specialties" in [b.action for r in reply.buttons for b in r]


def test_compare_lists_highest_first_with_the_spread(knowledge: Knowledge) -> None:
    kb = mixed_knowledge(knowledge)
    text = reply_text(Parsed("compare", specialties=("psychiatry", "dermatology", "pediatrics")), kb)
    assert text.index("Dermatology: 257") < text.index("Pediatrics: 247") < text.index("Psychiatry: 246")
    assert "11 points apart" in text


def test_compare_with_a_score_shows_each_difference(knowledge: Knowledge) -> None:
    text = reply_text(
        Parsed("compare", score=250, specialties=("dermatology", "psychiatry")), mixed_knowledge(knowledge)
    )
    assert "Dermatology: 257 (your 250: -7)" in text and "Psychiatry: 246 (your 250: +4)" in text


@pytest.mark.parametrize(
    ("score", "whose", "says"),
    [
        (260, "own", "Your 260 is at or above both averages."),
        (240, "own", "Your 240 is under both averages, closest to the Psychiatry average (6 points under)."),
        (250, "own", "Your 250 is at or above the Psychiatry average and under the Dermatology one."),
        (240, "supposed", "A 240 is under both averages"),
        (240, "someone", "Their 240 is under both averages"),
    ],
)
def test_compare_with_a_score_says_which_averages_it_reaches(
    knowledge: Knowledge, score: int, whose: str, says: str
) -> None:
    # "is 233 enough for peds or fm": the verdict in a line, before the rows it is read from
    parsed = Parsed(
        "compare",
        score=score,
        specialties=("dermatology", "psychiatry"),
        hypothetical=whose == "supposed",
        someone_else=whose == "someone",
    )
    text = reply_text(parsed, mixed_knowledge(knowledge))
    assert says in text and text.index(says) < text.index("Dermatology: 257")


def test_compare_names_no_nearest_average_when_they_are_all_the_same(knowledge: Knowledge) -> None:
    # internal medicine and anesthesiology share one average (250) in the made-up store's lead source
    parsed = Parsed("compare", score=240, specialties=("internal-medicine", "anesthesiology"))
    text = reply_text(parsed, mixed_knowledge(knowledge))
    assert "Your 240 is 10 points under both averages." in text and "closest" not in text


def test_compare_with_a_failing_score_says_the_pass_mark_not_the_nearest_average(knowledge: Knowledge) -> None:
    # "got 205, ok for fm or peds?": these averages are of people who passed
    text = reply_text(Parsed("compare", score=205, specialties=("family-medicine", "pediatrics"), own=True), knowledge)
    assert "under Step 2 CK's pass mark" in text and "closest" not in text


def test_faq_answer_has_sources_and_related_buttons(knowledge: Knowledge) -> None:
    reply = advise(Parsed("faq", topic="img"), Profile(1), knowledge)
    entry = knowledge.faq["img"]
    assert entry.title in plain_text(reply.html)
    assert "Sources:" in reply.html
    actions = [b.action for row in reply.buttons for b in row]
    assert actions == [f"/faq {t}" for t in entry.related]


def test_faq_with_a_specialty_adds_its_lead_average(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("faq", topic="img", specialties=("dermatology",)), knowledge)
    lead = knowledge.lead("dermatology")
    assert f"Dermatology average is {lead.value} ({knowledge.label(lead)})." in text  # short: /average has all


@pytest.mark.parametrize(
    ("score", "says"), [(250, "is 7 points below"), (257, "is the same as"), (258, "is 1 point above")]
)
def test_faq_with_a_score_and_a_specialty_sets_the_score_beside_it(knowledge: Knowledge, score: int, says: str) -> None:
    # "I got 250 and want derm, do IMGs even get interviews?": the answer, then their own number.
    text = reply_text(Parsed("faq", topic="img", specialties=("dermatology",), score=score, own=True), knowledge)
    assert knowledge.lead("dermatology").value == 257  # the cases above are worked out from it
    assert f"Your {score} {says}" in text and "Dermatology average of 257" in text


def test_overall_and_specialty_figures_each_keep_their_label(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("faq", topic="overall_average", specialties=("psychiatry",)), knowledge)
    assert "U.S. MD seniors who matched in the 2024 Main Residency Match averaged 250" in text
    lead = knowledge.lead("psychiatry")
    assert f"Psychiatry average is {lead.value} ({knowledge.label(lead)})." in text
    assert "matched applicants" not in text.lower()


@pytest.mark.parametrize("bad", [320, 0, 999])
def test_invalid_score_explains_the_scale(knowledge: Knowledge, bad: int) -> None:
    text = reply_text(Parsed("invalid_score", bad_score=bad), knowledge)
    assert f"{bad} can't be a Step 2 CK score" in text
    assert "300" in text


@pytest.mark.parametrize(("text", "says"), [("is 245 good for cards?", "Your 245 is"), ("avg for cardiology", "250:")])
def test_a_fellowship_is_read_against_the_residency_before_it(knowledge: Knowledge, text: str, says: str) -> None:
    shown = reply_text(understand(text, knowledge), knowledge)
    assert shown.startswith("ℹ️ Cardiology is a fellowship taken after residency")
    assert "Internal Medicine" in shown and says in shown
    assert "don't have a sourced average" not in shown


def test_specialty_without_a_figure_is_said_honestly(knowledge: Knowledge) -> None:
    reply = advise(Parsed("average", other_specialty="nuclear-medicine"), Profile(1), knowledge)
    text = plain_text(reply.html)
    assert "don't have a sourced average for Nuclear Medicine" in text
    assert "PM&R" in text and "PM&amp;R" in reply.html  # names from the store are escaped too


def test_urology_says_it_has_its_own_early_match(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("average", specialties=("urology",)), knowledge)
    assert "Society of Academic Urologists, separate from the NRMP Main Match" in text
    assert "not in the NRMP Main Match" in text  # the blog figure keeps its doubt in its label


def test_ophthalmology_says_it_matches_through_sf_match(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("average", specialties=("ophthalmology",)), knowledge)
    assert "matches through the SF Match" in text and "AMA, on early match programs" in text
    assert "258 for those who matched, 245 for those who didn't" in text


@pytest.mark.parametrize("score", [240, 258, 266])
def test_every_stored_unmatched_mean_is_shown_beside_its_matched_one(knowledge: Knowledge, score: int) -> None:
    paired = [  # one group's pairs stand apart, beside the group's own question (tests/test_talk.py)
        (s, f) for s in knowledge.specialties.values() for f in s.figures if f.unmatched is not None and not f.group
    ]
    assert paired  # the real store holds at least one source that gives both
    for spec, figure in paired:
        text = reply_text(Parsed("score_check", score, (spec.id,)), knowledge)
        line = (
            f"{figure.value} for those who matched, {figure.unmatched} for those who didn't: {knowledge.label(figure)}"
        )
        assert line in text, spec.id


@pytest.mark.parametrize("intent", ["greeting", "help"])
def test_greeting_and_help_show_examples_and_a_menu(knowledge: Knowledge, intent: str) -> None:
    reply = advise(Parsed(intent), Profile(1), knowledge)  # type: ignore[arg-type]
    assert "248 good enough for ortho?" in plain_text(reply.html)
    assert any(b.action == "/specialties" for row in reply.buttons for b in row)


def test_not_understood_is_at_most_four_lines_with_things_to_try(knowledge: Knowledge) -> None:
    reply = advise(Parsed("unknown"), Profile(1), knowledge)
    text = plain_text(reply.html)
    assert len(text.splitlines()) <= 4 and text.count("“") == 3
    assert any(b.action == "/specialties" for row in reply.buttons for b in row)


@pytest.mark.parametrize(
    "parsed",
    [
        Parsed("unknown", practice_score=240),
        Parsed("average", specialties=("emergency-medicine",), practice_score=240),
        Parsed("compare", specialties=("dermatology", "psychiatry"), practice_score=240),
    ],
    ids=["alone", "with-a-specialty", "with-a-comparison"],
)
def test_a_practice_score_is_named_as_such_never_compared(knowledge: Knowledge, parsed: Parsed) -> None:
    text = reply_text(parsed, knowledge)
    assert "240 sounds like a practice-test (or Step 1) score" in text
    assert "say “predicted 240”" in text
    assert "Your 240" not in text and "your 240" not in text


def test_a_step1_score_said_as_one_is_named_as_step1_not_guessed_at(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("average", specialties=("internal-medicine",), practice_score=221, step1=221), knowledge)
    assert "I read 221 as your Step 1 score" in text and "sounds like a practice-test" not in text
    # where no averages were set out, nothing was compared, so nothing needs explaining (review35 M7)
    text = reply_text(Parsed("faq", topic="after_fail", practice_score=238, step1=238), knowledge)
    assert "Step 1 score" not in text


def test_a_practice_score_beside_a_specialty_shows_that_average_with_its_source(knowledge: Knowledge) -> None:
    from bot.understand import PracticeResult

    parsed = Parsed(
        "practice_score",
        practice_score=238,
        practice=(PracticeResult(exam="nbme", form="12", score=238),),
        specialties=("emergency-medicine",),
    )
    text = reply_text(parsed, knowledge)
    lead = knowledge.lead("emergency-medicine")
    assert "NBME 12 238" in text and f"Emergency Medicine: average {lead.value}" in text
    assert f"Source: {knowledge.label(lead)}" in text
    assert "not a cut-off" in text


def test_a_practice_score_near_the_pass_mark_is_read_against_the_mark_not_a_fields_average(
    knowledge: Knowledge,
) -> None:
    from bot.understand import PracticeResult

    parsed = Parsed(
        "practice_score",
        practice_score=209,
        practice=(PracticeResult(exam="nbme", form="15", score=209),),
        specialties=("psychiatry",),
    )
    text = reply_text(parsed, knowledge)
    # applying psych, five days out: passing is the question, and the field's average comes after it
    assert text.index("Beside the pass mark") < text.index("Psychiatry: average")


# --- one source, year and population per comparison (issue 19, section 2) ---------------------

BLOG_2024 = "Summary Blog, Mar 2026: matched U.S. MD seniors, 2024 data"
SEED_LABEL = "Seed Article, May 2025, year and population not stated"
BANDS = ("At or above the average", "Within 5 points above your score", "Further above your score")


@pytest.mark.parametrize(
    ("specialties", "label", "spread"),
    [
        (("anesthesiology", "internal-medicine"), BLOG_2024, "0 points"),  # not the seed's 245 against 250
        (("internal-medicine", "family-medicine"), SEED_LABEL, "4 points"),  # only the seed has both
        (("dermatology", "psychiatry", "pediatrics"), BLOG_2024, "11 points"),  # two cover all: the stated one
        (("dermatology", "ophthalmology"), None, None),
        (("anesthesiology", "family-medicine"), None, None),
        (("internal-medicine", "ophthalmology", "vascular-surgery"), None, None),
    ],
    ids=["anesthesia-im", "im-fm", "derm-psych-peds", "derm-ophtho", "anesthesia-fm", "three-sources"],
)
@pytest.mark.parametrize("score", [None, 250])
def test_a_comparison_names_one_source_or_labels_each_and_never_subtracts_across_them(
    knowledge: Knowledge, specialties: tuple[str, ...], label: str | None, spread: str | None, score: int | None
) -> None:
    kb = mixed_knowledge(knowledge)
    text = reply_text(Parsed("compare", score=score, specialties=specialties), kb)
    shown = {s.id: f for g in kb.groups(specialties) for s, f in g.rows}
    assert set(shown) == set(specialties)
    for ident, figure in shown.items():
        assert f"{kb.specialties[ident].name}: {figure.value}" in text
    if label is not None:
        assert f"Source: {label}." in text and text.count(label) == 1  # named once
        gap = (
            "The same average"
            if spread == "0 points"
            else f"has the higher average, by {spread}"  # two fields: which is higher, said
            if len(specialties) == 2
            else f"The highest and the lowest here are {spread} apart"
        )
        assert gap in text and "from one source" in text
    else:
        assert "spread" not in text and "I don't work out gaps between them" in text
        for group in kb.groups(specialties):
            assert text.count(f"{group.label}:") == 1
    # Every number is "Step 2", a figure, a label's, the score or its distance to a figure, or the spread
    # within one source: never a gap between figures from two sources.
    allowed = {2} | {f.value for f in shown.values()} | {n for g in kb.groups(specialties) for n in numbers(g.label)}
    if spread is not None:
        allowed.add(int(spread.split()[0]))  # the one difference allowed: within one source
    if score is not None:
        allowed |= {score} | {abs(score - f.value) for f in shown.values()}
    assert numbers(text) <= allowed


def test_anesthesiology_and_internal_medicine_are_compared_on_the_same_2024_figures(knowledge: Knowledge) -> None:
    """The reported bug: anesthesiology's 250 (2024) against internal medicine's seed 245 made a 5-point gap."""
    text = reply_text(Parsed("compare", specialties=("anesthesiology", "internal-medicine")), knowledge)
    [group] = knowledge.groups(["anesthesiology", "internal-medicine"])
    assert (group.series.year, group.series.population) == (2024, "matched U.S. MD seniors")
    assert "Internal Medicine: 250" in text and "Anesthesiology: 250" in text and "245" not in text
    assert "The same average for each of these, from one source." in text and "5 point" not in text
    assert f"Source: {group.label}." in text
    check = reply_text(Parsed("score_check", score=245, specialties=("internal-medicine",)), knowledge)
    assert "5 points below the Internal Medicine average of 250" in check and f"Source: {group.label}." in check


def fit_names(text: str, band: str) -> set[str]:
    """The short names a score-fit reply puts in one band, from grouped lines and lone labelled ones."""
    names: set[str] = set()
    current = None
    for line in text.splitlines():
        if line in BANDS or line == "Closest to your score":
            current = line
        elif not line.startswith("• "):
            current = None
        elif shared := re.fullmatch(r"• \d+(?:–\d+)?: (.+)", line):
            names |= {n.removesuffix(" ⭐") for n in shared[1].split(", ")} if current == band else set()
        elif (alone := re.fullmatch(r"• (.+?)(?: ⭐)? \d+, (.+?) \(.+\)", line)) and alone[2] == band.lower():
            names.add(alone[1])
    return names


@pytest.mark.parametrize("score", [230, 241, 245, 247, 250, 256, 270])
@pytest.mark.parametrize("store", ["real", "mixed"])
def test_the_fit_list_names_every_field_at_or_below_the_score(knowledge: Knowledge, score: int, store: str) -> None:
    kb = knowledge if store == "real" else mixed_knowledge(knowledge)
    text = reply_text(Parsed("score_fit", score=score), kb)
    rows = [(s, f, g.label) for g in kb.ranking() for s, f in g.rows]
    assert fit_names(text, BANDS[0]) == {s.short_name for s, f, _ in rows if f.value <= score}
    assert fit_names(text, BANDS[1]) == {s.short_name for s, f, _ in rows if 0 < f.value - score <= 5}
    far = {s.short_name for s, f, _ in rows if f.value - score > 5}
    closest, further = fit_names(text, "Closest to your score"), fit_names(text, BANDS[2])
    assert closest | further == far and not closest & further  # every far field once, in one band
    for group in kb.ranking():
        if len(group.rows) > 1 and all(f.value - score > 5 for _, f in group.rows):
            # every average far above: the nearest few are named as such, so the list still says where to look
            nearest = min(f.value for _, f in group.rows)
            assert {s.short_name for s, f in group.rows if f.value - nearest <= 5} <= closest
    assert "more" not in text  # nothing hidden behind "… and N more"
    for label in {label for *_, label in rows}:
        assert text.count(label) == 1  # each source named once


def test_surgery_ruled_out_leaves_every_surgical_field_out_of_the_fit_list_and_says_so(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_fit", score=244, no_surgery=True), knowledge)
    names = set().union(*(fit_names(text, band) for band in (*BANDS, "Closest to your score")))
    surgical = {s.short_name for s in knowledge.specialties.values() if s.surgical}
    assert surgical and not names & surgical  # none of them, whichever band
    assert {s.short_name for s in knowledge.specialties.values() if not s.surgical} - surgical <= names | {
        s.short_name for g in knowledge.ranking() for s, _ in g.rows if len(g.rows) == 1
    }
    assert "Surgical fields left out" in text


def test_the_fit_list_shares_a_line_between_fields_with_one_average(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_fit", score=250), mixed_knowledge(knowledge))
    assert f"{BLOG_2024}:\nAt or above the average\n• 250: IM, Anesthesia\n• 247: Peds\n• 246: Psych\n" in text
    assert "Further above your score\n• 257: Derm" in text
    assert f"• FM 241, at or above the average ({SEED_LABEL})" in text


@pytest.mark.parametrize(
    ("specialty", "lines"),
    [
        ("internal-medicine", [f"• 250: {BLOG_2024}", f"• 245: {SEED_LABEL}"]),
        (
            "dermatology",
            [
                "• 258: NRMP Charting Outcomes 2024: matched U.S. MD seniors, 2024 data",
                f"• 257: {BLOG_2024}",
                f"• 257: {SEED_LABEL}",
            ],
        ),
    ],
)
def test_average_lists_every_figure_labelled_the_lead_first(
    knowledge: Knowledge, specialty: str, lines: list[str]
) -> None:
    text = reply_text(Parsed("average", specialties=(specialty,)), mixed_knowledge(knowledge))
    assert "\n".join(lines) in text


@pytest.mark.parametrize(
    ("specialty", "score", "head", "label"),
    [
        ("dermatology", 250, "8 points below the Dermatology average of 258", "NRMP Charting Outcomes 2024: "),
        ("internal-medicine", 245, "5 points below the Internal Medicine average of 250", BLOG_2024),
        ("family-medicine", 245, "4 points above the Family Medicine average of 241", SEED_LABEL),
        ("ophthalmology", 250, "8 points below the Ophthalmology average of 258", "SF Match 2025 report: "),
    ],
)
def test_a_score_check_uses_the_lead_figure_and_says_which(
    knowledge: Knowledge, specialty: str, score: int, head: str, label: str
) -> None:
    text = reply_text(Parsed("score_check", score=score, specialties=(specialty,)), mixed_knowledge(knowledge))
    assert head in text and f"Source: {label}" in text


def test_the_table_names_each_source_once_and_labels_lone_figures(knowledge: Knowledge) -> None:
    text = plain_text(specialties_table(mixed_knowledge(knowledge)).html)
    assert (
        f"{BLOG_2024}:\nDerm        257\nIM          250\nAnesthesia  250\nPeds        247\nPsych       246\n" in text
    )
    assert f"• FM 241: {SEED_LABEL}" in text and "• Ophtho 258: SF Match 2025 report: " in text
    assert text.count(BLOG_2024) == 1


def test_no_comparison_of_two_real_specialties_states_a_gap_across_sources(knowledge: Knowledge) -> None:
    ids = list(knowledge.specialties)
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            groups = knowledge.groups([first, second])
            text = reply_text(Parsed("compare", specialties=(first, second)), knowledge)
            values = [f.value for g in groups for _, f in g.rows]
            allowed = {2, *values} | {n for g in groups for n in numbers(g.label)}
            if len(groups) == 1:
                allowed.add(abs(values[0] - values[1]))  # one source: its spread may be stated
            else:
                assert "spread" not in text, (first, second)
            assert numbers(text) <= allowed, (first, second, numbers(text) - allowed)


def test_a_score_range_against_every_field_keeps_each_source_under_its_own_label(knowledge: Knowledge) -> None:
    kb = mixed_knowledge(knowledge)
    text = reply_text(Parsed("score_fit", score=245, range=(240, 249)), kb)
    for group in kb.ranking():
        assert text.count(f"{group.label}:") == 1
        for spec, figure in group.rows:
            assert f"• {spec.short_name} average {figure.value}: " in text
    assert "I don't work out gaps between them" in text


@pytest.mark.parametrize(
    ("topic", "stage", "step"),
    [
        ("practice_tests", "waiting", "your exam is done"),
        ("practice_tests", "studying", "space your self-assessments out"),  # the answer's own next step
        ("practice_tests", None, "space your self-assessments out"),
        ("step1_vs_step2", "preclinical", "put your energy into Step 1"),
        ("after_fail", "incoming_resident", "tell your program director early"),
        ("after_fail", "retaking", "book a meeting with your advisor"),
    ],
)
def test_a_faq_answer_ends_with_the_next_step_for_the_students_stage(
    knowledge: Knowledge, topic: str, stage: str | None, step: str
) -> None:
    reply = advise(Parsed("faq", topic=topic), Profile(1), knowledge, stage)  # type: ignore[arg-type]
    assert step in reply.next_step
    assert reply.next_step.startswith("Next step:") and reply.html.count("Next step:") == 1


def test_every_stage_next_step_differs_from_the_answers_own(knowledge: Knowledge) -> None:
    for entry in knowledge.faq.values():
        own = entry.answer.rsplit("\n\n", 1)[-1]
        assert own not in entry.next_steps.values(), entry.topic


@pytest.mark.parametrize(
    ("stage", "step"),
    [
        (None, "strong letters"),
        ("has_score", "strong letters"),
        ("studying", "a target works best as a plan"),
        ("interviewing", "resend your USMLE transcript in MyERAS"),
        ("incoming_resident", "done its job for the match"),
    ],
)
def test_a_scores_next_step_fits_the_stage(knowledge: Knowledge, stage: str | None, step: str) -> None:
    parsed = Parsed("score_check", score=262, specialties=("orthopedic-surgery",))
    assert step in advise(parsed, Profile(1), knowledge, stage).next_step  # type: ignore[arg-type]


def test_a_practice_reply_with_nothing_to_name_says_no_empty_noted(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("practice_score"), knowledge)
    assert "Noted: that" not in text and "Noted: ." not in text and "Practice tests are a guide" in text


def test_well_above_many_averages_the_fit_list_stays_short(knowledge: Knowledge) -> None:
    text = reply_text(Parsed("score_fit", score=258), knowledge)
    band = text.split("At or above the average\n", 1)[1].split("\n\n", 1)[0]
    lines = [line for line in band.splitlines() if line.startswith("• ")]
    assert len(lines) <= 4  # the nearest averages each on a line, the rest on one (every field still named above)


@pytest.mark.parametrize("score", [201, 209, 213])
def test_a_fail_told_is_read_against_the_pass_mark_not_the_fields_average(knowledge: Knowledge, score: int) -> None:
    parsed = Parsed("score_check", score=score, specialties=("internal-medicine",), status="failed")
    text = plain_text(advise(parsed, Profile(1), knowledge, stage="retaking").html)
    assert f"Your {score} is under Step 2 CK's pass mark: 218 for exams from July 1, 2025, 214 before that" in text
    assert "to read your" not in text  # no list of the field's figures after a fail
    assert "below the Internal Medicine average" not in text  # no distance to a field's average after a fail
    untold = plain_text(advise(replace(parsed, status=None), Profile(1), knowledge).html)
    assert (
        "below the Internal Medicine average" in untold and "If it's a practice score" in untold
    )  # asked, not assumed


@pytest.mark.parametrize(("hypothetical", "named"), [(False, "(your 240: "), (True, "(a 240: ")])
def test_a_comparison_calls_only_the_students_own_score_theirs(
    knowledge: Knowledge, hypothetical: bool, named: str
) -> None:
    parsed = Parsed("compare", 240, ("internal-medicine", "neurology"), hypothetical=hypothetical)
    assert named in reply_text(parsed, knowledge)


@pytest.mark.parametrize(
    ("stage", "asked", "not_asked"),
    [
        (None, "Tell me your score", "practice test result"),
        ("has_score", "Tell me your score", "practice test result"),
        ("studying", "Send me a practice test result like “NBME 12: 238 for Derm”", "Tell me your score"),
        ("retaking", "Send me a practice test result", "Tell me your score"),
        ("waiting", "When your score comes out", "Tell me your score"),
        ("preclinical", "Nothing to measure against it yet", "Tell me your score"),
        ("interviewing", "Tell me your score", "practice test result"),
        ("incoming_resident", "scored below it.", "Tell me your score"),  # matched: nothing asked of them
    ],
)
def test_the_averages_ask_for_what_the_students_stage_lets_them_have(
    knowledge: Knowledge, stage: Stage | None, asked: str, not_asked: str
) -> None:
    text = plain_text(advise(Parsed("average", specialties=("dermatology",)), Profile(1), knowledge, stage).html)
    assert asked in text and not_asked not in text
    assert stage != "incoming_resident" or text.endswith(asked)  # the figures' own last line ends the reply


def test_the_practice_result_the_averages_ask_for_is_read_beside_its_field(knowledge: Knowledge) -> None:
    """The example the averages give a student in their study weeks is one the bot reads as promised, for every
    field: a practice result set against that field's averages."""
    for spec in knowledge.specialties.values():
        parsed = understand(practice_example(spec), knowledge)
        assert (parsed.intent, parsed.specialties) == ("average", (spec.id,)), spec.short_name
        assert [p.score for p in parsed.practice] == [238], spec.short_name


@pytest.mark.parametrize(
    ("score", "whose", "says"),
    [
        (240, "own", "your 240 sat at the 35th percentile"),  # a row of the table
        (243, "own", "your 243 fell between the 35th percentile (240) and the 46th (245)"),
        (251, "someone", "a 251 fell between the 59th percentile (250) and the 71st (255)"),
        (283, "own", "your 283 was above its top row (280, the 100th percentile)"),
        (212, "own", ""),  # under the pass mark: passing is the figure, not how few scored lower
    ],
)
def test_a_score_is_placed_on_the_percentile_table_by_its_rows(
    knowledge: Knowledge, score: int, whose: Whose, says: str
) -> None:
    line = plain_text(percentile_line(score, knowledge, whose))
    assert (says in line) if says else line == ""
    if says:  # its source, and that the table is older than today's scores
        assert "July 2017 to June 2020" in line and "Blueprint Prep" in line and "a little lower" in line


@pytest.mark.parametrize(
    ("percentile", "says"),
    [
        (59, "the 59th percentile was a 250"),  # a row of the table
        (90, "the 90th percentile fell between 260 (82nd) and 265 (91st)"),
        (50, "the 50th percentile fell between 245 (46th) and 250 (59th)"),
        (100, ""),  # no score is "the 100th percentile"
    ],
)
def test_the_score_at_a_percentile_is_read_off_the_tables_rows(
    knowledge: Knowledge, percentile: int, says: str
) -> None:
    line = plain_text(percentile_score_line(percentile, knowledge))
    assert (says in line and "a little more" in line) if says else line == ""


def test_a_score_asked_about_in_general_is_placed_not_asked_for_again(knowledge: Knowledge) -> None:
    shown = plain_text(
        advise(understand("just got a 243, how good is that overall?", knowledge), Profile(1), knowledge).html
    )
    assert "your 243 fell between the 35th percentile (240) and the 46th (245)" in shown
    assert "send me your score" not in shown.lower() and "set your 243 beside" in shown
