"""The typing rules for a whole phrase and for a phrase headed by a run of names ("Defense
Secretary Lloyd Austin", "the Red Cross"); type_rules.py lists every typing rule and why."""
from __future__ import annotations

from .heads import Head, Phrase
from .rulebook import STOP


# ------------------------------------------------------------------------- a whole phrase
def count_phrase(h: Head):
    """"Six in 10 voters said", "nearly one in three": a share of people, vague."""
    doc, w, count = h.doc, h.w, h.start
    while count < h.end - 1 and doc[count].lower_ in w.words["approximator"]:
        count += 1
    if doc[count].like_num and count + 2 < h.end and doc[count + 1].lower_ in w.words["count_of"] \
            and doc[count + 2].like_num:
        return Phrase(h.start, h.end, "vague", "", doc[h.start:h.end].text)
    return None


def possessive_head(h: Head):
    """"... according to the senator's": a head ending in 's is what someone has, no source."""
    return STOP if h.doc[h.head_end - 1].text in h.w.grammar["possessive"] else None


# ------------------------------------------------------------------------- a name head
def media_name(h: Head):
    """"Reuters reported", "broadcaster NHK said": an outlet of media_outlets.csv, or a name
    after a media noun."""
    w, doc = h.w, h.doc
    if h.bare in w.outlets or _ends_with_outlet(h.bare, w.outlets) \
            or any(w.nouns.get(doc[a].lower_) == "media" for a, _, is_name in h.pre[:-1] if not is_name):
        return Phrase(h.start, h.end, "media", h.bare, h.name_role)
    return None


def _ends_with_outlet(bare: str, outlets: set[str]) -> bool:
    """Whether `bare` ends with a space and an outlet ("broadcaster NHK"): each ending after a
    space looked up in the set, not every outlet tested against the phrase."""
    return any(bare[i + 1:] in outlets for i, char in enumerate(bare) if char == " ")


def capitalised_noun(h: Head):
    """"Officials said", "some Democrats say": one capitalised word that is a source noun."""
    if len(h.run) == 1 and h.lowers[0] in h.w.nouns:
        return Phrase(h.start, h.end, h.w.nouns[h.lowers[0]], "", h.described)
    return None


def holds_no_office(h: Head) -> bool:
    """Not an office of an organisation followed by its holder ("UN Secretary-General Antonio
    Guterres", "White House Press Secretary Josh Earnest")."""
    return not (h.orgs and max(h.orgs) < h.cut < len(h.run) and h.bare not in h.w.places)


def place_name(h: Head):
    """"Washington said", "Britain warned": a country or capital speaks for its government."""
    if h.bare in h.w.places and holds_no_office(h):
        return Phrase(h.start, h.end, "named_org", h.bare, h.name_role)
    return None


def acronym(h: Head):
    """"NATO said": one word in capitals is an organisation."""
    text = h.run.text
    if len(h.run) == 1 and text.isupper() and len(text) > 1 and holds_no_office(h):
        return Phrase(h.start, h.end, "named_org", h.bare, h.name_role)
    return None


def organisation_name(h: Head):
    """"The Harbor Trust Council said": an organisation word in the name (org_word)."""
    if h.orgs and holds_no_office(h):
        return Phrase(h.start, h.end, "named_org", h.bare, h.name_role)
    return None


def after_the(h: Head) -> bool:
    """A run that opens with "The", or follows "the" and holds no title: people do not take "the"."""
    doc = h.doc
    head_start = h.pre[-1][0]
    return h.starts_with_the or head_start > h.v.first and doc[head_start - 1].lower_ in h.w.words["definite"] \
        and not any(x in h.w.words["title"] for x in h.lowers)


def the_organisation(h: Head):
    """"The Red Cross said", "the Harbor Trust said": a name of several words after "the"."""
    if after_the(h) and len(h.run) > 1:
        return Phrase(h.start, h.end, "named_org", h.bare, h.name_role)
    return None


def the_adjective(h: Head):
    """"the European said": one word after "the" that is a place, an ordinary word or a word the
    text also writes without "the" is no name."""
    w, run = h.w, h.run
    if after_the(h) and len(run) == 1 and (
            run.text in w.places or run.text.lower() in w.common or run[0].orth in h.v.bare_in_doc):
        return STOP
    return None


def the_single_name(h: Head):
    """"the Vatican said" is an organisation, "the Kennedys said" a group (vague)."""
    if after_the(h) and len(h.run) == 1:
        plural = h.run.text.endswith("s")
        return Phrase(h.start, h.end, "vague" if plural else "named_org", "" if plural else h.bare, h.name_role)
    return None


def title_only(h: Head):
    """"the Defense Minister said": titles and no name, an office resolved like "he"."""
    if h.cut >= len(h.run):
        return Phrase(h.start, h.end, "unnamed_official", "", h.person_role, pronoun="person")
    return None


def adjective_name(h: Head):
    """"French officials", "Brazilian": words after the titles that are places or ordinary words."""
    if all(t.text in h.w.places or t.lower_ in h.w.common for t in h.run[h.cut:]):
        return STOP
    return None


def takes_object(h: Head, a: int) -> bool:
    """"endorsed Mr. Sanders"; not "a teary-eyed Bush", "retired neurosurgeon Ben Carson"."""
    doc = h.doc
    return doc[a].lower_.endswith("ed") and a + 1 == h.pre[-1][0] \
        and (a == h.v.first or doc[a - 1].lower_ not in h.w.words["determiner"] and doc[a - 1].text != "-")


def name_as_object(h: Head):
    """"The poll that endorsed Mr. Sanders": a verb or gap word before the name makes it an
    object, not the subject."""
    w, doc = h.w, h.doc
    if any(doc[a].is_lower and doc[a].text not in w.grammar["possessive"]
           and (doc[a].lower_ in w.verb_subject or takes_object(h, a) or doc[a].lower_ in w.words["gap"])
           for a, _, _ in h.pre[:-1]):
        return STOP
    return None


def group_name(h: Head):
    """"Democrats said", "many Americans say": a plural name of a group (group_ending), vague."""
    last = h.run[-1].text
    if not h.cut and last.endswith(h.w.group_endings) and (len(h.run) == 1 or last.endswith("s")):
        return Phrase(h.start, h.end, "vague", "", h.described)
    return None


def person_name(h: Head):
    """"Defense Secretary Lloyd Austin said": a person, named after the titles."""
    return Phrase(h.start, h.end, "named_person", h.run[h.cut:].text, h.person_role)


PHRASE_RULES = (count_phrase, possessive_head)
NAME_RULES = (media_name, capitalised_noun, place_name, acronym, organisation_name, the_organisation,
              the_adjective, the_single_name, title_only, adjective_name, name_as_object, group_name,
              person_name)
