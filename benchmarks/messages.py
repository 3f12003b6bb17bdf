"""What students actually type, shared by the benchmarks: scores, specialties, comparisons,
small talk, typos and nonsense. None asks for a chart or starts a plan, so each message
gets exactly one text reply."""

STUDENT_MESSAGES = (
    "248 good enough for ortho??",
    "avg for rads",
    "can IMGs match derm",
    "derm vs plastics vs ENT",
    "I got 245, what fits?",
    "what about psych?",
    "high 240s for gen surg",
    "hi",
    "my NBME 12 was 230, I'm 26, is that ok for peds",
    "is step 2 harder than step 1",
    "what's the passing score",
    "asdfghjkl",
    "I got 320",
    "urology average?",
    "compare IM, peds and FM",
    "dermatolgy 250",
    "thanks!!",
    "EM with a 238?",
)
