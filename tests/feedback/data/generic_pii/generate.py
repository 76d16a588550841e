#!/usr/bin/env python3
"""Build synthetic generic-PII rows from the sentence templates in templates.yaml (beside this file).

Every value is invented here (Faker plus the word lists below) and every span is computed while the
template is filled in, never by hand. The output is deterministic: the same templates, seed, count and
split give the same bytes.

    python tests/feedback/data/generic_pii/generate.py --out FILE [--count N] [--seed S]
                                                        [--groups train|check|all]
    python tests/feedback/data/generic_pii/generate.py --verify FILE   # check spans against templates
    python tests/feedback/data/generic_pii/generate.py --stats FILE    # counts per label

Rows follow the feedback JSONL format (/work/shared/FEEDBACK.md): id, platform, audience, context,
text, spans [{start, end, label}], tone, ignore_spans, plus template, group, register, flavour and
slots (every filled placeholder with its offsets, so the verifier can rebuild the text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import string
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml
from faker import Faker

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates.yaml"
CHECK_SHARE = 0.2  # share of template groups held out for the check split
REFERENCE_DAY = dt.date(2025, 6, 1)  # "today" for ages computed from dates of birth

FLAVOURS = {"US": "en_US", "UK": "en_GB", "AU": "en_AU", "NZ": "en_NZ", "IE": "en_IE", "CA": "en_CA"}
ALL_FLAVOURS = tuple(FLAVOURS)
REGISTERS = (
    "email", "form", "chat", "customer_service", "hr", "delivery", "bank", "insurance", "social",
    "travel", "school", "landlord", "support_ticket", "misc",
)

# ---------------------------------------------------------------------------------------------
# Placeholder kinds: the label their value gets ("IGNORE" = an ignore_span, None = no span).
# ---------------------------------------------------------------------------------------------
LABELS = {
    # people
    "name": "NAME", "first_name": "NAME", "last_name": "NAME", "title": None, "handle": "WEB",
    # places
    "street_address": "LOCATION", "street": "LOCATION", "address": "LOCATION", "city": "LOCATION",
    "postcode": "LOCATION", "zip": "LOCATION", "county": "LOCATION",
    # contact
    "phone": "CONTACT", "mobile": "CONTACT", "landline": "CONTACT", "fax": "CONTACT", "email": "CONTACT",
    # identifiers
    "credit_card": "ID", "iban": "ID", "ssn": "ID", "nhs_number": "ID", "ni_number": "ID", "sin": "ID",
    "tfn": "ID", "medicare_number": "ID", "ird_number": "ID", "pps_number": "ID", "passport": "ID",
    "licence_number": "ID", "plate": "ID", "vin": "ID", "account_number": "ID", "sort_code": "ID",
    "bsb": "ID", "routing_number": "ID", "policy_number": "ID", "member_number": "ID",
    "claim_number": "ID", "customer_number": "ID", "employee_id": "ID", "student_id": "ID",
    "booking_ref": "ID", "serial_number": "ID",
    # web
    "url": "WEB", "ip": "WEB",
    # dates and ages tied to the person
    "dob": "DATE", "date": "DATE", "time": "DATE", "age": "AGE",
    # unjudged
    "country": "IGNORE", "state": "IGNORE", "organisation": "IGNORE", "job": "IGNORE",
    "nationality": "IGNORE",
    # plain filler, never a span
    "a": None, "product_code": None, "public_date": None, "year": None, "amount": None,
    "flight": None, "version": None, "percent": None,
}
NAME_KINDS = {"name", "first_name", "last_name"}

# Placeholders that only make sense in some flavours (templates are checked against this on load).
ONLY_IN = {
    "zip": {"US"}, "ssn": {"US"}, "routing_number": {"US"},
    "nhs_number": {"UK"}, "ni_number": {"UK"}, "sort_code": {"UK", "IE"}, "iban": {"UK", "IE"},
    "sin": {"CA"}, "tfn": {"AU"}, "medicare_number": {"AU"}, "bsb": {"AU"}, "ird_number": {"NZ"},
    "pps_number": {"IE"}, "county": {"UK", "IE"}, "state": {"US", "AU", "CA"},
    "postcode": {"UK", "AU", "NZ", "IE", "CA"},
}

PLACEHOLDER = re.compile(r"\{([a-z_]+?)(?:_([2-4]))?\}")
# A courtesy title written in the template right before a name joins the NAME span.
TITLE_BEFORE = re.compile(r"(?:^|(?<=[^A-Za-z]))(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Fr|Sr|Sir|Dame|Cllr|Capt|Sgt"
                          r"|mr|mrs|ms|dr)\.? $")

# ---------------------------------------------------------------------------------------------
# Word lists (written for this generator)
# ---------------------------------------------------------------------------------------------
EXTRA_FIRST_F = [
    "Priya", "Aisha", "Fatima", "Mei", "Yuki", "Ngozi", "Amara", "Chioma", "Aroha", "Mere", "Ana", "Lupe",
    "Siobhán", "Niamh", "Aoife", "Saoirse", "Gráinne", "Sofia", "Lucía", "Camila", "Agnieszka", "Katarzyna",
    "Olga", "Zainab", "Hana", "Leila", "Sunita", "Anjali", "Linh", "Ji-woo", "Ayesha", "Rukhsana", "Keisha",
    "Imani", "Amélie", "Chloé", "Kiri", "Anahera", "Leilani", "Maeve", "Roisin", "Nadia", "Ewa", "Thandiwe",
]
EXTRA_FIRST_M = [
    "Arjun", "Rohan", "Mohammed", "Omar", "Ahmed", "Yusuf", "Wei", "Hiroshi", "Kenji", "Chinedu", "Emeka",
    "Kwame", "Tane", "Wiremu", "Rawiri", "Sione", "Tevita", "Seán", "Cian", "Oisín", "Darragh", "Pádraig",
    "Eoin", "Diego", "Mateo", "Alejandro", "Piotr", "Tomasz", "Dmitri", "Hamza", "Bilal", "Imran", "Rajesh",
    "Vikram", "Minh", "Jae-won", "Jamal", "Malik", "Luc", "Étienne", "Mathieu", "Ciarán", "Tariq", "Kofi",
]
EXTRA_LAST = [
    "Patel", "Shah", "Singh", "Kaur", "Khan", "Ahmed", "Hussain", "Begum", "Chowdhury", "Nguyen", "Tran",
    "Pham", "Kim", "Park", "Chen", "Wang", "Zhang", "Liu", "Wong", "Tanaka", "Sato", "Okafor", "Adeyemi",
    "Mensah", "Okonkwo", "Ngata", "Parata", "Tipene", "Fifita", "Taufa", "Tuilagi", "Ó Briain", "Ní Bhriain",
    "Mac Giolla Phádraig", "García", "Rodríguez", "Fernández", "López", "Kowalski", "Nowak", "Wiśniewska",
    "Ivanova", "Haddad", "Mansour", "Tremblay", "Gagnon", "Côté", "Bouchard", "Lavoie", "Moreau", "Dubois",
    "O'Sullivan", "McCarthy", "Fitzgerald", "Nakamura", "Obi", "Achebe", "Balogun", "Gill", "Sandhu",
]
TOWNS = {
    "UK": ["Leeds", "Bristol", "Norwich", "Swansea", "Dundee", "Aberdeen", "York", "Bath", "Exeter",
           "Carlisle", "Preston", "Reading", "Luton", "Derby", "Stockport", "Wigan", "Bolton", "Ipswich",
           "Colchester", "Chelmsford", "Cardiff", "Wrexham", "Inverness", "Stirling", "Belfast", "Lisburn",
           "Harrogate", "Scarborough", "Kendal", "Truro", "Falmouth", "Taunton", "Salisbury", "Winchester",
           "Guildford", "Croydon", "Hackney", "Walthamstow", "Peckham", "Sheffield", "Hull", "Sunderland",
           "Gateshead", "Middlesbrough", "Lincoln", "Northampton", "Milton Keynes", "Aylesbury", "Oxford",
           "Stevenage", "Margate", "Folkestone", "Hastings", "Brighton", "Worthing", "Basingstoke",
           "Swindon", "Cheltenham", "Gloucester", "Hereford", "Shrewsbury", "Telford", "Crewe", "Chester",
           "Llandudno", "Aberystwyth", "Kirkcaldy", "Paisley", "Motherwell", "Newry"],
    "US": ["Dayton", "Tulsa", "Boise", "Spokane", "Tacoma", "Fresno", "Bakersfield", "Eugene", "Reno",
           "Tucson", "Albuquerque", "El Paso", "Lubbock", "Wichita", "Omaha", "Des Moines", "Madison",
           "Green Bay", "Duluth", "Rochester", "Syracuse", "Albany", "Scranton", "Allentown", "Trenton",
           "Camden", "Wilmington", "Richmond", "Norfolk", "Raleigh", "Durham", "Asheville", "Savannah",
           "Macon", "Mobile", "Memphis", "Knoxville", "Chattanooga", "Louisville", "Lexington", "Akron",
           "Toledo", "Flint", "Lansing", "Gary", "Peoria", "Springfield", "Topeka", "Fargo", "Billings",
           "Cheyenne", "Provo", "Santa Fe", "Stockton", "Modesto", "Pasadena", "Brooklyn", "the Bronx",
           "Queens", "Hoboken", "Yonkers", "Tampa", "Gainesville", "Baton Rouge", "Little Rock"],
    "AU": ["Ballarat", "Bendigo", "Geelong", "Wollongong", "Newcastle", "Toowoomba", "Townsville", "Cairns",
           "Darwin", "Hobart", "Launceston", "Mildura", "Wagga Wagga", "Dubbo", "Orange", "Bathurst",
           "Albury", "Shepparton", "Bunbury", "Geraldton", "Mackay", "Rockhampton", "Bundaberg", "Gladstone",
           "Parramatta", "Penrith", "Fremantle", "Joondalup", "Frankston", "Dandenong", "Footscray",
           "Brunswick", "Fitzroy", "Chermside", "Logan", "Mount Gambier", "Whyalla", "Alice Springs",
           "Katherine", "Coffs Harbour", "Port Macquarie", "Bondi", "Marrickville", "Woolloongabba"],
    "NZ": ["Whangārei", "Whangarei", "Hamilton", "Tauranga", "Rotorua", "Napier", "Hastings",
           "Palmerston North", "Whanganui", "New Plymouth", "Gisborne", "Nelson", "Blenheim", "Timaru",
           "Oamaru", "Dunedin", "Invercargill", "Queenstown", "Greymouth", "Masterton", "Levin", "Porirua",
           "Lower Hutt", "Upper Hutt", "Taupō", "Pukekohe", "Papakura", "Manukau", "Ōtāhuhu", "Petone",
           "Motueka", "Kaikōura", "Ashburton", "Gore", "Ponsonby", "Karori", "Riccarton", "Mt Albert"],
    "IE": ["Cork", "Galway", "Limerick", "Waterford", "Kilkenny", "Sligo", "Athlone", "Tralee", "Killarney",
           "Ennis", "Drogheda", "Dundalk", "Navan", "Naas", "Bray", "Swords", "Tallaght", "Clondalkin",
           "Carlow", "Wexford", "Letterkenny", "Castlebar", "Westport", "Mullingar", "Tullamore",
           "Portlaoise", "Nenagh", "Thurles", "Clonmel", "Cobh", "Mallow", "Bandon", "Skibbereen",
           "Dún Laoghaire", "Balbriggan", "Maynooth", "Longford", "Cavan", "Monaghan", "Rathmines",
           "Drumcondra", "Ballincollig"],
    "CA": ["Kingston", "Guelph", "Kitchener", "Waterloo", "Barrie", "Sudbury", "Thunder Bay", "Windsor",
           "Oshawa", "Mississauga", "Brampton", "Markham", "Gatineau", "Sherbrooke", "Trois-Rivières",
           "Moncton", "Fredericton", "Saint John", "Halifax", "Dartmouth", "Charlottetown", "Regina",
           "Saskatoon", "Lethbridge", "Red Deer", "Kelowna", "Kamloops", "Nanaimo", "Victoria", "Surrey",
           "Burnaby", "Whitehorse", "Yellowknife", "Iqaluit", "Brandon", "Winnipeg", "Laval", "Longueuil"],
}
COUNTIES = {
    "UK": ["Kent", "Essex", "Surrey", "Devon", "Cornwall", "Norfolk", "Suffolk", "Cumbria", "Lancashire",
           "North Yorkshire", "County Durham", "Northumberland", "Somerset", "Dorset", "Wiltshire",
           "Shropshire", "Cheshire", "Derbyshire", "Lincolnshire", "Fife", "Powys", "Gwynedd",
           "County Antrim", "County Down", "West Sussex", "Herefordshire"],
    "IE": ["Cork", "Kerry", "Mayo", "Donegal", "Clare", "Wicklow", "Meath", "Kildare", "Offaly",
           "Roscommon", "Leitrim", "Tipperary", "Galway", "Sligo", "Wexford", "Louth", "Laois", "Cavan"],
}
STREET_STEMS = [
    "High", "Church", "Station", "Mill", "Victoria", "Park", "Queen", "King", "Albert", "Manor", "Chapel",
    "Green", "School", "North", "Orchard", "Oak", "Elm", "Ash", "Beech", "Willow", "Cedar", "Maple", "Birch",
    "Hawthorn", "Rowan", "Meadow", "Brook", "River", "Bridge", "Harbour", "Castle", "Abbey", "Priory",
    "Grange", "Springfield", "Highfield", "Windsor", "Stanley", "Hillside", "Sunnyside", "Rose", "Lime",
    "Pine", "Chestnut", "Poplar", "Heather", "Fern", "Ridge", "Valley", "Forest", "Sycamore", "Lake",
]
STREET_STEMS_BY = {
    "US": ["Main", "Lincoln", "Washington", "Jefferson", "Franklin", "Magnolia", "Dogwood", "Sunset",
           "Cherry", "Walnut", "Hickory", "Pleasant", "Lakeview", "Highland", "Peachtree"],
    "AU": ["Wattle", "Banksia", "Jacaranda", "Bottlebrush", "Ironbark", "Gum", "Esplanade", "Bay",
           "Ocean", "Surf"],
    "NZ": ["Kowhai", "Rimu", "Totara", "Pohutukawa", "Kauri", "Matai", "Tui", "Riverbank", "Harbour View"],
    "IE": ["Ashgrove", "Beechwood", "Glenview", "Castlepark", "Millbrook", "Oakpark", "Sandyford",
           "Rockview"],
    "CA": ["Maple", "Birchmount", "Lakeshore", "Queen", "Dundas", "Bloor", "Laurier", "Champlain"],
    "UK": ["Cromwell", "Tennyson", "Nelson", "Wellington", "Marlborough", "Trafalgar"],
}
STREET_SUFFIX = {
    "UK": ["Road", "Street", "Lane", "Avenue", "Close", "Crescent", "Drive", "Gardens", "Grove", "Place",
           "Terrace", "Way", "Court", "Mews", "Row", "Walk"],
    "US": ["Street", "Avenue", "Boulevard", "Drive", "Road", "Lane", "Court", "Place", "Way", "Terrace",
           "Parkway", "Circle", "St", "Ave", "Blvd", "Dr"],
    "AU": ["Street", "Road", "Avenue", "Parade", "Crescent", "Drive", "Court", "Place", "Close", "Terrace",
           "Esplanade", "St", "Rd"],
    "NZ": ["Street", "Road", "Avenue", "Crescent", "Drive", "Place", "Terrace", "Grove", "Lane", "Way",
           "Rise"],
    "IE": ["Road", "Street", "Avenue", "Park", "Lawns", "Drive", "Terrace", "Close", "Grove", "Heights",
           "View", "Crescent"],
    "CA": ["Street", "Avenue", "Road", "Drive", "Crescent", "Boulevard", "Court", "Way", "Place"],
}
HOUSE_NAMES = ["Rose Cottage", "The Old Rectory", "Ivy House", "Hillcrest", "Orchard View", "Mill House"]
US_STATES = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
    "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York",
    "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
    "West Virginia", "Wisconsin", "Wyoming",
]
US_STATE_ABBR = ["AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "MI", "MN",
                 "MO", "NC", "NE", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "TN", "TX", "VA", "WA",
                 "WI"]
STATES = {
    "US": US_STATES,
    "AU": ["New South Wales", "Victoria", "Queensland", "Western Australia", "South Australia", "Tasmania",
           "the Northern Territory", "the ACT", "NSW", "QLD", "WA"],
    "CA": ["Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan", "Nova Scotia",
           "New Brunswick", "Newfoundland and Labrador", "Prince Edward Island", "Yukon", "Nunavut"],
}
CA_PROVINCE_ABBR = ["ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE"]
AU_STATE_ABBR = ["NSW", "VIC", "QLD", "WA", "SA", "TAS", "NT", "ACT"]
COUNTRIES = [
    "France", "Spain", "Portugal", "Italy", "Germany", "the Netherlands", "Belgium", "Poland", "Greece",
    "Croatia", "Norway", "Sweden", "Denmark", "Iceland", "Japan", "South Korea", "Vietnam", "Thailand",
    "Indonesia", "India", "Pakistan", "Bangladesh", "Sri Lanka", "Nigeria", "Ghana", "Kenya",
    "South Africa", "Morocco", "Egypt", "Turkey", "Mexico", "Brazil", "Argentina", "Chile", "Peru",
    "Fiji", "Samoa", "Tonga", "the Philippines", "Malaysia", "Singapore", "China", "Canada",
    "the United States", "the USA", "the UK", "Ireland", "Australia", "New Zealand", "Scotland", "Wales",
    "Jamaica", "Trinidad and Tobago", "Ukraine", "Romania", "Lithuania",
]
NATIONALITIES = [
    "French", "Spanish", "Portuguese", "Italian", "German", "Dutch", "Polish", "Greek", "Croatian",
    "Norwegian", "Swedish", "Japanese", "Korean", "Vietnamese", "Thai", "Indian", "Pakistani",
    "Bangladeshi", "Nigerian", "Ghanaian", "Kenyan", "South African", "Moroccan", "Turkish", "Mexican",
    "Brazilian", "Argentinian", "Fijian", "Samoan", "Tongan", "Filipino", "Malaysian", "Chinese",
    "Canadian", "American", "British", "Irish", "Australian", "New Zealand", "Scottish", "Welsh",
    "Jamaican", "Ukrainian", "Romanian", "Lithuanian",
]
ORGANISATIONS = [
    "Northgate Building Society", "Harbourview Insurance", "Kestrel Logistics", "Bluewater Energy",
    "Larchfield Primary School", "St Brigid's College", "Riverside Lettings", "Summit Telecom",
    "Copperleaf Bank", "Greenway Couriers", "Pinecrest Property Management", "Silverfern Travel",
    "Ironbridge Credit Union", "Meridian Health Insurance", "Brightside Broadband", "Oakmere Housing",
    "Tidewater Airlines", "Coastline Rail", "Fernhill Dental", "Westbrook Motors", "Quarry Lane Gym",
    "Lakeside Veterinary Clinic", "Harrowgate Estates", "Kauri Bay Finance", "Wattle Street Pharmacy",
    "Shamrock Mutual", "Northern Lights Hydro", "Maplewood Credit Union", "Crestline Mobile",
    "Blackthorn Recruitment", "Acorn Childcare", "Starling Post", "Parcelwise", "Homeward Removals",
]
JOBS = [
    "accountant", "bus driver", "care assistant", "chef", "civil engineer", "data analyst", "dental nurse",
    "electrician", "estate agent", "firefighter", "graphic designer", "hairdresser", "HR manager",
    "lab technician", "librarian", "mechanic", "midwife", "nurse", "paralegal", "pharmacist", "plumber",
    "postal worker", "primary school teacher", "receptionist", "retail assistant", "sales manager",
    "security guard", "social worker", "software developer", "solicitor", "teaching assistant",
    "warehouse operative", "web developer", "youth worker", "barista", "project manager",
    "payroll officer", "delivery driver", "forklift driver", "customer service adviser",
]
PRODUCT_CODES = ["XR-220", "KT-90", "AX-7700", "B07-ZZ3", "HW-1180", "ZX-5", "TL-8800", "QX-41", "M2-500",
                 "RX 300", "V-90", "SKU-4471-B", "PN-55-1203", "K9-ULTRA", "GT-2 Pro"]
PUBLIC_DATES = {
    "UK": ["Christmas Day", "Boxing Day", "New Year's Day", "Easter Monday", "the August bank holiday",
           "1 April", "6 April", "31 October", "the first of March", "Monday 5 May"],
    "US": ["Thanksgiving", "the Fourth of July", "Labor Day", "Memorial Day", "New Year's Day",
           "January 1", "April 15", "Veterans Day", "the first Monday in September"],
    "AU": ["Anzac Day", "Australia Day", "the King's Birthday long weekend", "1 July", "Boxing Day",
           "Christmas Day", "Easter Monday"],
    "NZ": ["Waitangi Day", "Anzac Day", "Matariki", "Labour Day", "1 April", "Boxing Day",
           "Christmas Day"],
    "IE": ["St Patrick's Day", "St Stephen's Day", "the June bank holiday", "1 February", "Easter Monday",
           "Christmas Day", "New Year's Day"],
    "CA": ["Canada Day", "Thanksgiving Monday", "Victoria Day", "Labour Day", "Boxing Day", "July 1",
           "Remembrance Day"],
}
CURRENCY = {"US": "$", "UK": "£", "AU": "$", "NZ": "$", "IE": "€", "CA": "$"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RELATIVE_PAST = ["yesterday", "last Tuesday", "last week", "last night", "this morning", "the weekend",
                 "last month", "Friday night"]
RELATIVE_FUTURE = ["tomorrow", "next Thursday", "this Friday", "Monday", "the end of the week",
                   "tomorrow morning", "next Wednesday"]
SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"  # no I or O
TEST_CARDS = [
    "4111111111111111", "4242424242424242", "5555555555554444", "5105105105105100", "4012888888881881",
    "378282246310005", "371449635398431", "6011111111111117", "6011000990139424", "3530111333300000",
    "5200828282828210", "4000056655665556", "2223003122003222",
]
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int) -> str:
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("-" + ONES[ones] if ones else "")


def ordinal(d: int) -> str:
    return f"{d}{'th' if 11 <= d % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


def birthday_to_come(month: int, day: int) -> int:
    """1 when this birthday is still ahead on REFERENCE_DAY (so the age is one less), else 0."""
    return int((month, day) > (REFERENCE_DAY.month, REFERENCE_DAY.day))


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def luhn_check_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(number: str) -> bool:
    return luhn_check_digit(number[:-1]) == number[-1]


def iban_check(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(digits) % 97:02d}"


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


# ---------------------------------------------------------------------------------------------
# Templates and the train/check split
# ---------------------------------------------------------------------------------------------
class TemplateError(ValueError):
    pass


def parse(text: str) -> list[tuple[str, str, int]]:
    """Split a template into literal pieces and (kind, slot) pairs: [(literal, kind, index)...]."""
    parts = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        parts.append((text[pos:m.start()], m.group(1), int(m.group(2) or 1)))
        pos = m.end()
    parts.append((text[pos:], "", 0))
    return parts


def load_templates(path: Path = TEMPLATES) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    templates = data["templates"]
    seen = set()
    for t in templates:
        tid = t.get("id")
        if not tid or tid in seen:
            raise TemplateError(f"missing or repeated id: {tid!r}")
        seen.add(tid)
        for key in ("group", "register", "flavour", "text"):
            if not t.get(key):
                raise TemplateError(f"{tid}: no {key}")
        if t["register"] not in REGISTERS:
            raise TemplateError(f"{tid}: unknown register {t['register']!r}")
        flavours = set(ALL_FLAVOURS) if t["flavour"] == "any" else {t["flavour"]}
        if not flavours <= set(ALL_FLAVOURS):
            raise TemplateError(f"{tid}: unknown flavour {t['flavour']!r}")
        leftovers = PLACEHOLDER.sub("", t["text"])
        if "{" in leftovers or "}" in leftovers:
            raise TemplateError(f"{tid}: malformed placeholder in {t['text']!r}")
        parts = parse(t["text"])
        for i, (_, kind, _) in enumerate(parts[:-1]):
            if kind not in LABELS:
                raise TemplateError(f"{tid}: unknown placeholder {{{kind}}}")
            flavours &= ONLY_IN.get(kind, set(ALL_FLAVOURS))
            if kind == "title" and not (parts[i + 1][0] == " " and parts[i + 1][1] in NAME_KINDS):
                raise TemplateError(f"{tid}: {{title}} must be followed by a space and a name")
            if kind == "a" and not (parts[i + 1][0] == " " and parts[i + 1][1]):
                raise TemplateError(f"{tid}: {{a}} must be followed by a space and a placeholder")
        if not flavours:
            raise TemplateError(f"{tid}: its placeholders fit no single flavour")
        gender = t.get("gender")
        if gender is not None and not (isinstance(gender, dict) and all(
                isinstance(k, int) and v in ("f", "m") for k, v in gender.items())):
            raise TemplateError(f"{tid}: gender must map a person number to f or m")
        ages = t.get("ages")
        if ages is not None:
            if not (isinstance(ages, list) and len(ages) == 2 and 0 < ages[0] <= ages[1] <= 110):
                raise TemplateError(f"{tid}: ages must be [low, high]")
            if not any(k in ("age", "dob") for _, k, _ in parts[:-1]):
                raise TemplateError(f"{tid}: ages given but no {{age}} or {{dob}} placeholder")
            t["ages"] = tuple(ages)
        t["flavours"] = sorted(flavours, key=ALL_FLAVOURS.index)
        t["negative"] = not any(LABELS[k] not in (None, "IGNORE") for _, k, _ in parts[:-1])
    return templates


def _h(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def split_groups(templates: list[dict]) -> dict[str, str]:
    """Assign every group to 'train' or 'check'.

    Each group is put in a stratum: the rarest label its templates produce (labels ranked by how many
    groups produce them), or "none" for hard negatives, so rare labels such as AGE and WEB get their
    share of unseen templates. Inside a stratum, groups are ordered by the SHA-256 of their name and the
    first round(20%) go to check: the split depends only on the templates, never on the seed.
    """
    labels: dict[str, set[str]] = {}
    for t in templates:
        found = labels.setdefault(t["group"], set())
        found.update(LABELS[k] for _, k, _ in parse(t["text"])[:-1] if LABELS[k] not in (None, "IGNORE"))
    frequency = Counter(label for found in labels.values() for label in found)
    strata: dict[str, list[str]] = {}
    for group, found in labels.items():
        key = min(found, key=lambda label: (frequency[label], label)) if found else "none"
        strata.setdefault(key, []).append(group)
    split = {}
    for key in sorted(strata):
        groups = sorted(strata[key], key=lambda g: (_h(g), g))
        n_check = round(len(groups) * CHECK_SHARE)
        for i, g in enumerate(groups):
            split[g] = "check" if i < n_check else "train"
    return split


# ---------------------------------------------------------------------------------------------
# Value makers
# ---------------------------------------------------------------------------------------------
class Filler:
    """Makes the values for one row; people and their details stay consistent inside a row."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker], flavour: str, casual: bool,
                 ages: tuple[int, int] | None = None, genders: dict[int, str] | None = None):
        self.rng = rng
        self.ages = ages
        self.genders = genders or {}
        self.last_date: dt.date | None = None
        self.hour: int | None = None
        self.flav = flavour
        self.fake = fakers[flavour]
        self.fakers = fakers
        self.casual = casual
        self.lower = casual and rng.random() < 0.45
        self.people: dict[int, dict] = {}
        self.cache: dict[tuple[str, int], str] = {}

    # -- helpers ------------------------------------------------------------------------------
    def pick(self, seq):
        return self.rng.choice(seq)

    def digits(self, n: int, first_nonzero: bool = False) -> str:
        s = "".join(self.rng.choice(string.digits) for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = str(self.rng.randint(1, 9)) + s[1:]
        return s

    def letters(self, n: int, alphabet: str = string.ascii_uppercase) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def person(self, idx: int) -> dict:
        if idx not in self.people:
            rng = self.rng
            gender = "f" if rng.random() < 0.5 else "m"
            gender = self.genders.get(idx, gender)
            if rng.random() < 0.72:
                first = self.fake.first_name_female() if gender == "f" else self.fake.first_name_male()
            else:
                first = self.pick(EXTRA_FIRST_F if gender == "f" else EXTRA_FIRST_M)
            last = self.fake.last_name() if rng.random() < 0.75 else self.pick(EXTRA_LAST)
            if rng.random() < 0.04:
                last = f"{last}-{self.fake.last_name()}"
            dotted = self.flav in ("US", "CA") or rng.random() < 0.25
            if rng.random() < 0.2:
                title = self.pick(["Dr", "Dr", "Prof", "Mx"])
            elif gender == "f":
                title = self.pick(["Mrs", "Ms", "Ms", "Miss"])
            else:
                title = "Mr"
            if dotted and title != "Miss":
                title += "."
            self.people[idx] = {"first": first, "last": last, "title": title, "gender": gender}
        return self.people[idx]

    def dob_parts(self, idx: int) -> tuple[int, int, int]:
        """A person's date of birth, consistent with their age when the age came first."""
        p = self.person(idx)
        if "dob" not in p:
            m, d = self.rng.randint(1, 12), self.rng.randint(1, 28)
            if "age" not in p and self.ages:  # the template says how old its people are
                p["age"] = self.rng.randint(*self.ages)
            if "age" in p:
                year = REFERENCE_DAY.year - p["age"] - birthday_to_come(m, d)
            else:
                year = self.rng.randint(1931, 2009)
            p["dob"] = (year, m, d)
        return p["dob"]

    def format_date(self, y: int, m: int, d: int, birth: bool) -> str:
        rng, flav = self.rng, self.flav
        r = rng.random()
        day_first = flav in ("UK", "AU", "NZ", "IE") or (flav == "CA" and rng.random() < 0.3)
        nth = ordinal(d)
        if r < 0.1:
            return f"{y:04d}-{m:02d}-{d:02d}"
        if r < 0.5:
            sep = "/" if rng.random() < 0.85 else ("." if day_first else "-")
            a, b = (d, m) if day_first else (m, d)
            if rng.random() < 0.5:
                return f"{a:02d}{sep}{b:02d}{sep}{y:04d}"
            yy = f"{y % 100:02d}" if birth and rng.random() < 0.4 else f"{y:04d}"
            return f"{a}{sep}{b}{sep}{yy}"
        month = MONTHS[m - 1]
        if rng.random() < 0.15:
            month = month[:3]
        if day_first:
            return self.pick([f"{d} {month} {y}", f"{nth} {month} {y}", f"{nth} of {month} {y}"])
        return self.pick([f"{month} {d}, {y}", f"{month} {nth}, {y}", f"{month} {d} {y}"])

    # -- people -------------------------------------------------------------------------------
    def v_name(self, idx, before, after):
        p = self.person(idx)
        r = self.rng.random()
        if r < 0.07:
            return f"{p['first']} {self.pick(string.ascii_uppercase)}. {p['last']}"
        if r < 0.11 and not TITLE_BEFORE.search(before):
            return f"{p['first'][0]}. {p['last']}"
        return f"{p['first']} {p['last']}"

    def v_first_name(self, idx, before, after):
        return self.person(idx)["first"]

    def v_last_name(self, idx, before, after):
        return self.person(idx)["last"]

    def v_title(self, idx, before, after):
        return self.person(idx)["title"]

    def local_part(self, idx) -> str:
        p = self.person(idx)
        first = re.sub(r"[^a-z]", "", ascii_fold(p["first"]).lower()) or "sam"
        last = re.sub(r"[^a-z]", "", ascii_fold(p["last"]).lower()) or "lee"
        return self.pick([
            f"{first}.{last}", f"{first}{last}", f"{first[0]}.{last}", f"{first}_{last}", f"{first[0]}{last}",
            f"{first}.{last}{self.rng.randint(1, 99)}", f"{first}{self.rng.randint(70, 99)}",
            f"{last}.{first}", f"{first}-{last}",
        ])

    def v_email(self, idx, before, after):
        domain = self.pick(["example.org", "example.com", "example.net"])
        if self.rng.random() < 0.85:
            return f"{self.local_part(idx)}@{domain}"
        return f"{self.pick(['sunny', 'bluebird', 'kiwi', 'rover', 'mapleleaf', 'tigerlily'])}" \
               f"{self.rng.randint(1, 999)}@{domain}"

    def v_handle(self, idx, before, after):
        return "@" + self.local_part(idx).replace(".", "_").replace("-", "_")

    # -- places -------------------------------------------------------------------------------
    def street_name(self) -> str:
        flav = self.flav
        r = self.rng.random()
        if r < 0.2:
            stem = self.fake.last_name()
        elif r < 0.45:
            stem = self.pick(STREET_STEMS_BY[flav])
        else:
            stem = self.pick(STREET_STEMS)
        if flav == "CA" and self.rng.random() < 0.1:
            return self.pick(["rue des Érables", "rue Principale", "rue Saint-Denis", "boulevard Laurier"])
        return f"{stem} {self.pick(STREET_SUFFIX[flav])}"

    def v_street(self, idx, before, after):
        return self.street_name()

    def v_street_address(self, idx, before, after):
        rng, flav = self.rng, self.flav
        if rng.random() < 0.15 and flav not in ("IE",):
            return self.fake.street_address().replace("\n", ", ")
        street = self.street_name()
        if flav in ("US", "CA"):
            num = str(rng.randint(10, 9999))
            base = f"{num} {street}"
            if rng.random() < 0.2:
                base += self.pick([f" Apt {rng.randint(1, 40)}{self.pick('ABCD')}",
                                   f", Unit {rng.randint(1, 300)}", f" #{rng.randint(100, 999)}"])
            if flav == "CA" and street.startswith(("rue", "boulevard")):
                base = f"{num}, {street}"
            return base
        num = rng.randint(1, 240)
        r = rng.random()
        if flav == "UK":
            if r < 0.12:
                return f"Flat {rng.randint(1, 30)}, {num} {street}"
            if r < 0.18:
                return f"{self.pick(HOUSE_NAMES)}, {street}"
        elif flav in ("AU", "NZ"):
            if r < 0.2:
                return f"{rng.randint(1, 20)}/{num} {street}"
            if r < 0.28:
                return f"Unit {rng.randint(1, 20)}, {num} {street}"
        elif flav == "IE" and r < 0.2:
            block = self.pick(["Block B", "The Maltings", "Riverside Court"])
            return f"Apt {rng.randint(1, 60)}, {block}, {street}"
        return f"{num} {street}"

    def v_city(self, idx, before, after):
        if self.rng.random() < 0.15 and self.flav in ("US", "UK", "NZ", "AU"):
            return self.fake.city()
        return self.pick(TOWNS[self.flav])

    def v_postcode(self, idx, before, after):
        flav = self.flav
        if flav == "US":
            return self.v_zip(idx, before, after)
        code = self.fake.postcode()
        if flav == "CA" and " " not in code and self.rng.random() < 0.7:
            code = f"{code[:3]} {code[3:]}"
        if flav == "IE" and " " not in code and self.rng.random() < 0.7:
            code = f"{code[:3]} {code[3:]}"
        return code

    def v_zip(self, idx, before, after):
        z = self.fake.postcode()
        return f"{z}-{self.digits(4)}" if self.rng.random() < 0.15 else z

    def v_county(self, idx, before, after):
        c = self.pick(COUNTIES[self.flav])
        if self.flav == "IE":
            return self.pick([f"Co. {c}", f"County {c}", c, c])
        return c

    def v_address(self, idx, before, after):
        flav, rng = self.flav, self.rng
        street = self.v_street_address(idx, before, after)
        city = self.v_city(idx, before, after)
        if flav == "US":
            return f"{street}, {city}, {self.pick(US_STATE_ABBR)} {self.v_zip(idx, before, after)}"
        if flav == "CA":
            return f"{street}, {city}, {self.pick(CA_PROVINCE_ABBR)} {self.v_postcode(idx, before, after)}"
        if flav == "AU":
            return f"{street}, {city} {self.pick(AU_STATE_ABBR)} {self.v_postcode(idx, before, after)}"
        if flav == "IE":
            return self.pick([f"{street}, {city}, {self.v_county(idx, before, after)}",
                              f"{street}, {city}, {self.v_postcode(idx, before, after)}"])
        sep = ", " if rng.random() < 0.6 else " "
        return f"{street}, {city}{sep}{self.v_postcode(idx, before, after)}"

    # -- contact ------------------------------------------------------------------------------
    def phone_number(self, kind: str) -> str:
        rng, flav = self.rng, self.flav
        xx = f"{rng.randint(0, 99):02d}"
        xxx = f"{rng.randint(0, 999):03d}"
        if flav in ("US", "CA"):
            area = self.pick(["202", "212", "312", "415", "503", "602", "617", "713", "919"] if flav == "US"
                             else ["416", "604", "613", "780", "902", "514", "306"])
            return self.pick([f"({area}) 555-01{xx}", f"{area}-555-01{xx}", f"{area}.555.01{xx}",
                              f"+1 {area} 555 01{xx}", f"1-{area}-555-01{xx}"])
        if flav in ("UK", "IE"):
            mobile = kind == "mobile" or (kind == "phone" and rng.random() < 0.5) or flav == "IE"
            if mobile:
                return self.pick([f"07700 900{xxx}", f"07700900{xxx}", f"+44 7700 900{xxx}",
                                  f"07700 900 {xxx}"])
            return self.pick([f"020 7946 0{xxx}", f"(020) 7946 0{xxx}", f"+44 20 7946 0{xxx}",
                              f"0161 496 0{xxx}", f"0113 496 0{xxx}"])
        if flav == "AU":
            mobile = kind == "mobile" or (kind == "phone" and rng.random() < 0.6)
            if mobile:
                return self.pick([f"0491 570 {xxx}", f"0491570{xxx}", f"+61 491 570 {xxx}"])
            area = self.pick(["02", "03", "07", "08"])
            return self.pick([f"({area}) 5550 {rng.randint(0, 9999):04d}",
                              f"{area} 5550 {rng.randint(0, 9999):04d}"])
        # NZ
        return self.pick([f"021 555 01{xx}", f"02155501{xx}", f"+64 21 555 01{xx}", f"021-555-01{xx}"])

    def v_phone(self, idx, before, after):
        return self.phone_number("phone")

    def v_mobile(self, idx, before, after):
        return self.phone_number("mobile")

    def v_landline(self, idx, before, after):
        return self.phone_number("landline")

    def v_fax(self, idx, before, after):
        return self.phone_number("landline")

    # -- identifiers --------------------------------------------------------------------------
    def v_credit_card(self, idx, before, after):
        rng = self.rng
        if rng.random() < 0.5:
            num = self.pick(TEST_CARDS)
        else:
            prefix = self.pick(["4", "51", "52", "53", "54", "55", "37", "34"])
            length = 15 if prefix in ("34", "37") else 16
            body = prefix + self.digits(length - len(prefix) - 1)
            num = body + luhn_check_digit(body)
        r = rng.random()
        if len(num) == 15:
            groups = [num[:4], num[4:10], num[10:]]
        else:
            groups = [num[i:i + 4] for i in range(0, 16, 4)]
        if r < 0.55:
            return " ".join(groups)
        if r < 0.8:
            return "-".join(groups)
        return num

    def v_iban(self, idx, before, after):
        country = "IE" if self.flav == "IE" else "GB"
        bban = self.letters(4) + self.digits(14)
        iban = country + iban_check(country, bban) + bban
        if self.rng.random() < 0.7:
            return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        return iban

    def v_ssn(self, idx, before, after):
        area = self.rng.randint(1, 899)
        while area == 666:
            area = self.rng.randint(1, 899)
        a, g, s = f"{area:03d}", f"{self.rng.randint(1, 99):02d}", f"{self.rng.randint(1, 9999):04d}"
        return self.pick([f"{a}-{g}-{s}"] * 4 + [f"{a} {g} {s}", f"{a}{g}{s}"])

    def v_nhs_number(self, idx, before, after):
        while True:
            body = ("999" + self.digits(6)) if self.rng.random() < 0.2 else self.digits(9, first_nonzero=True)
            total = sum(int(c) * w for c, w in zip(body, range(10, 1, -1), strict=True))
            check = 11 - total % 11
            if check == 11:
                check = 0
            if check != 10:
                break
        num = body + str(check)
        return f"{num[:3]} {num[3:6]} {num[6:]}" if self.rng.random() < 0.75 else num

    def v_ni_number(self, idx, before, after):
        first = self.pick("ABCEGHJKLMNOPRSTWXYZ")
        second = self.pick("ABCEGHJKLMNPRSTWXYZ")
        d = self.digits(6)
        suffix = self.pick("ABCD")
        if self.rng.random() < 0.6:
            return f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {suffix}"
        return f"{first}{second}{d}{suffix}"

    def v_sin(self, idx, before, after):
        body = str(self.rng.randint(1, 7)) + self.digits(7)
        num = body + luhn_check_digit(body)
        return self.pick([f"{num[:3]} {num[3:6]} {num[6:]}", f"{num[:3]}-{num[3:6]}-{num[6:]}", num])

    def v_tfn(self, idx, before, after):
        weights = [1, 4, 3, 7, 5, 8, 6, 9, 10]
        while True:
            num = self.digits(9, first_nonzero=True)
            if sum(int(c) * w for c, w in zip(num, weights, strict=True)) % 11 == 0:
                break
        return f"{num[:3]} {num[3:6]} {num[6:]}" if self.rng.random() < 0.7 else num

    def v_medicare_number(self, idx, before, after):
        body = str(self.rng.randint(2, 6)) + self.digits(7)
        check = sum(int(c) * w for c, w in zip(body, [1, 3, 7, 9, 1, 3, 7, 9], strict=True)) % 10
        num = f"{body}{check}{self.rng.randint(1, 9)}"
        return f"{num[:4]} {num[4:9]} {num[9]}" if self.rng.random() < 0.7 else num

    def v_ird_number(self, idx, before, after):
        num = self.digits(9, first_nonzero=True) if self.rng.random() < 0.6 else "0" + self.digits(8)
        return f"{num[:3]}-{num[3:6]}-{num[6:]}" if self.rng.random() < 0.6 else num

    def v_pps_number(self, idx, before, after):
        d = self.digits(7)
        total = sum(int(c) * w for c, w in zip(d, range(8, 1, -1), strict=True))
        suffix = self.pick(["", "", "A", "W"])
        if suffix == "A":
            total += 9
        letter = "WABCDEFGHIJKLMNOPQRSTUV"[total % 23]
        return f"{d}{letter}{suffix}"

    def v_passport(self, idx, before, after):
        flav = self.flav
        if flav in ("UK", "US"):
            return self.digits(9, first_nonzero=True) if self.rng.random() < 0.8 else \
                self.pick("ACEGHKLNPRSZ") + self.digits(8)
        if flav == "AU":
            return self.pick(["PA", "PB", "N", "E", "M"]) + self.digits(7)
        return self.letters(2) + self.digits(7 if flav == "IE" else 6)

    def v_licence_number(self, idx, before, after):
        flav = self.flav
        if flav == "UK":
            p = self.person(idx)
            sur = re.sub(r"[^A-Z]", "", ascii_fold(p["last"]).upper())[:5].ljust(5, "9")
            y, m, d = self.dob_parts(idx)
            month = m + 50 if p["gender"] == "f" else m
            ini = re.sub(r"[^A-Z]", "", ascii_fold(p["first"]).upper())[:1] or "A"
            lic = f"{sur}{str(y)[2]}{month:02d}{d:02d}{str(y)[3]}{ini}9{self.digits(1)}{self.letters(2)}"
            return lic if self.rng.random() < 0.7 else f"{lic[:5]} {lic[5:11]} {lic[11:]}"
        if flav == "US":
            return self.pick([self.letters(1) + self.digits(7),
                              f"{self.letters(1)}{self.digits(3)}-{self.digits(4)}-{self.digits(4)}",
                              self.digits(9), f"{self.digits(3)} {self.digits(3)} {self.digits(3)}"])
        if flav == "CA":
            return f"{self.letters(1)}{self.digits(4)}-{self.digits(5)}-{self.digits(5)}"
        if flav == "NZ":
            return self.letters(2) + self.digits(6)
        if flav == "IE":
            return f"{self.digits(3)} {self.digits(3)} {self.digits(3)}"
        return self.digits(self.pick([8, 9]), first_nonzero=True)

    def v_plate(self, idx, before, after):
        flav = self.flav
        if flav == "UK":
            plate = self.fake.license_plate()
            return plate if self.rng.random() < 0.8 else plate.replace(" ", "")
        if flav == "US":
            return self.pick([f"{self.digits(1, True)}{self.letters(3)}{self.digits(3)}",
                              f"{self.letters(3)}-{self.digits(4)}", f"{self.letters(3)} {self.digits(3)}"])
        if flav == "AU":
            return self.pick([f"{self.letters(3)}-{self.digits(3)}",
                              f"{self.digits(1)}{self.letters(2)} {self.digits(1)}{self.letters(2)}",
                              f"{self.letters(2)}-{self.digits(2)}-{self.letters(2)}"])
        if flav == "NZ":
            return f"{self.letters(3)}{self.digits(3)}"
        if flav == "IE":
            county = self.pick(["D", "C", "G", "L", "KY", "WX", "MO", "KE", "WH"])
            return f"{self.rng.randint(151, 242)}-{county}-{self.rng.randint(1, 99999)}"
        return self.pick([f"{self.letters(4)} {self.digits(3)}", f"{self.letters(3)} {self.digits(3)}"])

    def v_vin(self, idx, before, after):
        return self.letters(17, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789")

    def v_account_number(self, idx, before, after):
        flav = self.flav
        if flav in ("UK", "IE"):
            return self.digits(8)
        if flav == "US":
            return self.digits(self.rng.randint(9, 12), first_nonzero=True)
        if flav == "AU":
            return self.digits(self.rng.randint(6, 9), first_nonzero=True)
        if flav == "NZ":
            return f"{self.rng.randint(1, 38):02d}-{self.digits(4)}-{self.digits(7)}-{self.digits(2)}"
        return self.digits(7)

    def v_sort_code(self, idx, before, after):
        return self.pick(["-", "-", " ", ""]).join(self.digits(2) for _ in range(3))

    def v_bsb(self, idx, before, after):
        return f"0{self.digits(2)}-{self.digits(3)}"

    def v_routing_number(self, idx, before, after):
        d = self.digits(8, first_nonzero=True)
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        check = (10 - sum(int(c) * x for c, x in zip(d, w, strict=True)) % 10) % 10
        return d + str(check)

    def v_policy_number(self, idx, before, after):
        return self.pick([f"POL-{self.digits(7)}", f"{self.letters(2)}{self.digits(8)}",
                          f"{self.letters(3)} {self.digits(4)} {self.digits(4)}",
                          f"HX-{self.digits(6)}-{self.letters(1)}"])

    def v_member_number(self, idx, before, after):
        return self.pick([f"M{self.digits(8)}", f"{self.digits(4)} {self.digits(4)} {self.digits(2)}",
                          f"{self.letters(3)}{self.digits(6)}"])

    def v_claim_number(self, idx, before, after):
        return self.pick([f"CLM-{self.digits(6)}", f"C{self.digits(9)}",
                          f"{self.digits(2)}/{self.digits(6)}"])

    def v_customer_number(self, idx, before, after):
        return self.pick([f"CUST-{self.digits(6)}", self.digits(10, first_nonzero=True),
                          f"{self.letters(2)}{self.digits(7)}"])

    def v_employee_id(self, idx, before, after):
        return self.pick([f"E{self.digits(6)}", f"EMP-{self.digits(5)}", self.digits(7, first_nonzero=True)])

    def v_student_id(self, idx, before, after):
        return self.pick([f"S{self.digits(7)}", self.digits(8, first_nonzero=True), f"STU-{self.digits(6)}"])

    def v_booking_ref(self, idx, before, after):
        return self.letters(6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    def v_serial_number(self, idx, before, after):
        return self.pick([f"SN-{self.letters(4, SERIAL_CHARS)}-{self.digits(4)}",
                          f"{self.letters(3)}{self.digits(9)}", f"C02{self.letters(9, SERIAL_CHARS)}"])

    # -- web ----------------------------------------------------------------------------------
    def v_url(self, idx, before, after):
        lp = self.local_part(idx).replace("_", "-")
        domain = self.pick(["example.com", "example.org", "example.net"])
        tail = self.letters(7, string.ascii_letters + string.digits)
        return self.pick([
            f"https://www.{domain}/profile/{lp}", f"https://{domain}/u/{lp}", f"www.{domain}/~{lp}",
            f"https://{lp.replace('.', '')}.{domain}", f"http://{domain}/share/{tail}",
            f"https://{domain}/people/{lp}?ref=share", f"{domain}/{lp}", f"https://photos.{domain}/album/{tail}",
        ])

    def v_ip(self, idx, before, after):
        r = self.rng.random()
        if r < 0.08:
            return f"2001:db8::{self.rng.randint(1, 0xFFFF):x}"
        net = "203.0.113" if r < 0.55 else "198.51.100"
        return f"{net}.{self.rng.randint(1, 254)}"

    # -- dates and ages -----------------------------------------------------------------------
    def v_dob(self, idx, before, after):
        y, m, d = self.dob_parts(idx)
        return self.format_date(y, m, d, birth=True)

    def v_date(self, idx, before, after):
        rng = self.rng
        low = before.lower()
        if low.endswith("since ") and rng.random() < 0.2:
            return self.pick(RELATIVE_PAST)
        if low.endswith(("until ", "by ", "for ", "due ")) and rng.random() < 0.2:
            return self.pick(RELATIVE_FUTURE)
        if low.endswith("on ") and rng.random() < 0.12:
            return self.pick(WEEKDAYS)
        if idx > 1 and self.last_date is not None:  # a second date in the row comes after the first
            day = self.last_date + dt.timedelta(days=rng.randint(1, 60))
        else:
            day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365))
        self.last_date = day
        y, m, d = day.year, day.month, day.day
        if rng.random() < 0.3:
            month = MONTHS[m - 1]
            wd = WEEKDAYS[day.weekday()]
            if self.flav in ("US", "CA"):
                return self.pick([f"{wd}, {month} {d}", f"{month} {d}", f"{wd} {month} {d}"])
            return self.pick([f"{wd} {d} {month}", f"{d} {month}", f"{wd} the {ordinal(d)}",
                              f"the {ordinal(d)} of {month}"])
        return self.format_date(y, m, d, birth=False)

    def v_time(self, idx, before, after):
        rng = self.rng
        if idx > 1 and self.hour is not None:  # a second time in the row comes later than the first
            h = rng.randint(min(self.hour + 1, 21), min(self.hour + 4, 21))
        else:
            h = rng.randint(7, 19)
        self.hour = h
        m = self.pick([0, 0, 15, 30, 45, 10, 20, 40, 50])
        h12 = h - 12 if h > 12 else h
        ampm = "pm" if h >= 12 else "am"
        opts = [f"{h12}:{m:02d}{ampm}", f"{h12}:{m:02d} {ampm.upper()}", f"{h:02d}:{m:02d}"]
        if self.flav in ("UK", "IE", "NZ", "AU"):
            opts.append(f"{h12}.{m:02d}{ampm}")
        if m == 0:
            opts += [f"{h12}{ampm}", f"{h12} o'clock"]
        return self.pick(opts)

    def v_age(self, idx, before, after):
        rng = self.rng
        r = rng.random()
        if self.ages:
            age = rng.randint(*self.ages)
        else:
            low, high = (1, 17) if r < 0.15 else (90, 104) if r < 0.25 else (18, 89)
            age = rng.randint(low, high)
        p = self.person(idx)
        if "dob" in p and "age" not in p:
            y, m, d = p["dob"]
            p["age"] = REFERENCE_DAY.year - y - birthday_to_come(m, d)
        p.setdefault("age", age)
        age = p["age"]
        wordy = (before.endswith(("aged ", "is ", "turns ", "turned ", "just ")) or
                 after.startswith((" years", "-year-old", " year old")))
        if wordy and rng.random() < 0.2:
            return words(age) if age < 100 else str(age)
        return str(age)

    # -- unjudged and filler ------------------------------------------------------------------
    def v_country(self, idx, before, after):
        c = self.pick(COUNTRIES)
        if before == "" or before.endswith(("\n", ". ", ": ")):
            c = c[0].upper() + c[1:]
        return c

    def v_state(self, idx, before, after):
        return self.pick(STATES[self.flav])

    def v_organisation(self, idx, before, after):
        return self.pick(ORGANISATIONS) if self.rng.random() < 0.6 else self.fake.company()

    def v_job(self, idx, before, after):
        return self.pick(JOBS) if self.rng.random() < 0.8 else self.fake.job().split(",")[0].lower()

    def v_nationality(self, idx, before, after):
        return self.pick(NATIONALITIES)

    def v_product_code(self, idx, before, after):
        return self.pick(PRODUCT_CODES)

    def v_public_date(self, idx, before, after):
        return self.pick(PUBLIC_DATES[self.flav])

    def v_year(self, idx, before, after):
        return str(self.rng.randint(1965, 2024))

    def v_amount(self, idx, before, after):
        cur = CURRENCY[self.flav]
        if self.rng.random() < 0.5:
            return f"{cur}{self.rng.randint(5, 2500)}"
        return f"{cur}{self.rng.randint(5, 2500)}.{self.rng.randint(0, 99):02d}"

    def v_flight(self, idx, before, after):
        airline = self.pick(["QF", "NZ", "EI", "BA", "AC", "UA", "VA", "FR", "DL"])
        return f"{airline}{self.rng.randint(1, 999)}"

    def v_version(self, idx, before, after):
        return f"{self.rng.randint(1, 17)}.{self.rng.randint(0, 9)}.{self.rng.randint(0, 20)}"

    def v_percent(self, idx, before, after):
        return f"{self.rng.randint(2, 60)}%"

    def value(self, kind: str, idx: int, before: str, after: str) -> str:
        key = (kind, idx)
        if kind not in ("a",) and key in self.cache:
            return self.cache[key]
        val = getattr(self, "v_" + kind)(idx, before, after)
        if self.lower and kind in NAME_KINDS | {"city", "street", "street_address", "county"}:
            val = val.lower()
        self.cache[key] = val
        return val


def article_for(word: str) -> str:
    if word[:2].isupper() and word[:2].isalpha():  # an acronym is read letter by letter: "an HR manager"
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    w = word.lower()
    if w[:1].isdigit():
        lead = re.match(r"\d+", w).group()
        spoken_vowel = lead.startswith("8") or lead in ("11", "18") or re.fullmatch(r"1[18]\d\d\d?", lead)
        return "an" if spoken_vowel else "a"
    return "an" if w[:1] in "aeio" else "a"


def slot_name(kind: str, idx: int) -> str:
    return kind if idx == 1 else f"{kind}_{idx}"


def fill(template: dict, rng: random.Random, fakers: dict[str, Faker]) -> dict:
    """Fill one template; return text, spans, ignore_spans, slots and the flavour used."""
    flavour = rng.choice(template["flavours"])
    filler = Filler(rng, fakers, flavour, bool(template.get("casual")), template.get("ages"),
                    template.get("gender"))
    parts = parse(template["text"])
    # values first (so {a} can look at the next value), in template order for determinism
    values: list[str | None] = []
    for i, (lit, kind, idx) in enumerate(parts[:-1]):
        before = lit
        after = parts[i + 1][0]
        values.append(None if kind == "a" else filler.value(kind, idx, before, after))
    for i, (_, kind, _) in enumerate(parts[:-1]):
        if kind == "a":
            values[i] = article_for(values[i + 1])
    text, slots = "", []
    for i, (lit, kind, idx) in enumerate(parts[:-1]):
        text += lit
        val = values[i]
        if val and val[0].islower() and (text == "" or text.endswith(("\n", ". ", "! ", "? "))) \
                and kind not in ("email", "url", "handle") and not filler.lower:
            val = val[0].upper() + val[1:]
        slots.append({"slot": slot_name(kind, idx), "kind": kind, "start": len(text),
                      "end": len(text) + len(val)})
        text += val
    text += parts[-1][0]
    spans, ignore = [], []
    for s in slots:
        label = LABELS[s["kind"]]
        if label is None:
            continue
        if label == "IGNORE":
            ignore.append({"start": s["start"], "end": s["end"], "label": s["kind"].upper()})
            continue
        span = {"start": s["start"], "end": s["end"], "label": label}
        if label == "NAME" and spans and spans[-1]["label"] == "NAME" and spans[-1]["end"] + 1 == s["start"] \
                and text[spans[-1]["end"]] == " ":
            spans[-1]["end"] = s["end"]  # "{first_name} {last_name}" is one name
            continue
        if s["kind"] in NAME_KINDS:
            m = TITLE_BEFORE.search(text, 0, s["start"])
            if m:
                span["start"] = m.start()
        spans.append(span)
    return {"text": text, "spans": spans, "ignore_spans": ignore, "slots": slots, "flavour": flavour}


def make_fakers(seed: int) -> dict[str, Faker]:
    fakers = {}
    for i, (flav, loc) in enumerate(FLAVOURS.items()):
        f = Faker(loc)
        f.seed_instance(seed * 1000 + i)
        fakers[flav] = f
    return fakers


def generate(count: int, seed: int = 1, groups: str = "all",
             templates: list[dict] | None = None) -> list[dict]:
    templates = templates if templates is not None else load_templates()
    split = split_groups(templates)
    chosen = [t for t in templates if groups == "all" or split[t["group"]] == groups]
    if not chosen:
        raise ValueError(f"no templates in split {groups!r}")
    rng = random.Random(f"generic-pii:{seed}:{groups}")
    fakers = make_fakers(seed)
    rows = []
    order: list[dict] = []
    for i in range(count):
        if not order:
            order = list(chosen)
            rng.shuffle(order)
        t = order.pop()
        filled = fill(t, rng, fakers)
        rows.append({
            "id": f"gpii-{groups}-s{seed}-{i + 1:05d}",
            "platform": "social",
            "audience": "public",
            "context": "",
            "text": filled["text"],
            "spans": filled["spans"],
            "tone": [],
            "ignore_spans": filled["ignore_spans"],
            "template": t["id"],
            "group": t["group"],
            "register": t["register"],
            "flavour": filled["flavour"],
            "slots": [[s["slot"], s["start"], s["end"]] for s in filled["slots"]],
        })
    return rows


def write_jsonl(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------------
SPAN_LABELS = {"NAME", "LOCATION", "CONTACT", "ID", "WEB", "DATE", "AGE"}


def verify_rows(rows: list[dict], templates: list[dict] | None = None) -> list[str]:
    """Return a list of problems (empty when every row is sound)."""
    templates = templates if templates is not None else load_templates()
    by_id = {t["id"]: t for t in templates}
    errors: list[str] = []
    ids = set()
    for n, row in enumerate(rows, 1):
        rid = row.get("id", f"line {n}")

        def err(msg, rid=rid):
            errors.append(f"{rid}: {msg}")

        if rid in ids:
            err("repeated id")
        ids.add(rid)
        text = row.get("text")
        if not isinstance(text, str) or not text:
            err("no text")
            continue
        for key, want in (("platform", "social"), ("audience", "public"), ("tone", [])):
            if row.get(key) != want:
                err(f"{key} is {row.get(key)!r}, expected {want!r}")
        spans, ignore, slots = row.get("spans", []), row.get("ignore_spans", []), row.get("slots")
        bad = [s for s in spans + ignore
               if not (isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
                       and 0 <= s["start"] < s["end"] <= len(text))]
        if bad:
            err(f"offsets outside the text: {bad}")
            continue
        for s in spans:
            if s.get("label") not in SPAN_LABELS:
                err(f"unexpected label {s.get('label')!r}")
            if text[s["start"]].isspace() or text[s["end"] - 1].isspace():
                err(f"span starts or ends on a space: {text[s['start']:s['end']]!r}")
        ordered = sorted(spans, key=lambda s: s["start"])
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b["start"] < a["end"]:
                err(f"overlapping spans {a} {b}")
        for s in spans:
            for ig in ignore:
                if s["start"] <= ig["end"] and ig["start"] <= s["end"]:
                    err(f"span {text[s['start']:s['end']]!r} touches the ignore span "
                        f"{text[ig['start']:ig['end']]!r}")
        # rebuild the text from the template and the slot values
        t = by_id.get(row.get("template"))
        if t is None:
            err(f"unknown template {row.get('template')!r}")
            continue
        if row.get("group") != t["group"]:
            err("group does not match the template")
        if not isinstance(slots, list):
            err("no slots")
            continue
        parts = parse(t["text"])
        if len(slots) != len(parts) - 1:
            err(f"{len(slots)} slots for {len(parts) - 1} placeholders")
            continue
        try:
            slots = [{"slot": k, "start": int(a), "end": int(b), "value": text[int(a):int(b)]}
                     for k, a, b in slots]
            for slot, (_, kind, _) in zip(slots, parts[:-1], strict=True):
                slot["kind"] = kind
        except (TypeError, ValueError):
            err("slots must be [placeholder, start, end] triples")
            continue
        rebuilt, pos_ok = "", True
        for (lit, kind, idx), slot in zip(parts[:-1], slots, strict=True):
            rebuilt += lit
            if slot["slot"] != slot_name(kind, idx) or slot["start"] != len(rebuilt) or not slot["value"]:
                pos_ok = False
            rebuilt += slot["value"]
        rebuilt += parts[-1][0]
        if not pos_ok or rebuilt != text:
            err("text is not the template filled in with the slot values")
            continue
        # every span is exactly an inserted value (a name may take its title and a following name part)
        expected, expected_ignore = [], []
        for s in slots:
            label = LABELS[s["kind"]]
            if label == "IGNORE":
                expected_ignore.append((s["start"], s["end"]))
            elif label:
                expected.append((s["start"], s["end"], label, s["kind"]))
        covered = set()
        for s in spans:
            inside = [e for e in expected if s["start"] <= e[0] and e[1] <= s["end"]]
            if not inside or any(e[2] != s["label"] for e in inside):
                err(f"span {text[s['start']:s['end']]!r} is not an inserted {s['label']} value")
                continue
            if len(inside) > 1 and not (all(e[3] in NAME_KINDS for e in inside) and all(
                    text[a[1]:b[0]] == " " for a, b in zip(inside, inside[1:], strict=False))):
                err(f"span {text[s['start']:s['end']]!r} joins values that are not one name")
            if s["end"] != inside[-1][1]:
                err(f"span {text[s['start']:s['end']]!r} runs past its value")
            if s["start"] != inside[0][0]:
                head = text[s["start"]:inside[0][0]]
                if not (inside[0][3] in NAME_KINDS and re.fullmatch(TITLE_BEFORE.pattern, head)
                        and (s["start"] == 0 or not text[s["start"] - 1].isalpha())):
                    err(f"span {text[s['start']:s['end']]!r} starts before its value with {head!r}")
            covered.update((e[0], e[1]) for e in inside)
        for e in expected:
            if (e[0], e[1]) not in covered:
                err(f"inserted {e[3]} value {text[e[0]:e[1]]!r} has no span")
        if sorted((i["start"], i["end"]) for i in ignore) != sorted(expected_ignore):
            err("ignore_spans do not match the inserted countries/states/organisations/jobs/nationalities")
    return errors


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def stats(rows: list[dict]) -> dict:
    labels = Counter(s["label"] for r in rows for s in r["spans"])
    return {
        "rows": len(rows),
        "rows_without_spans": sum(not r["spans"] for r in rows),
        "templates": len({r["template"] for r in rows}),
        "groups": len({r["group"] for r in rows}),
        "spans": sum(labels.values()),
        "spans_by_label": dict(sorted(labels.items(), key=lambda kv: -kv[1])),
        "ignore_spans": sum(len(r["ignore_spans"]) for r in rows),
        "flavours": dict(sorted(Counter(r["flavour"] for r in rows).items())),
        "registers": dict(sorted(Counter(r["register"] for r in rows).items())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, help="write generated rows to this JSONL file")
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--groups", choices=["train", "check", "all"], default="all")
    ap.add_argument("--verify", type=Path, help="check a generated file against templates.yaml")
    ap.add_argument("--stats", type=Path, help="print counts for a generated file")
    ap.add_argument("--templates", type=Path, default=TEMPLATES)
    args = ap.parse_args(argv)
    templates = load_templates(args.templates)
    if args.verify:
        rows = read_jsonl(args.verify)
        problems = verify_rows(rows, templates)
        for p in problems[:50]:
            print(p, file=sys.stderr)
        print(f"{args.verify}: {len(rows)} rows, {sum(len(r['spans']) for r in rows)} spans, "
              f"{len(problems)} problems")
        return 1 if problems else 0
    if args.stats:
        print(json.dumps(stats(read_jsonl(args.stats)), indent=2, ensure_ascii=False))
        return 0
    if not args.out:
        ap.error("give --out FILE, --verify FILE or --stats FILE")
    rows = generate(args.count, args.seed, args.groups, templates)
    problems = verify_rows(rows, templates)
    if problems:
        for p in problems[:50]:
            print(p, file=sys.stderr)
        return 1
    write_jsonl(rows, args.out)
    print(f"wrote {len(rows)} rows ({args.groups} groups, seed {args.seed}) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
