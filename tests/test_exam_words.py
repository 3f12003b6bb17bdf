"""bot.exam_words: the exam and past-tense words both readers share, as whole words."""

from __future__ import annotations

from bot.exam_words import EXAM_WORDS, PAST_WORDS, words_re


def test_shared_words_match_whole_words_only() -> None:
    exam, past = words_re(*EXAM_WORDS), words_re(*PAST_WORDS)
    assert exam.search("my step 2 is on march 3") and exam.search("ck in 6 weeks")
    assert not exam.search("contest on friday") and not exam.search("check in 6 weeks")
    assert past.search("scores released yesterday") and past.search("scores release")
    assert not past.search("wasting no time on lasting habits")


def test_each_reader_adds_its_own_words() -> None:
    assert words_re(*EXAM_WORDS, "boards?").search("boards are in june")
    assert not words_re(*EXAM_WORDS).search("boards are in june")
