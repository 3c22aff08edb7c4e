"""Finding the article in a whole page saved as text: a line classifier.

A page copied or scraped as text holds the article as one long run of prose among short,
title-case, repetitive lines (menus, related stories, captions, share bars, footers). Each line
is scored the way jusText and boilerpipe score blocks (Kohlschütter et al. 2010; Pomikálek 2011):
its length, share of stop words, sentence punctuation, capitalisation, link-like shape and
position, together with the same features of its neighbours; then a second pass smooths the
first pass's scores over neighbouring lines and over the page's main run of prose.

Both passes are small neural networks (one hidden layer of 16 ReLU units; a logistic regression
is the same file without the hidden layer) trained on whole pages: benchmarks/train_line_classifier.py
writes data/corpus/line_classifier.json and reports the figures cross-validated over pages. They
are applied here with numpy, so cleaning needs no learning library. Why not jusText or trafilatura
themselves: measured on page text given as one paragraph a line (benchmarks/extraction.py), they
reach F1 0.668 and 0.703 against 0.673 for keeping everything: both lean on HTML structure (tags,
link density) that plain text no longer has, and jusText's stop-word threshold drops short
article paragraphs. trafilatura stays the extractor for saved HTML (corpus.py).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

import numpy as np

from . import rulefilter
from .config import DATA_DIR
from .dates import month_pattern
from .textshape import lower_words, spacy_stop_words

MODEL = DATA_DIR / "corpus" / "line_classifier.json"

# A capitalised word: "\b[A-Z][\w'’-]*" with the word boundary looked for behind its capital
# (no word character before it), so the search skips to capitals (twice as fast).
CAPITALISED = re.compile(r"[A-Z](?<!\w.)[\w'’-]*")
DIGITS = re.compile(r"\d")
# A sentence end: a stop, closing quotes or brackets, then white space or the line's end; or a
# full-width stop anywhere ("[.!?…][\"”’')\]]*(?:\s|$)|[。！？]"). The two share no character,
# so they are counted apart (sentence_ends): the engine skips to the stops of the first, where
# it tried the alternation at every position, and an ASCII line holds none of the second.
SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?:\s|$)")
WIDE_STOPS = tuple("。！？")
# A line ends like a sentence: a stop, then closing quotes or brackets, then spaces
# ("[.!?…。！？][\"”’')\]」』]*\s*$"), told by stripping from the end.
SENTENCE_STOPS = tuple(".!?…。！？")
CLOSERS = "\"”’')]」』"
# Shapes of navigation and link lists: bullets and dashes opening the line (LINK_START);
# separators, handles, addresses anywhere (LINK_MARK).
LINK_START = re.compile(r"[\s•·»›>*\-–—|]+\w")
LINK_MARK = re.compile(r"\s[|•·»›>/]\s|https?://|www\.|@\w|\.(?:com|org|net)\b")
DATE_LIKE = re.compile(rf"\b(?:\d{{1,2}}[:/.]\d{{2}}|\d{{4}}|{month_pattern()}\s+\d)", re.IGNORECASE)
QUOTE_OPEN = re.compile(r"^[\"“‘'(]")
WINDOWS = (1, 3, 8, 20)


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped classifier: data/corpus/line_classifier.json, its weights as arrays (made once:
    turning the JSON lists into arrays for every page cost more than the page's own features)."""
    with open(MODEL, encoding="utf-8") as file:
        params = json.load(file)
    for layer in (params["first"], params["second"]):
        for key in ("mean", "scale", "coef", "hidden_intercept"):
            if key in layer:
                layer[key] = [np.asarray(v) for v in layer[key]] if key == "hidden_intercept" else np.asarray(layer[key])
        if "hidden_coef" in layer:
            layer["hidden_coef"] = [np.asarray(w) for w in layer["hidden_coef"]]
    return params


def line_shape(lines: list[str], marks: np.ndarray) -> np.ndarray:
    """One row per line: the line's own features (see OWN_FEATURES); `marks` are the cleaning
    rules' columns (blank line before, removed by a rule, opens a list of other stories)."""
    is_stop = spacy_stop_words().__contains__
    keys = [line.casefold() for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    # LINK_MARK is searched only in lines that hold one of the strings each of its matches holds.
    marked = rulefilter.LoweredPage(lines).holding(rulefilter.needed_strings(LINK_MARK.pattern))
    rows = []
    for line, key, mark in zip(lines, keys, marked):
        found = lower_words(line)
        words = len(found) or 1
        chars = len(line) or 1
        digits = len(DIGITS.findall(line))
        rows.append((
            words, words >= 8, words >= 20, words >= 40,
            sum(map(is_stop, found)) / words,
            len(CAPITALISED.findall(line)) / words,
            digits / chars,
            min(sentence_ends(line), 5),
            line.rstrip().rstrip(CLOSERS).endswith(SENTENCE_STOPS),
            line.rstrip().endswith(":"),
            line.count(",") / words,
            bool(LINK_START.match(line)) or (mark and bool(LINK_MARK.search(line))),
            # the word count and a digit (every shape of DATE_LIKE has one) first: the date
            # pattern (every month name) is slow to search
            words <= 8 and digits > 0 and bool(DATE_LIKE.search(line)),
            line[:1].islower(),
            bool(QUOTE_OPEN.match(line)),
            counts[key] > 1,
            chars / words / 10,
            chars,
        ))
    own = np.asarray(rows, dtype=float).reshape(len(lines), 18)
    # log_words and log_chars for the whole page at once: np.log1p called on each line's number
    # cost a tenth of line_shape (the same values: one numpy loop either way).
    own[:, [0, 17]] = np.log1p(own[:, [0, 17]])
    # A list heading among the six lines above: list items follow their heading.
    headings = np.concatenate([[0.0], np.cumsum(marks[:, 2])])
    index = np.arange(len(lines))
    recent_heading = headings[index] - headings[np.maximum(index - 6, 0)]
    return np.column_stack([own, marks, recent_heading, title_anchor(keys)])


def sentence_ends(line: str) -> int:
    """How many sentences end in `line` (see SENTENCE_END).

    >>> sentence_ends('He left. "Why?" she asked… 終わり。')
    4
    """
    ends = len(SENTENCE_END.findall(line))
    return ends if line.isascii() else ends + sum(map(line.count, WIDE_STOPS))


def title_anchor(keys: list[str]) -> np.ndarray:
    """Where the article starts by the page's title: a saved page's first line is often its
    <title> ("Headline - Site"), which the headline below repeats. Columns: a headline repeats
    the title, this line is it, lines after it (log), lines before it (log)."""
    n = len(keys)
    title = keys[0] if n else ""
    anchor = next((i for i in range(n - 1, 0, -1)
                   if len(keys[i]) >= 12 and keys[i] in title and keys[i] != title), None)
    if anchor is None:
        return np.zeros((n, 4))
    index = np.arange(n)
    return np.column_stack([np.ones(n), index == anchor, np.log1p(np.maximum(index - anchor, 0)),
                            np.log1p(np.maximum(anchor - index, 0))])


OWN_FEATURES = ["log_words", "words_8", "words_20", "words_40", "stop_share", "capital_share",
                "digit_share", "sentence_ends", "ends_like_sentence", "ends_colon", "commas_per_word",
                "link_shape", "date_like", "starts_lower", "starts_quote", "repeated",
                "chars_per_word", "log_chars", "blank_before", "by_rule", "list_heading",
                "recent_heading", "has_title_anchor", "is_title_anchor", "after_anchor", "before_anchor"]


def window_means(values: np.ndarray) -> list[np.ndarray]:
    """For each k of WINDOWS, the mean of each column over lines i-k..i+k (cut at the page's
    ends), by cumulative sums: summed once, and the windows of every k taken at once (numpy's
    calls, not its sums, were most of the classifier's time on an article of a few dozen lines)."""
    n = len(values)
    padded = np.vstack([np.zeros((1, values.shape[1])), np.cumsum(values, axis=0)])
    reach = np.asarray(WINDOWS)[:, None]
    lo, hi = np.maximum(np.arange(n) - reach, 0), np.minimum(np.arange(n) + reach + 1, n)
    return list((padded[hi] - padded[lo]) / (hi - lo)[:, :, None])


def _prose(own: np.ndarray) -> np.ndarray:
    # A prose line: eight words or more, ending like a sentence, with stop words in it.
    return own[:, 1] * own[:, 8] * (own[:, 4] > 0.2)


def main_run(weights: np.ndarray) -> tuple[int, int]:
    """The run of lines with the largest sum of weights (Kadane), as (first, after last)."""
    best, best_span, total, start = -np.inf, (0, 0), 0.0, 0
    for i, w in enumerate(weights.tolist()):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def run_features(weights: np.ndarray) -> np.ndarray:
    """Inside the main run, and log distance (in lines) before and after it."""
    n = len(weights)
    first, after = main_run(weights) if n else (0, 0)
    index = np.arange(n)
    inside = (index >= first) & (index < after)
    before = np.log1p(np.maximum(first - index, 0))
    beyond = np.log1p(np.maximum(index - after + 1, 0))
    return np.column_stack([inside, before, beyond])


def position_features(own: np.ndarray) -> np.ndarray:
    n = len(own)
    prose_words = _prose(own) * np.expm1(own[:, 0])
    cumulative = np.cumsum(prose_words)
    total = cumulative[-1] if n and cumulative[-1] > 0 else 1.0
    return np.column_stack([np.arange(n) / max(n - 1, 1), (cumulative - prose_words) / total,
                            (total - cumulative) / total])


def first_pass_features(own: np.ndarray) -> np.ndarray:
    prose = _prose(own)
    words = np.expm1(own[:, 0])
    run = run_features(prose * words - (1 - prose) * 4)
    previous = np.vstack([np.zeros((1, own.shape[1])), own[:-1]])
    following = np.vstack([own[1:], np.zeros((1, own.shape[1]))])
    windows = window_means(own[:, [0, 4, 5, 8, 11]])
    return np.column_stack([own, previous, following, *windows, run, position_features(own)])


def second_pass_features(first: np.ndarray, own: np.ndarray) -> np.ndarray:
    logit = np.log(np.clip(first, 1e-4, 1 - 1e-4) / np.clip(1 - first, 1e-4, 1))
    column = first[:, None]
    windows = [mean[:, 0] for mean in window_means(column)]
    words = np.expm1(own[:, 0])
    run = run_features((first - 0.5) * np.sqrt(words))
    previous = np.concatenate([[0.0], first[:-1]])
    following = np.concatenate([first[1:], [0.0]])
    return np.column_stack([logit, previous, following, *windows, run, own])


def _predict(features: np.ndarray, layer: dict) -> np.ndarray:
    """A pass's probabilities: standardised features through a logistic regression, or through a
    small neural network's one hidden layer (ReLU) first."""
    x = (features - np.asarray(layer["mean"])) / np.asarray(layer["scale"])
    for weights, bias in zip(layer.get("hidden_coef", []), layer.get("hidden_intercept", [])):
        x = np.maximum(x @ np.asarray(weights) + np.asarray(bias), 0)
    return 1 / (1 + np.exp(-(x @ np.asarray(layer["coef"]) + layer["intercept"])))


def article_probability(lines: list[str], marks: np.ndarray, params: dict | None = None):
    """For each (non-empty, whitespace-normalised) line, the probability that it is article text."""
    params = model() if params is None else params
    if not lines:
        return np.zeros(0)
    own = line_shape(lines, marks)
    first = _predict(first_pass_features(own), params["first"])
    return _predict(second_pass_features(first, own), params["second"])
