"""The knowledge store: the real data is right, and broken data is named precisely."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot import advice, respond, talk
from bot.plans.schedule import SCORE_RELEASE_FACT
from knowledge import Knowledge, KnowledgeError, load_knowledge
from knowledge.checks import named_topic_problems
from knowledge.corpus import TOPICS, Example
from knowledge.models import Figure, Source
from knowledge.store import DATA_DIR, normalize
from knowledge.topics import NAMED_IN_CODE
from tests.mixed_sources import mixed_knowledge

ARTICLE = "onlinemeded-2025"

ARTICLE_AVERAGES = {
    "plastic-surgery": 257,
    "dermatology": 257,
    "otolaryngology": 257,
    "orthopedic-surgery": 256,
    "radiology": 253,
    "neurosurgery": 252,
    "general-surgery": 247,
    "emergency-medicine": 246,
    "obstetrics-gynecology": 245,
    "internal-medicine": 245,
    "neurology": 246,
    "pediatrics": 245,
    "psychiatry": 242,
    "physical-medicine-rehabilitation": 242,
    "family-medicine": 241,
}
"""The averages the OnlineMedEd article (May 2025) gives as its summary of recent NRMP data (population unstated)."""

CHARTING_OUTCOMES_2024 = {
    "plastic-surgery": 255,
    "dermatology": 257,
    "otolaryngology": 255,
    "orthopedic-surgery": 257,
    "radiology": 256,
    "neurosurgery": 254,
    "general-surgery": 252,
    "emergency-medicine": 249,
    "obstetrics-gynecology": 249,
    "internal-medicine": 250,
    "neurology": 249,
    "pediatrics": 247,
    "psychiatry": 246,
    "physical-medicine-rehabilitation": 247,
    "anesthesiology": 250,
    "pathology": 248,
    "radiation-oncology": 254,
    "urology": 253,
}
"""Mean Step 2 CK of matched U.S. MD seniors, 2024 Match, as the Quantaprep blog (Mar 2026) tabulates NRMP
Charting Outcomes 2024 (family medicine's row was not in the stored copy, so it has no second figure)."""
CHARTING = "quantaprep-co-2024"

NRMP_2020 = {
    **{"anesthesiology": 246, "child-neurology": 246, "dermatology": 256, "radiology": 249, "emergency-medicine": 247},
    **{"family-medicine": 238, "general-surgery": 249, "internal-medicine": 248, "internal-medicine-pediatrics": 250},
    **{"neurosurgery": 252, "neurology": 245, "obstetrics-gynecology": 248},
    **{"orthopedic-surgery": 255, "otolaryngology": 256, "pathology": 242, "pediatrics": 245, "plastic-surgery": 256},
    **{"physical-medicine-rehabilitation": 241, "psychiatry": 241, "radiation-oncology": 250, "vascular-surgery": 247},
}
"""MedSchoolCoach's undated table of matched applicants' means. Its values are NRMP's 2020 figures for matched U.S.
MD seniors where a second page gives them (AMBOSS's top five, StatPearls' neurology 245, MedSchoolInsiders' family
medicine 238), so it is labelled 2020 and its citation says how the year was confirmed. Integrated IR keeps only
the AMBOSS copy of the same NRMP 2020 figure, so one number isn't shown twice."""
MEDSCHOOLCOACH = "medschoolcoach-2020"
BLOG_2024 = {"family-medicine": (244, "medschoolinsiders-2024", 2024)}
"""Family medicine's 2024 figure, from the one blog that gives it (group not stated)."""

OWN_MATCH_FIGURES = {
    "ophthalmology": (258, 245, "sfmatch-2025-via-uky", 2025, "U.S. MD seniors"),
    "interventional-radiology-integrated": (255, None, "amboss-co-2020", 2020, "matched U.S. MD seniors"),
    "thoracic-surgery": (
        254,
        None,
        "aamc-via-ann-thorac-surg-2022",
        2020,
        "residents entering integrated thoracic surgery programs",
    ),
}
"""Figures read from a secondary page quoting the primary table (value, unmatched, source, year, population):
the SF Match's 2025 summary as the University of Kentucky's ophthalmology program director reports it, NRMP
Charting Outcomes 2020 as the AMBOSS blog tabulates it, and AAMC data on 2020 integrated thoracic surgery
matriculants as a 2022 Annals of Thoracic Surgery paper reports it (254.2, stored as 254). Their citations
say "via"."""

FAQ_TOPICS = set(TOPICS)
"""The data answers exactly the topics the corpus labels and the classifier predicts."""

FACT_IDS = {
    "score-scale",
    "step1-pass-fail",
    "step2-passing-score",
    "score-release",
    "attempt-limit",
    "exam-format-2026",
    "matched-average-2024",
    "nrmp-caution",
    "averages-not-minimums",
    "holistic-review",
    "step2-passing-score-2022",
    "retake-spacing",
    "retake-passed",
    "transcript-history",
    "exam-day-length",
    "pd-survey-2024",
    "step2-mean-2024",
    "ecfmg-by-rol-deadline",
    "do-students-usmle",
    "crisis-line-us",
}

TIP_STRATEGIES = {"active_learning", "targeted_plan", "weak_areas", "case_based", "rest", "timing"}

SOURCED_NUMBERS: dict[str, set[int]] = {
    ARTICLE: {*ARTICLE_AVERAGES.values(), 2025},
    "usmle-score-interpretation": {1, 300},
    "usmle-step1-pass-fail": {26, 2022},
    "usmle-scores": {3, 4, 8, 90},
    "usmle-attempt-limit": {4, 2021, 1},
    "usmle-scores-transcripts": {218, 1, 2025},
    "usmle-passing-2022": {214, 1, 2022},
    "usmle-bulletin-scores": {4, 60},
    "usmle-bulletin-eligibility": set(),
    "usmle-bulletin-applying-old": set(),  # graduates as well as students may apply (no figure)
    "nbme-sas-faq-taking-2017": {2017},  # its self-assessment forms are equated; the page is from 2017
    "usmle-investigation-process": set(),  # what happens while USMLE investigates (no figure)
    "usmle-irregular-behavior": set(),  # what counts as irregular behavior, recalls included (no figure)
    "usmle-exam-security": set(),  # the sanctions for a finding of irregular behavior (no figure used)
    "ecfmg-retake-rules": {3, 12, 4, 6, 2012, 1},
    "usmle-step2-format-2026": {7, 2026, 16, 30, 14, 18, 20, 8, 316, 9, 38, 40, 60, 280, 10, 3, 24, 27},
    "ama-step2-decoded-2025": {250, 2024, 25, 2025, 2022},
    "nrmp-charting-outcomes": set(),
    CHARTING: {*CHARTING_OUTCOMES_2024.values(), 2024, 2026},
    "quantaprep-score-report": {2023, 2024, 249, 15, 50, 264, 84, 234, 16, 218, 2025, 214, 250, 30, 1, 300},
    "nrmp-ecfmg-verification": set(),
    "nrmp-pd-survey": set(),
    "aamc-eras-usmle": set(),
    "aamc-eras-documents": set(),
    "ama-comlex-usmle": {2022, 60, 1, 2},
    "usmle-common-scores": set(),
    "usmle-step2cs-faq": {16, 2020, 2021},
    "medschoolcoach-step2cs": {2021, 2020},
    "ecfmg-pathways-2026": {2026, 2025, 3, 4, 5, 6, 8, 19},
    "ecfmg-oet-2022": {2022, 350, 4},
    "usmle-test-accommodations": {2008},
    "usmle-common-accommodations": {2, 23, 30, 18, 36, 3, 60},
    "usmle-bulletin-exam-day": {10, 15, 1, 2, 3},
    "liaison-residencycas": {2025, 2026, 4, 25, 3, 24, 1, 16, 20},
    "ama-residencycas-2024": {2024, 2025, 8},
    "aamc-signaling-2025": {2025, 2024},
    "aafp-signaling": {2024, 5},
    "urologytimes-match-2025": {2025, 529, 403, 148, 76},
    "sau-match-policy": set(),
    "aamc-roadmap-urology": {350, 235, 1, 2},
    "fierce-match-2025": {2025, 52498, 4, 1, 43237, 2, 47208, 5, 3, 79, 8, 37667, 7, 2521, 93, 92, 6, 2024, 1982, 95},
    "imgprep-match-2025": {2025, 58, 0, 67, 8, 52498, 43237, 4, 2, 96, 85, 95, 3, 27, 28, 2200, 2521},
    "jgme-ahmed-carmody-2022": {2022, 2020, 60, 1, 2, 96, 3, 88, 7, 86, 6, 75, 8, 74, 9, 49, 0},
    "ecfmg-score-schedule-2018": {2018, 19, 26, 2, 2019},
    "usmle-delay-2016": {2016, 4, 10, 9, 14, 355, 318, 6, 8, 60, 15, 45, 40},
    "usmle-bulletin-2013-copy": {2013, 3, 7, 6, 1, 2},
    "medschoolcoach-2020": {2020, *(246, 256, 249, 247, 238, 248, 250, 255, 252, 245, 242, 241)},
    "statpearls-neurology-2020": {2020, 2021, 232, 245, 223, 234, 471, 13},
    "medschoolinsiders-2024": {2024, 244, 241, 2022, 238, 2020, 246, 245, 37, 214},
    "yousmle-nbme-accuracy": {1, 2, 9, 10, 11, 12},
    "usmle-common-general": set(),
    "aua-urology-match": set(),
    "ama-early-match": set(),
    "jao-ophtho-pgy1-2023": {2017, 2023, 1},  # announced 2017, required from 2023, the PGY-1 year
    "lifeline-988": {988, 24, 7, 2022, 16},
    "sfmatch-2025-via-uky": {2024, 2025, 2026, 2020, 958, 4, 30, 65, 72, 60, 34, 36, 21, 258, 245, 76, 37, 1, 2},
    "amboss-co-2020": {2020, 3, 256, 255, 1, 2, 4, 5, 50, 30, 80},
    "aamc-via-ann-thorac-surg-2022": {2018, 2020, 2022, 1, 2, 6, 19, 33, 58, 247, 254},
    "usmle-percentiles-2017-2020": {
        *(2017, 2019, 2020, 2021, 1, 30, 31, 27),
        *(300, 295, 290, 285, 280, 275, 270, 265, 260, 255, 250, 245, 240, 235, 230, 225, 220, 215, 210, 205, 200),
        *(195, 190, 185, 180, 175, 170, 165),
        *(100, 99, 98, 96, 95, 91, 90, 89, 82, 81, 72, 71, 62, 59, 58, 52, 46, 45, 43, 35, 34, 32, 26, 25, 22, 19),
        *(17, 14, 13, 12, 10, 8, 7, 4, 3, 2, 0),
    },
}

# The numbers the answer bank's sources state (knowledge/data/answers.json), each read on its page by
# the writer who cited it, and checked against the issue's corrections before they were kept.
SOURCED_NUMBERS.update(
    {
        "aamc-eras-geographic": set(),
        "aamc-signaling-faq": set(),
        "aamc-signals-overview": set(),
        "aamc-residency-interview-before": set(),
        "residencyadvisor-sa-accuracy": {1, 2},  # UWSA 1, Step 2 CK: names, not figures
        "ama-after-step1-2025": {4, 77, 2024},
        "ama-comlex-do-matching": set(),
        "ama-step2-faqs-2024": {3, 4},
        "ama-step2-faqs-future": set(),
        "blueprint-failed-ck": {2},
        "columbia-match-info": {1},
        "ecfmg-2021-ib-eligibility": set(),
        "ecfmg-2024-ib-reexam": {3, 12, 4, 6},
        "ecfmg-cs-discontinued": set(),
        "ecfmg-ib-certification": {3},
        "ecfmg-pathway1-expanded": {1, 2, 5, 6},
        "ecfmg-pathway6-2021": set(),
        "ecfmg-pathways-3-5": {6},
        "ecfmg-pathways-schools-2024": set(),
        "ecfmg-requirements": set(),
        "ecfmg-residencycas-support": set(),
        "nbme-practice-session": set(),
        "nbme-sas-faq-2018": set(),
        "nbme-sas-overview-2011": set(),
        "nbome-myths-2020": {1, 82, 2020},
        "nrmp-data-reports": set(),
        "nrmp-faq-rol-ecfmg": set(),
        "ucsf-specialty-matches": set(),
        "usmle-accommodations-forms": set(),
        "usmle-accommodations-forms-old": set(),
        "usmle-bulletin-testing": set(),
        "usmle-delay-2019": set(),
        "usmle-exam-day-info": {30},
        "usmle-faq-percentiles-legacy": {75, 1, 2013},
        "usmle-score-reports-faq": set(),
        "usmle-step2-content-outline": set(),
        "vanderbilt-early-matches": set(),
        "washu-residency-faq": set(),
        "usmle-step1-2022-summary": {194, 196, 26, 2022},
        "usmle-passing-2014": {209, 1, 2014},
        "usmle-two-digit-2011": {1, 2011},
        "nbome-percentile-converter": set(),
        "nbome-concordance": set(),
        "nbome-level2-pe": {2, 2021, 2022},
        "ecfmg-epex-2021": {90, 1, 2021},
        "nrmp-soap": set(),
        "nrmp-after-match": {1},
        "nrmp-unmatched-help": {1},
        "aamc-apply-smart-data": set(),
        "aamc-apply-smart-interpret": set(),
        "aamc-apply-smart-2021": {2013, 2018, 2020, 2021},
        "ecfmg-evsp": {1},
        "ecfmg-evsp-requirements": {1},
        "usmle-investigation": set(),
        "usmle-starting-completing": set(),
        "usmle-pies": set(),
        "nrmp-asked-other-programs": set(),
        "nrmp-rank-multiple": set(),
        "nrmp-rol-recommendations": set(),
        "nrmp-supplemental-rol": {2},  # "advanced (PGY-2 level) programs"
        "aamc-letter-writers-faq": {4},
        "aamc-eras-timeline-2026": {2025, 2026, 3, 4, 24, 31},
        "aamc-eras-mspe": set(),
        "nrmp-couples": set(),
        "nrmp-rol-length": set(),
        "nrmp-newsletter-sep-2025": {2026, 16, 20, 15, 2025},
        "ecfmg-2024-ib-certificate": set(),
        "ecfmg-2023-ib-certification": set(),
        "nrmp-not-eligible-july-1": {1},
        "nrmp-programs-after-match": set(),
    }
)
SOURCED_NUMBERS.update(
    {
        "usmle-score-rechecks": {90},
        "nrmp-soap-applications": {45},
        "nrmp-algorithm": set(),
        "prometric-test-center-security": set(),
        "usmle-bulletin-prepare": {3},
        "aamc-usmle-timing-schools": set(),
        "prometric-preapproved-items": set(),
        "usmle-break-time": set(),
        "blueprint-burnout-day-off": set(),
        "kaplan-burnout-day-off": set(),
        "ecfmg-2024-ib-taking-exam": set(),
        "nbme-scores-transcripts-2015": set(),
    }
)
SOURCED_NUMBERS.update(
    {
        "usmle-common-scores-standard": {100, 0},
        "usmle-security": set(),
        "nrmp-position-types": {1, 2},
        "aamc-signaling-2025-applicants": {2025, 3, 12, 15, 5, 25, 10, 6, 30, 8},
        "fsmb-transcripts": set(),
        "usmle-service-transition-2026": {26, 2026},
    }
)
SOURCED_NUMBERS.update(  # the answers grown on 2026-12-06, each number read on its page by the helper who wrote it
    {
        "nrmp-why-no-questions-other-programs": set(),
        "nrmp-code-conduct-applicants": set(),
        "aaim-residency-recruitment": {2025},
        "acaps-post-interview-policy": {2022},
        "aamc-eras-fellowship-faq-documents": {2025},
        "aamc-eras-fellowship-faq-policies": {2025},
        "acc-path-to-fellowship": {2018},
        "ecfmg-rank-order-lists": {3},  # R3, the NRMP's ranking system
        "matcharesident-fm-pd-2024": {2024, 57, 3, 9, 59, 4, 82, 1, 5},  # "57% (3.9)", ratings of 1 to 5
        "matcharesident-pd-2021": {2021, 78, 8, 3, 5},
        "jimgs-old-graduate": {3, 5},
        "ama-unmatched-advice": {3},  # "take the USMLE Step 3 exam"
        "ama-observership-guidelines": set(),
        "intealth-2024-match": {2024, 43, 37, 4, 31, 8, 29, 5, 30},
        "acp-2025-im-match": {2025, 33, 8, 10},
        "ama-2025-match-numbers": {2025, 67, 8, 58},
        "aafp-fm-match-results": {2023},
        "applypoint-2022-match": {2022, 50, 5, 53, 6, 92, 9},
        "ama-didnt-match-stronger": set(),
        "fsmb-transcripts-overview": set(),
        "nbme-voucher-guide": {2021},
        "umich-h1b-health-care": {1, 2, 3},
        "pitt-im-visa-guidelines": {3, 2023, 17},
        "dartmouth-gme-visa-policy": {1},
        "aamc-eras-lor-guide": set(),
        "aamc-lorp": set(),
        "cord-sloe": set(),
        "usmle-test-preparation": set(),
        "utc-test-anxiety": set(),
        "usmle-accommodations-request": set(),
        "nrmp-msmp-2018": set(),
    }
)
SOURCED_NUMBERS.update(  # 2026-12-06: accommodations left off transcripts; one group's own figures
    {
        "usmle-accommodations-annotation": {10, 2014},  # "issued on or after September 10, 2014"
        "nrmp-co-2026-nonus-img-via-tabulation": {2026},
    }
)
SOURCED_NUMBERS.update(  # 2026-12-06: answers for gaps in long posts, each number's snippet in the helpers' notes
    {
        "ama-not-enough-interviews": set(),  # "the second and third weeks", in words
        "aamc-myeras-programs": {31},  # "the ERAS season ends on May 31"
        "aamc-eras-programs-chapter": set(),
        "augusta-em-applying": set(),
        "matcharesident-step3-blog": {2014, 3, 1},  # "2014 NRMP Program Director Survey", "Step 3", "H1-B"
        "imforimgs-step3-blog": {3},
        "imforimgs-no-interviews-blog": {3, 2012},
        "fsmb-step3-info": {1, 3},
        "aamc-myeras-faq-geographic": set(),
        "jgme-signal-geo-instate": {2023, 9, 1, 83, 2, 75, 71, 7, 19, 16},  # 1.83-2.75, 2.71-9.07, 1.19-2.16
        "aao-match-basics": set(),
        "sau-match-faqs": {24, 2025},
        "dignity-urology-interviews": {24, 2025},
        "aua2022-urology-step-cutoffs": {2020, 2021, 41},
        "musc-urology-faq": set(),
        "nbme-ccse-sig-2021": {9},  # "The SEE on this exam is 9 points"
        "nbme-sas-faq-2018": {2018, 30, 20},
        "residencyadvisor-resource-timing": {4, 6, 1, 3, 2},
        "usmle-step2-question-formats": set(),
        "nbme-practice-session": set(),
        "zahn-acad-med-2012": {0, 77, 484},  # "r 0.77", "484 students"
        "ghersin-bmc-med-educ-2024": {0, 80, 213},
        "nbome-concordance": set(),
        "residencyadvisor-ck-below-step1": {1},
        "residencyadvisor-interview-low-step": set(),
    }
)
IMG_2026 = "nrmp-co-2026-nonus-img-via-tabulation"
IMG_2026_FIGURES = {
    "pediatrics": (241, 234),
    "psychiatry": (242, 237),
    "radiology": (251, 250),
    "emergency-medicine": (244, 236),
    "family-medicine": (231, 232),
    "physical-medicine-rehabilitation": (239, 237),
    "child-neurology": (241, 237),
    "radiation-oncology": (248, 242),
    "internal-medicine": (249, 242),
    "interventional-radiology-integrated": (260, 252),
    "pathology": (243, 236),
    "neurology": (250, 243),
    "anesthesiology": (252, 246),
    "obstetrics-gynecology": (245, 238),
    "general-surgery": (253, 246),
}
"""Non-U.S. IMGs' mean Step 2 CK, matched and unmatched, by preferred specialty, from NRMP Charting Outcomes 2026
for non-U.S. IMGs as an independent project tabulated it (fields with at least 10 matched; smaller cohorts left
out, as the NRMP suppresses the smallest). Kept exact: a typo here would mislead every IMG who asks."""
SOURCED_NUMBERS.update(  # 2026-12-06 (twenty-third stop): answers for short questions, figures in the helpers' evidence
    {
        "usmle-content-changes-2020": {2020, 1, 2},  # "Step 1 and Step 2 CK... Beginning in November 2020"
        "usmle-content-increase-2019": {2019, 2020, 1, 2},
        "usmle-personal-belongings": set(),
        "ecfmg-epex-overview": {1, 2},  # a one-time extension, Step 1/Step 2 CK
        "ecfmg-region-change-2021": {2021, 1, 2},
        "fsmb-usmle-application": {1, 2, 3},
        "fsmb-usmle-eligibility-extension": {3, 70, 45},  # a 3-month extension, $70; a fee within 45 days
        "fsmb-usmle-faq": {3, 2025},
        "prometric-closures-faq": {19},  # a COVID-19 era page
        "prometric-test-takers-faq": set(),
        "nrmp-illuminator-feb-2024": {2024, 28, 9},  # "February 28 at 9 p.m. ET"
        "nrmp-illuminator-feb-2023": {2023, 1, 9},  # "March 1 at 9:00 p.m. ET"
        "nrmp-tips-reminders": set(),
        "nrmp-help-include-all-interviewed": set(),
        "nrmp-help-rank-all-interviewed": set(),
        "nrmp-requesting-waiver": set(),
        "aamc-eras-faq-2024-myeras": {2024, 2023, 27, 9, 7, 31},  # "Wednesday, Sept. 27, 2023 at 9 a.m. ET"
        "aamc-eras-documents-chapter": set(),
        "aamc-eras-mspe-chapter": set(),
        "aamc-eras-programs-timeline-2020": {2020, 1},  # "October 1"
        "aamc-accepting-scheduling-interviews": set(),
        "nrmp-interview-48h": {48, 24, 6, 2},  # "no less than 48 hours... within 24 hours", Section 6.2
        "nrmp-interview-slots": set(),
        "nrmp-interview-recommendations": {2021, 2022},
        "nrmp-mpa-interview-period": {6, 2, 48},
        "nrmp-program-reschedule-notice": {6, 2},
        "tx-tac-161-55-pit-permit": {22, 161, 55, 60, 120},  # "at least 60 days... no more than 120 days"
        "mbc-ptl-apply": set(),
        "gcmb-resident-training-permit": set(),
        "ama-resident-license-2025": {2025},
    }
)
SOURCED_NUMBERS.update(  # 2026-12-06 (twenty-seventh stop): answers for questions long posts ask, figures in the notes
    {
        "aamc-eras-fees-2026": {2026, 1, 30, 11, 31},  # "Application Fee: 1-30 $11; 31 or more $30"
        "aamc-eras-programs-applied": set(),
        "wolfson-acad-med-2023": {2021, 54},  # a 2021 national survey; 54% in the most competitive specialties
        "nrmp-illuminator-sep-2024": {2024},
        "nbome-education-advocacy": set(),
        "nbome-cord-comlex-2023": {2023},
        "nbome-500-programs": {500},
        "aafp-pd-answers-2022": {2022},
    }
)
SOURCED_NUMBERS["aamc-eras-timeline-2026"] |= {9}  # "at 9 a.m. ET"
SOURCED_NUMBERS["ama-step2-decoded-2025"] |= {4}
SOURCED_NUMBERS["usmle-attempt-limit"] |= {3, 12}
SOURCED_NUMBERS["usmle-scores"] |= {0, 100}
SOURCED_NUMBERS["usmle-step1-pass-fail"] |= {25}
"""Every number each source states (the articles in ../shared/sources): text may quote only these."""

EXAM_NAME = re.compile(r"\bstep\s*[12]\b|\bs[12]ck\b|\bfree\s*120\b", re.IGNORECASE)  # names, not figures


def unsourced_numbers(text: str, sources: list[str]) -> set[int]:
    """Numbers in `text` that none of `sources` states; exam names like "Step 2" don't count."""
    allowed = set().union(*(SOURCED_NUMBERS.get(s, set()) for s in sources))
    return {int(n) for n in re.findall(r"\d+", EXAM_NAME.sub(" ", text))} - allowed


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


# --- the real data ------------------------------------------------------------------------


def test_real_data_loads(knowledge: Knowledge) -> None:
    assert set(knowledge.faq) == FAQ_TOPICS
    assert set(knowledge.facts) >= FACT_IDS
    assert knowledge.tips


def test_the_seeds_15_averages_stay_exact_and_come_first(knowledge: Knowledge) -> None:
    firsts = {s.id: s.figures[0] for s in knowledge.specialties.values() if s.id in ARTICLE_AVERAGES}
    assert {i: f.value for i, f in firsts.items()} == ARTICLE_AVERAGES
    assert {(f.source, f.year, f.population) for f in firsts.values()} == {(ARTICLE, None, None)}


def test_every_figure_is_labelled_and_the_charting_outcomes_ones_are_exact(knowledge: Knowledge) -> None:
    charting, nrmp_2020, img_left = {}, {}, dict(IMG_2026_FIGURES)
    for spec in knowledge.specialties.values():
        for figure in spec.figures:
            if figure.source == CHARTING:
                charting[spec.id] = figure.value
                assert figure.year == 2024 and figure.population is not None
                assert figure.population.startswith("matched U.S. MD seniors"), spec.id
            elif figure.source == MEDSCHOOLCOACH:
                nrmp_2020[spec.id] = figure.value
                assert (figure.year, figure.population) == (2020, "matched U.S. MD seniors"), spec.id
            elif spec.id in BLOG_2024 and figure.source == BLOG_2024[spec.id][1]:
                assert (figure.value, figure.source, figure.year) == BLOG_2024[spec.id]
            elif figure.group is not None:
                assert (figure.group, figure.source, figure.year) == ("img", IMG_2026, 2026), spec.id
                assert (figure.value, figure.unmatched) == img_left.pop(spec.id)
                assert figure.population == "non-U.S. IMGs" and " via " in knowledge.cite(figure.source)
            elif spec.id in OWN_MATCH_FIGURES:
                got = (figure.value, figure.unmatched, figure.source, figure.year, figure.population)
                assert got == OWN_MATCH_FIGURES[spec.id]
                assert " via " in knowledge.cite(figure.source)  # a secondary copy says whose table it is
            else:
                assert figure.source == ARTICLE, spec.id
    assert charting == CHARTING_OUTCOMES_2024
    assert nrmp_2020 == NRMP_2020
    assert "blog" in knowledge.cite(CHARTING)  # a secondary source says what it is
    assert "2020" in knowledge.cite(MEDSCHOOLCOACH) and "undated" in knowledge.cite(MEDSCHOOLCOACH)
    assert set(OWN_MATCH_FIGURES) <= set(knowledge.specialties)
    assert img_left == {}  # every one of the group's figures is in the store


def test_at_least_25_specialties_have_a_sourced_figure_and_the_issues_labels_hold(knowledge: Knowledge) -> None:
    assert len(knowledge.specialties) >= 25
    added = {"urology", "vascular-surgery", "child-neurology", "internal-medicine-pediatrics"}
    assert added <= set(knowledge.specialties)
    assert knowledge.specialties["radiology"].name == "Diagnostic Radiology"  # its figures are diagnostic only
    assert knowledge.cite(ARTICLE) == "OnlineMedEd, May 2025"  # the label adds "year and population not stated"
    urology = knowledge.specialties["urology"].figures[0]
    assert "not in the NRMP Main Match" in (urology.population or "")  # the blog's label, kept with its doubt


def test_the_issues_specialties_have_a_figure_or_say_how_they_match(knowledge: Knowledge) -> None:
    assert {"anesthesiology", "pathology", "radiation-oncology", "ophthalmology"} <= set(knowledge.specialties)
    assert not set(knowledge.specialties) & set(knowledge.other_specialties)
    note = knowledge.specialties["urology"].match_note or ""
    assert "Society of Academic Urologists" in note and "separate from the NRMP Main Match" in note
    assert knowledge.specialties["urology"].match_sources
    assert "SF Match" in (knowledge.specialties["ophthalmology"].match_note or "")
    assert knowledge.specialties["ophthalmology"].match_sources


def test_seed_figures_are_never_called_matched_applicants(knowledge: Knowledge) -> None:
    texts = [f.text for f in knowledge.facts.values() if f.source == ARTICLE]
    texts += [e.answer for e in knowledge.faq.values()]
    texts.append(knowledge.cite(ARTICLE))
    assert not [t for t in texts if re.search(r"matched applicants|as of may 2025", t, re.IGNORECASE)]


def test_placeholder_dates_are_gone(knowledge: Knowledge) -> None:
    for ident in ("score-scale", "score-release", "attempt-limit", "nrmp-caution"):
        assert str(knowledge.facts[ident].as_of) != "2025-05-01", ident
    assert str(knowledge.facts["attempt-limit"].as_of) == "2021-07-01"  # the limit's effective date


def test_retake_rules_are_all_stated(knowledge: Knowledge) -> None:
    answer = knowledge.faq["retakes"].answer
    for rule in (
        "At most 4 attempts per Step, and an incomplete attempt counts",
        "ends your eligibility for every Step",
        "Each Step counts its own attempts, the old Step 2 CS included",
        "No more than 3 attempts in 12 months; a 4th must be at least 12 months after your first and 6 months",
        "A Step you've passed generally can't be retaken; USMLE allows narrow exceptions",
        "Failed attempts stay on the transcript programs receive",
    ):
        assert rule in answer
    assert "a retake is possible" not in answer


def test_crisis_line_fact_is_there_for_the_feelings_code(knowledge: Knowledge) -> None:
    fact = knowledge.facts["crisis-line-us"]
    assert "call or text 988" in fact.text
    assert knowledge.sources[fact.source].url.startswith("https://988lifeline.org")


def test_tips_are_sourced_or_plainly_our_own(knowledge: Knowledge) -> None:
    for tip in knowledge.tips:
        assert tip.own_advice != (tip.source is not None), tip.id


def test_every_number_in_an_answer_or_fact_is_sourced(knowledge: Knowledge) -> None:
    texts = [
        (f"faq {e.topic}", " ".join([e.answer, *e.next_steps.values()]), e.sources) for e in knowledge.faq.values()
    ]
    texts += [(f"fact {f.id}", f.text, [f.source]) for f in knowledge.facts.values()]
    texts += [(f"answer {a.id}", f"{a.answer} {a.short}", a.sources) for a in knowledge.answers.values()]
    assert set(SOURCED_NUMBERS) == set(knowledge.sources), "add the new source's numbers above"
    unsourced = {name: bad for name, text, srcs in texts if (bad := unsourced_numbers(text, srcs))}
    assert unsourced == {}


@pytest.mark.parametrize(
    ("text", "sources", "expected"),
    [
        ("Matched seniors averaged 250 on Step 2 CK.", ["ama-step2-decoded-2025"], set()),
        ("Matched seniors averaged 250 on Step 2 CK.", [ARTICLE], {250}),
        ("Derm averages about 260.", [ARTICLE], {260}),
        ("Step 1 is pass/fail; s2ck is scored 1-300.", ["usmle-score-interpretation"], set()),
    ],
)
def test_unsourced_numbers_catches_invented_figures(text: str, sources: list[str], expected: set[int]) -> None:
    assert unsourced_numbers(text, sources) == expected


def test_faq_answers_are_plain_text_and_phone_sized(knowledge: Knowledge) -> None:
    for entry in knowledge.faq.values():
        assert not re.search(r"<[a-z/]|&[a-z]+;", entry.answer), entry.topic
        assert 250 <= len(entry.answer) <= 800, entry.topic
        assert "\n\n" in entry.answer, entry.topic
        assert entry.topic not in entry.related, entry.topic
        assert 2 <= len(entry.related) <= 3, entry.topic
        assert 8 <= len(entry.phrasings) <= 15, entry.topic


def test_no_phrasing_belongs_to_two_topics(knowledge: Knowledge) -> None:
    owners: dict[str, set[str]] = {}
    for entry in knowledge.faq.values():
        for phrasing in [entry.title, *entry.phrasings]:
            owners.setdefault(normalize(phrasing), set()).add(entry.topic)
    assert {p: t for p, t in owners.items() if len(t) > 1} == {}


def test_pass_mark_is_cited_to_usmle_itself(knowledge: Knowledge) -> None:
    entry = knowledge.faq["passing_score"]
    for fact in (knowledge.facts["step2-passing-score"], knowledge.facts["step2-passing-score-2022"]):
        assert knowledge.sources[fact.source].url.startswith("https://www.usmle.org/"), fact.id
    for source in (knowledge.sources[s] for s in entry.sources):  # USMLE's own page, or a labelled copy of its text
        assert source.url.startswith("https://www.usmle.org/") or source.citation.startswith("USMLE"), source.id
    assert "218" in entry.answer and "214" in entry.answer and "secondary" not in entry.answer.lower()


def test_tips_cover_every_strategy(knowledge: Knowledge) -> None:
    per_strategy: dict[str, int] = {}
    for tip in knowledge.tips:
        per_strategy[tip.strategy] = per_strategy.get(tip.strategy, 0) + 1
        assert len(tip.text) <= 200, tip.id
    assert set(per_strategy) == TIP_STRATEGIES
    assert all(4 <= n <= 6 for n in per_strategy.values()), per_strategy


# --- broken data ----------------------------------------------------------------------------

Table = dict[str, Any]
"""One file's table: record id -> record (or, once broken, anything)."""


def edit(name: str, change: Callable[[Table], object]) -> Callable[[Path], None]:
    """A breaker that loads `name`.json's table, lets `change` alter it, and saves it."""

    def breaker(data_dir: Path) -> None:
        path = data_dir / f"{name}.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        change(raw[name])
        path.write_text(json.dumps(raw), encoding="utf-8")

    return breaker


def write(name: str, content: str) -> Callable[[Path], None]:
    """A breaker that replaces `name`.json with `content`."""

    def breaker(data_dir: Path) -> None:
        (data_dir / f"{name}.json").write_text(content, encoding="utf-8")

    return breaker


def remove(name: str) -> Callable[[Path], None]:
    """A breaker that deletes `name`.json."""

    def breaker(data_dir: Path) -> None:
        (data_dir / f"{name}.json").unlink()

    return breaker


_ANSWER = {
    "id": "filters",
    "topic": "program_directors",
    "question": "How do score filters work?",
    "answer": "Some programs screen applications on the score before anyone reads them.",
    "short": "Some programs screen on the score first.",
    "sources": ["nrmp-pd-survey"],
    "asks": ["how do filters work", "do programs filter", "score screens", "what is a filter", "auto reject score"],
}
"""A valid specific answer, for the breakers to spoil one field of."""

BROKEN: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "invalid JSON",
        write("faq", '{"faq": {"1": {"topic": "img",}}}'),
        r"^faq\.json: not valid JSON at line 1, column \d+",
    ),
    ("missing file", remove("tips"), r"^tips\.json: file is missing$"),
    (
        "missing table",
        write("facts", '{"fact": {}}'),
        r'^facts\.json: expected a table named "facts" at the top$',
    ),
    (
        "score above 300",
        edit("specialties", lambda t: t["1"]["figures"][0].update(value=301)),
        r'^specialties\.json, record 1 \("plastic-surgery"\), field figures\.0\.value: .*300',
    ),
    (
        "unmatched mean without whose it is",
        edit("specialties", lambda t: t["1"]["figures"][0].update(unmatched=240)),
        r'^specialties\.json, record 1 \("plastic-surgery"\), field figures\.0: .*unmatched needs population',
    ),
    (
        "one group's figure without whose it is",
        edit("specialties", lambda t: t["1"]["figures"][0].update(group="img", population=None, year=None)),
        r'^specialties\.json, record 1 \("plastic-surgery"\), field figures\.0: .*group needs population',
    ),
    (
        "a specialty whose only figures are one group's",
        edit(
            "specialties",
            lambda t: t["1"].update(
                figures=[dict(f, group="img", population="non-U.S. IMGs") for f in t["1"]["figures"]]
            ),
        ),
        r'^specialties\.json, record 1 \("plastic-surgery"\), field figures: .*at least one figure without a group',
    ),
    (
        "signals counted both in one tier and in two",
        edit("specialties", lambda t: t["2"]["signals"].update(total=28)),
        r'^specialties\.json, record 2 \("dermatology"\), field signals: .*give either total, or both gold and silver',
    ),
    (
        "signals citing an unknown source",
        edit("specialties", lambda t: t["2"]["signals"].update(source="aamc-2099")),
        r'^specialties\.json, "dermatology", field signals\.source: unknown id "aamc-2099"$',
    ),
    (
        "unknown figure source",
        edit("specialties", lambda t: t["2"]["figures"][0].update(source="nrmp-2099")),
        r'^specialties\.json, "dermatology", field figures\.source: unknown id "nrmp-2099"$',
    ),
    (
        "citation with brackets",
        edit("sources", lambda t: t["1"].update(citation="OnlineMedEd (May 2025)")),
        r'^sources\.json, record 1 \("onlinemeded-2025"\), field citation: .*pattern',
    ),
    (
        "tip that is neither sourced nor our own",
        edit("tips", lambda t: t["1"].update(own_advice=False)),
        r'^tips\.json, record 1 \("active-1"\), field \(record\): .*own_advice',
    ),
    (
        "unknown match source",
        edit("other_specialties", lambda t: t["1"].update(match_sources=["aua-2099"])),
        r'^other_specialties\.json, "cardiology", field match_sources: unknown id "aua-2099"$',
    ),
    (
        "unknown field",
        edit("faq", lambda t: t["2"].update(answr="typo")),
        r'^faq\.json, record 2 \("match_with_average"\), field answr: Extra inputs',
    ),
    (
        "missing required field",
        edit("facts", lambda t: t["1"].pop("as_of")),
        r'^facts\.json, record 1 \("score-scale"\), field as_of: Field required',
    ),
    (
        "fact value the text doesn't state",
        edit("facts", lambda t: t["3"].update(value=220)),
        r'^facts\.json, record 3 \("step2-passing-score"\), field value: .*220 does not appear',
    ),
    (
        "score-release weekday the text doesn't name",
        edit("facts", lambda t: t["5"].update(weekday="Thursday")),
        r'^facts\.json, record 5 \("score-release"\), field weekday: .*Thursday does not appear',
    ),
    (
        "score-release weeks the text doesn't state",
        edit("facts", lambda t: t["5"].update(weeks=[3, 6])),
        r'^facts\.json, record 5 \("score-release"\), field weeks: .*6 weeks does not appear',
    ),
    (
        "percentile row the text doesn't state",
        edit("facts", lambda t: t["29"]["percentiles"].append([285, 100])),
        r'^facts\.json, record 29 \("ck-percentile-table"\), field percentiles: .*285 \(100\) does not appear',
    ),
    (
        "percentile row found only inside another",  # "95 (0)" is inside "195 (0)"
        edit("facts", lambda t: t["29"]["percentiles"].insert(0, [95, 0])),
        r'^facts\.json, record 29 \("ck-percentile-table"\), field percentiles: .*95 \(0\) does not appear',
    ),
    (
        "percentile rows out of order",
        edit("facts", lambda t: t["29"].update(percentiles=[[245, 46], [240, 35]])),
        r'^facts\.json, record 29 \("ck-percentile-table"\), field percentiles: .*out of order',
    ),
    (
        "too few phrasings",
        edit("faq", lambda t: t["3"].update(phrasings=["low score", "bad score"])),
        r'^faq\.json, record 3 \("low_score"\), field phrasings: .*at least 3',
    ),
    (
        "title too long for a button",
        edit("faq", lambda t: t["1"].update(title="Step 1 versus Step 2, compared")),
        r'^faq\.json, record 1 \("step1_vs_step2"\), field title: .*at most 28',
    ),
    (
        "record that is not an object",
        edit("tips", lambda t: t.update({"2": "Do questions"})),
        r"^tips\.json, record 2: expected an object$",
    ),
    (
        "unknown source id",
        edit("tips", lambda t: t["1"].update(source="onlinemeded-2024", own_advice=False)),
        r'^tips\.json, "active-1", field source: unknown id "onlinemeded-2024"$',
    ),
    (
        "unknown FAQ source",
        edit("faq", lambda t: t["1"]["sources"].append("usmle-2099")),
        r'^faq\.json, "step1_vs_step2", field sources: unknown id "usmle-2099"$',
    ),
    (
        "related topic that does not exist",
        edit("faq", lambda t: t["1"].update(related=["step3"])),
        r'^faq\.json, "step1_vs_step2", field related: unknown id "step3"$',
    ),
    (
        "topic related to itself",
        edit("faq", lambda t: t["1"].update(related=["step1_vs_step2"])),
        r'^faq\.json, "step1_vs_step2", field related: lists itself or a topic twice$',
    ),
    (
        "one phrasing asking two topics",
        edit("faq", lambda t: t["2"]["phrasings"].append(t["1"]["phrasings"][0])),
        r'^faq\.json, "match_with_average", field phrasings: ".+" also asks "step1_vs_step2"$',
    ),
    (
        "duplicate id",
        edit("facts", lambda t: t["2"].update(id="score-scale")),
        r'^facts\.json, records 1 and 2: id "score-scale" appears twice$',
    ),
    (
        "duplicate FAQ topic",
        edit("faq", lambda t: t["2"].update(topic="step1_vs_step2")),
        r'^faq\.json, records 1 and 2: topic "step1_vs_step2" appears twice$',
    ),
    (
        "alias clash between two specialties",
        edit("specialties", lambda t: t["1"]["aliases"].append("Derm")),
        r'^specialties\.json, "dermatology", field aliases: "derm" also names "plastic-surgery"$',
    ),
    (
        "other specialty claims a specialty's alias",
        edit("other_specialties", lambda t: t["1"]["aliases"].append("ENT")),
        r'^other_specialties\.json, "cardiology", field aliases: "ENT" also names '
        r'"otolaryngology"$',
    ),
    (
        "no tips at all",
        write("tips", '{"tips": {}}'),
        r"^tips\.json: holds no tip$",
    ),
    (
        "no encouragement at all",
        write("encouragements", '{"encouragements": {}}'),
        r"^encouragements\.json: holds no encouragement$",
    ),
    (
        "a stage's next step for an answer that ends without one",
        edit("faq", lambda t: t["1"].update(answer="Short answer.", next_steps={"waiting": "Next step: rest."})),
        r"^faq\.json, record 1 \(\"step1_vs_step2\"\), field \(record\): .*must end in a 'Next step:' paragraph",
    ),
    (
        "a next step for a stage that does not exist",
        edit("faq", lambda t: t["3"].update(next_steps={"dreaming": "Next step: sleep."})),
        r"^faq\.json, record 3 \(\"low_score\"\), field next_steps\.dreaming",
    ),
    (
        "specific answer filed under a topic that does not exist",
        write("answers", json.dumps({"answers": {"1": {**_ANSWER, "topic": "step3"}}})),
        r'^answers\.json, "filters", field topic: unknown id "step3"$',
    ),
    (
        "specific answer with too few ways of asking",
        write("answers", json.dumps({"answers": {"1": {**_ANSWER, "asks": ["how do filters work"]}}})),
        r'^answers\.json, record 1 \("filters"\), field asks: List should have at least 5 items',
    ),
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the real knowledge files, safe to break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def test_copy_of_real_data_loads(data_dir: Path) -> None:
    assert set(load_knowledge(data_dir).faq) == FAQ_TOPICS


@pytest.mark.parametrize(("breaker", "message"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_data_is_named(data_dir: Path, breaker: Callable[[Path], None], message: str) -> None:
    breaker(data_dir)
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge(data_dir)


def test_rankings_group_every_specialty_once_by_one_source_year_and_population(knowledge: Knowledge) -> None:
    for kb in (knowledge, mixed_knowledge(knowledge)):
        groups = kb.ranking()
        ids = [s.id for g in groups for s, _ in g.rows]
        assert sorted(ids) == sorted(kb.specialties)  # every specialty, once
        for group in groups:
            assert {(f.source, f.year, f.population) for _, f in group.rows} == {
                (group.series.source, group.series.year, group.series.population)
            }
            assert all(f is group.series.figures[s.id] for s, f in group.rows)
            values = [f.value for _, f in group.rows]
            assert values == sorted(values, reverse=True)  # highest first within its own source
            assert group.label == kb.label(group.rows[0][1])
        sizes = [len(g.rows) for g in groups]
        assert sizes == sorted(sizes, reverse=True)  # the source covering the most specialties first


@pytest.mark.parametrize(
    ("specialty", "source", "value"),
    [
        ("internal-medicine", "blog-2024", 250),  # stated year and population before the seed's 245
        ("anesthesiology", "blog-2024", 250),
        ("family-medicine", "seed", 241),  # the seed leads only where there is nothing else
        ("dermatology", "nrmp-2024", 258),  # the same year: the publisher's own data before a blog's summary
        ("ophthalmology", "sf-2025", 258),  # the newest year first
        ("vascular-surgery", "table-2020", 247),
    ],
)
def test_the_lead_figure_is_the_newest_stated_one_from_the_most_primary_source(
    knowledge: Knowledge, specialty: str, source: str, value: int
) -> None:
    kb = mixed_knowledge(knowledge)
    lead = kb.lead(specialty)
    assert (lead.source, lead.value) == (source, value)
    assert kb.figures_of(specialty)[0] is lead
    assert sorted(kb.figures_of(specialty), key=id) == sorted(kb.specialties[specialty].figures, key=id)


@pytest.mark.parametrize(
    ("specialties", "expected"),
    [
        (["anesthesiology", "internal-medicine"], [("blog-2024", ["internal-medicine", "anesthesiology"])]),
        (["internal-medicine", "family-medicine"], [("seed", ["internal-medicine", "family-medicine"])]),
        (["dermatology"], [("nrmp-2024", ["dermatology"])]),  # alone: its lead
        (["dermatology", "psychiatry"], [("blog-2024", ["dermatology", "psychiatry"])]),
        (
            ["family-medicine", "anesthesiology", "ophthalmology", "pediatrics"],
            [
                ("blog-2024", ["pediatrics", "anesthesiology"]),
                ("sf-2025", ["ophthalmology"]),
                ("seed", ["family-medicine"]),
            ],
        ),
    ],
)
def test_a_set_of_specialties_takes_the_source_covering_most_of_them(
    knowledge: Knowledge, specialties: list[str], expected: list[tuple[str, list[str]]]
) -> None:
    groups = mixed_knowledge(knowledge).groups(specialties)
    assert [(g.series.source, sorted(s.id for s, _ in g.rows)) for g in groups] == [
        (source, sorted(ids)) for source, ids in expected
    ]


def test_one_groups_figures_stand_apart_from_everyones(knowledge: Knowledge) -> None:
    held = {s.id: f for s in knowledge.specialties.values() for f in s.figures if f.group == "img"}
    assert held  # the real store holds the non-U.S. IMGs' 2026 figures
    for ident, figure in held.items():
        assert knowledge.group_figure(ident, "img") is figure
        assert figure not in knowledge.figures_of(ident) and knowledge.lead(ident).group is None
    assert all(f.group is None for g in knowledge.ranking() for _, f in g.rows)  # charts and tables: everyone's
    assert knowledge.group_figure("dermatology", "img") is None  # too few matched to report
    assert knowledge.group_figure("internal-medicine", "do") is None


def test_the_real_store_leads_with_stated_figures_wherever_it_has_one(knowledge: Knowledge) -> None:
    for spec in knowledge.specialties.values():
        lead = knowledge.lead(spec.id)
        stated = [f for f in spec.figures if f.year is not None and f.population is not None and f.group is None]
        assert (lead in stated) == bool(stated), spec.id
        assert lead.year == max((f.year or 0 for f in stated), default=None) or not stated, spec.id
    [group] = knowledge.groups(["anesthesiology", "internal-medicine"])  # the issue's case: one 2024 source
    assert {f.value for _, f in group.rows} == {250}


@pytest.mark.parametrize(
    ("figure", "label"),
    [
        ({}, "Seed Article, May 2025, year and population not stated"),
        ({"year": 2024}, "Seed Article, May 2025: population not stated, 2024 data"),
        ({"population": "matched U.S. MD seniors"}, "Seed Article, May 2025: matched U.S. MD seniors, year not stated"),
        ({"year": 2024, "population": "U.S. MD seniors"}, "Seed Article, May 2025: U.S. MD seniors, 2024 data"),
    ],
)
def test_a_label_is_built_from_the_source_and_says_what_it_leaves_out(
    knowledge: Knowledge, figure: dict[str, Any], label: str
) -> None:
    built = Figure.model_validate({"value": 245, "source": "seed", "as_of": "2025-05-01", **figure})
    assert mixed_knowledge(knowledge).label(built) == label


def test_the_seeds_figures_say_their_year_and_population_are_not_stated(knowledge: Knowledge) -> None:
    seed = knowledge.specialties["family-medicine"].figures[0]
    assert knowledge.label(seed) == f"{knowledge.cite(ARTICLE)}, year and population not stated"


@pytest.mark.parametrize(
    ("url", "primary"),
    [
        ("https://www.nrmp.org/match-data/", True),
        ("https://nrmp.org/x", True),
        ("https://students-residents.aamc.org/report", True),
        ("https://notnrmp.org/x", False),
        ("https://www.quantaprep.com/blog/x", False),
        ("https://medicine.uky.edu/eye", False),
    ],
)
def test_a_source_is_primary_when_the_data_publisher_hosts_it(url: str, primary: bool) -> None:
    source = Source.model_validate({"id": "s", "citation": "S", "title": "S", "url": url})
    assert source.is_primary is primary


def test_nearest_averages_come_from_the_lead_figures_source_first(knowledge: Knowledge) -> None:
    kb = mixed_knowledge(knowledge)
    assert [s.id for s in kb.nearest("internal-medicine", 4)] == [
        "anesthesiology",
        "pediatrics",
        "psychiatry",
        "dermatology",
    ]
    for spec in knowledge.specialties.values():
        lead = knowledge.lead(spec.id)
        series = next(g.series for g in knowledge.groups([spec.id]))
        near = knowledge.nearest(spec.id, 3)
        assert spec not in near and len(near) == 3
        inside = [s for s in near if s.id in series.figures]
        gaps = [abs(series.figures[s.id].value - lead.value) for s in inside]
        assert gaps == sorted(gaps)
        assert [s.id in series.figures for s in near] == sorted((s.id in series.figures for s in near), reverse=True)


def test_every_topic_the_code_names_is_answered_by_the_data(knowledge: Knowledge) -> None:
    assert set(NAMED_IN_CODE) <= set(knowledge.faq)
    assert named_topic_problems(knowledge.faq) == []
    assert named_topic_problems(set(knowledge.faq) - {"after_fail"}) == [
        "FAQ topics the code names that faq.json doesn't answer: after_fail"
    ]


def test_the_examples_topics_come_from_faq_json() -> None:
    with pytest.raises(ValidationError, match=r"not a topic of faq\.json"):
        Example.model_validate({"text": "how do shelves work", "intent": "faq", "topic": "shelf_exams"})


def test_every_fact_the_code_names_is_in_the_store(knowledge: Knowledge) -> None:
    """A fact renamed or dropped in facts.json fails here, not as a missing line in a student's reply."""
    named = {talk.CRISIS_FACT, talk.STEP1_MARK_FACT, talk.COMLEX_PE_FACT, SCORE_RELEASE_FACT, *advice.PASS_MARK_FACTS}
    assert named <= set(knowledge.facts), named - set(knowledge.facts)


def test_every_answer_the_understanding_rules_name_is_in_the_store(knowledge: Knowledge) -> None:
    """Each answer id a rule of `bot.understand` leads to (its `..._ANSWER` names, and the answers kept from a student
    whose score is out) is in answers.json: a renamed answer fails here, not as a rule that quietly answers nothing."""
    import bot.understand as understand_module

    named = {
        value for name, value in vars(understand_module).items() if name.endswith("_ANSWER") and isinstance(value, str)
    }
    named |= understand_module._FOR_A_PENDING_SCORE
    assert len(named) > 20  # the rules name many; a rename of the convention would empty this test
    assert named <= set(knowledge.answers), named - set(knowledge.answers)


def test_every_answer_the_code_names_is_in_the_store(knowledge: Knowledge) -> None:
    """An answer renamed in answers.json fails here, not as a rule that quietly falls back to a topic."""
    named = {
        respond.PRACTICE_GENERAL,
        respond.PERCENT_PREDICT,
        respond.MATCHED_SCORE_ANSWER,
        respond.MATCHED_WHAT_NOW_ANSWER,
        respond.CANT_START_ANSWER,
        respond.PRACTICE_DROPPED,
        respond.RANKING_ANSWER,
        respond.REAL_LOWER_ANSWER,
        respond.NOT_MATCHED_ANSWER,
        respond.SCORED_STEP1_ANSWER,
    }
    assert named <= set(knowledge.answers), named - set(knowledge.answers)
