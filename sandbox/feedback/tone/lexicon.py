"""Word classes the tone detectors share: medicines, symptoms, clinical jargon, feelings."""

from __future__ import annotations

# Medicines people name in posts (plain lower-case words), plus generic-name endings.
DRUG_NAMES = (
    "ibuprofen", "acetaminophen", "paracetamol", "tylenol", "advil", "motrin", "aleve", "naproxen", "aspirin",
    "benadryl", "diphenhydramine", "zyrtec", "claritin", "allegra", "antihistamine", "antihistamines",
    "dramamine", "oxy",
    "oxys", "oxycodone", "percocet", "vicodin", "norco", "tramadol", "dilaudid", "morphine", "codeine",
    "xanax", "valium", "ativan", "klonopin", "ambien", "melatonin", "plavix", "eliquis", "xarelto",
    "coumadin", "warfarin", "heparin", "lantus", "insulin", "metformin", "ozempic", "wegovy", "amoxicillin",
    "augmentin", "cipro", "keflex", "z-pack", "zpack", "doxy", "bactrim", "antibiotic", "antibiotics",
    "prednisone",
    "steroid", "steroids",
    "miralax", "imodium", "pepto", "zofran", "flexeril", "gabapentin", "lexapro", "zoloft", "prozac",
    "wellbutrin", "adderall", "ritalin", "synthroid", "lasix", "flomax", "albuterol", "inhaler", "epipen",
    "neosporin", "hydrocortisone", "cortisone", "nsaid", "nsaids", "cbd", "tincture", "benzo", "benzos",
    "opioid", "opioids", "sudafed", "vitamin", "vitamins", "magnesium", "zinc", "probiotic", "probiotics",
    "laxative", "laxatives", "mucinex", "nyquil", "dayquil", "tums", "omeprazole", "prilosec",
    "nexium", "pepcid", "viagra", "cialis", "accutane", "retin-a", "tretinoin", "finasteride", "minoxidil",
)
DRUG_ENDINGS = (
    "cillin", "mycin", "floxacin", "cycline", "pril", "sartan", "olol", "statin", "azole", "prazole",
    "dipine", "tidine", "zepam", "zolam", "oxetine", "triptan", "mab", "sulosin", "semide", "thiazide",
    "gliptin", "glitazone", "formin", "profen", "coxib", "codone", "morphone", "lukast", "tadine", "izine",
    "olone", "nisone", "parin", "traline", "xetine", "opram", "faxine", "azepam",
    "xaban", "gatran", "cinolone", "afil", "tropium", "pramine", "triptyline",
)
# Symptoms and body parts a personal diagnosis is about.
SYMPTOMS = (
    "headaches?", "migraines?", "pain", "aches?", "palpitations", "rash", "cough", "fever", "symptoms?",
    "lump", "mole", "bump", "swelling", "bruising", "dizziness", "nausea", "spotting", "bleeding", "sugars?",
    "blood pressure", "bp", "levels?", "knee", "back", "chest", "stomach", "tummy", "throat", "ankle",
    "wrist", "shoulder", "hip", "ears?", "eyes?", "skin", "heart", "breathing", "anxiety", "tear", "cramps?",
    "numbers", "results?", "labs?", "scan", "x-?ray", "mri", "biopsy", "confusion", "infection", "injury",
)
CONDITIONS = (
    "tear", "sprain", "strain", "fracture", "break", "infection", "allerg(?:y|ies)", "virus", "viral", "flu",
    "strep", "uti", "migraine", "reflux", "gerd", "anxiety", "panic attack", "pneumonia", "concussion",
    "dermatitis", "eczema", "shingles", "hernia", "stone", "ulcer", "sciatica", "tendonitis", "bronchitis",
    "sinusitis", "gout", "arthritis", "cyst", "mono", "covid", "tumou?r", "cancer", "caffeine", "stress",
    "dehydration", "cold", "pulled muscle", "ear infection", "pink eye", "ringworm", "impetigo", "cellulitis",
    "scabies", "lice", "thrush", "yeast infection", "hives", "psoriasis", "acne", "rosacea", "sunburn",
    "heat rash", "ibs", "vertigo", "whiplash",
)

# Clinical shorthand patients rarely know: matched case-sensitively as whole tokens.
JARGON_ABBREVIATIONS = (
    "NPO", "SOB", "MI", "CABG", "TKA", "THA", "ROM", "WBAT", "NWB", "DVT", "PE", "CHF", "HTN", "HLD", "CKD",
    "ESRD", "AKI", "URI", "TIA", "CVA", "AF", "AFib", "EF", "HFrEF", "HFpEF", "NYHA", "GDMT", "ARNI", "MRA",
    "SGLT2i", "ICD", "ACEi", "ARB", "CTA", "DWI", "DAPT", "TTE", "TEE", "CTR", "DCM", "RUQ", "LUQ", "RLQ",
    "LLQ", "ULN", "ALT", "AST", "NAFLD", "NASH", "EtOH", "APAP", "NSAID", "NSAIDs", "KUB", "hCG", "TVUS",
    "SAb", "IUP", "VSD", "ASD", "pmVSD", "CPB", "PCI", "DES", "LAD", "pLAD", "LM", "RCA", "LCx", "QCA",
    "IVUS", "DDD", "HCC", "FIB-4", "ELF", "PO", "ROSC", "CIWA", "GCS", "BRBPR", "DOE", "PND", "JVD", "BLE",
    "RRR", "CTAB", "NAD", "PRN", "BID", "TID", "QID", "QHS", "SNF", "MRSA", "CBC", "BMP", "CMP", "LFTs",
    "PTT", "ABG", "BNP", "TSH", "ESR", "CRP", "CXR", "EGD", "ERCP", "MRCP", "TURP", "BPH", "ORIF", "GERD",
    "COPD", "DKA", "PACU", "POD", "ppx", "RW", "TR", "DM2", "T2DM", "AKA", "BKA", "LOC", "N/V", "A&O",
    "HPI", "ROS", "PMH", "ECMO", "ARDS", "PEEP", "CPAP", "BiPAP", "CTPA", "V/Q", "INR", "PT/INR", "PICC",
)
# Lower-case shorthand and clinical words: matched case-insensitively as whole words.
JARGON_TERMS = (
    r"s/p", r"r/o", r"c/o", r"h/o", r"w/o?", r"f/u", r"dz", r"fx", r"hx", r"dx", r"tx", r"sx", r"abx",
    r"pts?",
    r"q\d+h", r"prn", r"qhs", r"bid", r"tid", r"qd", r"po", r"sq", r"bilat", r"idiopathic", r"bilateral",
    r"unilateral", r"etiology", r"hepatocellular", r"transaminitis", r"cardiomegaly", r"arthropathy",
    r"radiculopathy", r"myelopathy", r"foraminal", r"stenosis", r"hemostasis", r"subchorionic", r"infarct",
    r"ischemi[ac]", r"emesis", r"syncope", r"dyspnea", r"tachy(?:cardi[ac])?", r"brady(?:cardi[ac])?",
    r"hypotensive", r"hypertensive", r"edema", r"erythema", r"pruritus", r"febrile", r"afebrile",
    r"ambulat\w+",
    r"mobilization", r"contralateral", r"ipsilateral", r"prophylaxis", r"sequelae", r"comorbid\w*",
    r"stratification", r"echogenic", r"hypodense", r"fibrosis", r"shunt", r"intubated", r"extubated",
    r"titrat\w+", r"contraindicated", r"nephrolithiasis", r"cholelithiasis", r"cholecystitis",
    r"degenerative",
    r"aspiration", r"induction", r"preop", r"postop", r"nil per os", r"correlate clinically", r"hemorrhage",
    r"ectopic", r"surveillance", r"valvular", r"positional artifact", r"functional limitation",
    r"anastomotic",
    r"hemodynamic\w*", r"perfusion", r"auscultation", r"palpation", r"benign", r"malignan\w+", r"metasta\w+",
    r"thrombo\w+", r"embol\w+", r"stent", r"lesions?", r"nodules?", r"opacit(?:y|ies)", r"infiltrates?",
    r"effusions?", r"consolidation", r"unremarkable", r"incidental\w*", r"ejection fraction", r"quant",
    r"neuro deficit", r"risk strat\w*",
)
# Abbreviations everyone knows: never counted as jargon by the unknown-abbreviation guess.
COMMON_ABBREVIATIONS = frozenset((
    "US", "USA", "UK", "OK", "ER", "ED", "ICU", "NICU", "PICU", "CCU", "RN", "LPN", "NP", "MD", "DO", "DDS",
    "PA", "CNA", "EMS", "EMT", "COVID", "CDC", "FDA", "HIPAA", "PGY", "PSA", "TBT", "DM", "AM", "PM", "LOL",
    "OMG", "ASAP", "TV", "CT", "MRI", "IV", "HR", "IT", "VPN", "NCLEX", "ACLS", "BLS", "QI", "PT", "OR", "OB",
    "GYN", "OBGYN", "ENT", "CPR", "EKG", "ECG", "ADHD", "ALS", "HIV", "AIDS", "STD", "STI", "UTI", "BP",
    "BMI", "SIDS", "CEO", "DMs", "DM", "FYI", "BTW", "IMO", "TBH", "PSA", "RSV", "MS", "MD", "PhD", "GP",
    "ASL", "CBD", "SMS", "URL", "AI", "NHS", "VA", "ID", "DNR", "EST", "PST", "CST", "MST", "UTC", "ACL",
    "MCL", "PTSD", "OCD", "CPAP", "NYC", "LA", "DC", "ALL", "AND", "THE", "YOU", "NOT", "NO", "SO", "MY",
    "OMG", "WTF", "THANK", "PLEASE", "LOVE", "HUGE", "STOP", "BEFORE", "ONE", "TWO", "NOW", "WE", "ARE",
    "SOS", "ASD", "NA", "RIP", "IG", "FB", "OT", "SLP", "CMA", "MA", "PCP", "APRN", "DNP", "FNP", "CRNA",
))

# "hard" and "difficult" are feelings unless they describe a task ("hard to catch").
_HARD = r"(?:hard|difficult)(?! to (?!hear|watch|see|take|accept|process|lose|deal|know))(?! work)"
# Words for how a person feels or what they went through.
FEELINGS = (
    r"frustrat\w*", r"stress\w*", r"worr\w*", r"scar(?:y|ed|ing)", r"frighten\w*", r"afraid", r"anxious",
    r"nervous", _HARD, r"painful", r"devastat\w*", r"upset\w*", r"overwhelm\w*",
    r"exhaust\w*", r"hopeless\w*", r"alone", r"embarrass\w*", r"heartbr\w+", r"heavy", r"miserable",
    r"awful", r"terrible", r"distress\w*", r"unheard", r"judged", r"humiliat\w*", r"griev\w*", r"grief",
    r"loss", r"lonely", r"confus\w*", r"disappoint\w*", r"uncomfortable", r"unacceptable", r"not okay",
    r"not ok", r"too long", r"rushed", r"dismissed", r"ignored", r"angry", r"sad", r"sadness", r"fear\w*",
    r"discouraging", r"draining", r"tough", r"rough", r"a lot to (?:take in|carry|handle|deal with)",
    r"pain", r"hurt\w*", r"helpless", r"unfair", r"shock\w*", r"sorrow",
)


def alternation(words: tuple[str, ...]) -> str:
    """Join regex word pieces into one non-capturing alternation, longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"
