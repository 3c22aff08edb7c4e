"""Train the page-text line classifier (lib/medialens/data/corpus/line_classifier.json).

Trains on the whole pages of ../shared/extraction (text/ and the annotators' article bodies in
ground-truth.json): a line is article text when half its 4-token shingles are in the marked body
(lines of fewer than four tokens: when they occur in the body next to an article line). Two
passes (medialens.pagetext: line features with their neighbours', then the first pass's scores
smoothed over neighbours and the page's main run), each a small neural network (HIDDEN units;
HIDDEN=0 gives a logistic regression); the second is trained on the first's out-of-fold scores so
it learns how far to trust them on unseen pages. THRESHOLD (0.2) is the probability from which a
line is kept: low, because losing article text is the worse error.

Reports the benchmark's metric by grouped k-fold over PAGES (a page is never scored by a model
that learned from it): that is the honest estimate; then writes the model trained on all pages.

    .venv/bin/python benchmarks/train_line_classifier.py            # cross-validate, then write
    .venv/bin/python benchmarks/train_line_classifier.py --no-write # cross-validate only

Needs scikit-learn (the `bench` extra); medialens itself applies the coefficients with numpy.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.neural_network import MLPClassifier

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extraction import DEFAULT, load_pages, score_pages, shingles, tokens  # noqa: E402
from medialens import pagetext  # noqa: E402
from medialens.clean import boilerplate_rules, clean_text, prepare  # noqa: E402

OUT = ROOT / "lib" / "medialens" / "data" / "corpus" / "line_classifier.json"
FOLDS = 5
C = 0.5
HIDDEN = int(os.environ.get("HIDDEN", 16))
ALPHA = float(os.environ.get("ALPHA", 1e-3))
INNER = 3
# Keep a line from this probability up: losing article text is the worse error (recall first).
THRESHOLD = float(os.environ.get("THRESHOLD", 0.2))


def line_labels(lines: list[str], body: str) -> np.ndarray:
    truth = shingles(body)
    body_words = " " + " ".join(tokens(body)).lower() + " "
    labels = np.zeros(len(lines))
    for i, line in enumerate(lines):
        mine = shingles(line)
        if mine:
            labels[i] = sum((mine & truth).values()) / sum(mine.values()) >= 0.5
    for i, line in enumerate(lines):
        words = tokens(line)
        if words and len(words) < 4 and (" " + " ".join(words).lower() + " ") in body_words:
            near = labels[max(i - 2, 0):i + 3]
            labels[i] = near.sum() > 0
    return labels


def page_rows(pages: dict) -> dict:
    """Per page: its lines' own features, first-pass features and labels."""
    rows = {}
    for name, (raw, body) in pages.items():
        lines, _, marks = prepare(raw, boilerplate_rules(), [])
        own = pagetext.line_shape(lines, marks)
        rows[name] = (own, pagetext.first_pass_features(own), line_labels(lines, body))
    return rows


def fit(features: np.ndarray, labels: np.ndarray) -> dict:
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale[scale == 0] = 1
    x = (features - mean) / scale
    layer = {"mean": mean.tolist(), "scale": scale.tolist()}
    if HIDDEN:
        model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, max_iter=300,
                              early_stopping=True, random_state=0)
        model.fit(x, labels)
        return {**layer, "hidden_coef": [model.coefs_[0].tolist()],
                "hidden_intercept": [model.intercepts_[0].tolist()],
                "coef": model.coefs_[1][:, 0].tolist(), "intercept": float(model.intercepts_[1][0])}
    model = LogisticRegression(C=C, solver="newton-cholesky", max_iter=200, class_weight="balanced")
    model.fit(x, labels)
    return {**layer, "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])}


def train(rows: dict, names: list[str]) -> dict:
    """Both passes on `names`; the second on out-of-fold first-pass scores."""
    out_of_fold = {}
    groups = np.arange(len(names)) % INNER
    for fold in range(INNER):
        inner = [n for n, g in zip(names, groups) if g != fold]
        layer = fit(np.vstack([rows[n][1] for n in inner]), np.concatenate([rows[n][2] for n in inner]))
        for n, g in zip(names, groups):
            if g == fold:
                out_of_fold[n] = pagetext._predict(rows[n][1], layer)
    first = fit(np.vstack([rows[n][1] for n in names]), np.concatenate([rows[n][2] for n in names]))
    second_x = np.vstack([pagetext.second_pass_features(out_of_fold[n], rows[n][0]) for n in names])
    second = fit(second_x, np.concatenate([rows[n][2] for n in names]))
    return {"first": first, "second": second, "threshold": THRESHOLD}


def describe(params: dict) -> dict:
    return {"about": "Line classifier for page text: see medialens/pagetext.py; written by "
                     "benchmarks/train_line_classifier.py from ../shared/extraction (90 pages).",
            "features_first": len(params["first"]["coef"]),
            "features_second": len(params["second"]["coef"]), **params}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=DEFAULT)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    pages = load_pages(Path(args.folder))
    rows = page_rows(pages)
    names = sorted(pages)
    predicted = {}
    for train_idx, test_idx in GroupKFold(n_splits=FOLDS).split(names, groups=names):
        params = train(rows, [names[i] for i in train_idx])
        for i in test_idx:
            predicted[names[i]] = clean_text(pages[names[i]][0], classifier=params).text
    print("cross-validated over pages (%d folds):" % FOLDS)
    print(score_pages(predicted, {n: body for n, (_, body) in pages.items()}).to_string())
    if not args.no_write:
        OUT.write_text(json.dumps(describe(train(rows, names)), indent=1) + "\n")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
