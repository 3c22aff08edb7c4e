"""Cleaning whole pages saved as text: pages written here in several sites' styles.

Each page holds an article among the lines a browser or scraper hands over with it. The tests
check which lines stay and which go, and that no sentence of the article is lost.
"""
import re

import numpy as np
import pytest

from medialens import pagetext
from medialens.clean import boilerplate_rules, clean_text, prepare

NEWS_ARTICLE = [
    "The city council voted on Tuesday to close two branch libraries at the end of the year, "
    "a decision that drew loud protest from residents who packed the public gallery.",
    "Council members said the closures would save about $1.2 million a year and that the "
    "remaining branches would extend their opening hours to make up for the loss.",
    "“We are not closing the door on anyone,” said the council’s finance chair, Maria Delgado. "
    "“We are keeping the buildings that people actually use.”",
    "Opponents said the two branches serve neighbourhoods with the fewest computers at home, and "
    "that longer hours elsewhere would mean a bus ride many families cannot afford.",
    "A petition against the plan collected more than 4,000 signatures in three weeks, according "
    "to the group that organised it.",
    "The closures take effect on December 31. The council will review the decision next spring.",
]
NEWS_PAGE = "\n".join([
    "Council votes to close two libraries - Riverside Gazette",
    "Skip to main content",
    "Home", "News", "Sport", "Business", "Opinion", "Weather",
    "Subscribe", "Sign in",
    "Local News",
    "Council votes to close two libraries",
    "By Tom Hale",
    "March 4, 2025",
    "Share on Facebook", "Share on X", "Email",
    *NEWS_ARTICLE,
    "Share this article",
    "You may also like",
    "School board delays vote on new start times",
    "Bridge repairs to close lanes for six weeks",
    "Water rates to rise by 4 percent in July",
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
    "Accept all cookies",
    "Privacy Policy", "Terms of Use", "Contact Us",
    "© 2025 Riverside Gazette. All rights reserved.",
])

BLOG_ARTICLE = [
    "I have kept bees in the back garden for six years now, and this was the first winter I lost "
    "a whole colony.",
    "It was not the cold. When I opened the hive in February the frames were still heavy with "
    "honey, which is the strange part: they did not starve.",
    "After some reading, and a long conversation with a beekeeper two streets over, I think the "
    "culprit was damp. The roof had a crack I never noticed, and water ran down the inside wall.",
    "What I changed",
    "This spring I moved the hives onto stands a foot off the ground, added a sloped cover and "
    "drilled a second entrance for air.",
    "If you keep bees yourself, check the roof before the autumn rains, not after. It takes ten "
    "minutes and it might save a colony.",
]
BLOG_PAGE = "\n\n".join([
    "Notes from a Small Garden",
    "About", "Archive", "Contact",
    "Why I lost a hive this winter",
    "Posted 2 hours ago",
    *BLOG_ARTICLE,
    "Tags: bees, garden, winter",
    "12 comments",
    "Leave a reply",
    "Your email address will not be published.",
    "Previous post", "Next post",
    "The views expressed here are the author's own and do not reflect those of any organisation.",
])

WIRE_ARTICLE = [
    "NAIROBI, June 3 (Wire) — Kenya’s central bank held its benchmark lending rate at 12.75% on "
    "Tuesday, saying inflation was easing but the shilling remained under pressure.",
    "Governor Kamau Thugge told reporters the bank would watch food prices closely after a poor "
    "harvest in the north.",
    "Inflation slowed to 5.1% in May from 5.7% in April, the statistics office said last week.",
    "Analysts polled before the meeting had expected no change. Two of eleven had forecast a cut.",
]
WIRE_PAGE = "\n".join([
    "Business", "Markets", "World",
    "Kenya central bank holds rate as inflation eases",
    "Updated: 4:12 PM GMT",
    "3 min read",
    WIRE_ARTICLE[0],
    "The central bank headquarters in Nairobi. (Photo: Jane Doe/Agency)",
    *WIRE_ARTICLE[1:],
    "Reporting by Ann Mwangi; Editing by Paul Reed",
    "Read more",
    "Ghana’s cedi slides to record low",
    "Nigeria lifts fuel import ban",
])

LOCAL_ARTICLE = [
    "The mayor announced on Monday a plan to plant 10,000 trees across the city over the next "
    "three years, focusing on neighbourhoods with the least shade.",
    "The plan, which will cost about $8 million, is funded partly by a federal grant and partly by "
    "the city's parks budget, officials said.",
    "\"Shade is not a luxury. On the hottest days it decides who gets sick,\" the mayor told "
    "reporters at a park in the east of the city.",
    "Residents can request a tree for the strip in front of their home through the city's "
    "website, and planting will begin in the autumn.",
    "Environmental groups welcomed the plan but said the city must also pay to water and care for "
    "the trees in their first years, when most losses occur.",
]
# Furniture inside the article: an advertisement label, an inline link, a caption, a newsletter box.
LOCAL_PAGE = "\n".join([
    "Menu", "Search", "Politics",
    "Mayor unveils plan to plant 10,000 trees",
    "Listen to this article",
    "By Priya Natarajan, City Reporter",
    "Published 9:14 AM EDT, Mon June 2, 2025",
    LOCAL_ARTICLE[0],
    "Advertisement",
    LOCAL_ARTICLE[1],
    "RELATED: City council approves parks budget after long debate",
    LOCAL_ARTICLE[2],
    "Volunteers planting saplings in Eastside Park on Saturday. Photo: Sam Ortiz",
    LOCAL_ARTICLE[3],
    "Sign up for our morning newsletter",
    "Get the day's top stories in your inbox every morning.",
    LOCAL_ARTICLE[4],
    "Most Read",
    "Police name suspect in downtown robbery",
    "Five things to do this weekend",
    "Copyright 2025 Metro Daily. All rights reserved.",
])


def sentences(paragraphs):
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", p)]


@pytest.mark.parametrize("page, article", [
    (NEWS_PAGE, NEWS_ARTICLE), (BLOG_PAGE, BLOG_ARTICLE), (WIRE_PAGE, WIRE_ARTICLE[1:]),
    (LOCAL_PAGE, LOCAL_ARTICLE),
], ids=["news", "blog", "wire", "local"])
def test_no_sentence_of_the_article_is_lost(page, article):
    text = clean_text(page).text
    for sentence in sentences(article):
        assert sentence in text


@pytest.mark.parametrize("page, headline", [
    (NEWS_PAGE, "Council votes to close two libraries"),
    (BLOG_PAGE, "Why I lost a hive this winter"),
    (WIRE_PAGE, "Kenya central bank holds rate as inflation eases"),
    (LOCAL_PAGE, "Mayor unveils plan to plant 10,000 trees"),
    ("The mayor has already lost the suburbs\nSo, how credible are the polls this time?\n"
     "Three surveys published this week put the mayor eight points behind in the outer districts. "
     "Her campaign said the numbers would change once the transport plan was explained.\n",
     "The mayor has already lost the suburbs"),
], ids=["news", "blog", "wire", "local", "question under the headline"])
def test_the_headline_is_the_first_line_once(page, headline):
    cleaned = clean_text(page)
    lines = cleaned.text.split("\n")
    assert cleaned.title == headline and lines[0] == headline and lines.count(headline) == 1


@pytest.mark.parametrize("page, gone", [
    (NEWS_PAGE, "Skip to main content"),
    (NEWS_PAGE, "Weather"),
    (NEWS_PAGE, "Local News"),
    (NEWS_PAGE, "By Tom Hale"),
    (NEWS_PAGE, "Share on Facebook"),
    (NEWS_PAGE, "You may also like"),
    (NEWS_PAGE, "School board delays vote on new start times"),
    (NEWS_PAGE, "Water rates to rise by 4 percent in July"),
    (NEWS_PAGE, "We use cookies"),
    (NEWS_PAGE, "Privacy Policy"),
    (NEWS_PAGE, "All rights reserved"),
    (BLOG_PAGE, "Notes from a Small Garden"),
    (BLOG_PAGE, "Archive"),
    (BLOG_PAGE, "Posted 2 hours ago"),
    (BLOG_PAGE, "Tags: bees"),
    (BLOG_PAGE, "12 comments"),
    (BLOG_PAGE, "Leave a reply"),
    (BLOG_PAGE, "Next post"),
    (BLOG_PAGE, "The views expressed here"),
    (WIRE_PAGE, "Markets"),
    (WIRE_PAGE, "Updated: 4:12 PM GMT"),
    (WIRE_PAGE, "3 min read"),
    (WIRE_PAGE, "(Photo: Jane Doe/Agency)"),
    (WIRE_PAGE, "Reporting by Ann Mwangi"),
    (WIRE_PAGE, "Read more"),
    (WIRE_PAGE, "Ghana’s cedi slides to record low"),
    (LOCAL_PAGE, "Listen to this article"),
    (LOCAL_PAGE, "By Priya Natarajan"),
    (LOCAL_PAGE, "Advertisement"),
    (LOCAL_PAGE, "RELATED: City council"),
    (LOCAL_PAGE, "Volunteers planting saplings"),
    (LOCAL_PAGE, "Sign up for our morning newsletter"),
    (LOCAL_PAGE, "top stories in your inbox"),
    (LOCAL_PAGE, "Five things to do this weekend"),
    (LOCAL_PAGE, "Copyright 2025"),
])
def test_page_furniture_goes_with_a_reason(page, gone):
    cleaned = clean_text(page)
    assert gone not in cleaned.text
    assert any(gone in line and reason for line, reason in cleaned.removed)


def test_a_subheading_between_paragraphs_stays():
    assert "\nWhat I changed\n" in clean_text(BLOG_PAGE).text


def test_the_dateline_and_the_credit_cut_out_of_a_caption():
    assert clean_text(NEWS_PAGE).date == "2025-03-04"
    assert clean_text(LOCAL_PAGE).date == "2025-06-02"
    removed = clean_text(WIRE_PAGE).removed
    assert ("(Photo: Jane Doe/Agency)", "credit") in removed
    assert ("The central bank headquarters in Nairobi.", "caption") in removed


def test_a_credit_inside_a_paragraph_goes_and_the_paragraph_stays():
    sentence = ("The minister, who spoke at the summit (Photo: Jane Doe/Agency), said the talks had "
                "failed on Monday after the envoys could not agree on a text.")
    cleaned = clean_text("Talks Fail in Geneva\n" + sentence)
    assert "said the talks had failed on Monday" in cleaned.text
    assert "Jane Doe" not in cleaned.text


@pytest.mark.parametrize("line, rule_removes", [
    ("Posted 3 days ago", True),
    ("Updated 2 hours ago", True),
    ("More from this section", True),
    ("Related stories", True),
    ("Image credit: Jane Doe", True),
    ("This article was originally published on an earlier site and is republished here.", True),
    ("Already a subscriber? Log in to continue reading this article.", True),
    ("The bridge opened three years ago and has carried traffic every day since.", False),
    ("More than 4,000 people signed the petition in three weeks.", False),
    ("Related charges were dropped against two of the men, the court said.", False),
    ("The photo showed the minister leaving the building, officials said.", False),
])
def test_general_rules_know_furniture_from_prose(line, rule_removes):
    _, reasons, _ = prepare(line, boilerplate_rules(), [])
    assert (reasons[0] is not None) == rule_removes


def test_the_classifier_scores_prose_above_a_menu():
    lines = ["Home", "World", "Business", "Sport", *NEWS_ARTICLE, "Privacy", "Contact"]
    marks = np.zeros((len(lines), 3))
    probability = pagetext.article_probability(lines, marks)
    # It doubts the article's last paragraphs (clean_text's _extend_prose keeps them), so the
    # test is on the article's typical paragraph, not its weakest.
    assert np.median(probability[4:-2]) > probability[:4].max()
    assert np.median(probability[4:-2]) > probability[-2:].max()
    assert clean_text("\n".join(lines)).text.split("\n")[-len(NEWS_ARTICLE):] == NEWS_ARTICLE


def test_main_run_is_the_heaviest_run():
    assert pagetext.main_run(np.array([-1.0, 2, 3, -1, 4, -9, 5])) == (1, 5)


@pytest.mark.parametrize("raw, text", [
    ("Breaking: markets fall sharply\nAdvertisement", "Breaking: markets fall sharply"),
    ("Results\nArsenal 2 Chelsea 1\nLiverpool 0 Everton 0\nFull time.",
     "Results\nArsenal 2 Chelsea 1\nLiverpool 0 Everton 0\nFull time."),
])
def test_a_text_without_prose_is_kept_as_the_rules_leave_it(raw, text):
    assert clean_text(raw).text == text


# Dates: the article's date from the line that states it, with the kind of line named.
HARBOUR = ("Dock workers at the northern harbour voted on Monday to walk out next week, the union "
           "said, after talks over shift pay broke down.")
HARBOUR_MORE = ("The port authority said it would keep the container terminal open with managers "
                "and hoped to return to the table before the strike begins.")


def dated_page(*head, first=HARBOUR, after=(HARBOUR_MORE,)):
    return "\n".join(["Dock workers vote to strike at northern harbour", *head, first, *after])


@pytest.mark.parametrize("page, date, source", [
    (dated_page(first="ROTTERDAM, Feb 3 (Wire) - " + HARBOUR,
                after=["The last walkout, on Jan. 12, 2021, closed the port for two days."]),
     "2021-02-03", "dateline (year inferred)"),
    (dated_page(first="ROTTERDAM (Example Daily / Wire Service - 4th March, 2022) " + HARBOUR),
     "2022-03-04", "dateline"),
    (dated_page(first="LISBON, MAY 12 (Wire) — " + HARBOUR), "", ""),
    (dated_page(first="Mar 7 (Wire) — " + HARBOUR, after=["It was the third vote since 2019 and talks go on."]),
     "", ""),
    (dated_page("Published: 14 May 2020"), "2020-05-14", "published line"),
    (dated_page("Last updated on Thursday, 14 May 2020, 10:02 BST"), "2020-05-14", "published line"),
    (dated_page("date 2020-05-14 Example.org"), "2020-05-14", "date line"),
    (dated_page(first="date 2020-05-14 " + HARBOUR), "2020-05-14", "date line"),
    (dated_page("10, Feb. 2020"), "2020-02-10", "date line"),
    (dated_page("2019-06-13 HKT 18:24"), "2019-06-13", "date line"),
    (dated_page("6/13/2019"), "2019-06-13", "date line"),
    (dated_page("06/07/2019"), "", ""),  # the sixth of July or June the seventh: unclear
    (dated_page("13.06.2019"), "2019-06-13", "date line"),
    (dated_page("By Ana Ruiz | June 2, 2025"), "2025-06-02", "byline"),
    (dated_page("Maria Lopez (@mlopez) 12 minutes ago Tue 4th Feb 2020 | 10:12 AM"), "2020-02-04", "byline"),
    ("Harbour authority statement on the talks – Sept. 22, 2023\n" + HARBOUR + "\n" + HARBOUR_MORE,
     "2023-09-22", "headline"),
    # The site's date of today and its copyright year are never the article's.
    ("Today: Jan 9, 2025\n" + dated_page(), "", ""),
    ("| 9 January 2025, Thursday |\n" + dated_page(), "", ""),
    (dated_page(after=[HARBOUR_MORE, "© 2024-01-05 Example Media. All rights reserved."]), "", ""),
    ("Today: Jan 9, 2025\n" + dated_page("Published 8 January 2025"), "2025-01-08", "published line"),
    # A date in the article's later paragraphs is something it reports, not its date.
    (dated_page(after=[HARBOUR_MORE, "The last walkout ended on 4 March 2019 after nine days."]), "", ""),
], ids=["dateline-no-year", "dateline-bracket", "dateline-capitals-no-year", "month-first-no-year",
        "published", "last-updated", "date-label", "date-label-glued", "day-comma-month", "iso-time",
        "us-numbers", "ambiguous-numbers", "dotted", "byline", "byline-handle", "headline",
        "today", "piped-today", "copyright", "today-and-published", "body-date"])
def test_the_article_date_and_where_it_came_from(page, date, source):
    cleaned = clean_text(page)
    assert (cleaned.date, cleaned.date_source) == (date, source)


def test_a_date_label_glued_to_the_first_paragraph_is_cut_and_listed():
    cleaned = clean_text(dated_page(first="date 2020-05-14 " + HARBOUR))
    assert HARBOUR in cleaned.text.split("\n")
    assert ("date 2020-05-14", "date line") in cleaned.removed


# Titles: the first line that reads as a headline, never a credit, caption, label, prompt or byline.
FERRY = ("The island's only ferry was cancelled for a third day on Thursday as gales kept boats in "
         "port, leaving about 300 residents without fresh food, the harbour master said.")
FERRY_MORE = ("Shops on the island said their shelves had emptied by Wednesday evening and that a "
              "supply flight promised by the council had not arrived.")
FERRY_HEADLINE = "Island cut off as gales cancel ferry for third day"


@pytest.mark.parametrize("page, headline", [
    ("\n".join([FERRY_HEADLINE, "• Residents of the island have had no fresh food since Monday",
                "• A supply flight promised by the council has not arrived", FERRY, FERRY_MORE]),
     FERRY_HEADLINE),
    ("\n".join(["Gales keep the island's only ferry in port for a third day while the council's promised "
                "supply flight fails to arrive", "Ana Q Ruiz", "Harbour Daily Press", FERRY, FERRY_MORE]),
     "Gales keep the island's only ferry in port for a third day while the council's promised supply "
     "flight fails to arrive"),
    ("ISLAND WEATHER " + FERRY_HEADLINE + "\n" + FERRY + "\n" + FERRY_MORE, FERRY_HEADLINE),
    ("\n".join(["Listen Live", FERRY_HEADLINE, FERRY, FERRY_MORE]), FERRY_HEADLINE),
    ("\n".join(["Regional News", FERRY_HEADLINE, "Jane Doe/Example Agency", FERRY, FERRY_MORE]), FERRY_HEADLINE),
    ("\n".join([FERRY_HEADLINE + " - Harbour Daily", "Weather Warnings Tides", FERRY_HEADLINE,
                "2021-02-04 GMT 09:12", "Share this story", "• " + FERRY_HEADLINE,
                "Waves break over the harbour wall on Wednesday. Photo: Jane Doe",
                "Waves break over the harbour wall on Wednesday. Photo: Jane Doe", FERRY, FERRY_MORE]),
     FERRY_HEADLINE),
    # A standfirst under the headline is no headline.
    ("\n".join([FERRY_HEADLINE, "Residents say the council has forgotten them as the storm drags on",
                FERRY, FERRY_MORE]), FERRY_HEADLINE),
    # Two headings above the article: the one its first paragraph echoes.
    ("\n".join(["Weekend Reading From Our Correspondents", "Gales cancel island ferry for third day",
                FERRY, FERRY_MORE]), "Gales cancel island ferry for third day"),
    # A heading of capitalised words alone is a headline when nothing else reads as one.
    ("Gales Strand Islanders\n" + FERRY + "\n" + FERRY_MORE, "Gales Strand Islanders"),
    # A standfirst that restates the first paragraph more closely than the headline does.
    ("\n".join(["Floods", "Northisle cut off as gales cancel ferry",
                 "The island's only ferry was cancelled for a third day as gales kept boats in port",
                 "Jane Doe in Harbourtown", FERRY, FERRY_MORE]), "Northisle cut off as gales cancel ferry"),
    # A site's name over the headline that shares a word with the article.
    ("\n".join(["Notes from a Harbour Island", "About", "Archive", "Island ferry cancelled again",
                 FERRY, FERRY_MORE]), "Island ferry cancelled again"),
], ids=["bulleted-summary", "byline-name-and-outlet", "capitals-label", "player-prompt", "photo-credit",
        "far-below-furniture", "standfirst", "echoed", "name-shaped-headline", "echoing-standfirst",
        "site-name-above"])
def test_the_title_is_the_line_that_reads_as_a_headline(page, headline):
    cleaned = clean_text(page)
    assert cleaned.title == headline
    assert cleaned.text.split("\n")[0] == headline and cleaned.text.split("\n").count(headline) == 1


@pytest.mark.parametrize("page, gone, reason", [
    ("\n".join([FERRY_HEADLINE, "Ana Q Ruiz", "Harbour Daily Press", FERRY, FERRY_MORE]), "Ana Q Ruiz", "byline"),
    ("ISLAND WEATHER " + FERRY_HEADLINE + "\n" + FERRY + "\n" + FERRY_MORE, "ISLAND WEATHER", "section label"),
    ("\n".join([FERRY_HEADLINE, "Listen Live", FERRY, FERRY_MORE]), "Listen Live", "boilerplate"),
    ("\n".join([FERRY_HEADLINE, FERRY, ">> Read more island news", FERRY_MORE]), ">> Read more island news",
     "list heading"),
    ("\n".join([FERRY_HEADLINE, FERRY, "– Tom Hale, Example Media Regional Desk", FERRY_MORE]),
     "– Tom Hale, Example Media Regional Desk", "boilerplate"),
    ("\n".join([FERRY_HEADLINE, FERRY, FERRY_MORE,
                "DISCLAIMER: This story was sent in by readers and has not been checked by our staff."]),
     "DISCLAIMER", "boilerplate"),
    ("\n".join([FERRY_HEADLINE, "Jo Bloggs from Harbourtown, UK, CC BY-SA 4.0, via Wikimedia Commons",
                FERRY, FERRY_MORE]), "CC BY-SA 4.0", "boilerplate"),
    # Captions: a credit before or after them, or the photo's full date in the present tense.
    ("\n".join([FERRY_HEADLINE, FERRY, "Jane Doe/Example Agency Fishing boats sit idle in the harbour.",
                FERRY_MORE]), "Fishing boats sit idle in the harbour.", "caption"),
    ("\n".join([FERRY_HEADLINE, FERRY, "Fishing boats sit idle in the harbour on Wednesday. Jane Doe/Example "
                "Agency via Example Images", FERRY_MORE]), "Fishing boats sit idle", "caption"),
    ("\n".join([FERRY_HEADLINE, FERRY, "Islanders queue at the only shop before the storm arrives. Ana Q Ruiz",
                FERRY_MORE]), "Islanders queue at the only shop", "caption"),
    ("\n".join([FERRY_HEADLINE, "Waves break over the harbour wall on Tuesday, Feb. 2, 2021, in Harbourtown, "
                "Northshire.", FERRY, FERRY_MORE]), "Waves break over the harbour wall", "caption"),
    ("\n".join([FERRY_HEADLINE, FERRY, "The harbour master speaks to reporters in Harbourtown on Feb. 3, 2021. "
                + FERRY_MORE]), "The harbour master speaks to reporters", "caption"),
    # A caption printed twice (the image's text and its caption) goes with both copies.
    ("\n".join([FERRY_HEADLINE, "Fishing boats sit idle in the harbour as the gales go on.",
                "Fishing boats sit idle in the harbour as the gales go on.", FERRY, FERRY_MORE]),
     "Fishing boats sit idle", "caption"),
    # The lede printed again after a dateline: the first copy goes.
    ("\n".join([FERRY_HEADLINE, FERRY.rstrip("."), "HARBOURTOWN (Wire) — " + FERRY, FERRY_MORE]),
     FERRY.rstrip("."), "repeated summary"),
    # An indented list of other stories below the article.
    ("\n".join([FERRY_HEADLINE, FERRY, FERRY_MORE,
                "The council said a second supply flight would leave on Friday if the wind dropped.",
                "    A singer has cancelled her summer tour after losing her voice at a festival in the capital.",
                "    Three friends opened a bakery in a former bank and queues now form before dawn."]),
     "A singer has cancelled her summer tour", "sidebar"),
], ids=["byline", "section-label", "player-prompt", "read-more-arrows", "credit-line", "disclaimer",
        "licence-credit", "credit-before-caption", "credit-after-caption", "name-after-caption",
        "caption-full-date", "caption-glued-to-paragraph", "doubled-caption", "repeated-lede",
        "other-stories"])
def test_furniture_goes_with_its_reason(page, gone, reason):
    cleaned = clean_text(page)
    # A repeated summary stays once, in the paragraph that repeats it.
    assert cleaned.text.count(gone) == (1 if reason == "repeated summary" else 0)
    assert any(gone in line and why == reason for line, why in cleaned.removed), cleaned.removed


@pytest.mark.parametrize("page, kept", [
    # A past-tense sentence ending in a full date is the article's, not a caption.
    ("\n".join([FERRY_HEADLINE, FERRY, "The last ferry strike began on Sept. 15, 2019.", FERRY_MORE]),
     "The last ferry strike began on Sept. 15, 2019."),
    ("\n".join([FERRY_HEADLINE, FERRY, "Parliament passed the island transport bill on Jan. 8, 2020.",
                FERRY_MORE]), "Parliament passed the island transport bill on Jan. 8, 2020."),
    # A paragraph printed twice inside the article keeps one copy.
    ("\n".join([FERRY_HEADLINE, FERRY, FERRY_MORE, FERRY_MORE]), FERRY_MORE),
    # A subheading between paragraphs is no byline.
    ("\n".join([FERRY_HEADLINE, FERRY, "Supply Flights", FERRY_MORE]), "Supply Flights"),
    # The last paragraphs stay when they are set like the rest of the article.
    ("\n".join([FERRY_HEADLINE, FERRY, FERRY_MORE,
                "A singer has cancelled her summer tour after losing her voice at a festival.",
                "Three friends opened a bakery in a former bank and queues now form before dawn."]),
     "Three friends opened a bakery"),
], ids=["past-tense-date", "past-tense-ed", "doubled-paragraph", "subheading", "unindented-ending"])
def test_article_lines_like_furniture_stay(page, kept):
    assert kept in clean_text(page).text


# Outlet and agency: the publishing site and the wire agency, kept apart.
@pytest.mark.parametrize("page, outlet, agency", [
    (dated_page(first="ROTTERDAM, Feb 3 (Reuters) - " + HARBOUR), "", "Reuters"),
    (dated_page(first="ROTTERDAM, Netherlands — (AP) — " + HARBOUR), "", "AP"),
    (dated_page(first="ROTTERDAM (Harbour News / Sputnik - 4th March, 2022) " + HARBOUR),
     "Harbour News", "Sputnik"),
    (dated_page(first="ROTTERDAM, NNA – " + HARBOUR), "", "NNA"),
    (dated_page(after=[HARBOUR_MORE, "Australian Associated Press"]), "", "Australian Associated Press"),
    (dated_page(after=[HARBOUR_MORE, "— AFP"]), "", "AFP"),
    (dated_page(after=[HARBOUR_MORE, "(AAP)"]), "", "AAP"),
    (dated_page(after=[HARBOUR_MORE, "Harbour Times"]), "Harbour Times", ""),
    (dated_page("date 2021-02-03 HarbourNews.com"), "HarbourNews.com", ""),
    ("Dock workers vote to strike at northern harbour - Harbour Daily\nMenu Ports Weather\n" + dated_page(),
     "Harbour Daily", ""),
    (dated_page(first="ROTTERDAM, Feb 3 (Reuters) - " + HARBOUR, after=[HARBOUR_MORE, "Harbour Times"]),
     "Harbour Times", "Reuters"),
    # A bracket inside a paragraph is no dateline.
    (dated_page(first="The union (which has 4,000 members) said the vote was close. " + HARBOUR), "", ""),
], ids=["reuters-dateline", "ap-dashes", "outlet-slash-agency", "capitals-agency", "agency-signature",
        "dash-agency", "bracket-agency", "outlet-signature", "date-line-site", "page-title-site",
        "outlet-and-agency", "bracket-in-prose"])
def test_outlet_and_agency_are_read_apart(page, outlet, agency):
    cleaned = clean_text(page)
    assert (cleaned.outlet, cleaned.agency) == (outlet, agency)


@pytest.mark.parametrize("page, date, source", [
    ("Wednesday, 9 June 2021\nHome Ports Weather\nSubscribe\n" + dated_page(), "", ""),
    (dated_page("June 13, 2019 / 10:34 AM / Updated a day ago"), "2019-06-13", "date line"),
    (dated_page("3 June 2024 • 4 min read"), "2024-06-03", "date line"),
    (dated_page("June 3, 2024 at 10:15 a.m. EDT"), "2024-06-03", "date line"),
    (dated_page("2019-06-13T10:34:00Z"), "2019-06-13", "date line"),
    (dated_page("First published on Thu 13 Jun 2019 10.34 BST"), "2019-06-13", "published line"),
    (dated_page("PUBLISHED: 10:34 BST, 13 June 2019 | UPDATED: 11:20 BST, 14 June 2019"), "2019-06-13",
     "published line"),
], ids=["masthead-today", "date-time-updated", "date-reading-time", "date-at-time", "iso-with-time",
        "first-published", "published-and-updated"])
def test_more_date_lines(page, date, source):
    cleaned = clean_text(page)
    assert (cleaned.date, cleaned.date_source) == (date, source)


@pytest.mark.parametrize("line, agency", [("By The Associated Press", "Associated Press"),
                                          ("By AFP | June 3, 2024", "AFP"), ("By Ana Ruiz", "")])
def test_a_byline_that_names_an_agency_fills_agency(line, agency):
    assert clean_text(dated_page(line)).agency == agency


def test_a_credit_in_brackets_goes():
    page = dated_page(after=[HARBOUR_MORE, "(Reporting by Ann Mwangi; Editing by Paul Reed)"])
    assert "Reporting by" not in clean_text(page).text


def test_a_weekday_date_above_the_headline_is_the_masthead_s():
    page = "Home | News | Opinion\nWednesday, June 19, 2024\n" + dated_page()
    assert (clean_text(page).date, clean_text(page).date_source) == ("", "")
    assert ("Wednesday, June 19, 2024", "site date") in clean_text(page).removed


def test_the_site_is_the_last_part_of_the_page_title():
    page = "Dock workers vote to strike at northern harbour | Business | Harbour Daily\nMenu\n" + dated_page()
    assert clean_text(page).outlet == "Harbour Daily"


@pytest.mark.parametrize("line", [
    "Copyright 2019 Example Press. All rights reserved. This material may not be published, broadcast or rewritten.",
    "Explore more on these topics"])
def test_long_copyright_lines_and_topic_lists_go(line):
    assert line not in clean_text(dated_page(after=[HARBOUR_MORE, line, "Ports", "Strikes"])).text


@pytest.mark.parametrize("span, iso", [
    ("Weds 12 June 2019", "2019-06-12"), ("Thurs, June 13, 2019", "2019-06-13"), ("Sept. 22, 2023", "2023-09-22"),
    ("10, Jun. 2019", "2019-06-10"), ("13th June, 2019", "2019-06-13"), ("2019/06/13", "2019-06-13"),
    ("31 June 2019", ""), ("13/13/2019", ""),
])
def test_written_dates_are_read(span, iso):
    from medialens.dates import read_date
    parts = read_date(span)
    assert (parts.iso() if parts else "") == iso


@pytest.mark.parametrize("span", [
    "November 19, 2019", "Nov 18", "Nov. 20, 2019", "NOV 3", "April 09, 2019", "Sept. 22, 2023",
    "Nov. 18th 2019", "20 November 2019", "19 NOV 2019", "1st of March, 1999", "10, Jun. 2019",
    "2nd may 2024", "2019-06-13", "2019-6-3",
])
def test_common_dates_are_read_as_dateparser_reads_them(span):
    """Common shapes are read without dateparser (a millisecond a date); they must give what it gives."""
    from medialens.dates import _common_date, _parsed_date
    fast = _common_date(span)
    assert fast is not None and fast == _parsed_date(span)


@pytest.mark.parametrize("span", ["June 30", "31 Dec 2019", "2019-11-13T23:06:00+01:00", "2019-13-01",
                                  "Nov 0", "Monday 3"])
def test_other_dates_are_left_to_dateparser(span):
    from medialens.dates import _common_date
    assert _common_date(span) is None


def test_no_module_spells_the_month_names_itself():
    """Calendar words have one home (data/grammar/calendar_words.csv through medialens.dates):
    a pattern that lists month names of its own would miss a spelling a user adds."""
    import ast
    from pathlib import Path

    from medialens.dates import calendar_words

    months = calendar_words()["month_abbr"]
    package = Path(pagetext.__file__).parent
    spelled = []
    for path in package.rglob("*.py"):
        if path.name == "dates.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
                found = set(re.findall(r"[a-z]+", node.value.lower())) & months
                if len(found) >= 3:
                    spelled.append(f"{path.name}: {sorted(found)}")
    assert not spelled


def test_a_list_of_other_news_after_the_article_goes():
    page = dated_page(after=[HARBOUR_MORE, "OTHER NEWS", "12 minutes ago", "Singer cancels summer tour",
                             "13 minutes ago", "Bakery opens in old bank"])
    cleaned = clean_text(page)
    assert "Singer cancels" not in cleaned.text and ("OTHER NEWS", "sidebar") in cleaned.removed
