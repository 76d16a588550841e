"""Does the draft confirm care or repeat a health detail? A cheap cue that gates weak name and handle hits."""

from __future__ import annotations

from ...caseless import caseless

_CLINICAL_TERMS = (
    r"cancer|tumou?r|chemo\w*|radiation|oncolog\w*|leukemia|lymphoma|melanoma|carcinoma|metasta\w+|"
    r"anemia|bacteremia|hyperkalemia|hypoglycemia|recurrence|remission|diabet\w+|dka|insulin|a1c|"
    r"sugars?|asthma|inhaler|copd|pneumonia|sepsis|septic|stroke|tia|heart attack|cardiac|mi|arrest|"
    r"afib|chf|bp|blood pressure|cholesterol|fracture[ds]?|fx|broken|sprain\w*|tear|torn|acl|mcl|"
    r"meniscus|rotator cuff|concussion|seizures?|epilep\w+|dementia|alzheimer\w*|confusion|delirium|"
    r"depress\w+|anxiety|panic|bipolar|schizo\w+|psychosis|psychiatr\w+|suicid\w+|overdose|addict\w+|"
    r"sober|sobriety|relapse|withdrawal|detox|drunk|intoxicated|etoh|hiv|aids|hepatitis|std|sti|"
    r"chlamydia|herpes|pregnan\w+|miscarr\w+|labou?r|c-section|ivf|infertil\w+|als|autism|adhd|"
    r"allerg\w+|rash|infection|uti|flu|covid|strep|fever|migraine|headache|bleed\w*|hemorrhage|clot|"
    r"dvt|embolism|aneurysm|hernia|gallbladder|appendi\w+|kidney|stones?|ulcer|wound|burns?|scar|"
    r"injur\w+|mole|lump|biopsy|benign|malignant|diagnos\w+|dx|prognosis|terminal|hospice|palliative|"
    r"dnr|npo|nicu|icu|picu|ccu|(?-i:ER|ED)|emergency room|urgent care|ecmo|ventilator|intubated|"
    r"extubated|transplant|amputat\w+|surgery|surgical|operation|procedure|mri|ct|x-?rays?|ecg|ekg|"
    r"echo|labs|blood work|results|scans?|dialysis|rehab|pt sessions|physical therapy|prescription|"
    r"refill|meds|medication|dose|antibiotics?|steroids?|shots|vaccin\w+|stitches|cast|sling|crutches|"
    r"oxygen|o2|sats|pump|stent|pacemaker|fusion|implant|crown|filling|root canal|sealants?|cavity|"
    r"cavities|gums|cleaning|braces|acne|eczema|psoriasis|dermatitis|melasma|botox|filler|vasectomy|"
    r"hysterectomy|mastectomy|colonoscopy|endoscopy|scope|ostomy|catheter|iv|drip|hyperemesis|"
    r"postpartum|transfusion|mammogram|ultrasound|pap smear|eeg|bloodwork|blood work|replacement|"
    r"recovery|preemie|premature|jaundice|nausea|vomiting|dehydrat\w+|pain|pathology|treatment|chole|"
    r"appy|cabg|tka|tha|orif|lap|inr|ciwa|isolation|fall risk|post-?op|pod\d+"
)
# Care words that confirm care for the whole draft but are too common to mark a sentence as about a person.
_CARE_WORDS = (
    r"naloxone|narcan|epi-?pen|auto-?injector|jab|physio|bloods|obs|a&e|resus|tkr|thr|gave birth|"
    r"birth|born|newborn|twins|stillborn|extubat\w+|vent|cannula|dressing|wound vac|platelets|sats|smear|"
    r"mastitis|colic|croup|bronchiolitis|rsv|measles|chickenpox|shingles|gout|arthritis|osteo\w+|"
    r"ambulance|paramedics?|999|911|passed away|your loss|condolences|rip"
)
_CARE_WORDS_RE = caseless(rf"\b(?:{_CARE_WORDS})\b")
# "your left shoulder", "her sugars", "his notes": a body part or record tied to a person.
_BODY_RE = caseless(
    r"\b(?:your|his|her|their)\s+(?:left\s+|right\s+|sore\s+|bad\s+|new\s+)?(?:knee|hip|shoulder|back|"
    r"neck|ankle|wrist|hand|foot|feet|leg|arm|eye|ear|heart|lungs?|liver|kidneys?|gums|teeth|tooth|skin|"
    r"chest|stomach|belly|head|spine|bladder|bowel|breast|prostate|sugars?|bp|wound|stitches|notes|chart|"
    r"tablets|pills|inhaler|fall|bump|bleeding|temperature|temp|obs|weight|bloods)\b",
)
CLINICAL_RE = caseless(
    rf"\b(?:{_CLINICAL_TERMS})\b|\B(?:ectomy|otomy|ostomy|plasty|oscopy|itis|cillin|mycin|floxacin|"
    r"pril|sartan|olol|statin|prazole|mab|codone|morphone|azepam|dipine|sulosin|trexate|cetirizine)\b",
)
RELATIONSHIP_RE = caseless(
    r"\b(?:i remember|remember (?:you|him|her)|(?:my|our) patient(?!s|\s+(?:relations|portal|experience|"
    r"advocate|safety|services|education|care|line|navigator|access|satisfaction|liaison|coordinator))|"
    r"(?:took|take|taking) care of|"
    r"cared for|caring for|care for (?:you|him|her)|was (?:your|his|her) (?:nurse|doctor|surgeon|therapist|"
    r"dentist|midwife|provider)|on our (?:unit|floor|ward)|in (?:our|the) (?:clinic|office|icu|nicu|ed|er)|"
    r"we (?:saw|treated|admitted|discharged|delivered|swabbed|checked|operated|reviewed|cared)|"
    r"operat(?:ed|ing) on|per our records|our records|the chart|outside (?:of )?clinic|"
    r"your (?:visit|appointment|surgery|scan|results?|biopsy|test|labs|prescription|refill|procedure|"
    r"treatment|delivery|admission|stay|session|x-?rays?|mri|ct|son|daughter|mom|mother|dad|father|wife|"
    r"husband|baby|child|grandmother|grandfather)|(?:his|her) (?:room|bed|chart|surgery|diagnosis|"
    r"treatment|recovery|care)|(?:came|come|went|rolled|walked) in(?:to)? (?:the |our )?"
    r"(?:er|ed|clinic|office|hospital|urgent care)|"
    r"(?:am|were) (?:your|his|her) (?:nurse|doctor|surgeon|therapist|dentist)|"
    r"so proud of (?:you|him|her)|you were on|your (?:\w+ )?(?:baby|twins|little one|newborn)|(?:her|his|"
    r"their|your|the) new baby|"
    r"(?:be|been|being) (?:your|his|her) (?:nurse|midwife|doctor|surgeon|therapist|dentist|physio|carer|"
    r"paramedic|hygienist)|your (?:mum|nan|gran|"
    r"nana|grandad|granddad|partner|"
    r"husband's|wife's|mum's|dad's|last|next) \w*|(?:in|on) my (?:chair|shift|list|caseload|ward)|"
    r"one of (?:my|our) (?:patients|residents|regulars)|we (?:scraped|picked up|transported|resuscitated|"
    r"revived|intubated|shocked|brought)|(?:came|comes|come) in (?:with|for|after|yesterday|today|last)|"
    r"(?:glad|happy) (?:you're|you are) (?:home|back|here|ok|okay|doing|feeling|recovering))\b",
)


def confirms_care(text: str) -> bool:
    """True when the draft repeats a health detail or confirms a care relationship."""
    return bool(
        CLINICAL_RE.search(text)
        or RELATIONSHIP_RE.search(text)
        or _BODY_RE.search(text)
        or _CARE_WORDS_RE.search(text)
    )
