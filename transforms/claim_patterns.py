"""The grammar of numeric claims (contract section 6), one named pattern per idea.

Every pattern is a Rust-regex (Polars) fragment: no look-around, no backreferences.
`MARK` joins them into one alternation, SKIP patterns first: at any
position the regex engine prefers the leftmost match, and at equal start the first
alternative, so a name such as `ResNet-50` is consumed whole (and thrown away) before
its `50` could be read as a number. Patterns never match the empty string.
"""

import functools
import re

# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------

# A number written with digits: 1,234,567.8 or 75.15 or 7 (no sign, no leading dot).
# ... and thousands grouped by a space ("230 048 images", "2 953 annotations", "5 227.2 ms"):
# one number, not two (a group is three digits that no digit or letter follows)
NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3}\b)+|[0-9]+)(?:\.[0-9]+)?"

# Spelled-out numbers that count as claims, but only directly before times/fold.
SPELLED = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
}
SPELLED_WORD = r"(?:" + "|".join(SPELLED) + r")"

# Magnitude suffix glued (14M, 7k, 3.5B) or written out (10 million, 3-billion).
# (the plural too: "110 thousands SAR images"; capitalized: "a 14 Billion parameter model")
# (M and K after a space too: "1.89 M 2D slices", "~1-5 M trainable parameters"; not B, which starts
# names after a space: "20,000 B-rep models")
# (G for giga glued to a decimal: "1.97G MACs", "12.81G FLOPs"; an integer before G is skipped,
# GIGA_INTEGER: "5G networks", "6G" are generations, not 5e9)
MAG = r"(?:\s?-?(?:[Tt]housand|[Mm]illion|[Bb]illion|[Tt]rillion)s?\b|[kKMBGT]\b|\s[MK]\b)"
MAGNITUDE = {"k": 1e3, "K": 1e3, "thousand": 1e3, "M": 1e6, "million": 1e6,
             "B": 1e9, "billion": 1e9, "G": 1e9, "T": 1e12, "trillion": 1e12,
             "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
MAGNITUDE |= {word.capitalize(): value for word, value in MAGNITUDE.items() if len(word) > 1}

# Data sizes: 40GB, 1.5 TB, 512MiB (kind count, unit the byte unit).
BYTES = r"\s?[KMGTP]i?B\b"

# Percent: 75.15%, 20 %, 20 percent.
PERCENT = r"\s?(?:%|percent\b|per\s?cent\b)"

# Multiplier: 1.43×, 6.6x, 500X, 8 times, 300-times (larger), 3-fold, 10fold.
MULT = r"(?:\s?×|[xX]\b|[\s-]times\b|-?\s?fold\b)"

# Duration: 0.1s, 24h, 10 minutes, 53k hours, 2 days.
DURATION = (r"(?:(?:ms|s|sec|secs|min|mins|h|hr|hrs)\b"
            r"|\s(?:milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|ms|s|h)\b"
            # "1.2-second", "4 GPU-hours", "920 man-hours": the unit after a hyphen or a resource
            r"|(?:\s?(?:GPU|man|person)[- ]|-)(?:milliseconds?|seconds?|minutes?|hours?|days?|weeks?)\b)")
DURATION_UNIT = [  # (regex on the suffix, normalized unit)
    (r"^\s?(?:ms|milliseconds?)$", "ms"),
    (r"^\s?(?:s|secs?|seconds?)$", "s"),
    (r"^\s?(?:mins?|minutes?)$", "min"),
    (r"^\s?(?:h|hrs?|hours?)$", "h"),
    (r"^\s?days?$", "d"),
    (r"^\s?weeks?$", "week"),
    # "over 15 years of archival data", "detected 5 months sooner" (written out only)
    (r"^\s?months?$", "month"),
    (r"^\s?years?$", "year"),
]
# Every word DURATION can end in, and its unit by DURATION_UNIT: a lookup of the suffix
# without its white space costs less than six regexes (tests/transforms/test_claims.py
# checks that DURATION matches no other word).
DURATION_WORDS = ["ms", "s", "sec", "secs", "min", "mins", "h", "hr", "hrs", "millisecond", "milliseconds", "second",
                  "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"]
DURATION_UNITS = {word: next(unit for rx, unit in DURATION_UNIT if re.search(rx, word)) for word in DURATION_WORDS}
# A counted noun that is a time unit ("24 active days") and the unit a duration writes for it (the
# singular words written out; their units by DURATION_UNIT, as above).
TIME_NOUN_UNIT = {word: DURATION_UNITS[word] for word in ("millisecond", "second", "minute", "hour", "day", "week", "month", "year")}

# Money written with a currency: $250M, $ 3.5 million, USD 38.99, 20 USD, 100 dollars.
MONEY_PREFIX = r"(?:(?:US)?\$|\bUSD\s)\s?"
MONEY_SUFFIX = r"\s?(?:USD|dollars?)\b"

# ---------------------------------------------------------------------------
# SKIP: digits that are not claims. Matched (so they hide their digits) and dropped.
# ---------------------------------------------------------------------------

# A model size right after a model's name is part of the name (contract section 6): "Qwen
# 2.5 72B", "Gemma-3 12B", "LLaMA3 8B", "Phi-4 14B", "Llama 3.2-3B".
NAME_SIZE = r"(?:[\s-]\d+(?:\.\d+)?[BM]\b)?"

# Web addresses: numbers inside URLs are never claims.
URL = r"https?://\S+|www\.\S+"

# Identifiers with a digit glued to letters: ResNet-50, GPT-3.5, ViT-B/16, LAION-2B,
# CIFAR-10, ImageNet-1K, GSM8K, H100, L_2, T2I, wav2vec, top-1, BiT-M-R50x1.
# ... with a model tag's size after a colon ("qwen2.5:32b", "llama3.1:8b": the size is the tag's).
IDENT = r"\b[A-Za-z][A-Za-z_]*(?:[-/]?[A-Za-z_]+)*[-/_.]?\d\w*(?:[-/.]\w+)*(?::\d+(?:\.\d+)?[bBmM]\b)?" + NAME_SIZE

# Version of a named system: SQuAD 2.0, wav2vec 2.0, Llama 3.1 (one digit, dot, digit).
# ... and the versions listed after it: "Claude 3.5/3.7", "Sonnet 3.5 and 3.7", "Opus 4.5, 4.6".
VERSION = (r"\b(?:[A-Z]+[a-z][A-Za-z]*|[A-Za-z]+\d[A-Za-z\d]*)\s[vV]?[1-9]\.\d\b" + NAME_SIZE
           + r"(?:(?:/|,\s|,?\s(?:and|or)\s)[1-9]\.\d\b)*")

# Model families followed by a generation number: Llama 2, Qwen 2.5, Stable Diffusion 3.
MODEL_FAMILY = (r"\b(?:Llama|LLaMA|Qwen|Gemma|Mistral|Mixtral|Phi|Claude|Gemini|Falcon|Vicuna|"
                r"Pythia|OPT|BLOOM|DeepSeek|Stable Diffusion|Midjourney|DALL-E|Imagen|GPT)"
                r"[- ]?v?\d+(?:\.\d+)?[a-z]?" + NAME_SIZE + r"(?:[-/.]\w+)*")

# A size after a name that is not the first word of its sentence ("utilizes Gemma 9B,",
# "and Mathstral 7B"): the name and its size. The character before the name is consumed
# (no look-behind): a lower-case letter, comma or colon, then one space.
# (read in the text before a size, see LEFT_NAME_SIZE: as a MARK alternative it would push
# the combined pattern past the size at which the regex engine's lazy DFA stays fast)
LEFT_NAME_SIZE = r"[a-z,:]\s[A-Z][\w.-]*\s$"

# Dimensions as names: 2D, 3D, 4D, 2.5D, 3-D (not counts).
# and names built on them: 3DGS, 3DMM, 3DGen-Bench, 5DCR, "3d morphable"; degrees of freedom: 6DoF.
# ... and a sum of dimensions: the "(2+1)D" of R(2+1)D convolutions.
# (a lower-case d before a capital is a dimension's name, "3dGS", but never "dB": "by 0.44dB" is a gain in decibels)
DIMENSION = r"\b\d+(?:\.\d+)?-?(?:D(?:[A-Z][\w-]*|oFs?)?|d(?:[AC-Z][\w-]*|oFs?)?)\b|\(\d\+\d\)-?[Dd]\b"

# Video and display resolutions: 1080p, 720P, and 2K/4K/8K before a resolution word
# ("all at 4K resolution"). (Not any K-size after "in"/"at": "latency at 8K", "context length
# fixed at 4K" count tokens; "rendered in 4K." is a resolution by _k_resolution, where the
# abstract speaks of resolution.)
# ("native 1K resolution", "2K output resolution": a K-size before a word and "resolution")
# ("2K-resolution", "native 2K/4K videos": a hyphen, and the sizes listed with a slash)
RESOLUTION = (r"\b\d{3,4}[pP]\b|\b\d+-?(?:pixels?|px)\b|\b[248]K(?:/[248]K)*[\s-](?:resolution|video|videos|image|images|UHD|display)\b"
              r"|\b[1-8]K\s(?:[a-z]+\s)?resolutions?\b")

# Camel-case or all-caps name followed by an integer: RTX 4090, CoRe 50, COCO 2014.
# The delimiter after the integer is consumed so that `FID 2.51` is not a name.
# (not the currency "USD" or "US": "costs under USD 1," is money, read by CLAIM)
NAMED_NUMBER = r"\b(?:[A-TV-Z][a-z]*[A-Z]|U[a-z]+[A-Z]|U[A-RT-Z]|US[A-CE-Za-z]|USD[A-Za-z])[A-Za-z]*\s\d+(?:\s\d+(?:\.\d+)?[BM]\b|[\s,;:)]|$)"

# A consumer GPU's model number before "GPU" ("on 4090 GPU", "4 * 4090 GPUs", "a 3090 Ti GPU"):
# a name (contract section 6: RTX 4090), not a count of GPUs (which is no such round x0x0 number).
# ... and an accelerator's name glued to the "x" of a count of them ("8xA100", "2xV100": the x ties
# no word boundary, so IDENT does not take the name; the count is read by HARDWARE_AFTER).
GPU_NUMBER = r"\b[1-5]0[5-9]0(?:\sTi)?\sGPUs?\b|x[A-Z]{1,2}[0-9]{2,4}[A-Z]?\b"
# A multiplication sign or "times" between a count and an accelerator's name: the count counts
# them ("8×H100", "4x RTX 4090 cards", "4 times Nvidia H200 GPU nodes", "8xA100"), no multiplier.
# (read on the text after a multiplier, or after a number followed by a glued x; a bare "GPU" after
# a multiplier is what it multiplies: "a 3x GPU memory saving")
HARDWARE_AFTER = (r"^(?:[xX*]|\s\*)?\s?(?:NVIDIA\s|Nvidia\s)?"
                  r"(?:[A-Z]{1,2}[0-9]{2,4}[A-Z]?\b|(?:GeForce\s)?RTX\s|GTX\s)")

# A number glued to a capitalized name: 10-Split-CIFAR-100, 3-D.
NUM_NAME = r"\b\d+-[A-Z]\w*(?:[-/]\w+)*"

# Cross references: Section 3, Fig. 2, Table 1, Eq. 4, Theorem 2.1.
REFERENCE = (r"\b(?:Sections?|Sec\.|Figures?|Fig\.|Tables?|Tab\.|Eqs?\.|Equations?|Theorems?|"
             r"Lemmas?|Corollary|Appendix|Chapter|Algorithm|Proposition|Definition)\s?\d+(?:\.\d+)*")

# Image sizes and resolutions: 64×64, 224x224, 1024 x 1024, 32×32×3, 1024², 512*512*241.
# (and voxel sizes with decimals: 0.5x0.5x0.5)
IMAGE_SIZE = r"\d+(?:\.\d+)?\s?[×xX*]\s?\d+(?:\.\d+)?(?:\s?[×xX*]\s?\d+(?:\.\d+)?)*|\d+[²³]"

# Fractions and ratios in math: 1/2, 3/4.
FRACTION = r"\d+/\d+\b|\b\d+:\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)*\b|\b\d+:[A-Za-z]\b"  # and ratios: 1:1, 1:3.5, a 80:10:10 split, 1:N

# A number after `@` is part of a metric's name: pass@1, avg@32, Rank@1, mAP@50, TAR@0.1%,
# and so are the thresholds listed with it: CSR@1k/3k/5k, R@1/5/10, mAP@0.5:0.95.
# (and a bracketed range of thresholds: "AP@[.5:.95]")
AT_SETTING = r"@\d+(?:\.\d+)?[kK%]?(?:[/:]\d+(?:\.\d+)?[kK%]?)*|@\[[0-9.:, ]+\]"

# Settings that are part of a name: 5-shot, 5-way, 2-hop, n-gram, "1/5/10 shot".
# (a setting is a small number, three digits at most: "1585 shots" of a film data set are counted)
# ... "N-way" only before its shots ("5-way 5-shot"): alone it counts the classes or options of a
# task ("3-way classification", "4-way multiple-choice"; GUIDELINES: "21-way" is a count of way)
SHOT_SETTING = r"\b(?:\d+/)*\d{1,3}[- ](?:shots?|way[\s,-]+\d{1,3}[- ]shots?|hops?|grams?)\b"

# The level of a confidence interval: "95% CI", "95% confidence interval".
CI_LEVEL = r"\b9[059](?:\.\d)?%\s?(?:CIs?\b|confidence\b)"
# Group 1: the level of an interval written right before its bounds ("95% CI 0.692-", "95% CI: ").
CI_BEFORE_BOUNDS = r"\b(9[059](?:\.\d)?%)\s?CIs?\b[\s:=,]*$"

# A label followed by its index names a part, like a cross reference: "Stage 1", "in
# stage 2", "Task 11", "label 3:", "Lean 4", "Level 2", "Phase 1".
# Read in the text before a bare number (like the dates and settings below), not in MARK.
# Dates: "January 2026", "Oct 2025", "May 29, 2025" (and "29 May 2025": RIGHT_MONTH).
# Lower-case settings: rho=0, conf.=0.5 (a capitalized name = value is a metric's value:
# "Dice = 0.37", "QWK = 0.28").
LEFT_NOT_CLAIM = (r"\b(?:(?:[Ss]tages?|[Pp]hases?|[Ll]evels?|[Tt]asks?|[Ss]ubtasks?|[Tt]racks?|[Rr]ounds?|[Pp]arts?|"
                  r"[Ll]abels?|[Ss]ections?|[Ss]easons?|[Ee]pisodes?|[Tt]iers?|[Ss]teps?|[Mm]odules?|[Ll]ean|"
                  # "layer 0", "at layers 8-15", "epoch 10", "Type 2 Diabetes", "challenge 1)"
                  r"[Ll]ayers?|[Ee]pochs?|[Ii]terations?|[Cc]hallenges?|[Tt]ypes?"
                  # capitalized labels of a numbered part ("Experiment 2 introduces", "System 2
                  # reasoning", "Top 1 accuracy", "Chapters 2--8", "Grade 3", "Case 1", "Day 28";
                  # lower-case "we study 64 LLMs" counts), and a numbered question ("research question 1")
                  r"|Experiments?|Systems?|Stud(?:y|ies)|Hypothes[ie]s|Top|Chapters|Grades?|Class|Version|Cases?"
                  r"|Groups?|Conditions?|Scenarios?|Settings?|Cohorts?|Waves?|Sessions?|Trials?|Model|Day|Week"
                  r"|[Qq]uestions?|RQ)\s?~?"
                  r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s(?:[0-9]{1,2},?\s)?"
                  r"|[a-z][a-z_.]*(?:\s?=|[<>≤≥])\s?[+-]?\.?"
                  # ages: "samples aged 18-59", "age of 65"
                  r"|\b(?:[Aa]ged?|[Aa]ges)\s(?:of\s|between\s|from\s)?"
                  # names with a number: two capitalized words after a word, not after a
                  # sentence's end ("and Claude Sonnet 4"; the \b before \s wants a letter
                  # there), a product name led by a lower-case letter ("iPhone 17", not "mAcc
                  # 45"), a name with a plus ("NTU RGB+D 60")
                  r"|\s[A-Z][a-z]+\s[A-Z][a-z]+\s|\b[a-z][A-Z][a-z]{3,}\s|\b[A-Z]+\+[A-Z]+\s"
                  # ... and after a comma or semicolon, which ends no sentence ("judge model, Claude Sonnet 4")
                  r"|[,;]\s[A-Z][a-z]+\s[A-Z][a-z]+\s"
                  r")$"
                  # a digit glued to a Greek letter is an index or a name ("τ3", "β2")
                  r"|[α-ωΑ-Ω]$")
# ... but not the decimal value of a correlation or agreement statistic named in lower case: a
# result ("r = 0.617", "Kendall tau = 0.89", "Fleiss' kappa = 0.06", "rho = 0.46"; "rho=0" stays a setting).
LEFT_STATISTIC = r"\b(?:[rR]|tau|kappa|rho)\s?(?:=|[<>≤≥])\s?[+-]?$"
RIGHT_MONTH = r"^\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s|,|$)"
# A bare number glued to capitals is part of a name or formula: "2MN" (memory 2MN); a
# lower-case unit glued to it stays a claim ("25m", "+17.26pp"). So does one capital that no
# lower-case letter follows (magnitudes, 3D and 2x are read before): "6G networks", the
# isotope "18F-FDG", the "3H" objectives (a unit like "3Hz" keeps its lower-case letter).
# A camel-case or capitalized word glued to it names something too: "2WikiMultihop", "360World"
# (a unit keeps fewer lower-case letters: "5Hz", "10Gbps").
RIGHT_GLUED = r"^[A-Z](?:[^a-z]|$)|^[A-Z][a-z]+[A-Z]|^[A-Z][a-z]{4}"
# Any claim, a unit glued to it too, that a hyphen ties to a capitalized word is a name
# ("20min-XD"), like NUM_NAME for a bare number.
RIGHT_HYPHEN_NAME = r"^-[A-Z]"
# A resolution, spatial or of an image, is a setting, not a claim (like 64×64 and 1080p):
# "at 10 m resolution", "a 30-m spatial resolution", "at 0.25 degree resolution", "512 resolution".
RIGHT_RESOLUTION = r"^[\s-]?(?:(?:[a-zµ]{1,3}|degrees?)\s)?(?:spatial\s|grid\s)?resolutions?\b"
# A rating scale is a setting, not a claim: "on a 5-point scale", "a 7-point Likert", "a 1-5 scale"
# (singular: "at 3 scales" counts; the other end of "1-5" goes with it, see claims._range_of_dropped).
RIGHT_SCALE = r"^(?:[\s-]?(?:point|star)s?\s(?:[A-Za-z]+\s)?(?:scales?|[Ll]ikert|ratings?)\b|\s(?:[Ll]ikert\s)?scale\b)"

# "N-fold" that names a protocol, not a factor: the k of k-fold cross-validation ("5-fold
# cross-validation", "five-fold CV", "a 5-fold out-of-fold protocol", "a two-fold ensemble"),
# and a spelled "twofold" said of parts after is/are ("our contributions are threefold: (i) ...").
FOLD_SETTING_RIGHT = r"^[\s-](?:stratified\s)?(?:cross[\s-]?validat|CV\b|out-of-fold|OOF\b|ensembles?\b|splits?\b)"
FOLD_PARTS_LEFT = r"\b(?:is|are|was|were)\s$"

# In an abstract on magnetic resonance imaging a number with "T" is the scanner's field strength
# in tesla, a setting of the device (like a resolution), not trillions: "7T MRI", "(0.3T, 0.55T,
# and 3T)" (read in the whole abstract, on the matches ending in T only).
TESLA_CONTEXT = r"\bMRI\b|\bMR\s(?:imag|scan)|[Tt]esla\b|[Mm]agnetic\s[Rr]esonance"

# The gap of a range between two numbers, or of a pair: "18-59", "2--8", "1 to 3", "12–13", "4 and 6"
# (not a lone comma: "In Phase 1, 120 patients" counts).
RANGE_JOIN = r"^(?:\s?(?:-{1,2}|–|to)\s?|,?\s(?:and|or|&)\s)$"
# The text before a bare number that continues a list after a name's number that NAME_NUMBER
# skipped with the "and" or comma after it (group 1, the joiner: "in Level 2 and 3", "Tasks 1,
# 2 and 5", "Llama 1 and 2 7B"), and, after a comma, the gap to the list's next item ("1, 2 and
# 5": "In Phase 1, 120 patients" is no list) (claims._list_after_name_number).
NAME_LIST_LEFT = r"(?:^|[a-z,;(]\s)[A-Z][A-Za-z]+\s\d{1,3}(?:,\s?\d{1,3})*(,|,?\s(?:and|or))\s$"
NAME_LIST_NEXT = [",", ", ", " and ", ", and ", " or ", ", or "]
# A short name in the parenthesis right after a number that repeats the number (group 1): the number is
# that name's ("Stable Video 4D 2.0 (SV4D 2.0)", "the Glass dataset 2.0 (GD 2.0)", "Suite 100 (S-100)")
# (claims._named_by_echo; the parenthesis may hold a claim of its own, so it is read in the text).
ECHO_NAME_NUMBER = r"^\s\([A-Za-z][\w+.-]*(?:\s[A-Za-z][\w+.-]*)?[\s-]v?([0-9][0-9.]*)\)"
# A plural noun right after a list's last item, maybe after one word: the list counts ("12, 15 and 18
# sites", "3, 5, 7 attention heads"); a verb and the words after it do not ("8, 16, and 24 show that").
LIST_COUNTED = r"^\s(?:[a-z-]+\s)?[a-z][a-z-]+[a-rt-z]s\b"
# The usual maxima of a rating scale ("9.8/10", "4.2 out of 5", "87.5/100"): after a decimal score the
# scale's end, not a claim (detect; claims._scale_maximum).
SCALE_MAXIMA = ["5", "10", "100"]
# The value of a score written before it ("a score of 85", "an ACCR score of 76", "BERTScore = 91",
# "scores: 7"): an integer after it is a score, not a count (detect).
SCORE_OF_LEFT = r"(?:\b[Ss]cores?|[a-z]Score)\s?(?:of|=|:|is|was|reached|reaches)\s?(?:about\s|around\s|approximately\s|only\s|~)?$"
SCALE_MAXIMUM_HEAD = r"^(?:/|\sout\sof\s)(?:5|10|100)\b"

# A name's number, read around a bare integer of up to three digits or a version "2.1",
# "3.11" (not read in MARK): a name in the middle of a sentence, capitalized with a
# lower-case letter or hyphenated ("and Argoverse 2 across", "on Terminal-Bench 2 by 9.9%",
# "using Python 3.11.", "from Battlefield 6 across"), when no counted noun follows the number
# but punctuation or a function word (RIGHT_NO_NOUN): "Across 60 scenarios" starts its
# sentence and counts, "Dice 0.39" is a metric's value (a leading 0), "AP 45" may be one (no
# lower-case letter).
NAME_VERSION_LIKE = r"^(?:[0-9]{1,3}|[1-9]\.[0-9]{1,2})$"
LEFT_NAME_FOR_NUMBER = (r"[a-z0-9,;(]\s(?:[A-Z][A-Za-z0-9+]*[a-z][A-Za-z0-9+]*(?:-[A-Za-z0-9+]+)*"
                        r"|[A-Z][A-Za-z0-9+]*(?:-[A-Za-z0-9+]+)+)\s$")
RIGHT_NO_NOUN = (r"^(?:[,;:)'’/]|\s\(|\.(?:\s|$)|$|\s(?:and|or|in|on|for|with|to|of|is|are|was|were|has|have|by|at|from"
                 r"|as|via|using|under|over|across|into|than|vs|versus|through|within|without|which|that|where|while"
                 r"|when|achieves?|outperforms?|reaches|shows?)\b)")

# Dates: "January 2026", "Oct 2025", "May 29, 2025".
# A capitalized name (not the first word of its sentence) with a number, where no counted
# noun follows: "in Stage 1,", "Task 11,", "Claude Sonnet 4 in", "Landsat 8,", "Segment
# Anything Model 2 (SAM 2)". The character before the name is consumed (no look-behind).
# (any name of two letters or more but the currency "USD" and "US": "costs under USD 1," is money)
NAME_NUMBER = (r"[a-z,:;(]\s(?:[A-TV-Z][A-Za-z]+|U[A-RT-Za-z][A-Za-z]*|US[A-CE-Za-z][A-Za-z]*|USD[A-Za-z]+)\s\d+(?:[,;:)'’]|\s\(|\.\s|\.?$"
               # a singular data or model word after it: "the Factify 2 dataset"
               r"|\s(?:and|or|in|on|for|with|to|of|is|are|was|were|has|have|achieves|outperforms"
               r"|dataset|benchmark|corpus|challenge|model)\b)")

# List markers: (1), ( 2 ), (ii), (a), and `1) text` / `3).` at a clause start (one digit: a
# two-digit number before ")" closes a parenthesis: "(crossing numbers 3 to 19) with", "(e.g. 8-64) and").
# ... and citation markers [7], [1, 12] (a bracket of bare integers: also the interval [0,1]).
LIST_MARKER = (r"\(\s?(?:\d{1,2}|[ivxIVX]{1,4}|[a-hA-H])\s?\)|\b\d\)(?:\s[A-Za-z]|\.)"
               r"|\[\d{1,3}(?:,\s?\d{1,3})*\]")

# Ordinals are ranks or positions, not quantities: 1st, 2nd, 3rd, 10th.
ORDINAL = r"\b\d+(?:st|nd|rd|th)\b"

# Years standing alone or in citations: (Anthony et al., 2017; ...), in 2019, iNat 2019 and.
# ... and, whatever follows, a range of years ("2017-2024 preserves", "the 2023-24 season"; not
# "1000-2000 images") and a year after a capitalized name that does not start its sentence ("Kang
# 2024 pan-cancer atlas", "ACM Multimedia 2025 provides").
# ... and a decade ("the 1860s", "1990s image codes").
YEAR = (r"\b(?:19[5-9]\d|20[0-2]\d)"
        r"(?:[;),.:!?]|\s\(|\s(?:and|or|in|on|with|for|by|at|we|the|dataset|benchmark|challenge|edition|version)\b)"
        r"|\b(?:19[5-9]\d|20[0-3]\d)[-–](?:19[5-9]\d|20[0-3]\d|\d\d)\b"
        r"|[A-Za-z,;:(]\s[A-Z][A-Za-z]*\s(?:19[5-9]\d|20[0-3]\d)\b"
        r"|\b(?:1[6-9]|20)\d0s[^\w]|['’]\d0s\b")  # (with the character after it: "1860s" alone reads as seconds; "the '80s")

# A statistic named by a person's name and a one-letter symbol, with its relation sign: "Cohen's d = ",
# "Hedges' g > ", "Kendall's W = ". Skipped as MATH's first match there, so that the value after it is a
# result (a claim) and not a one-letter setting ("k = 3"); no digits in it.
NAMED_STATISTIC = r"\b[A-Z][a-z]+['’]s?\s[A-Za-z]\s?(?:=|[<>≤≥])\s?"
# Math: braces, sub/superscripts and single-letter equations: u_{t+1}, x^{2}, k = 3.
# ... and lower-case settings: rho=0, conf.=0.5, n=1000 (a capitalized name = value is a
# metric's value: "Dice = 0.37", "QWK = 0.28").
# ... and exponents in parentheses, a power of ten with a negative exponent (10^(-62), 10^-5:
# p-values), a letter plus or minus an integer (level n+1, step t-1).
# (a setting's value may have thousands separators: "N = 2,724"; the exponent of a number in
# e-notation is no number of its own: "p = 8.9e-11"; the values of a setting listed with bare commas are
# the setting's too: "k=1,3,4,5,6", "m=2,4,8,16"; a space after a comma ends it: "n = 10, 1,146 questions")
# ... but a correlation r written as a decimal ("r = 0.617", "Pearson r > 0.8") is a result, not a
# setting: r is skipped only before an integer other than 0 ("rank r = 16") or a leading dot.
MATH = (r"\{[^{}]*\}|[\^_][{(]?[\w+\-*]+[})]?|\b[A-QS-Za-qs-z]\s?[=<>≤≥]\s?\.?\d+(?:,\d{3})*(?:\.\d+)?"
        r"(?:,\d{1,2}\b)*"
        r"|" + NAMED_STATISTIC +
        r"|\b[Rr]\s?[=<>≤≥]\s?(?:\.\d+|[1-9]\d*(?:,\d{3})*(?:\.\d+)?|0(?:[^.\d]|$))"
        r"|\b\d+\^[{(]?[-−]\d+[})]?|\b[a-z][+-]\d+\b|[eE][-−+]\d+\b")

# An age is a setting, not a claim: "over 60 years old", "6-7 year old", "under 20 years of age".
# (an age in thousands keeps its comma: "a 2,500-year-old tradition")
AGE = r"\b(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s?[-–]\s?\d+)?[\s-]years?[\s-]old\b|\b\d+\s(?:years?|months?)\sof\sage\b"

# A one-digit decimal before a capitalized word of three letters or more is a version before its
# variant's name ("Gemini 2.5 Pro and 3.1 Flash", "Grounding DINO 1.5 Edge"); a unit keeps fewer
# lower-case letters ("3.9 Wh").
VERSION_VARIANT = r"\b[1-9]\.\d\s[A-Z][a-z]{2,}\b"

# Sizes listed after a model name with a size are that name's other sizes (elliptic names, not
# claims): "Qwen2.5-1.5B, 3B, and 7B", "Wan2.1-1.3B and 14B", "Qwen 7B/14B".
_MORE_SIZES = r"(?:(?:,\s?(?:and\s|or\s)?|\s(?:and|or)\s|/)\d+(?:\.\d+)?[BM]\b)+"
ELLIPTIC_SIZES = (r"\b[A-Za-z][\w.-]*\d[BM]" + _MORE_SIZES
                  + r"|\b(?:Llama|LLaMA|Qwen|Gemma|Mistral|Phi|Falcon|Pythia|OPT|BLOOM|DeepSeek)\s\d+(?:\.\d+)?[BM]" + _MORE_SIZES)

# "sub-1B models", "sub-100ms latency", "sub-1% error": "sub-" before a number says "below", it makes
# no name: the prefix alone is skipped (before IDENT, which would take "sub-1B" whole), so the value
# after it is read as written ("sub-task2" stays a name: IDENT skips "task2" after the prefix).
SUB_PREFIX = r"\b[Ss]ub-"

# (the span keeps the character after the G, so that it never reads as a claim: a skipped span must
# not match CLAIM_ANCHORED)
GIGA_INTEGER = r"\b[0-9]+G[\s,.;:)/-]"

SKIP = [URL, VERSION, VERSION_VARIANT, AGE, ELLIPTIC_SIZES, MODEL_FAMILY, SUB_PREFIX, GIGA_INTEGER, IDENT, NAMED_NUMBER, NAME_NUMBER, GPU_NUMBER, NUM_NAME, REFERENCE,
        DIMENSION, RESOLUTION, IMAGE_SIZE, SHOT_SETTING, FRACTION, AT_SETTING, CI_LEVEL, LIST_MARKER, ORDINAL,
        YEAR, MATH]

# ---------------------------------------------------------------------------
# CLAIM: one number, with what is glued to it. Named groups are read by claims.py.
# ---------------------------------------------------------------------------

# A spelled-out multiplier: three times lower, two-fold, tenfold.
SPELLED_MULT = r"(?i:\b(?P<word>" + SPELLED_WORD + r")(?:\s|-)?(?:times|fold)\b)"

# A digit number: optional currency, number, optional magnitude, optional unit suffix.
DIGIT_CLAIM = (
    r"(?P<cur>" + MONEY_PREFIX + r")?(?P<num>" + NUM + r")"
    r"(?:(?P<bytes>" + BYTES + r")|(?P<mag>" + MAG + r")?"
    r"(?:(?P<pct>" + PERCENT + r")|(?P<mult>" + MULT + r")|(?P<usd>" + MONEY_SUFFIX + r")"
    r"|(?P<dur>" + DURATION + r"))?)"
)

# A percent broken after its decimal point by a space ("an improvement of 86. 27%"): one claim
# whose span keeps the space (GUIDELINES); its integer and fraction parts.
SPLIT_PERCENT = r"(?P<sint>[0-9]{1,3})\.\s(?P<sfrac>[0-9]{1,3})%"

CLAIM_GROUPS = ["word", "sint", "sfrac", "cur", "num", "bytes", "mag", "pct", "mult", "usd", "dur"]


def _strip_names(p: str) -> str:
    """The same pattern without named groups (for the combined search pattern)."""
    return re.sub(r"\(\?P<\w+>", "(?:", p)


CLAIM = SPELLED_MULT + "|" + SPLIT_PERCENT + "|" + DIGIT_CLAIM

# The single search pattern: skip alternatives first, then claims. It has no capture
# groups: filling in only `$0`, the regex crate finds the matches with its DFA alone (a
# capture group runs a backtracker on every match: 2x slower). Which matches are claims
# is decided afterwards on the short match strings: a match is a claim iff it matches
# CLAIM_ANCHORED (a skipped span never does: checked in tests/transforms/test_claims.py).
MARK = "|".join(f"(?:{p})" for p in [*SKIP, _strip_names(CLAIM)])

# The same claim grammar anchored, with named groups, to parse one matched span.
CLAIM_ANCHORED = r"^(?:" + CLAIM + r")$"

# ---------------------------------------------------------------------------
# Context: what the words around a number say about it.
# ---------------------------------------------------------------------------

# The statistics named after a person ("Cohen's kappa", "Krippendorff's alpha", "Cohen's d"): the
# word after the name (METRIC reads them; claims.py keeps such a name as written).
PERSON_STATISTIC = r"(?:kappa|alpha|tau|rho|[dWr])"

# Metric names; the canonical spelling is in METRIC_CANON (else lowercased).
METRIC = (
    # (metric, round 8) a statistic named after a person, the name written with it: "Cohen's kappa",
    # "Fleiss' kappa", "Kendall tau", "Pearson r", "Spearman's rho", "Cohen's d" (first: it comes
    # before the bare Spearman/Pearson names below)
    # (a possessive, or a correlation's name: not any capitalised word, "Overall r = 0.62")
    r"\b[A-Z][a-z]+(?:'s|')\s" + PERSON_STATISTIC + r"\b|\b(?:Pearson|Spearman|Kendall)(?:'s)?\s(?:tau|rho|[rW])\b|"
    r"(?i:(?:(?:top-[15]|[a-z]+@\d+|zero-shot(?: transfer)?|linear[- ]probe?|test|validation|average|mean|"
    r"classification|segmentation|detection)\s)?accurac(?:y|ies)"
    r"|word error rates?|character error rates?|mean corruption error|mean flip rate"
    r"|inception scores?|clip ?scores?|perplexity|training throughput|throughput|latency|"
    r"training time|speedup|speed-up|win rate|success rate|error rate|exact match)"
    r"|\bFID\b|\bFVD\b|\bKID\b|\bPSNR\b|\bSSIM\b|\bLPIPS\b|\bBLEU(?:-[1-4])?\b|\bROUGE(?:-[12L])?\b|\bCIDEr\b"
    r"|\bMETEOR\b|\bmIoU\b|\bmAP\b|\bAUROC\b|\bAUC\b|\bF1\b|\bWERs?\b|\bCERs?\b|\bPPL\b|\bGenEval\b"
    r"|\bmCE\b|\bEM\b|\bElo\b|\bpass@\d+|\bPass@\d+"
    r"|(?i:(?:root )?mean (?:absolute|squared) errors?)|\bDice\b|\b(?:Spearman|Pearson)(?:\s(?:correlation|agreement))?\b|\b(?i:acceleration)\b"
    # the standard acronyms of retrieval, detection, tracking, pose, regression and agreement
    # measures ("MRR (0.517)", "58.2 NDS", "IoU=0.85", "a QWK of 0.84"); not AR (augmented reality)
    # nor HR (hazard or heart rate), which name other things as often
    # (metric, round 8) the mean IoU is mIoU by its definition (METRIC_CANON), not an IoU with a statistic
    r"|\b[Mm]ean\sIoU\b"
    r"|\b(?:MRR|nDCG|NDCG|NDS|IoU|AP|MAE|RMSE|MSE|EER|HOTA|MOTA|IDF1|MPJPE|QWK|MCC|LRAP|AUPRC|SRCC|PLCC)(?:@[0-9]+(?:\.[0-9]+)?)?\b"
)
METRIC_CANON = {
    "accuracies": "accuracy", "top-1 accuracies": "top-1 accuracy",
    "top-5 accuracies": "top-5 accuracy", "zero-shot accuracies": "zero-shot accuracy",
    "word error rate": "WER", "word error rates": "WER", "wer": "WER", "wers": "WER",
    "character error rate": "CER", "cer": "CER", "cers": "CER",
    "inception score": "IS", "inception scores": "IS", "fid": "FID", "fvd": "FVD",
    "kid": "KID", "psnr": "PSNR", "ssim": "SSIM", "lpips": "LPIPS", "bleu": "BLEU",
    "cider": "CIDEr", "meteor": "METEOR", "miou": "mIoU", "map": "mAP", "auroc": "AUROC",
    "auc": "AUC", "f1": "F1", "ppl": "perplexity", "geneval": "GenEval", "mce": "mCE",
    "em": "exact match", "elo": "Elo", "speed-up": "speedup", "clipscore": "CLIP score",
    "clip score": "CLIP score", "clip scores": "CLIP score", "clipscores": "CLIP score",
    "rouge": "ROUGE", "rouge-1": "ROUGE-1", "rouge-2": "ROUGE-2", "rouge-l": "ROUGE-L",
    "training throughput": "throughput", "f1-score": "F1", "f1 score": "F1", "f1-scores": "F1", "f1 scores": "F1",
    "dice": "Dice", "acceleration": "speedup", "success": "success rate",
    "dice score": "Dice", "dice scores": "Dice", "dice coefficient": "Dice", "dice similarity coefficient": "Dice",
    "dice similarity coefficients": "Dice", "iou": "IoU", "ndcg": "nDCG",
    # (metric, round 8) accuracy is a classifier's measure: "classification accuracy" names no other
    # (the tuning gold: 13 "accuracy", 2 as written); other task words before it stay ("counting
    # accuracy", "execution accuracy": what is counted as right differs)
    "classification accuracy": "accuracy", "classification accuracies": "accuracy",
    # (the area under the ROC curve, written with its curve: AUC, as the table spells it)
    "auc-roc": "AUC", "roc-auc": "AUC", "mean iou": "mIoU",
    **{f"{name.lower()}{what}": f"{name}{what}" for name in ("Spearman", "Pearson")
       for what in ("", " correlation", " agreement")},
}

# A metric named in the abstract's own words (contract section 6: "attack success rate",
# "counting accuracy", "RAM usage", "Fleiss' kappa", "J&F"): a noun phrase ending in a
# word that names a measure, or an acronym (two capitals, or a capital and a digit:
# AP, AUC, mIoU, RayIoU, IDF1, BLEU-4, Macro-F1, J&F).
# (title-case names are metrics too: "Reading Accuracy", "Complete Recall", "MMMG-Score")
_METRIC_HEAD_LOWER = (r"(?:(?:success|error|win|hit|pass|acceptance|agreement|leakage|denial|evasion|hallucination|"
               r"reconstruction|matching|detection|failure|compression|retention|reduction|refusal|recognition)"
               r"[- ]rates?|rates?|accurac(?:y|ies)|scores?|errors?|ratios?|precision|recall|correlations?|"
               r"coefficients?|kappa|agreement|costs?|time|latency|memory|usage|throughput|speed|speedup|"
               r"efficiency|performance|fidelity|quality|consumption|reliability|coverage|similarity|"
               r"distance|robustness|sensitivity|specificity|consistency|perplexity|Dice|AUC|F1(?:-scores?)?|"
               # a quality named by an abstract noun: naturalness, availability, diversity
               r"[a-z]+(?:ness|ity)|length|duration|density|alignment|success|"
               # measures named by a generic noun: "Huber loss of", "average ranking of", "mean difference of"
               r"loss(?:es)?|ranking|differences?)")

def _capital_first(p: str) -> str:
    """The pattern with each alternative's first lower-case letter also in capital ("success" ->
    "[Ss]uccess"): title-case names without case folding (a (?i) head made the claims pass
    measurably slower)."""
    return re.sub(r"((?:^|\||\((?:\?:)?))([a-z])", lambda m: f"{m.group(1)}[{m.group(2).upper()}{m.group(2)}]", p)


METRIC_HEAD = _capital_first(_METRIC_HEAD_LOWER)
# Group 1: a whole word that names a measure, in lower case ("recall", "precision", "perplexity").
METRIC_HEAD_WORD = r"^(" + _METRIC_HEAD_LOWER + r")$"
# (with its cut-off, as pass@1 is named: "HR@10", "NDCG@10", "Rank@1", "Recall@5")
# (in the plural too when it ends as a measure does, in an error, rate, ratio, score or curve:
# "13.91% and 0% EERs", "AUROCs of 96.8%"; claims.py names it in the singular. "LLMs", "GPUs",
# "FLOPs", "GMACs" are things counted.)
# (metric, round 8: the part before a hyphen in capitals too, "SPK-SIM", "AU-PRO", "R-RL": a
# hyphen-joined acronym is one name; read from its second part it named another measure, "SIM", "RL")
METRIC_ACRONYM = (r"(?:[A-Z][A-Za-z]*-)?[a-z]*[A-Z][A-Za-z0-9]*(?:[A-Z0-9](?:-[0-9A-Z]{1,2})?(?:@\d+(?:\.\d+)?)?"
                  r"|(?:[DERS]|[UOR]C)s)|[A-Z][a-z]+@\d+(?:\.\d+)?|J&F")
# up to three words and a head, or an acronym (the words are cut at the last stop word)
METRIC_WORDS = r"\b(?:(?:[A-Za-z][\w'&-]*\s){0,3}(?:[A-Z][\w&]*-)?" + METRIC_HEAD + r"(?:@\d+(?:\.\d+)?)?|" + METRIC_ACRONYM + r")"
# Words that grade or total a measure without naming it (a stop word of METRIC_STOP, a word
# METRIC_COMPARATIVE passes over).
_GRADE_WORDS = (r"stark|aggregate|aggregated|pooled|original|total|significant|considerable|impressive|superior|"
                r"excellent|outstanding|promising|approaching|near-total|[\w-]+-based|based|"
                # superlatives: "the highest bias score (9.5)"
                r"highest|lowest|worst|strongest|weakest|largest|smallest")
# Words that end a metric phrase on its left: a metric phrase is what follows the last one.
METRIC_STOP = (r"^(?:.*\s)?(?i-u:the|a|an|of|in|on|for|and|or|with|by|to|from|at|as|our|its|their|this|that|"
               r"these|those|we|which|while|than|over|across|under|between|both|all|each|only|up|"
               r"without|when|where|after|before|during|via|using|per|into|also|more|less|much|times|"
               r"faster|slower|compared|it|they|he|she|is|not|no|can|could|may|will|would|"
               r"achieves?|achieving|achieved|reach(?:es|ing|ed)?|improv(?:es|ing|ed|ement|ements)|"
               r"reduc(?:es|ing|ed|tion|tions)|increas(?:es|ing|ed|e)|boost(?:s|ing|ed)?|gains?|drops?|"
               # the other verbs of change (CHANGE_VERB_NP): "degrades agreement by 25 points"
               r"improve|reduce|(?:degrad|rais|enhanc|accelerat|decreas|sav)(?:es|ed|ing|e)|cut(?:s|ting)?|lower(?:s|ed|ing)|"
               # verbs of change or measuring: "DivPO changes diversity by", "shifts measured harmful-response rates by"
               r"chang(?:es|ed|ing)|shift(?:s|ed|ing)?|measur(?:es|ed|ing)|"
               r"lower|higher|better|best|worse|significantly|substantially|average|mean|overall|"
               r"obtain(?:s|ed|ing)?|yield(?:s|ed|ing)?|reports?|reported|shows?|showing|shown|has|have|had|is|are|was|were|be|"
               r"state-of-the-art|competitive|strong|high|low|estimated|relative|absolute|notable|"
               r"remarkable|outperform(?:s|ing|ed)?|surpass(?:es|ing|ed)?"
               # words that grade or total a measure without naming it ("stark attack success
               # rate", "aggregate win rate", "original performance", "GPT-4 based win-tie rate")
               r"|" + _GRADE_WORDS + r""
               # verbs of giving or keeping a result: "gives F1-score improvements of 1.1%"
               r"|(?:giv|provid|deliver|attain|offer|demonstrat|exhibit|maintain|retain|preserv|produc|ensur)(?:es|s|ed|ing|e)?"
               # a possessive says whose measure it is ("Kestrel-2B's recall" measures recall)
               r"|[\w.-]+'s)\s")
# Comparatives between a value and the metric after it ("36% lower depth error").
METRIC_COMPARATIVE = (r"(?:(?:lower|higher|better|improved|increased|reduced|relative|absolute|average|mean|"
                      r"overall|greater|less|more|fewer|faster|slower|smaller|larger|gain in|improvement in|"
                      r"increase in|reduction in|decrease in|drop in|boost in|improvement of|gain of|in|"
                      # "93-95% of MIRA's performance", "3-4% of its preprocessing cost", "in the SeK metric"
                      r"of|the|its|their|[A-Z][\w-]*'s|"
                      # the value's unit: points, "+1 to +3 points in Mahalanobis AUROC", "+3.7 pp mAP@50", "a 58
                      # percentage-point accuracy drop"; decibels, "38.02 dB PSNR"; a length, "a 5.4 mm reduction in
                      # boundary error"
                      r"percentage|percentage-points?|points?|pp|pts|dB|mm|cm|" + _GRADE_WORDS + r")\s){0,3}")
# Between a metric and its value on the left: "Dice = 0.37", "agreement rates of 86%".
# ("RHAE=0.2116": "=" glued to the name too)
METRIC_GEN_FILLER = (r"(?:=|\s(?:of|=|:|is|was|were|are|reaches|reaching|reached|to|from|by|at|around|about|"
                     r"approximately|over|only|just|nearly|almost|up to|as (?:high|low) as|ranges from|"
                     r"ranging from|spanning from|~|"
                     # a bound on the value: "a robustness gain of at least 30%", "recall exceeding 0.9"
                     r"at least|at most|more than|less than|exceeding|"
                     # a sign written before the value: "BD-Rate reductions of -12.24%", "F1 of +2.1"
                     r"[-+]|"
                     # "accuracy increase from 34%", "performance gains of up to 9.1%"
                     r"(?:increase|improvement|gain|drop|decrease|reduction|boost|degradation)s?|"
                     # a measure that changes: "SR improved by 8%", "MRR declines 33%", "grid demand is
                     # significantly reduced by 38.8%", or differs: "error rates differ by 4 to 9 points"
                     r"significantly|substantially|further|consistently|markedly|dramatically|"
                     r"(?:improv|reduc|increas|decreas|degrad|declin|boost|lower|drop|rais|ris|fall|grow)(?:es|ed|s|e)|"
                     r"dropped|rose|fell|grew|differ|differs|differed|var(?:y|ies|ied)))*\s*$")
# A name of a method, not of a measure, where a measure's name may stand ("our FDP improves by",
# "surpassing the SoTA by +0.9%", "lifts Qwen3-VL-2B by 3.5 points", "Cosmos-Reason2 by"): the
# authors' own name, the state of the art, a model size or a version glued to a word.
# (and what is compared, not measured: "improves strong baselines by 3%")
METHOD_NOT_MEASURE = r"^(?:[Oo]ur\s[A-Z]\S*|SOTA|SoTA|\S*\d[BM]|\S*[A-Z][a-z]{2,}\d+|(?:.*\s)?(?:baselines?|methods?|models?|[A-Z]*LMs?))$"
# (metric, round 8) "humans score 97%", "the planner scores 4.5", "random baselines score 0.00": a
# subject and the verb "score(s)" right before the value (a plural noun before "score", any word before
# "scores"), not a measure's name: the subject is what is measured, the measure is named elsewhere.
# METRIC_SCORES_NOUN: the word before is a measure's (a head word of METRIC_HEAD, "quality scores
# 4.2"), or an acronym ("BLEU scores 34.0"): the noun reading.
# (a name before it is left to CAMEL_NAME's cut: "InfinityStar scores 83.74" measures a score)
_SCORES_VERB = r"(?:^|\s)[A-Z]?[a-z][a-z-]*(?:s\s[Ss]core|\s[Ss]cores)"
METRIC_SCORES_VERB = _SCORES_VERB + r"$"
# (the same right before the value, with the space before it: cut from the clause's window)
METRIC_SCORES_VERB_END = _SCORES_VERB + r"\s?$"
METRIC_SCORES_NOUN = r"(?:^|\s)(?:" + METRIC_HEAD + r"|[A-Z0-9-]{2,})\s[Ss]cores?$"
# What stands before "by" and a value after a verb of outdoing is what is outdone, not the
# measure ("surpassing the vanilla baseline without idle-time usage by 5.1%", "outperforms
# GPT-5 by 13.0%", "surpassing the previous state-of-the-art GLASS by 1.02%").
OUTDONE_BY = (r"\b(?:outperform|surpass|beat|exceed|outscor)\w*\s(?:[\w.'&-]+\s){0,6}?by\s(?:up to\s|about\s|around\s|"
              r"over\s|nearly\s|more than\s|at least\s|~)?[~+]?$")
# Group 1: an error named with the statistic that summarises it ("mean translation error of",
# "median relative errors of 10-20%", "root mean square error"): the statistic is part of the name (a stop word of
# METRIC_STOP elsewhere: "mean accuracy" is accuracy), in the singular.
STAT_ERROR = r"\b((?:[Rr]oot\s)?(?:[Mm]ean|[Mm]edian|[Aa]verage)\s(?:[a-z][a-z-]{3,}\s){0,2}error)s?$"
# Group 1: the same for a generic measure whose statistic is part of its name ("average ranking",
# "mean difference", "average reasoning score", "average performance"; named measures drop it:
# "average accuracy" is accuracy). STAT_MEASURE_END: a phrase that may be one (a cheap test first).
STAT_MEASURE = (r"\b((?:[Mm]ean|[Mm]edian|[Aa]verage)\s(?:[a-z][a-z-]{3,}\s){0,2}"
                r"(?:score|performance|ranking|reward|difference|loss))(?:s|es)?$")
STAT_MEASURE_END = r"(?:score|performance|ranking|reward|difference|loss)(?:s|es)?$"

# A verb of change, what it acts on (group 1: one to four words, after a determiner or a
# possessive: "boosts Qwen3-4B's accuracy by 8x"), then by/to/from and the value
# ("reduces rotation error from ~17 degrees to ~10"); group 1 is the shortest phrase, a trailing
# "up" or "by" stays out of it ("reduce parameter counts up to 37%"). The value may also stand in
# brackets after the phrase and where the change was ("reduces token usage (up to 30%)",
# "improves answer fidelity on long inputs (2.1-3.4%)").
CHANGE_VERB_NP = (r"\b(?:improv|reduc|increas|decreas|boost|lower|rais|cut|sav|enhanc|degrad|accelerat|shrink|"
                  r"compress)[a-z]*\s(?:the\s|its\s|their\s|our\s)?(?:[A-Za-z][\w.-]*'s\s)?((?:[A-Za-z][\w'&-]*\s){0,3}?[A-Za-z][\w'&-]*)"
                  # (metric, round 8) what it is compared with may stand between the phrase and "by" or
                  # "from": "reduces forgetting compared to baselines by", "improves the return rate against
                  # fast hits from" (a comparison says against what, not what is measured); and so may the
                  # name whose measure it is, after "of": "improves the reasoning performance of Qwen3-8B by"
                  r"(?:\s(?:over|against|compared\s(?:to|with)|relative\sto|versus|vs\.?)\s(?:[\w.-]+\s){0,3}?[\w.-]+"
                  r"|\sof\s(?:the\s)?(?:[a-z][\w-]*\s)?[A-Z][\w.-]*)?"
                  r"(?:(?:\s(?:by|up))*\s(?:by|to|from(?:\sthe)?)\s|(?:\s(?:in|on|for)\s(?:[\w-]+\s){0,3}?[\w-]+)?\s\()"
                  r"(?:up to\s|about\s|approximately\s|around\s|over\s|nearly\s|only\s|"
                  r"more than\s|less than\s|at least\s|~)?[~+<>]?\s*$")
# A list that shares the verb of change named before it (group 1: what the list item changes):
# "reducing latency by 37.6%, LLM invocations by 43.0%, and token use by 9.8%".
# (not an adverb: "improved performance, particularly by 3.5 points")
GAPPED_CHANGE_NP = (r"[,;]\s(?:and\s)?(?:the\s|its\s|their\s)?((?:[A-Za-z][\w'&@-]*\s){0,3}[A-Za-z][\w'&@-]*[^y\s]|"
                    r"(?:[A-Za-z][\w'&@-]*\s){0,3}[A-Za-z][\w'&@-]*[^l]y)"
                    r"\sby\s(?:up to\s|about\s|approximately\s|around\s|over\s|nearly\s|only\s|more than\s|at least\s|~)?[~+]?\s*$")
CHANGE_VERB = (r"\b(?:improv|reduc|increas|decreas|boost|lower|rais|cut|sav|enhanc|degrad|accelerat|shrink|"
               r"compress)[a-z]*\s")
# A comparative right after a value, and the words after it (cut at a stop word).
COMPARATIVE_NP = (r"^[\s+]*(?:times\s)?(?P<cmp>higher|lower|better|worse|improved|increased|reduced|greater|less|more|"
                  r"fewer|faster|slower|smaller|larger|cheaper)\b(?:\s(?P<np>(?:[A-Za-z][\w'&-]*\s){0,3}"
                  r"[A-Za-z][\w'&-]*))?")
# A change named by a noun next to the value, and the words after "in" (group np, cut at a
# stop word): "a 47% reduction in failure cascades", "gains of 2.9% in Entire Structure
# Average" (the noun before the value: CHANGE_NOUN_LEFT), "8% in terms of balanced accuracy";
# not one title-case word, which names a domain or a language more often ("4% in Finance").
_CHANGE_NOUN = r"(?:improvement|gain|increase|reduction|decrease|drop|boost|decline|degradation)s?"
CHANGE_IN_NP = (r"^[\s+]*(?P<noun>(?:(?:relative|absolute|average|overall|mean)\s)?" + _CHANGE_NOUN + r"\s)?"
                r"in\s(?:terms\sof\s)?(?P<np>(?:[A-Za-z][\w'&@-]*\s){0,3}[A-Za-z][\w'&@-]*)")
# The word after a hyphen-glued "point" ("a 27-point anatomical skeleton" counts points unless that
# word is a noun of difference, POINTS_DIFFERENCE: "a 2.65-point improvement", "a 9.9-point band").
POINT_HYPHEN_NOUN = r"^-points?\s([a-z]+)\b"
POINTS_DIFFERENCE = (r"^(?:" + _CHANGE_NOUN + r"|(?:lead|margin|gap|difference|advantage|deficit|loss|swing|band|spread|range|"
                     r"shift|lift|uplift|jump|rise|edge|penalty|scale|rubric)s?)$")
CHANGE_NOUN_RIGHT = r"^[\s+]*(?:(?:relative|absolute|average|overall|mean)\s)?" + _CHANGE_NOUN + r"\sin\s"
# (before the value anywhere in its sentence: "improvements of 35% in object removal and 47% in
# object replacement"; right before it: CHANGE_NOUN_NEXT)
CHANGE_NOUN_LEFT = r"\b" + _CHANGE_NOUN + r"\b"
CHANGE_NOUN_NEXT = (r"\b" + _CHANGE_NOUN + r"\s(?:of\s)?(?:(?:up to|about|around|approximately|over|nearly|almost|roughly)\s)?"
                    r"[~+]?$")
# Group 1: what a phrase after "in" measures when it ends in a noun of setting ("object
# replacement tasks" -> object replacement); a setting with one describing word before its
# noun ("challenging scenarios", "long sequences") measures nothing (no match).
_SETTING_NOUNS = r"scenarios?|settings?|cases?|conditions?|environments?|regimes?|domains?|tasks?|scenes?|sequences?"
SETTING_TAIL = r"^((?:[\w'&@-]+\s)+[\w'&@-]+|[\w'&@-]+(?:tion|sion|ment|ance|ence))\s(?:" + _SETTING_NOUNS + ")$"
SETTING_END = r"\s(?:" + _SETTING_NOUNS + ")$"
# Group 1: the noun phrase written right after a percent or a multiplier that nothing else named
# ("45.98% sycophancy", "only 1.2% Strict Safety", "5-7% transfer overhead", "a 4.5x noise
# reduction", "1.2x - 10.0x operator speedups"): one to three words, then the end of the phrase
# (punctuation, a dash or bracket, a preposition, a conjunction or a verb of being). The shortest
# phrase that ends so is taken (a longer run is no noun phrase: "rated as natural" stops at "as").
_NP_AFTER_END = (r"(?:\s?[,.;:)]|\s[(\-–—]|\s(?:on|in|for|and|or|with|"
                 r"across|compared|over|than|at|under|while|from|to|of|between|when|per|relative|versus|vs|against|after|"
                 r"before|during|within|without|despite|among|by|as|via|using|is|are|was|were|which|that|where|whereas|"
                 r"but|respectively)\b)")
NP_AFTER_VALUE = r"^\s((?:[A-Za-z][\w&@'-]*\s){0,2}?[A-Za-z][\w&@'-]*)(?:" + _NP_AFTER_END + r"|$)"
# (the same as a match without capture groups, and the end of such a match: a capture costs
# several times the search)
NP_AFTER_MATCH = NP_AFTER_VALUE.replace(r"^\s((?:", r"^\s(?:(?:", 1)
NP_AFTER_MATCH_END = _NP_AFTER_END + r"$"
# What such a phrase is not: a participle or a verb alone ("99.6% rated", "82% comprising"), a
# function word, an adverb, a comparative or a unit first ("8.7% above", "2% should"), a change
# named without its measure ("a 5% improvement"), one title-case word (a name: "77.13% Code+...").
NP_AFTER_NOT = (r"^(?:[a-z]+(?:ing|ed)$|[A-Z][a-z]+$|(?:the|a|an|of|in|on|for|and|or|with|by|to|from|at|as|than|over|"
                r"across|under|between|while|when|where|whereas|but|compared|versus|vs|via|using|without|despite|"
                r"among|per|relative|against|after|before|during|within|respectively|"
                r"is|are|was|were|be|been|being|has|have|had|should|would|could|can|may|might|will|must|"
                r"do|does|did|which|that|who|it|they|we|our|its|their|this|these|those|above|below|beyond|each|all|"
                r"only|just|about|around|nearly|almost|up|down|less|more|fewer|higher|lower|better|worse|greater|"
                r"smaller|larger|faster|slower|cheaper|improved|increased|reduced|absolute|average|mean|"
                r"overall|percentage|points?|pp|pts|times|fold|[a-z]+ly|(?:improvement|gain|increase|reduction|"
                r"decrease|drop|boost|decline|degradation|enhancement)s?)\b)"
                # ... nor what is compared: "13.4% zero-shot baseline" (as METHOD_NOT_MEASURE), nor a
                # setting ("in the 1% regime", SETTING_END), nor a clause with a determiner or a pronoun in it
                # ("90% preferring our approach", "7x widens the gap"), nor one compound adjective
                # ("8.0% out-of-domain": where the value was measured)
                r"|(?:^|\s)(?:baselines?|methods?|models?|results?|" + _SETTING_NOUNS + r")$|\s(?:the|a|an|our|its|their|this|these|those)\s"
                r"|^[a-z]+-[a-z-]+$"
                # ... nor a noun and a participle, a clause ("20x parameters stored")
                r"|\s[a-z]+ed$")
# A change named after its measure is that measure ("8% composite risk improvement" -> composite
# risk: the change cut off); a speed-up of anything is a speedup (NP_AFTER_SPEEDUP; GUIDELINES: "prefill speedup"
# -> speedup).
NP_AFTER_CHANGE = r"\s(?:improvement|gain|increase|boost|enhancement)s?$"
NP_AFTER_SPEEDUP = r"^.*\b(?:speed-?ups?|accelerations?)$"
# NP_AFTER_NOT as a match of the whole phrase (a replace makes such a phrase empty)
NP_AFTER_NOT_ALL = r"(?s)^(?:.*(?:" + NP_AFTER_NOT + r").*)$"
# Group 1: a noun phrase read after a value, up to its first stop word (NP_STOP_TAIL as an extract).
NP_BEFORE_STOP = (r"^(.*?)(?:(?:^|\s)(?i-u:the|a|an|of|in|on|for|and|or|with|by|to|from|at|as|than|over|across|under|"
                  r"between|while|when|compared|versus|vs|via|using|without|per|into|is|are|was|were|which|that|"
                  r"whereas|but|respectively|relative|against|after|before|during|within|"
                  r"outperform\w*|achiev\w*|show\w*|reach\w*|yield\w*|demonstrat\w*|enabl\w*|requir\w*|"
                  r"lead\w*|result\w*|mak\w*|surpass\w*|match\w*|remain\w*|maintain\w*)\b.*)?$")
# A stop word and everything after it (to cut a noun phrase read after a value).
NP_STOP_TAIL = (r"(?i)(?:^|\s)(?:the|a|an|of|in|on|for|and|or|with|by|to|from|at|as|than|over|across|under|"
                r"between|while|when|compared|versus|vs|via|using|without|per|into|is|are|was|were|which|that|"
                r"whereas|but|respectively|relative|against|after|before|during|within|"
                r"outperform\w*|achiev\w*|show\w*|reach\w*|yield\w*|demonstrat\w*|enabl\w*|requir\w*|"
                r"lead\w*|result\w*|mak\w*|surpass\w*|match\w*|remain\w*|maintain\w*)\b.*$")

# What may follow a value that takes the metric named before it in its sentence: no word of its own.
# (a unit of the value is no word of its own: "to ~10 degrees, and", "to 3.1 points")
OPEN_TAIL = (r"^(?:\s?(?:degrees?|(?:percentage\s)?points?|pp|dB|mm))?\s?(?:[,;:()]|(?:and|or|to|vs\.?|versus|for|on|in|over|with|while|when|compared|"
             r"respectively|across|at|and|than|after|before|under|using|without|relative\sto|against)\b|\.?$)")

# Up to two words between a value and the metric after it: "40.1% ImageNet zero-shot accuracy".
METRIC_PREFIX = (r"(?:(?:[A-Z][\w-]*|[a-z]+-[\w-]+|absolute|relative|average|overall|mean|test|"
                 r"higher|lower|better|worse)\s){0,2}?")

# Words that may stand between a metric and its value: "FID scores of", "error from".
# ("IoU=0.85": "=" glued to the name too)
METRIC_FILLER = (r"(?:=|\s(?:scores?|values?|rates?|of|=|:|is|was|were|are|reaches|reaching|reached|"
                 r"to|from|by|at|around|about|approximately|over|under|below|above|only|just|"
                 r"nearly|almost|up|as|low|high|than|more|less|roughly|(?:by )?up to|\())*")

# Benchmarks and datasets that may fill `dataset`, with an optional resolution or year.
DATASET = (
    r"(?:\b(?:Tiny[- ]ImageNet|ImageNet(?:-?(?:1[kK]|21[kK]|22[kK]|A|C|P|R|V2|Sketch))?|IN1K|"
    r"(?:Split-|\d+-Split-)?CIFAR-?100?|MNIST|Fashion-MNIST|SVHN|STL-?10|CelebA(?:-HQ)?|FFHQ|LSUN"
    r"|(?:MS-)?COCO|ADE20K|Cityscapes|PASCAL VOC|Pascal VOC|Libri[sS]peech|Libri-light|LibriVox"
    r"|WMT\d*|SuperGLUE|GLUE|SQuAD(?: [12]\.\d)?|MMLU|BBH|ARC-[CE]|GSM8K|HumanEval|MBPP"
    r"|iNat(?:uralist)?|Long Range Arena|PathX(?:-\d+)?|DataComp|LAION(?:-\w+)?|Quaero|C4"
    r"|WebText|CUB|Places365|Kinetics(?:-\d+)?|UCF101|PTCGA200|PCam200|segPANDA200|VTAB"
    r"|CoRe ?50|Open ?Images|Objects365|LVIS|Caltech-?101|Food-?101|Flowers-?102"
    r"|Oxford Pets|DTD|EuroSAT|RESISC45|NLVR2|VQAv2|GQA|TextVQA|MS MARCO|BEIR|Natural Questions)"
    r"(?:[- ]\d+[×x]\d+| 20\d\d)?\b)"
)

# A name a data set or benchmark may have: two capitals or a capital and a digit
# (GI-Bench, ViDia2Std, GlobalFusion, COR127K, PRISM-36K, GIFT), or words joined by a
# hyphen with a capital or a size after it (Sequential-NIAH, Sci-Reasoning, O-Bench, Eva-3M), or a capital, lower-case
# letters and a capital at the end (VisA), or a short lower-case prefix before a capitalized
# word (nuScenes, nuScenes-Occupancy; not mIoU, mAP) or before three capitals (iSAID, eICU),
# and "++" after it (NLU++); a digit and capitals before a hyphen and a capital (4D-OR); a
# second name after a slash ("VL-MIA/Flicker").
DATA_NAME = (r"(?:[A-Z][a-z0-9]*[A-Z0-9](?:[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*|(?:[-_][A-Za-z0-9]+)+)"
             r"|[A-Z][a-z]*(?:[-_](?:[A-Z][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*))+|[A-Z][a-z]+[A-Z]\b"
             r"|[a-z]{1,2}[A-Z][a-z]{2,}[A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*|[a-z][A-Z]{3,}[A-Za-z0-9]*"
             r"|[0-9][A-Z]+(?:[-_][A-Z][A-Za-z0-9]*)+)(?:[-.][0-9]+|\+\+)?(?:/[A-Z][A-Za-z0-9-]*)?")
# One name of a list of data ("on MVTec AD and VisA, respectively"): a data name, or in a list
# any capitalized word ("on the Kodak, Tecnick 100, and CLIC test sets"; not "On" before it), with a
# capitalized word, a resolution, a year or a number after it ("CIFAR-10-C"; a list of known names only
# is paired by DATASET, and not repeating DATASET here keeps the pattern cheap to compile).
DATA_NAMES_ITEM = r"(?:" + DATA_NAME + r"|[A-Z][a-z]{2,})(?:\s[A-Z][A-Za-z0-9]*|[- ]\d+[×x]\d+| 20\d\d| [0-9]{2,4})?"
# A list of three or more of them ("CUB-200, CIFAR-FS, Stanford Cars, and DTD"): a value after it
# is on none of them in particular, even where only one is a known name (DATASET).
DATA_NAMES_THREE = r"\b(?:" + DATA_NAMES_ITEM + r")(?:,\s(?:and\s)?(?:" + DATA_NAMES_ITEM + r")){2,}"
# A list of two or more of them after "on", "across", "datasets (" or "datasets, such as" ("on three
# datasets (SECOND, JL1, and the proposed LevirSCD)"; not "methods such as A and B").
DATA_NAMES_LIST = (r"(?:\b(?:[Oo]n|across)\s(?:[a-z][\w-]*\s){0,3}?\(?|\b(?:datasets|benchmarks)\s\("
                   # ... or an example list after a plural data word ("three benchmark datasets, such as A, B, and C")
                   r"|\b(?:datasets|benchmarks),?\s(?:such\sas|including|namely)\s)"
                   r"(?:" + DATA_NAMES_ITEM + r")"
                   # (the list ends at its "and" item: "A, B, and C, NAME achieves" lists three; a modifier
                   # before the "and" item only: "SECOND, JL1, and the proposed LevirSCD")
                   r"(?:(?:,\s(?:the\s)?(?:" + DATA_NAMES_ITEM + r"))+"
                   r"(?:,?\sand\s(?:the\s)?(?:[a-z-]+\s)?(?:" + DATA_NAMES_ITEM + r"))?"
                   r"|,?\sand\s(?:the\s)?(?:[a-z-]+\s)?(?:" + DATA_NAMES_ITEM + r"))")
# "on NAME": the data a value is on, when the name is no model's ("on GPT-4o", "on Qwen3-8B").
# ... with a capitalized word after it ("on SportCenter EPFL", "on Galaxy10 DECaLS"), or any
# capitalized word that a data word follows ("on the Qingyun dataset", "on the Factify 2
# dataset"; the data word is cut off after: ON_DATA_WORD_TAIL), up to three capitalized words
# before a capitalized data word, which is part of the name ("on the Waymo Open Dataset"); a
# modifier with a count or a capitalized word before the name ("on the 547-task Spider2-snow
# benchmark", "on Chinese AISHELL-1"; lazy: "on the Waymo Open Dataset" keeps "Waymo"); "test set"
# as a data word ("on the Wenet Speech test set").
# ... or a capitalized word with a number ("on Math-500", "on Market-1501"; models' names of that
# shape, "on Llama-3", are NOT_DATA_NAME's), and a version after the name ("on OCRBench v2", "on
# AlpacaEval 2.0"; not a threshold: "on IOU 0.50").
_ON_NAME = r"(?:" + DATA_NAME + r"|[A-Z][a-z]+-[0-9]+)(?:\sv[0-9]+(?:\.[0-9]+)?\b|\s[1-9]\.[0-9]{1,2}\b)?"
_DATA_NAME_Q = _ON_NAME + r"(?:\s[A-Z][A-Za-z0-9]*)?"
# (the name before a data word is read first, and may be a data name: "on the MMCBNU 6000
# benchmark", "in the WMT News Crawl corpus" name all their words; a list of names that ends in
# "and"/"or" is read whole: values pooled over "on A, B, and C" are on all of them)
ON_DATA_NAME = (r"\b(?:[Oo]n|In|For)\s(?:the\s)?(?:[a-z0-9][a-z0-9-]{2,}\s|[A-Z][\w-]*'s\s)?(?:[A-Z][a-z]+\s)??("
                r"(?:[A-Z][a-z]+|" + _ON_NAME + r")(?:\s[0-9]+|\s[A-Z][A-Za-z]+){0,2}\s(?:dataset|benchmark|corpus|test set|Dataset|Benchmark)\b"
                r"|" + _DATA_NAME_Q + r"(?:(?:,\s" + DATA_NAMES_ITEM + r")+,?\s(?:and|or)\s" + DATA_NAMES_ITEM + r"|\sand\s" + _DATA_NAME_Q + r")?)")
# A count of the items of a named benchmark: "400 HarmBench behaviors", "2K HotpotQA examples",
# "630 matched ALFWorld episodes", "30 held-out SWE-bench tasks". The name has a benchmark's shape
# (a capitalized word that ends in, or is joined to, Bench, QA, World, Eval, Gym or Arena);
# acronyms that name a kind of thing are not ("24 EEG channels", "500 VQA tasks", "1,476 prostate
# WSIs"). Group 1: the name (read on the text after the count).
BENCH_SHAPED_NAME = r"[A-Z][A-Za-z0-9]+-?(?:Bench|bench|QA|World|Eval|Gym|Arena)(?:[-_.]?[A-Za-z0-9]+)*"
# (with its version: "41 VerilogEval v2 problems"; the noun a whole word: "points on OCRBench v2." names no items)
COUNT_OF_NAMED_ITEMS = r"^\s(?:[a-z][\w-]*\s){0,2}(" + BENCH_SHAPED_NAME + r"(?:\sv[0-9]+(?:\.[0-9]+)?)?)\s[a-z]+\b"
# A count that opens a parenthesis right after a data name counts that data's items: "RuCoLA (8,524
# examples, ...)", "PCB-Defect (230 images, 1704 annotations)", "the PanNuke dataset (7,901 images". The
# parenthesis after a name describes it (English apposition); a name with the shape of DATA_NAME, maybe
# with its data word; the counted noun a lower-case word after a space ("LoRa (868 MHz)", "QLoRA (4-bit)"
# count no items; parameter counts are a model's size, dropped by the model test). Read on `ls`, group 1.
NAME_BEFORE_COUNT_PAREN = r"(?:^|[\s,;(])(" + DATA_NAME + r")(?:\s(?:dataset|benchmark|corpus))?\s\($"
# A data name in the prepositional phrase a sentence opens with ("On NAME, ...", "On the NAME
# validation split, ...", "On 630 matched NAME episodes, ...", "On NAME with 4-frame input, ..."): the
# scope of the whole sentence. Only "On" (a fronted "In X," / "For X," names a setting or a model as
# often; "Across X," a list, mostly), one name (a list "On A and B," is paired or pooled elsewhere),
# lower-case words or a short parenthesis after it, or a with/using/under/at phrase, then the comma
# that closes it. A name right before a plural noun modifies the things counted ("On five VQA domains", "On 50
# CT-CTA cases"), unless it has a benchmark's shape ("On 630 matched ALFWorld episodes") or the noun
# is a data word ("On the NAME test sets").
# Groups `bench`, `name`: the name (read on the text from the sentence's start).
_FRONTED_WORD = r"\s(?:[a-z0-9][\w-]*|\([^()]+\))"
FRONTED_DATA = (r"^On\s(?:the\s)?(?:[a-z0-9][\w-]*\s){0,3}?(?:"
                r"(?P<bench>" + BENCH_SHAPED_NAME + r")(?:" + _FRONTED_WORD + r")*"
                r"|(?P<name>" + _DATA_NAME_Q + r")(?:\s(?:[a-z0-9][\w-]*[a-rt-z0-9-]|[a-z0-9]|\([^()]+\)|(?:data|sub)?sets|splits)"
                r"(?:" + _FRONTED_WORD + r")*)?)"
                r"(?:\s(?:with|using|under|at)\s[^,.;]+)?"
                # (the comma closes the phrase, not a list of names: the clause goes on in lower case, or with
                # its subject's name and a verb: "On NAME, PatchBoard achieves"; not "On A, B, and C,")
                # (unbounded repeats: a counted one is compiled into as many copies, on every run)
                r",\s(?:[a-z]|(?:[A-Z][\w+.-]*\s){1,2}(?:\([^()]+\)\s)?[a-z]+(?:s|ed)\b)")
# What may follow a known name (DATASET) and belong to the name: a capitalized suffix ("MMLU-Pro",
# "CIFAR-10-C"), or capitalized words before a data word ("WMT News Crawl corpus": cut off by
# ON_DATA_WORD_TAIL).
KNOWN_NAME_TAIL = r"(?:-[A-Z][A-Za-z0-9]*|(?:\s[A-Z][A-Za-z]+){1,2}\s(?:dataset|benchmark|corpus)\b)?"
ON_DATA_WORD_TAIL = r"^(.*)\s(?:dataset|benchmark|corpus|test set)$"
# A split written bare after the data's name is part of the name ("75.9% on BIRD dev", "2.1 WER on
# LibriSpeech test-clean", not "validation": the gold leaves it; not before a noun: "on the nuScenes test
# set" is nuScenes, ON_DATA_WORD_TAIL). Group 1: the name with its split.
SPLIT_AFTER_DATA = (r"\b(?:on|in)\s(?:the\s)?(\S+\s(?:dev|test|test-clean|test-other|test-dev|dev-clean))"
                    r"(?:[,;:)]|\.(?:\s|$)|\s(?:and|with|while|under|using|for|as|at|in|on|respectively)\b|$)")
# A compound adjective, no name: "on the OAI-derived dataset", "on 200 IMO-level problems", "trained on
# FIAD-generated data" (a name with -based, -style ... describes the data it is said of).
_ADJECTIVE_SUFFIX = (r"-(?:based|derived|generated|level|like|style|specific|guided|driven|aware|centric|oriented"
                     r"|only|free|wise)")
NAME_AS_ADJECTIVE = _ADJECTIVE_SUFFIX + r"$"
# ... and so is an introduced one (read from the character before the name: "the OAI-derived dataset")
INTRO_ADJECTIVE_NAME = r"^[^\w]?[^\s,;:()]+" + _ADJECTIVE_SUFFIX + r"\b"
NOT_DATA_NAME = (r"^(?:GPT|Qwen|Llama|LLaMA|Gemma|Claude|Gemini|Mistral|Mixtral|DeepSeek|Phi|Falcon|Vicuna|"
                 r"Pythia|OPT|BLOOM|SAM|CLIP|ViT|BERT|RoBERTa|T5|LLaVA|InternVL|FLUX|SDXL|DiT|ResNet|YOLO|"
                 r"A100|H100|H200|V100|RTX|TPU|NVIDIA|SOTA|SoTA|LLM|VLM|MLLM|GPU|CPU)|[0-9][BM]$"
                 # a device's name: a capital and two to four digits (A40, P100, L40S)
                 r"|^[A-Z][0-9]{2,4}S?\b"
                 # a measure's acronym, maybe qualified ("on IOU 0.50:0.95", "on the ADE / FDE
                 # metrics", "tying on AP-micro (0.636)")
                 r"|^(?:IoU|IOU|AUC|AUROC|AUPRC|AP|mAP|F1|BLEU|ROUGE|PSNR|SSIM|FID|LPIPS|ADE|FDE|MAE|RMSE|MSE"
                 r"|WER|CER|EER|NDCG|MRR|HR|QWK)(?:[-@][\w.]+)?$"
                 r"|" + NAME_AS_ADJECTIVE)
_DATA_WORD = r"(?:dataset|data set|benchmark|corpus|suite|testbed|collection)"
# ... capitalized too where it ends a long name ("VGRP-Bench, a Visual Grid Reasoning Puzzle
# Benchmark featuring"; not right after the name: "a VQA Benchmark" names no VQA data)
_DATA_WORD_ANY = r"(?:[Dd]ataset|[Dd]ata set|[Bb]enchmark|[Cc]orpus|[Ss]uite|[Tt]estbed|[Cc]ollection)"
# A word of the "a (novel ...) benchmark" phrase; a count in it keeps its comma ("a 23,640-question benchmark");
# an acronym in parentheses too ("SpineBench, a Visual Question Answering (VQA) benchmark": SpineBench);
# a comma after it in a list of adjectives ("HalloMTBench, a multilingual, human-verified benchmark").
_INTRO_WORD = r"(?:[\w-]+,?(?:,[0-9]{3}[\w-]*)?|\([\w-]+\))"
# An evaluation set or an environment agents are tested in, introduced as the paper's data ("NAME, a
# held-out test set", "NAME, an embodied multi-agent environment"; not "an environment-aware model").
_INTRO_ENV_WORD = r"(?:evaluation|test|held-out)\sset|[Ee]nvironment|[Gg]ym|[Aa]rena"
# The name of data an abstract introduces: a data name, or a capitalized word with a number
# ("Knots-10", "Advosynth-500"), with a size glued to it ("HAIG-2.9M"), and a version or a
# "Bench" after it ("GEditBench v2", "Ego-ST Bench"): in an introduction these name the data
# (DATA_NAME alone, read everywhere else, leaves them out: "Wasserstein-2", "GPT-4 v2").
INTRO_NAME = (r"(?:" + DATA_NAME + r"|[A-Z][a-z]+-[0-9]+(?:\.[0-9]+)?)(?:[KMB]\b)?(?:\sv[0-9]+(?:\.[0-9]+)?\b|\sBench\b)?")
# An abstract introducing its data: "NAME, a (novel ...) benchmark" (or "NAME (Long Name), a ...",
# "NAME: a ..."), "NAME dataset",
# "NAME (Long Name) dataset", "the NAME challenge" (its data: "from the KiTS23 challenge"),
# "NAME consists of / contains / comprises / pairs / offers ...".
# Group 1: the name.
INTRO_DATASET = (r"\b(" + INTRO_NAME + r")(?:(?:\s\([^()]{2,80}\))?[,:]\s(?:a|an|the)\s(?:" + _INTRO_WORD + r"\s){0,6}?(?:(?:" + _DATA_WORD_ANY + r"|resource)s?\b"
                 r"|(?:" + _INTRO_ENV_WORD + r")s?[\s,.;:)])"
                 r"|(?:\s\([^()]{2,80}\))?\s(?:" + _DATA_WORD + r"|challenge)\b"
                 # ("NAME offers" a number of things only: "TalkVerse offers 2.3 million clips"; not the
                 # methods that offer an alternative, "DART offers a more efficient alternative")
                 r"|\s(?:consists of|contains|comprises|includes|spans|pairs)\b"
                 r"|\soffers\s(?:(?:over|nearly|about|approximately|roughly|more than)\s)?[0-9])")
# The words between "NAME, a" and the first data word of an introduction (group 1; read from the
# character before the name) ...
INTRO_APPOSITIVE_HEAD = (r"^[^\w]?\S+(?:\s\([^()]{2,80}\))?[,:]\s(?:a|an|the)\s((?:" + _INTRO_WORD + r"\s){0,6}?)"
                         r"(?:(?:" + _DATA_WORD_ANY + r"|resource)s?\b|(?:" + _INTRO_ENV_WORD + r")s?[\s,.;:)])")
# ... with a preposition or a participle among them: the data word is in a phrase said of NAME,
# which is a method ("SLIDERS, a framework for question answering over long document collections",
# "CheXmix, a generative model trained on a large corpus", "NAME, the overall F1 on our benchmark";
# "NAME, a group of five datasets" is data: "of" is not read).
INTRO_HEAD_PREPOSITION = r"\b(?:on|in|for|from|with|by|to|at|over|under|via|using|trained|built|fine-tuned)\s"
# "NAME dataset" where a noun follows the data word ("HAR benchmark datasets", "IPC dataset
# distillation", "NAME dataset creation"): NAME names a kind of data, no data set of its own.
# (read from the character before the name: a hyphen there makes a compound too)
INTRO_AS_MODIFIER = (r"^(?:-|[^\w]?\S+(?:\s\([^()]{2,80}\))?\s" + _DATA_WORD + r"\s(?:" + _DATA_WORD
                     + r"s?|[a-z]+(?:ion|ment)s?)\b)")
# "NAME consists of two core components", "NAME comprises three stages", "NAME includes a rigid
# registration module": what is made of parts is a method, no data (read like INTRO_AS_MODIFIER, from
# the character before the name).
INTRO_OF_PARTS = (r"^[^\w]?\S+\s(?:consists of|comprises|contains|includes)\s(?:[\w-]+\s){0,3}?"
                  r"(?:components?|modules?|stages?|branch(?:es)?|blocks?|designs?|phases?|encoders?|decoders?"
                  r"|sub-?networks?|heads?|mechanisms?)\b")
# "Contextual Emotional Inference (CEI) Benchmark", "Traffic Scenes (TSBOW), a comprehensive
# dataset". Group 1: the name.
INTRO_DATASET_PAREN = (r"\((" + INTRO_NAME + r")\)(?:\s(?:[Bb]enchmark|[Dd]ataset|[Cc]orpus)\b"
                       r"|,\s(?:a|an|the)\s(?:" + _INTRO_WORD + r"\s){0,4}?" + _DATA_WORD + r"[\s,.;:])")
# The name after the data word: "a dataset, named SurgBlood, ...", "a benchmark dataset (called
# NAME)", "a new benchmark for remote sensing, NAME.", "Medical Incident Dataset (JMID)".
# INTRO_BEFORE_NAME is what comes before the name (the name is read after it).
# ... or right after the data word ("a custom dataset STP-AgriData and a detector", "an Ontology Axiom
# Benchmark OntoAxiom, and", "a synthetic dataset PoseTraj-10K, containing"); not "benchmark" in lower
# case, a verb as often ("we benchmark GPT-4o, ...").
INTRO_WORD_BEFORE_NAME = r"\b(?:[Dd]ataset|[Cc]orpus|Benchmark)\s"
INTRO_BEFORE_NAME = (r"\b(?:[Dd]ataset|[Bb]enchmark|[Cc]orpus)(?:,?\s\(?(?:named|called|dubbed|termed)\s"
                     # (a naming word after the words too: "a dataset for vehicle part segmentation, named NAME",
                     # "a dataset with 1M triplets, namely NAME")
                     r"|(?:\s(?:[a-z][a-z-]*|[A-Z0-9]+)){0,4}?,\s(?:(?:named|called|dubbed|termed|namely)\s)?|\s\()")
INTRO_DATASET_AFTER = (r"(?:" + INTRO_BEFORE_NAME + r"|" + INTRO_WORD_BEFORE_NAME + r")(?:" + INTRO_NAME + r")"
                       r"(?:[,.)]|\s(?:which|that|with|comprising|consisting|contains|containing|and)\b)")
# A name in parentheses right after the data word names the whole phrase before it: "a
# large-scale Moving UAV VAD dataset (MUVAD)", "the Florence RGB-Event Drone dataset (FRED)" are
# MUVAD and FRED, not VAD or Drone (read from the character before the introduction's name).
# (a capitalized token, not INTRO_NAME: a small pattern compiles in a fraction of its time)
INTRO_NAME_AFTER_WORD = r"^[^\w]?\S+\s" + _DATA_WORD + r"\s\(([A-Z][\w+-]{1,40})\)"

# Words between a number and its counted noun that are not the noun itself.
COUNT_MODIFIERS = (
    "new|different|additional|extra|main|existing|unlabeled|unlabelled|labeled|labelled|"
    "untranscribed|weakly|strongly|distinct|unique|diverse|public|publicly|available|"
    "synthetic|real|total|open|novel|independent|separate|random|already|only|also|still|"
    "just|about|roughly|approximately|high-quality|large|small|larger|smaller|"
    "curated|annotated|human|manually|pre-trained|pretrained|trained|individual|various|"
    # (not stop words: "5 more tokens", "3 fewer steps" count tokens, steps)
    "more|fewer|"
    # ("14.3 percentage point gains": the points are what is counted)
    "percentage"
)

# Words that end the noun window after a number (the noun, if any, came before).
COUNT_STOPS = (
    "of|to|and|or|in|on|for|with|from|that|which|than|per|at|by|as|the|a|an|is|are|was|"
    "were|while|vs|across|over|under|into|when|compared|respectively|less|faster|"
    "slower|lower|higher|better|worse|improvement|reduction|increase|speedup|we|it|our|"
    "their|its|this|these|those|has|have|had|can|could|will|would|be|been|but|so|then|"
    "only|each|every|up|down|out|after|before|during|between|among|through|via|using|"
    "without|within|where|who|whose|including|such|if|not|no|all|both|any|some|"
    # (a change said of the value, plural too: "14.3 percentage point gains" counts points)
    "gains|drops|improvements|increases|reductions|decreases|boosts|declines"
)
# After a name's number (RIGHT_NO_NOUN), a verb: a word in -s with a word after it that is no
# function word and no participle ("Surfer 2 exceeds human performance", "Sora 2 generates videos").
# A count's plural noun is followed by one of those ("Cityscapes 19 classes and", "3 tasks
# spanning"). VERB_AFTER_NAME finds the shape, NOUN_AFTER_NUMBER the counts among it (two
# searches: no look-ahead in Polars' regex).
VERB_AFTER_NAME = r"^\s[a-z]+[^s'\s]s\s[a-z]"
NOUN_AFTER_NUMBER = r"(?i)^\s\S+\s(?:(?:" + COUNT_STOPS + r")\b|[a-z]+(?:ing|ed)\b)"

# The counted noun after a number: among the first five words (`WORD`s separated by one
# space), before the first stop word, the first plural noun that is no modifier, else the
# first plain (unhyphenated) candidate among the first four that is no modifier. Done with
# a few regexes on the whole window rather than per word (per-word flags were 30+ column
# operations).
# ("2D"/"3D" too: a dimension names no count but sits among the words, "10,000 3D objects";
# and Latin letters with accents within a word, "196 Pokémon card samples": \w is ASCII here)
WORD = r"(?:[A-Za-z]|[1-4][Dd]\b)[\w'\x{C0}-\x{24F}-]*"
# Group 1: up to five words right after the number (five: "13 widely used text embedding
# models", "4 robust point cloud analysis benchmarks").
# (an aside in parentheses right after the number is read past: "5,677 (5K+) videos",
# "56 (task, model) cases")
# ... and so is an aside in parentheses between the words ("9077 grounded question-answer
# (QA) pairs", "4,000 expert-checked (gold) sketch pairs", "2 million short (in-house) clips").
# (No optional word before group 1: that doubles the cost of this extract.)
NOUN_WINDOW = (r"^[\s+\-]*(?:\([^()]{1,30}\)\s)?(" + WORD
               + r"(?:\s(?:\([^()]{1,25}\)\s)?" + WORD + r"){0,4})")
# The first stop word of the window and all after it (removed from the window).
STOP_TAIL = r"(?is)(?:^|\s)(?:" + COUNT_STOPS + r")(?:\s.*)?$"
# Group 1: the first plural word ([^sui']s, or an acronym's plural: GPUs). No modifier
# has this shape (a test checks), so none needs excluding. `[^sui']` within a word is
# written as the word characters other than s, u, i, '.
PLURAL_NOUN = r"(?:^|\s)([a-z][a-z-]*[0-9A-Za-hj-rtv-z_-]s|[A-Z]{2,6}s)(?:\s|$)"
_PLURAL_WORD = r"(?:[a-z][a-z-]*[0-9A-Za-hj-rtv-z_-]s|[A-Z]{2,6}s)"
# A word shaped like a plural that names a field or is alike in both numbers describes the
# plural noun after it ("41 news videos", "6 senior UK diabetes clinicians", "500 physics
# problems", "12 time series datasets"): that noun is the head. (Only these: after other
# plurals a plural-shaped word is mostly a verb, "evaluation of 18 MLLMs reveals".)
# SINGULAR_IN_S: such a word (as PLURAL_NOUN found it); PLURAL_AFTER_SINGULAR_IN_S, group 1:
# the plural right after it. (A second extract on those few rows: an optional word before
# PLURAL_NOUN's group costs +50% on every window.)
_SINGULAR_IN_S = (r"(?:[a-z-]*(?:omics|ysics|matics|nomics|otics|guistics|ynamics|chanics|aphics|tronics|lytics)"
                  r"|news|series|species|diabetes)")
SINGULAR_IN_S = r"^" + _SINGULAR_IN_S + r"$"
PLURAL_AFTER_SINGULAR_IN_S = r"(?:^|\s)" + _SINGULAR_IN_S + r"\s(" + _PLURAL_WORD + r")(?:\s|$)"
# Group 1: the word right before the first plural word of the window (PLURAL_NOUN's shape),
# with such a describing word ("UK diabetes", which names no compound).
BEFORE_PLURAL = r"(?:^|\s)(\S+(?:\s" + _SINGULAR_IN_S + r")?)\s" + _PLURAL_WORD + r"(?:\s|$)"
# A word shaped like an adjective or participle, or a number word or determiner ("operating
# conditions", "different tasks", "several runs", "example pairs"): it describes the counted noun, it does not name it.
ADJECTIVE_SHAPE = (r"(?:ing|ed|al|ic|ive|ous|ful|able|ible|ent|ant|ary|less|ly|est|ior|ar|y)$"
                   r"|^(?:more|most|few|fewer|many|several|some|other|such|these|those|all|each|every|both|"
                   r"hundred|thousand|million|billion|trillion|dozen|two|three|four|five|six|seven|eight|nine|ten|"
                   r"example|sample|data|instance|item)$")
# Counted nouns too generic to stand without the noun before them.
# (plural forms: they are tested on the plural word as written)
GENERIC_HEAD = (r"^(?:pair|triplet|categorie|type|value|sequence|group|dimension|clip|tile|test|case|map|"
                r"pattern|prototype|set|unit|item|instance|entrie|record|segment)s$")
# Irregular plurals (Latin, Greek, English) and nouns alike in both numbers, as counted nouns
# are written: their singular ("species" stays species, not specy; "movies" -> movie).
IRREGULAR_PLURAL = {
    "species": "species", "series": "series", "news": "news", "criteria": "criterion",
    "phenomena": "phenomenon", "automata": "automaton", "minutiae": "minutia", "formulae": "formula",
    "vertebrae": "vertebra", "larvae": "larva", "antennae": "antenna", "analyses": "analysis",
    "hypotheses": "hypothesis", "theses": "thesis", "syntheses": "synthesis", "diagnoses": "diagnosis",
    "prognoses": "prognosis", "parentheses": "parenthesis", "matrices": "matrix", "vertices": "vertex",
    "indices": "index", "appendices": "appendix", "cortices": "cortex", "stimuli": "stimulus",
    "nuclei": "nucleus", "radii": "radius", "foci": "focus", "fungi": "fungus", "corpora": "corpus",
    "genera": "genus", "bacteria": "bacterium", "strata": "stratum", "curricula": "curriculum",
    "spectra": "spectrum", "children": "child", "mice": "mouse", "teeth": "tooth", "feet": "foot",
    "movies": "movie", "cookies": "cookie", "calories": "calorie", "zombies": "zombie", "axes": "axis",
    # (the plural of person: "2.2 billion people" counts persons; GUIDELINES: the noun in the singular)
    "people": "person",
}  # fmt: skip
# Counted nouns that count another thing: a context is counted in tokens ("a 128K context",
# "48K-96K contexts": GUIDELINES, context lengths are counts of tokens).
COUNTED_AS = {"context": "token", "contexts": "token",
              # "a 50-dimensional feature vector", "128-dim embeddings": the adjective (or its short form)
              # of a counted noun counts that noun, as "4-level" counts levels (GUIDELINES: digit compounds)
              "dimensional": "dimension", "dim": "dimension", "dims": "dimension"}
# "3-4 orders of magnitude", "two orders of magnitude": a fixed compound that counts orders of
# magnitude, not orders (the window stops at "of"; read where the noun found is "order" only)
ORDER_OF_MAGNITUDE = r"^\s?-?orders?\sof\smagnitude\b"

# Up to four words after a number and an acronym in parentheses ("large language models
# (LLMs)", "Visual Question Answering (VQA)"), and its parts: the first letter of the words, the
# acronym (its first letter, whether it is plural).
ACRONYM_DEFINED = r"^\s(?:[A-Za-z][0-9A-Za-z_-]*\s){1,4}\([A-Z][A-Za-z]*[A-Z]s?\)"
ACRONYM_PARTS = r"^\s(?P<w>[A-Za-z])[^(]*\((?P<acr>(?P<a>[A-Z])[A-Za-z]*[A-Z](?P<s>s?))\)$"

# Group 1: a noun glued to the number by a hyphen ("48-frame", "3-step", "2-stage").
HYPHEN_NOUN = r"^-([a-z]{2,})(?:[ \t\n,.;:)]|$)"
# A lower-case word shaped like an adverb, participle or adjective (-ly, -ed but not -eed,
# -ive, -ous, -ful, -able/-ible, -al, a long -ic, a long -ing: "400 challenging, ...", "452
# training and 227 validation samples"): it describes what is counted, it does not
# name it ("seed", "topic", "metric", "string", "thing" stay nouns).
NOT_NOUN_SHAPE = r"^[a-z][0-9A-Za-z_'-]*(?:ly|[^e]ed|ive|ous|ful|able|ible|al|[a-z]{5}ic|[a-z]{3}ing)$"
# A lower-case word of four letters or more (no short unit of measure: "ppi", "px"): after a
# count above one, a singular such word is a verb or modifies a later noun; nouns plural in
# meaning without an -s are counted (PLURAL_WITHOUT_S and the irregular plurals).
SINGULAR_WORD = r"^[a-z][a-z'-]{3,}$"
# "a"/"an" and up to two words right before the number ("an 8 layer LSTM", "a new 2 billion").
# (the word right before the number is no "of": in "a combination of 61 private and 51 public
# datasets", "a total of 12 clinical and 30 public sets" the article is the other noun's, and the
# singular word after the number a modifier again)
ARTICLE_BEFORE = r"(?:^|\s)[Aa]n?\s(?:(?:[a-z][\w-]*\s)?(?:[a-np-z][\w-]*|o|o[\w-]*[a-eg-zA-Z0-9_-]|o[\w-]+f)\s)?$"
# (and the measures read from the counted noun later: "a +5.8 point gain", "12 degree")
PLURAL_WITHOUT_S = ["people", "data", "staff", "personnel", "cattle", "police", "livestock", "poultry", "men",
                    "women", "point", "degree", "percentage-point"]
# A plain lower-case noun right before "points" that names no measure: the points are counted
# things ("11,967 evaluated data points", "10-20 depth points per image"), not percentage
# points ("5 accuracy points", "3 absolute points", "a 2 percentage point gain").
# Group 1: such a noun (a measure's name matches the first alternative, which leaves it empty).
COUNTED_POINTS_BEFORE = r"^(?:percentage|absolute|relative|[a-z-]*" + _METRIC_HEAD_LOWER + r")$|^([a-z][a-z-]*)$"
# A word that may be the noun when no plural is found (then checked against the modifiers).
# ("percentage-point" too: "a 58-69 percentage-point accuracy drop" is in percentage points)
PLAIN_NOUN = r"^(?:[a-z][\w']*|[A-Z]{2,6}s?|percentage-point)$"
# "1.6B language models", "124M parameters": a size that counts parameters.
# (and the acronyms of language models: LLMs, VLMs, MLLMs, LMMs, SLMs)
MODEL_NOUN = (r"(?i)(?:^|\s)(?:[\w-]*model|parameter|checkpoint|baseline|variant|backbone|[\w-]*LLM|[\w-]*VLM|[\w-]*LMM|S?LM)"
              r"s?(?:\s|$)")
# Counted things that are evaluated, not the data a value is on ("across 13 systems", "9
# methods from 96 teams"; not "24 datasets", "13 participants": what data may consist of),
# and measures of cost ("latency", "training time", "inference cost", "token consumption",
# "GPU memory usage", "LLM invocations"): an introduced data set
# is not theirs.
EVALUATED_NOUN = r"(?i)(?:^|\s)(?:system|method|approach|team)s?$"
COST_METRIC = r"(?i)(?:speed|speedup|latency|throughput|time|costs?|memory|parameters|FLOPs|consumption|usage|invocations|calls)$"
# A plural noun within three words after a year-like number: then it counts ("2000 clips",
# "2000 Amazon app reviews", "2000 CT scans"); an acronym only right before the noun (a year
# names an edition: "the 2025 USAMO within hours", "1955 CE in terms of").
YEAR_COUNTED = r"^\s(?:[a-z-]+\s|[A-Z][a-z-]+\s){0,2}(?:[A-Z]{2,6}\s)?[a-z][a-z-]+[a-rt-z]s\b"

# A year outside YEAR's 1950-2029 read by what is written around it (detect): after a preposition
# of time ("by 2050", "around 1890", "since 1900", "until 2100") or before an era ("1800 CE", "500 BC"
# is no four-digit year): a date, not a quantity (a plural noun after it still counts, YEAR_COUNTED).
YEAR_LIKE_WIDE = r"^(?:1[5-9]|20)[0-9]{2}$"
LEFT_TIME_PREPOSITION = r"(?i:\b(?:by|around|since|until|till|circa|before|after)\s)$"
# ... "by" only where the sentence or clause ends after it ("expected to double by 2050."; "reduces the
# cost by 1800 in total" is a quantity)
LEFT_BY = r"(?i:\bby\s)$"
RIGHT_CLAUSE_END = r"^(?:[.,;:)]|\s\(|$)"
RIGHT_ERA = r"^\s?(?:CE|BCE|AD|BC)\b"
# A full turn names a kind of view or capture, not a measured angle: "360° videos", "a 360-degree
# camera", "360o spherical images" (detect).
RIGHT_FULL_TURN = r"^(?:\s?°|o\b|[\s-]degrees?\b)"
# A model tag's size after a colon is part of the tag's name: "mistral:7b", "Llama3.2:1b" (detect;
# IDENT reads it where the name before the colon has a digit and is no model family).
LEFT_TAG_COLON = r"(?:^|[A-Za-z0-9.]):$"  # (the colon alone: the name before it is a skipped match)
RIGHT_TAG_SIZE = r"^[bBmM]\b"
# A one-digit version after an all-caps name ("SAM 2.1", "On CTG 2.0", "V-JEPA 2.1 video features"):
# VERSION reads a capitalized name with a lower-case letter only; a metric acronym's value stays
# ("WER 2.1": METRIC is read on the name before keeping the claim) (detect).
VERSION_NUMBER = r"^[1-9]\.[0-9]$"
LEFT_CAPS_NAME = r"\b([A-Z][A-Z0-9-]*[A-Z])\s$"
# The all-caps names of measures METRIC reads (lower case; a lookup: the names before a version are few).
METRIC_CAPS_NAMES = sorted({name for name in METRIC_CANON if re.fullmatch(r"[a-z0-9-]+", name)}
                           | {"mrr", "ndcg", "nds", "iou", "ap", "mae", "rmse", "mse", "eer", "hota", "mota", "idf1",
                              "mpjpe", "qwk", "mcc", "lrap", "auprc", "srcc", "plcc", "rouge-l", "em"})
RIGHT_SCORE_UNIT = r"^\s?(?:points?|pts?|pp|dB)\b"
# The COCO range of IoU thresholds is a setting of the metric, like mAP@0.5:0.95 (AT_SETTING):
# "precision of 0.209 for IoU range of 0.50:0.95" (detect): its ends, glued by the colon alone.
IOU_RANGE_ENDS = (["0.5", "0.50"], "0.95")

# A connector between two numbers of one range or list: 14M to 410M, 2.51 and 3.25.
# (a sign or tilde before the second number stays outside its span: "+1 to +3 points", "~5 to ~9", "-12.2%, -15.5%")
# (a tilde alone joins a range too: "1.6~9.8x faster", "10~50 humans")
# (a mean and its error: "36.8 +/- 3.0%" is a percent; clean_text writes ± as +/- or plus-minus)
LINK = (r"^\s?(?:-|--|–|—|~|to|and|or|,|, and|, or|/|\||vs\.?|versus|out of|\+/-|±|plus-minus)"
        r"(?:\s(?:over|about|around|nearly|almost|roughly|up to|more than|less than))?\s?[+~\-−]?$")

# A European thousands separator: one dot and three digits after a number of one to three digits
# ("17.118 triples, and 2.771 axioms"), read as thousands only before a plural counted noun (not a
# rate or an average: "1.235 tokens/word", "2.125 steps per episode").
THOUSANDS_DOT = r"^[1-9][0-9]{0,2}\.[0-9]{3}$"
THOUSANDS_DOT_NOUN = r"^\s(?:[a-z][a-z-]+\s)?[a-z][a-z-]*[a-rt-z]s(?:[,;:.)]|\s(?:[^p]|p[^e]|pe[^r]|per\S)|$)"
# ... nor after an average ("an average of 2.500 objects", "mean 1.250 edits")
THOUSANDS_DOT_AVERAGE = r"\b(?:[Aa]verag\w*|[Mm]ean|avg\.?|[Mm]edian)\s(?:of\s|number\sof\s)?$"

# A decimal that a plural counted noun follows is an average count, not a score: "8.5
# concurrent edits per image", "11.89 calls per task", "an average of 1.8 conversational
# turns", "a half-life of ~1.5 tokens", "7.75 VLM calls", "1.15 average LLM calls" (an acronym
# may name what the counted things are of; GUIDELINES: a decimal is a count when a counted noun
# follows; points, degrees and metric values are read before this).
# ... unless it is a unit of measure (a measured value is a score with that unit: "0.63 meters",
# "1.5 pts", "14.3 percentage point gains", "0.5 pixels"): group 1 is the counted noun only when the
# first alternative (a unit of measure, tried first) does not match.
DECIMAL_COUNTED = (r"^\s(?:(?:percentage\s)?(?:points?|pts|pp|[a-z]*(?:meter|metre|pixel|degree)s)\b"
                   r"|((?:[a-z-]+\s)?(?:[A-Z]{2,6}\s)?[a-z-]*[a-hj-rtv-z]s)\b)")

# "4.14 speedup", "8.6 faster than", "35 faster (0.17 s)": a speed-up word right after a bare
# number makes it a ratio (a multiplier whose "x" was left out); not "2 faster models" (a count).
SPEEDUP_RIGHT = (r"speed-?ups?\b|(?:faster|slower)(?:\s(?:than|in|on|at|for|with|while|and|or|to|"
                 r"inference|training|decoding|generation|convergence)\b|\s?[^\sA-Za-z]|$)")

# Rates: "20 frames per second", "1,000 tokens/s", "30 fps", "80 Hz".
# (group `speedup`: SPEEDUP_RIGHT, read in the same pass)
RATE = (r"^\s?-?(?:(?P<rnoun>[A-Za-z]+)\s?(?:per\s|/\s?)(?P<rden>seconds?|secs?|s|minutes?|min|"
        r"hours?|h|days?|weeks?|months?|years?|steps?|iterations?|GPU|token|image|query|sample)\b|(?P<fps>fps|FPS)\b"
        # (hertz: cycles per second, a rate with the unit as written: "runs at 80 Hz", "50Hz", "868 MHz")
        r"|(?P<hz>[kMG]?Hz)\b"
        r"|(?P<speedup>" + SPEEDUP_RIGHT + r"))")

# The denominator of a rate, as it is written in the unit (each value RATE can match).
# (the time units as durations write them: s, min, h, d; "300,000 messages per day" -> message/d)
RATE_PER = {
    "seconds": "s", "second": "s", "secs": "s", "sec": "s", "s": "s", "minutes": "min",
    "minute": "min", "min": "min", "hours": "h", "hour": "h", "h": "h", "days": "d",
    "day": "d", "steps": "step", "step": "step", "iterations": "iteration",
    "iteration": "iteration", "GPU": "GPU", "token": "token", "image": "image",
    "query": "query", "sample": "sample", "weeks": "week", "week": "week", "months": "month",
    "month": "month", "years": "year", "year": "year",
}  # fmt: skip

# "by a factor of 10": the number is a multiplier.
FACTOR_LEFT = r"\bfactors? of\s(?:about\s|around\s|roughly\s|up to\s|over\s)?$"

# "inference steps from 20 to 1-4", "samples of 10 million": the counted noun before.
# ... and a count in parentheses after the plural noun ("100 tasks (70 text-only", "14,000
# samples (2,000 reserved", "frames (e.g., 16-64)", "parameters (from 5.2M to 82K)")
# ... and through a verb of change or range ("as the number of rollouts increases from 1 to
# 16", "prompts ranging from 20 to 200"; the verb itself is no noun: CHANGE_VERB_S)
_CHANGE_OR_RANGE = (r"(?:(?:in|de)creas|grow|ris|rang|vary|vari|scal|go|drop|fall|climb|jump|shrink)"
                    r"(?:es|s|ed|ing)|grew|rose|went|fell|dropped|dropping|shrank")
# ... and a later count of such a parenthesis ("100 tasks (70 text-only, 30 multimodal)")
# (a plural: not -us, -is, -ss, "a corpus of 49 pairs", "an analysis of 300 runs")
_PAREN_ITEMS = r"(?:[0-9][0-9.,]*[kKMB]?\s[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?(?:,\s|\sand\s|,\sand\s))+"
# ... and an acronym's plural, and the bounds and hedges of an aside ("many GPUs (e.g.~8-64)",
# "few samples (fewer than 10)", "instances (approximately 20-100)", "runs (at least 5)")
NOUN_LEFT = (r"\b([a-z]{2,}[a-hj-rtv-z]s|[A-Z]{2,6}s)\s(?:(?:" + _CHANGE_OR_RANGE + r")\s)?(?:(?:from|of)\s|\((?:e\.g\.,?[\s~]|i\.e\.,?[\s~]|from\s|"
             + _PAREN_ITEMS + r")?)"
             r"(?:about\s|around\s|over\s|up to\s|only\s|approximately\s|roughly\s|nearly\s|almost\s|"
             r"(?:fewer|less|more) than\s|at (?:least|most)\s|~\s?)?$")
# A measure that NOUN_LEFT's noun may be: its values are sizes or rates, not counts of it
# ("batch sizes (e.g., 128-2048)", "dilation rates of 2 and 3", "a 181 to 1 class ratio").
MEASURE_PLURAL = r"(?:size|rate|ratio|length|score)s$"
# Verbs that NOUN_LEFT's noun may be when no noun comes before them ("consists of 12", "the
# count increases from 1 to 16").
CHANGE_VERB_S = ["consists", "increases", "decreases", "grows", "rises", "ranges", "varies", "goes", "scales",
                 "drops", "falls", "climbs", "jumps", "shrinks"]
# The words after a number up to "and"/"or" (`pre`, the noun window when no noun was found),
# or an adjective before a comma (`adj`: "1,000 challenging, unambiguous questions", "54
# manually curated, ambiguous instances", "23,000 high-quality, textured 3D models"; not a
# noun: "at 128k context, with no parameters"),
# (a list of such words or adjectives joined by commas is read as one, `pre` or `adj` being its
# first item, which the window ends with: "14 image, video, and in-the-wild benchmarks", "41
# multi-turn, multimodal, multi-directory scenarios"; a word glued to a dimension may come before
# the noun: "3D models"),
# then maybe a number, then the first plural noun within four words (`noun`; of four letters
# or more: not "was", "its").
# (a word of a list item after a comma: not plural-shaped, a plural would be the counted noun:
# "250 demanding, hand-checked puzzles and 4 strings" counts puzzles)
_COORD_ITEM = r"[A-Za-z](?:[0-9A-Za-z_'-]*[0-9A-Za-rt-z_'-])?"
_COORD_ADJ = r"(?:[a-z]+ly\s)?(?:[a-z][a-z'-]*(?:ing|ed|al|ic|ive|ous|ful|able|ible|ant|ent)|[a-z]+-[a-z-]+)"
COORDINATED_NOUN = (r"^[\s+\-]*(?:(?P<pre>[A-Za-z][0-9A-Za-z_'-]*(?:\s[A-Za-z][0-9A-Za-z_'-]*){0,4}?)"
                    r"(?:,\s" + _COORD_ITEM + r"(?:\s" + _COORD_ITEM + r"){0,3}?){0,3},?\s(?:and|or)"
                    r"|(?P<adj>" + _COORD_ADJ + r")(?:,\s(?:and\s)?" + _COORD_ADJ + r"){0,3},)\s"
                    r"(?:[0-9][0-9,.]*(?:\s?(?:million|billion|thousand|[kKMB]))?\s)?(?:(?:[A-Za-z]|[1-4][Dd])[0-9A-Za-z_'-]*\s){0,3}?"
                    r"(?P<noun>[a-z][a-z-]+[0-9A-Za-hj-rtv-z_-]s|[A-Z]{2,6}s)(?:[\s,.;:)]|$)")
# Group 1: the noun a count of a part names ("8 of 14 tasks", "4 out of 100 items", "11 of 14 LLMs").
OF_COUNTED = r"^\s(?:out\s)?of\s(?:the\s)?[0-9][0-9,.]*\s(?:[a-z][a-z-]*\s)?([a-z][a-z-]*[a-rt-z]s|[A-Z]{2,6}s)\b"

# A model name right before a bare size: "Gopher (280B)", "GPT-3 175B fine-tuned".
NAME_BEFORE_SIZE = r"\b[A-Z][\w.-]*\s?\(?$"


@functools.cache  # extract_claims builds its patterns on every call: ~3 ms of Python each time without it
def ascii_classes(p: str) -> str:
    r"""The same pattern with ASCII `\b`, `\w`, `\d`.

    Unicode word boundaries force the Rust regex crate off its DFA onto a much slower
    engine (about 4x on this grammar); numbers and identifiers are ASCII anyway."""
    out, i, in_class = [], 0, False
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            e = p[i + 1]
            if e == "b" and not in_class:
                out.append(r"(?-u:\b)")
            elif e == "w":
                out.append("0-9A-Za-z_" if in_class else "[0-9A-Za-z_]")
            elif e == "d":
                out.append("0-9" if in_class else "[0-9]")
            else:
                out.append(c + e)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            out.append(c)
            if p[i + 1 : i + 2] == "^":
                out.append("^")
                i += 1
            if p[i + 1 : i + 2] == "]":  # a literal ] first in a class
                out.append("]")
                i += 1
        elif c == "]" and in_class:
            in_class = False
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


# Every pattern handed to Polars goes through `ascii_classes`.
(MARK, CLAIM_ANCHORED, METRIC, METRIC_PREFIX, METRIC_FILLER, DATASET, LINK,
 RATE, FACTOR_LEFT, NOUN_LEFT, NAME_BEFORE_SIZE, WORD, NOUN_WINDOW, STOP_TAIL,
 PLURAL_NOUN, PLAIN_NOUN, MODEL_NOUN, BEFORE_PLURAL, METRIC_WORDS, METRIC_STOP, METRIC_COMPARATIVE,
 METRIC_GEN_FILLER) = map(ascii_classes, (
    MARK, CLAIM_ANCHORED, METRIC, METRIC_PREFIX, METRIC_FILLER, DATASET, LINK,
    RATE, FACTOR_LEFT, NOUN_LEFT, NAME_BEFORE_SIZE, WORD, NOUN_WINDOW, STOP_TAIL,
    PLURAL_NOUN, PLAIN_NOUN, MODEL_NOUN, BEFORE_PLURAL, METRIC_WORDS, METRIC_STOP, METRIC_COMPARATIVE,
    METRIC_GEN_FILLER))  # fmt: skip

# The gap between the two numbers of a range ("2-3", "2 to 3"), and a magnitude, in words or
# M/B, that the first number shares with the second ("2-3 million", "3-10B", "~1-5 M"; a K is
# left: "500-1K instances" says 500, and so is a T: "1.5-3T" MRI field strengths).
RANGE_GAP = r"^\s?(?:-|–|to)\s?$"
WORD_MAGNITUDE = r"^\s?(?:[Mm]illion|[Bb]illion|[Tt]rillion)s?$|^\s?[MB]$"

# Group 1: accuracy after words that only say which run or statistic it is ("average accuracy",
# "highest test accuracy", "test top-1 accuracy"): the measure is the accuracy (words that
# say what is counted stay: "counting accuracy").
ACCURACY_QUALIFIED = (r"(?i)^(?:(?:average|mean|overall|test|highest|maximum|best|final|peak)\s)+"
                      r"((?s:(?:top-\d\s)?accurac.*))$")

# Group 1: the noun a budget is counted in, written before "budget" ("a 64K output-token budget",
# "token budgets ranging from 2k to 32k", "a thought budget of 10"): after the count (right) or
# before it in the same clause (left).
BUDGET_NOUN_RIGHT = r"^[\s-]*(?:[a-z]+-)?([a-z]{3,})\sbudgets?\b"
BUDGET_NOUN_LEFT = r"(?s)^.*\b([a-z]{3,})[\s-]budgets?\b[^.;:]{0,30}$"  # (.*: the last budget before the count)

# Words that say a count of tokens is a context length: before it ("long-context modeling up
# to 8,192 tokens", "contexts ranging from 8K") or after it ("512-token window", "tokens in length").
CONTEXT_BEFORE = r"(?i)context"
CONTEXT_AFTER = r"(?i)^[\s-]*tokens?\s(?:(?:in\s)?length|window|context)\b"

# Group 1: a physical unit written right after a number ("4.35 mm", "0.68 mJ", "72 m long"),
# not a rate ("m/s") and not a word that starts with it ("3 models").
# ... also past an aside on the value ("a mean TRE of 1.73 (+/- 0.42) mm": the unit after the
# parenthesis is the value's), and after the bracket that closes an aside's value ("0.42) mm")
# ... and areas and pixels ("about 2.5 km2", "128 px tile overlap": the symbol, not the words after it)
PHYSICAL_UNIT = (r"^(?:\s?\([^()]{1,25}\)|\))?\s?((?:[kcmµμ]?m)(?:2|²)|px|mm|cm|km|nm|µm|μm|m|mJ|kJ|mW|kW|mV|kV|Hz|kHz|MHz|GHz|lux|°"
                 r"|(?:kilo|centi|milli|nano)?met(?:er|re)s?"
                 # energy, angle and compute ("3.9 Wh per 1,000 queries", "0.13 rad", "7.72 GFLOPs")
                 r"|[kMm]?Wh|m?rad|[KMGTP]?FLOPs)(?:[\s.,;:)]|$)")
# A length written out ("meters", "kilometres"), group 1: the first letter of its prefix
# (its symbol is that letter and "m": m, km, cm, mm, nm).
SPELLED_METRE = r"^([kcmn]?)[a-z]*met(?:er|re)s?$"

# Group 1: a canonical name of speed or cost after qualifiers that only say where it is measured
# ("prefill speedup", "inference throughput", "inference latency"; GUIDELINES: the base name).
QUALIFIED_CANON = r"^(?:[a-z][\w-]*\s)+(speedup|throughput|latency)$"

# Group 1: F1 after words or a prefix that qualify it ("Micro-F1", "macro-average X F1", "OOF
# F1-scores", "mF1"; GUIDELINES: qualified F1 names take the base metric F1). Not a name that
# glues capitals to it (IDF1, CF1: measures of their own). (Searched from the end: not anchored at
# the start, ~30% cheaper than the anchored form.)
QUALIFIED_F1 = r"(?:[\s-]|^m)([Ff]1)(?:[- ]?[Ss]cores?)?$"

# A measure's name written as one word, a qualifier glued to it by a hyphen, right before the
# value (past METRIC_FILLER) or right after it: "Macro-F1 0.641", "a macro-F1 of 0.888",
# "0.868 F1-micro", "AUC-micro (0.810". Group 1: that word, on letters and digits each side
# (a version or a size is no qualifier: "BLEU-4", "Qwen-7B" are checked against the unit after).
# ... or the name with its cut-off glued by "@" (AT_SETTING: "mAP@50:95 of 0.762", "(mAP@0.5) of
# 0.64", "0.726 mAP@0.5:0.95"): the setting says which variant was measured, the unit keeps it as
# written (as "NDCG@5", "mAP@50" keep theirs; the metric stays the base name).
_WRITTEN_NAME = r"([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*|(?:" + AT_SETTING + r")))"
HYPHEN_NAME_BEFORE = r"(?:^|[\s(])" + _WRITTEN_NAME + r"\)?" + METRIC_FILLER + r"\s?$"
HYPHEN_NAME_AFTER = r"^\s" + _WRITTEN_NAME + r"(?:[\s,.;:)]|$)"
# The qualifier part of such a word: letters only, and no word of what a score is ("F1-score",
# "AUC-based", "F1-scores")
HYPHEN_QUALIFIER = r"^[A-Za-z]{2,}$"
HYPHEN_NOT_QUALIFIER = r"(?i)^(?:scores?|values?|based|level|like|style|only|wise|rates?)$"
# The words that call a value a score without naming what it measures ("a score of 0.61", "the
# performance (0.909)"): a score's unit is the name of a measure, and they name none.
NO_MEASURE_NAME = ["score", "scores", "Score", "Scores", "performance", "Performance"]
# ... nor do they after a word that only says how values were pooled ("an average score of 46.57", "a
# final score of 80.7", "average performance of 41.9"): the pooled value of no named measure (a named
# one keeps its name: "average accuracy", "mean opinion score", "overall F1").
NO_MEASURE_NAME += [f"{cased} {word}" for pool in ("average", "mean", "overall", "final", "total", "aggregate")
                    for cased in (pool, pool.capitalize()) for word in NO_MEASURE_NAME]

# Group 1: a measure with a canonical name after words that only say on what task or at what
# granularity it was taken, two or more lower-case words ("question classification accuracy",
# "street name transcription accuracy") or one word of aggregation ("document-level accuracy",
# "micro-averaged accuracy"): GUIDELINES, the canonical base name when a qualified one is written.
# A rate keeps the words that make its name, one or two ("end-to-end pipeline success rate" ->
# success rate, "pixel-level false positive rate" -> false positive rate). One word that names a
# variant of the measure stays ("balanced accuracy", "attack success rate", "object hallucination
# rate"), and so do "top-1 ..." qualifiers (a digit: no lower-case word here).
TASK_QUALIFIED_MEASURE = (r"^(?:[a-z]+-(?:level|wise|averaged)\s|(?:[a-z][a-z-]*\s){2,}?)"
                          r"((?:[a-z][a-z-]*\s){1,2}rate|accuracy|precision|recall|sensitivity|specificity)$")

# Right before a value, the symbol of a correlation coefficient ("(r = 0.74)", "rho=0.46", "r >=
# 0.70"), group sym, after the word correlation where it stands right before it (group word:
# "correlation (r = 0.975", "a correlation of r = 0.73"); group aside: it opens a bracket or
# follows a comma, a statistic said aside of another value or measure. Not tau: it names
# thresholds as often.
CORRELATION_SYMBOL_BEFORE = (r"(?:\b(?P<word>[Cc]orrelations?)\s(?:of\s)?|^|\s)(?P<aside>[(,;]\s?)?(?P<sym>[rR]|ρ|rho)"
                             r"\s?(?:=|>=|≥|<=|≤|<|>|≈)\s?[+-]?~?$")

# After a value: "of" and a name that a plain noun follows ("25% of ChatGPT translations").
OF_NAME_MODIFIER = r"^[\s+]*of\s(?:the\s|its\s|their\s)?[A-Za-z]*[A-Z][\w-]*\s[a-z]"

# "58.2 of the NDS metric", "of the RHAE score": a name after "of" that the word metric, score or
# measure follows is the measure (OF_NAME_MODIFIER's exception).
OF_NAME_MEASURE = r"^[\s+]*of\s(?:the\s|its\s|their\s)?[A-Za-z]*[A-Z][\w@-]*\s(?:metric|score|measure)s?\b"
# Group 1: a measure's name (with a capital: an acronym or a name) before the word "metric(s)"
# ("improves the mIoU metric by"; not "evaluation metrics").
METRIC_WORD_AFTER = r"^(\S*[A-Z]\S*)\s[Mm]etrics?$"
# A camel-case name (a capital, lower-case letters, a capital: "LongMemEval", "NoveltyBench",
# "DivPO"), as a benchmark's or a method's name is written; before a measure it names the data or
# the system measured, not the measure.
CAMEL_NAME = r"[A-Z][a-z]+[A-Z][\w-]*"

# A measure's name of two to six words that defines its acronym, right after a value ("0.43 mean
# Intersection over Union (mIoU)") or right before it ("Average Precision (AP) of 95.5%"): groups
# w (the first word's first letter), l (the last word's first letter) and acr (the acronym); claims.py
# checks that the acronym starts with w and ends with l.
_ACRONYM_DEFINED = r"(?P<l>[A-Za-z])[\w'-]*\s\((?P<acr>[a-z]?[A-Z][A-Za-z0-9-]*[A-Z0-9])\)"
ACRONYM_AFTER_VALUE = r"^[\s+]*(?P<w>[A-Za-z])[\w'-]*\s(?:[\w'-]+\s){0,4}" + _ACRONYM_DEFINED
ACRONYM_BEFORE_VALUE = _ACRONYM_DEFINED + r"\s?(?:of|=|:|is|was|were|are)\s?(?:about\s|approximately\s|~)?$"

# METRIC_STOP, the last word too ("save up to 56%": "up" is no measure).
METRIC_STOP_END = METRIC_STOP[: -len(r"\s")] + r"(?:\s|$)"

# Dataset scope (which values an introduced data set holds).
# A data set named in title case with its data word as the last word of the name, introduced
# ("the Open Korean Historical Corpus, a large-scale dataset", "the Arabic Women and Society
# Corpus, a ten year collection", "NAME Corpus contains ..."). Group 1: the name.
INTRO_TITLED_NAME = r"(?:[A-Z][\w-]*\s(?:(?:and|of|for|in)\s)?){1,5}(?:Corpus|Dataset|Benchmark)\b"
INTRO_TITLED_DATASET = (r"\b(" + INTRO_TITLED_NAME + r")(?:,\s(?:a|an|the)\s|\s(?:consists of|contains|comprises|includes|spans)\b)")
# The acronym of a long name after the data word: "a large-scale dataset, ToM-based Broad
# Persuasive Dialogues (ToM-BPD), capturing ...", "a new corpus, the Multilingual European Value
# Survey (MEVS), which". INTRO_LONG_NAME_BEFORE is what comes before it.
INTRO_LONG_NAME_BEFORE = r"(?:the\s)?(?:[A-Z][\w-]*\s){1,6}\("
INTRO_DATASET_AFTER_LONG = INTRO_BEFORE_NAME + INTRO_LONG_NAME_BEFORE + r"(?:" + INTRO_NAME + r")\)"
# An introduction too (one more alternative of the same search): a name made with "Bench" in the role of
# the paper's data, the object of a verb of making ("We built EnterpriseDocBench to ...", "introduces PaliBench, both a
# benchmark") or after "our" ("our BotzoneBench evaluates"), or the subject of a verb said of data, or
# named by an appositive ("IatroBench measures this gap", "PutnamBench, which contains ..."). The word
# in the name says it is data, the role that it is the paper's ("on OpenEQA", "such as HarmBench" name
# data a value may or may not be on: not read here).
# (not the other endings of BENCH_SHAPED_NAME: "Eval", "World", "Arena", "QA" end names of methods and
# tasks too, "CIGEval", "MicroWorld", "RouterKGQA, a framework", "(KGQA)"; a part after the name starts
# with a capital or a digit: "MovieGenBench-Music", "Tau2-Bench", "SWE-bench".)
# Groups 1 and 2: the name (the verb before it, the verb after it). INTRO_BENCH_VERB is what comes
# before the name in the first form (the introduction's name is read after it).
_BENCH_WORD_NAME = r"[A-Z][A-Za-z0-9]+-?(?:Bench|bench)(?:[-_.]?[A-Z0-9][A-Za-z0-9]*)*"
INTRO_BENCH_VERB = (r"(?:(?:[Ii]ntroduc|[Pp]resent|[Pp]ropos|[Bb]uil|[Cc]onstruct|[Cc]reat|[Dd]evelop|[Ee]stablish"
                    r"|[Rr]eleas|[Cc]urat|[Aa]ssembl|[Dd]esign)[a-z]*\s(?:(?:the|a|an|our)\s)?|[Oo]ur\s)")
INTRO_BENCH_ROLE = (r"\b" + INTRO_BENCH_VERB + r"(" + _BENCH_WORD_NAME + r")(?:\sv[0-9]+(?:\.[0-9]+)?)?\b"
                    r"|\b(" + _BENCH_WORD_NAME + r")(?:,\s(?:which|a|an|the)\s|\s(?:measures|evaluates|assesses|tests|probes"
                    r"|contains|comprises|consists|covers|includes|spans|features|provides|offers)\b)")
# After a digit compound ("a 4-level pipeline", "a 23-criterion rubric", "a 23,640-question
# benchmark"): the noun phrase it describes is data when a data word ends it within a few words.
COMPOUND_OF_DATA = (r"^-[a-z]+(?:\s[\w-]+){0,3}?\s(?:" + _DATA_WORD + r"|(?:sub)?set|split)s?\b")
# A count that is the budget of a run, not a size of data: "under a 64K output-token budget"
# (after it), "a fixed budget of 5000 new tokens" (before it).
BUDGET_RIGHT = r"^[\s-](?:[\w-]+\s){0,2}budgets?\b"
BUDGET_LEFT = r"\bbudgets?\s(?:of\s)?(?:(?:up to|about|around|approximately|roughly|only)\s)?$"
# Counted nouns that count data sets ("18 benchmarks", "5 datasets").
DATA_SET_UNITS = ["dataset", "benchmark", "corpus", "corpora", "data set"]
# Before a time or memory that a method takes, not a size of data: "in (just) 3.2 seconds", "using only
# 4 GPU-hours", "requiring 2 minutes"; after a memory size: "37GB GPU memory", "12 GB of VRAM".
COST_LEFT = (r"\b(?:in|within|using|uses|requiring|requires|takes|taking|costs?|consum\w+)\s(?:(?:only|just|about|around"
             r"|under|less than|roughly|approximately|merely|over|up to)\s)?~?$")
MEMORY_RIGHT = r"^\s?(?:of\s)?(?:[A-Z]{2,4}\s)?(?:memory|VRAM|RAM)\b"

# Metric carry, the measure of the clause: a measure phrase before a value in its sentence, read where
# nothing nearer names one ("Sentence lengths vary between 9.52 and 11.83", "Recurrence rates of
# stroke are between 5 and 25%", "Agreement rates range from 51.5% (A) to 69.1% (B)"). Group 1: up to
# two words and a noun that names a measure (a narrower head than METRIC_HEAD: no abstract noun in
# -ness/-ity and no "performance", which name a quality of a method as often), where the noun phrase ends: at a
# preposition, a verb of being, varying or changing, a bracket or a sign, or the end.
_MEASURE_NOUN = _capital_first(
    r"(?:rates?|accuracy|scores?|errors?|ratios?|precision|recall|correlations?|coefficients?|kappa|agreement|"
    r"costs?|time|latency|memory|usage|throughput|speed|speedup|efficiency|fidelity|quality|"
    r"consumption|coverage|similarity|distance|sensitivity|specificity|perplexity|Dice|AUC|F1|lengths?|"
    r"duration|density|loss|"
    # (metric, round 9) the generic measure (tests/data/claims_gold_corpus.md: "`performance` where the text says
    # performance"): "achieving top performance on both (77.5% on A and 61.0% on B)"
    r"performance)")
# (metric, round 9) A grade said of the generic measure, cut from the clause's phrase ("top performance",
# "state-of-the-art performance", "satisfactory performance" are performance; "reasoning performance" stays).
GRADED_PERFORMANCE = (r"^(?:(?:" + _GRADE_WORDS + r"|top|best|strong|good|competitive|satisfactory|state-of-the-art|"
                      r"[Ss][Oo][Tt][Aa]|leading|remarkable|overall)\s)+[Pp]erformance$")
MEASURE_OF_CLAUSE = ascii_classes(
    r"\b((?:[A-Za-z][\w'&-]*\s){0,2}(?:[A-Z][\w&]*-)?" + _MEASURE_NOUN + r")"
    r"(?:\s(?:of|for|in|on|at|is|are|was|were|with|from|by|between|ranges?|ranging|var(?:y|ies|ied)|reach\w*|"
    r"exceed\w*|above|below|under|over|to|values?|remains?|improv\w*|increas\w*|decreas\w*|reduc\w*|drops?|"
    r"dropped|ris\w*|rose|fell|falls?)\b|\s?[(:,=<>~]|\s*$)")
# The value of a symbol ("tau = 0.5", "r=0.93"): the symbol names it.
SYMBOL_VALUE = r"\b[A-Za-z_]{1,5}\s?=\s?[~+-]?$"
# (metric, round 9) A spread written with a plus-minus sign right after a value ("0.95 ± 0.03", "80.4 +/- 1.3%",
# "65.31 plus or minus 1.35", "1.73 (+/- 0.42)", "12.3 ms ± 0.8 ms"): the words right before the spread, after
# the value and its unit, if any (claims._carry_metric; not a bound with no value before it, "within ±5%").
PLUS_MINUS_END = r"[0-9](?:\s?[%°A-Za-z]{1,4})?\s?\(?\s?(?:±|\+/-|\+-|-/\+|plus[\s-](?:or\s)?minus)\s?$"


# (detect, round 6) A K-size that is one side of a K-by-K image size ("2K×2K", "2Ktimes2K", the
# LaTeX \times flattened), and a K-size with nothing counted after it (a closing bracket, a
# sentence or clause end): read by claims._k_resolution.
RIGHT_K_BY_SIDE = r"^(?:times|\s?×)\s?[1-9]"
LEFT_K_BY_SIDE = r"K(?:times|\s?×)\s?$"
RIGHT_K_NO_NOUN = r"^\s?(?:[).,;:]|$)"
# The words between a count with its noun and a count with none that counts the same things:
# "<count> (" (a restatement: "5,677 (5K+) videos") or "<count> [<noun>] to [just]" (the end of
# a change: "from 5.2M parameters to just 82K", "200,019 tokens to 131,072").
SAME_COUNT_GAP = r"^(?:\s?\(|(?:\s[A-Za-z][\w-]*){0,2}\s(?:to|into)\s(?:just\s|only\s|about\s|around\s|roughly\s|~)?)$"
# A part of the counted things named by a partitive: "8,511 reports ..., of which 2,431 are
# annotated", "3.0M frames, with 435K of them labeled": the words right before such a count
# (PARTITIVE_BEFORE) or right after it (PARTITIVE_AFTER).
PARTITIVE_BEFORE = r"\bof\s(?:which|whom)\s(?:only\s|just\s|about\s|around\s|approximately\s|roughly\s|nearly\s|over\s|~)?$"
PARTITIVE_AFTER = r"^\s(?:of|among)\s(?:them|these|those)\b"
