"""The two ratios every score() reports: a share (0 to 1) and a rate per 100 words.

One helper each, so a document with nothing to divide by (a headline-only text has no body
sentence) gets NaN in every analysis alike and findings.rank sets it aside, instead of 0.0
in one analysis and NaN in another.
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def share(numerator, denominator):
    """numerator / denominator, NaN where the denominator is 0 (Series align on their index;
    a DataFrame numerator is divided row by row)."""
    denominator = pd.Series(denominator, dtype=float) if not np.isscalar(denominator) else float(denominator)
    if np.isscalar(denominator):
        return numerator / denominator if denominator else np.nan * numerator
    safe = denominator.where(denominator > 0)
    if isinstance(numerator, pd.DataFrame):
        return numerator.div(safe, axis=0)
    return numerator / safe


def per_100_words(count, n_words):
    """100 * count / n_words, NaN where a document has no words."""
    return share(100 * count, n_words)
