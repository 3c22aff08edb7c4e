"""Attribution: who each article says its information comes from, and a sourcing scorecard.

sources.csv has one row per attribution: a source phrase ("U.S. Defense Secretary Lloyd Austin",
"a source close to the defense ministry", "he") tied to a reporting cue ("warned", "according to",
"told Reuters", "'s statements"). The categories follow the attribution scheme of PARC/PolNeAR
(source, cue, content) and the sourcing signals of the Credibility Coalition's content indicators
and the AP/Reuters rules on anonymous sources; data/sources/README.md gives the details.

How it works, with no trained model: a spaCy Matcher finds the cues (verbs from
reporting_verbs.csv, phrases from source_cues.jsonl); for each cue a few token rules look left for
the subject ("X said", "X, an analyst at Y, said", "officials estimate") or right for an inverted
or prepositional source ('"...," said X', "according to X"). A phrase only becomes a source when
its head is a name (a title-case run), a pronoun or a noun of source_nouns.csv, so an actor who
is only talked about ("the minister's decision", "the president might hope") is never one.
Phrases of non_statements.jsonl ("did not respond", "could not be reached") hold no cue, and
"pledged", "vowed" count only before "to"/"that" ("pledged 5 billion rupees" is an action). The
head decides the type; source_words.csv, media_outlets.csv and source_places.csv hold the word
lists. A one-word name that the text never writes after a first name or title ("Google said") is
typed named_org: news introduces people by full name (AP style), organisations often by one word.
With `spacy_model` naming an installed trained pipeline, its PERSON and ORG/GPE entities
re-type named sources. Hedges are hedges.py's job; figures and frames read these rows.

The package, in reading order: words.py (the word lists), view.py (per-document facts and the
sentence every scan stays in), names.py (name tokens, name runs), rulebook.py (rules tried in an
order kept in data), heads.py (what the typing rules see of a phrase, and the driver that tries
them), type_names.py and type_words.py (the typing rules, in the order of
data/sources/type_rules.csv; type_rules.py lists them), scan.py (token scans around a cue),
verbs.py (whether a reporting word is a verb of saying where it stands), described.py (subjects
set off by commas, dashes or a relative clause), openings.py (the subject that opens a sentence),
subjects.py (the subject before a cue: named shapes tried in the order of
data/sources/subject_rules.csv), phrases.py (the source phrase of one cue: named rules tried in
the order of data/sources/phrase_rules.csv), resolve.py (names for surnames, pronouns and back
references), tagger.py (the Tagger; `Tagger(trace_rules=True)` keeps the rule that found each
row, its subject shape and the typing rule), score.py (claim sentences and the scorecard). Each
rule is a short function with an example sentence in its docstring; the examples are rows of
the rule tables and test rows.
"""
from .score import SOURCE_TYPES, claim_sentences, is_accountable, score, unsourced_claims
from .tagger import QUOTE, QUOTE_MIN_WORDS, Tagger
from .words import LEXICONS

READS = ["sentences"]  # tables of earlier taggers this one needs
# surface: the source phrase as written; cue: the reporting cue, lower-cased.
COLUMNS = {"sources": ["doc_id", "sent_id", "start", "end", "surface", "source_type", "name",
                       "role", "cue", "has_quote"]}

__all__ = ["COLUMNS", "LEXICONS", "QUOTE", "QUOTE_MIN_WORDS", "READS", "SOURCE_TYPES", "Tagger",
           "claim_sentences", "is_accountable", "score", "unsourced_claims"]
