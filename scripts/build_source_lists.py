"""Build the world lists of the sources lexicons: media_outlets.csv and source_places.csv.

Run from the repository root (needs babel and countryinfo, both on PyPI; nothing is fetched):

    /work/main/.venv/bin/pip install babel countryinfo pycountry
    python scripts/build_source_lists.py

source_places.csv: every country and territory by its CLDR English name (babel's copy of the
Unicode CLDR, the names news in English uses: "Czechia", "Côte d'Ivoire"), every capital that
countryinfo knows (its country records), and a few short forms news writes for governments
("U.S.", "Britain", "EU"). A place as the subject of a cue ("Washington said") is a government:
named_org. Regions that are no country (CLDR's "World", "Pseudo-Accents") are left out.

media_outlets.csv: no maintained package on PyPI lists news organisations, so the list is kept
here, by country, in four groups chosen to cover any story's coverage rather than one story's:
the global wire services; each country's national news agency, following the membership of the
regional alliances of news agencies (EANA in Europe, OANA in Asia-Pacific, FANA in the Arab
world, FAAPA in Africa, and the Americas' national agencies); the public and international
broadcasters; and two to four national newspapers and sites of record of about forty countries.
Names that are also common words or first names ("Petra", "Dawn", "Sabah", "Time" alone) are
written in their unambiguous long form. Extend OUTLETS and run the script again.
"""
from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "lib" / "medialens" / "data" / "sources"

WIRES = ["Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "Bloomberg News",
         "Dow Jones", "United Press International", "UPI"]
AGENCIES = {  # national news agencies, by country
    "Albania": ["Albanian Telegraphic Agency"], "Algeria": ["Algérie Presse Service"],
    "Argentina": ["Télam"], "Australia": ["Australian Associated Press", "AAP"],
    "Austria": ["Austria Presse Agentur"], "Bangladesh": ["Bangladesh Sangbad Sangstha"],
    "Belarus": ["BelTA"], "Belgium": ["Belga"], "Brazil": ["Agência Brasil"], "Bulgaria": ["BTA"],
    "Canada": ["The Canadian Press", "Canadian Press"], "China": ["Xinhua", "China News Service"],
    "Croatia": ["HINA"], "Cuba": ["Prensa Latina"], "Cyprus": ["Cyprus News Agency"],
    "Czechia": ["ČTK", "CTK"], "Denmark": ["Ritzau"], "Egypt": ["Middle East News Agency"],
    "Ethiopia": ["Ethiopian News Agency"], "Finland": ["STT"], "Germany": ["DPA", "Deutsche Presse-Agentur"],
    "Ghana": ["Ghana News Agency"], "Greece": ["ANA-MPA", "Athens News Agency"], "Hungary": ["MTI"],
    "India": ["Press Trust of India", "PTI", "IANS", "Asian News International"], "Indonesia": ["Antara"],
    "Iran": ["IRNA", "Fars News Agency", "Tasnim News Agency", "Mehr News Agency"],
    "Iraq": ["Iraqi News Agency"], "Italy": ["ANSA"], "Japan": ["Kyodo", "Kyodo News", "Jiji Press"],
    "Jordan": ["Petra News Agency"], "Kenya": ["Kenya News Agency"], "Kuwait": ["KUNA"],
    "Latvia": ["LETA"], "Lebanon": ["National News Agency"], "Lithuania": ["ELTA", "Baltic News Service"],
    "Malaysia": ["Bernama"], "Mexico": ["Notimex"], "Morocco": ["Maghreb Arabe Presse"],
    "Netherlands": ["ANP"], "Nigeria": ["News Agency of Nigeria"], "North Korea": ["KCNA", "Korean Central News Agency"],
    "Norway": ["NTB"], "Pakistan": ["Associated Press of Pakistan"], "Philippines": ["Philippine News Agency"],
    "Poland": ["PAP", "Polish Press Agency"], "Portugal": ["Lusa"], "Qatar": ["QNA", "Qatar News Agency"],
    "Romania": ["Agerpres"], "Russia": ["TASS", "RIA Novosti", "Interfax"], "Saudi Arabia": ["Saudi Press Agency"],
    "Serbia": ["Tanjug"], "Slovakia": ["TASR"], "Slovenia": ["Slovenian Press Agency"],
    "South Africa": ["African News Agency"], "South Korea": ["Yonhap", "Yonhap News Agency"],
    "Spain": ["EFE", "Europa Press"], "Sweden": ["TT News Agency"], "Switzerland": ["Keystone-SDA"],
    "Syria": ["SANA"], "Taiwan": ["Central News Agency"], "Tunisia": ["Tunis Afrique Presse"],
    "Turkey": ["Anadolu", "Anadolu Agency"], "Ukraine": ["Ukrinform", "UNIAN"],
    "United Arab Emirates": ["WAM", "Emirates News Agency"], "United Kingdom": ["PA Media", "Press Association"],
    "Vietnam": ["Vietnam News Agency"],
}
BROADCASTERS = {
    "international": ["Al Jazeera", "Al Arabiya", "Deutsche Welle", "DW", "France 24", "RFI", "Euronews",
                      "Voice of America", "VOA", "Radio Free Europe/Radio Liberty", "RFE/RL", "Radio Free Asia",
                      "RFA", "RT", "Sputnik", "CGTN", "TRT World", "NHK World", "Channel NewsAsia"],
    "United States": ["CNN", "Fox News", "NBC", "NBC News", "CBS", "CBS News", "ABC", "ABC News", "MSNBC",
                      "CNBC", "NPR", "PBS", "C-SPAN"],
    "United Kingdom": ["BBC", "BBC News", "Sky News", "ITV", "ITV News", "Channel 4 News"],
    "Europe": ["ARD", "ZDF", "RAI", "RTVE", "RTÉ", "NOS", "SVT", "NRK", "YLE", "ORF", "SRF", "France Télévisions"],
    "elsewhere": ["CBC", "CBC News", "SBS", "NHK", "KBS", "CCTV", "Doordarshan", "NDTV", "TV Globo", "Televisa"],
}
NEWSPAPERS = {  # national newspapers, magazines and sites of record
    "United States": ["The New York Times", "New York Times", "The Washington Post", "Washington Post",
                      "The Wall Street Journal", "Wall Street Journal", "USA Today", "Los Angeles Times",
                      "Chicago Tribune", "Boston Globe", "Time magazine", "Newsweek", "The Atlantic",
                      "The New Yorker", "Politico", "Axios", "The Hill", "HuffPost", "Huffington Post",
                      "BuzzFeed News", "Vox", "Slate", "ProPublica", "The Intercept", "Breitbart", "Breitbart News",
                      "The Daily Beast", "Daily Beast", "Mediaite", "Fox Business"],
    "United Kingdom": ["The Guardian", "Guardian", "The Times", "Financial Times", "The Economist",
                       "The Telegraph", "Daily Telegraph", "The Independent", "Daily Mail", "The Sun",
                       "The Observer", "Daily Mirror"],
    "France": ["Le Monde", "Le Figaro", "Libération"],
    "Germany": ["Der Spiegel", "Spiegel", "Bild", "Frankfurter Allgemeine Zeitung", "Süddeutsche Zeitung", "Die Zeit"],
    "Italy": ["Corriere della Sera", "La Repubblica"], "Spain": ["El País", "El Mundo"],
    "Russia": ["Kommersant", "Izvestia", "Meduza", "Novaya Gazeta"],
    "Ukraine": ["Ukrainska Pravda", "Kyiv Independent", "Kyiv Post"],
    "Poland": ["Gazeta Wyborcza", "Rzeczpospolita"],
    "China": ["People's Daily", "Global Times", "China Daily"], "Hong Kong": ["South China Morning Post"],
    "Japan": ["Asahi Shimbun", "Yomiuri Shimbun", "Nikkei", "Mainichi Shimbun"],
    "South Korea": ["Chosun Ilbo", "JoongAng Ilbo", "Korea Herald", "Korea Times", "Hankyoreh"],
    "North Korea": ["Rodong Sinmun"],
    "India": ["The Hindu", "Times of India", "Hindustan Times", "Indian Express"],
    "Pakistan": ["Dawn newspaper", "The Express Tribune"],
    "Israel": ["Haaretz", "Times of Israel", "Jerusalem Post", "Yedioth Ahronoth"],
    "Turkey": ["Hürriyet", "Daily Sabah"], "Iran": ["Tehran Times", "Kayhan"],
    "Arab world": ["Asharq Al-Awsat", "Al-Ahram", "Gulf News", "The National"],
    "Africa": ["Daily Nation", "Mail & Guardian", "Premium Times", "News24"],
    "Australia": ["The Sydney Morning Herald", "Sydney Morning Herald", "The Australian"],
    "Canada": ["The Globe and Mail", "Globe and Mail", "Toronto Star", "National Post"],
    "Brazil": ["Folha de S.Paulo", "O Globo", "Estadão"], "Mexico": ["El Universal", "Reforma"],
    "Argentina": ["Clarín", "La Nación"],
}
# Short forms news writes for a government or a union of states.
PLACE_ALIASES = ["America", "Britain", "U.K.", "UK", "U.S.", "US", "USA", "United States", "EU", "E.U.",
                 "European Union", "United Nations", "Washington", "Delhi", "Gaza", "Jerusalem", "Tel Aviv"]
# Capitals that are also common first names or surnames ("Hamilton said" is a person, not Bermuda).
PERSON_LIKE = {"Victoria", "City of Victoria", "Hamilton", "Douglas", "Kingston", "Stanley", "Jamestown",
               "Plymouth", "Santiago", "George Town", "Georgetown", "Gustavia", "Marigot", "Castries"}
NOT_COUNTRIES = {"001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021",
                 "029", "030", "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150",
                 "151", "154", "155", "202", "419", "EZ", "QO", "UN", "XA", "XB", "ZZ", "EU"}


def outlets() -> list[str]:
    names = WIRES + [n for group in (AGENCIES, BROADCASTERS, NEWSPAPERS) for ns in group.values() for n in ns]
    return list(dict.fromkeys(names))


def places() -> list[str]:
    from babel import Locale
    import countryinfo
    names = {name for code, name in Locale("en").territories.items()
             if code not in NOT_COUNTRIES and not code.isdigit()}
    for country in countryinfo.all_countries():
        capital = country.capital()  # a name, or a list where a country has several seats
        names.update([capital] if isinstance(capital, str) else capital or [])
    return sorted(n for n in names | set(PLACE_ALIASES) if n.strip() and n not in PERSON_LIKE)


def write(path: Path, column: str, values: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow([column])
        out.writerows([v] for v in values)
    print(f"{path.name}: {len(values)} entries")


if __name__ == "__main__":
    write(DATA / "media_outlets.csv", "outlet", outlets())
    write(DATA / "source_places.csv", "place", places())
