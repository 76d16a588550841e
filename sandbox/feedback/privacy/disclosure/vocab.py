"""Word lists for the disclosure detectors: clinical terms, care words, fame and rare-event cues.

Terms are grouped by kind and compiled once into alternations. "Strong" clinical terms are health
information on their own (a diagnosis, a drug, a procedure); "weak" ones (pain, treatment, results)
only count when something ties them to a person, such as "your" or "that".
"""

from __future__ import annotations

import re

from ...caseless import caseless


def _terms(block: str) -> list[str]:
    """Split a comma- or newline-separated block into cleaned terms."""
    return [t.strip() for t in re.split(r"[,\n]", block) if t.strip()]


CONDITIONS = _terms("""
    diabetes, type 1, type 2, prediabetes, dka, ketoacidosis, hypoglycemia, hyperglycemia,
    hypertension, high blood pressure, heart attack, heart failure, cardiac arrest, arrhythmia,
    atrial fibrillation, afib, cardiomyopathy, cardiomegaly, angina, stroke, aneurysm, embolism,
    blood clot, clot, dvt, thrombosis, cancer, tumor, tumour, leukemia, lymphoma, melanoma, carcinoma,
    sarcoma, metastasis, metastases, mass, lesion, cyst, lipoma, fibroadenoma, polyp, malignancy,
    recurrence, remission, relapse, copd, copd flare, asthma, asthma attack, pneumonia, bronchitis,
    emphysema, tuberculosis, cystic fibrosis, sepsis, septic shock, septic, infection, abscess,
    cellulitis, ulcer, gangrene, gangrenous, strep, strep throat, covid, long covid, influenza,
    shingles, hepatitis, cirrhosis, fatty liver, pancreatitis, appendicitis, gallstones, kidney stone,
    kidney failure, renal failure, dialysis, uti, urinary tract infection, std, sti, hiv, aids, herpes,
    chlamydia, gonorrhea, syphilis, hpv, dengue, malaria, measles, mumps, leprosy, lyme disease,
    c. diff, c.diff, mrsa, crohn's, colitis, ibs, celiac, gerd, reflux, hernia, arthritis,
    osteoporosis, osteoarthritis, lupus, fibromyalgia, gout, multiple sclerosis, relapsing ms,
    parkinson's, alzheimer's, dementia, epilepsy, seizure, seizures, migraine, migraines, concussion,
    tbi, als, huntington's, progeria, cerebral palsy, autism, down syndrome, adhd, ptsd, ocd,
    depression, depressed, anxiety, panic attack, panic attacks, bipolar, schizophrenia, psychosis,
    eating disorder, anorexia, bulimia, suicidal, suicide attempt, self-harm, hopeless, delirium,
    addiction, overdose, overdosed, alcoholism, withdrawal, intoxicated, drunk, sober, relapse,
    allergy, allergies, allergic, anaphylaxis, hives, rash, eczema, psoriasis, plaque psoriasis,
    melasma, acne, dermatitis, contact dermatitis, erythema multiforme, anemia, sickle cell,
    hemophilia, obesity, morbid obesity, preeclampsia, gestational diabetes, miscarriage, stillbirth,
    ectopic, hyperemesis, infertility, endometriosis, pcos, sids, botulism, meningitis, encephalitis,
    hydrocephalus, normal pressure hydrocephalus, fracture, fractured, broken, torn, tear, sprain,
    sprained, dislocated, dislocation, laceration, lac, fx, bleed, bleeding, hemorrhage, bone loss,
    pockets, cavity, cavities, gum disease, periodontitis, adhesions, jaundice, fibrosis, vsd, pmvsd,
    intussusception, dissection, scad, coronary artery dissection, impaction, eoe,
    eosinophilic esophagitis, anastomotic leak, leak, hydatid cyst, anaphylactic, palpitations,
    degenerative changes, disc herniation, sciatica, spinal stenosis, incontinence, dehydration,
    dehydrated, hypothermia, frostbite, burn, burns, blind, deaf, paralyzed, paralysed, amputee,
    amputation, terminal, hospice, critical condition, fall risk, dnr, code status, npo, isolation,
    on a vent, intubated, extubated, coding, coded, rosc, died, passed away, passed, death, dead,
    didn't make it, stillborn, sugars, blood sugar, rotator cuff, meniscus, acl, mcl,
    rotator cuff tear, meniscus tear, stone, recovery, collapsed, passed out, fainted, chest tube,
    post-op, postop, s/p, whipple, sinus infection, ear infection, broken wrist, broken arm, broken leg,
    broken hip, hip fracture, frequent flyer, appendix, ruptured appendix, burst appendix, diplopia,
    facial droop, droop, slurred speech, hypotensive, hypertensive, tachycardic, bradycardic, hypoxic,
    febrile, unresponsive, desatting, desatted, tanked, crashed, seizing, seized, dying, withdrawing,
    detoxing, shaking, the shakes, sweats, agitated, agitation, combative, delirious, hallucinating,
    seeing things, not eating, stopped eating, refusing food, refusing to eat, won't eat, eating again,
    final days, last days, end of life, bite, dog bite, fall, falls, sugar, sugar levels, high sugar,
    low sugar, poisoning, alcohol poisoning, food poisoning, carbon monoxide poisoning, collapse,
    swallowed a battery, foreign body, diagnosis, prognosis, miscarried, bleeding out, hearing voices,
    paranoid, manic, mania,
    catatonic, on life support, life support, in a coma, coma, brain dead, fighting for his life,
    fighting for her life, fighting for their life, lost the baby, waters broke, went into labour,
    went into labor, took a turn, touch and go, pulled through, critical but stable, on the mend,
    went downhill, in a bad way, not doing well, under the weather, bun in the oven, rare disease,
    rare condition, rare disorder, genetic disorder, blood disorder, syndrome,
    disorder, fell off, fell from, fell down, fell over, had a fall, diabetic, asthmatic, epileptic,
    schizophrenic, anorexic, bulimic, alcoholic, addict,
    psychotic, overdoser, vertigo, tinnitus, kidney infection, chest infection, pink eye, nosebleed,
    nosebleeds, stye, cold sore, warts, verruca, athlete's foot, thrush, yeast infection, piles,
    haemorrhoids, hemorrhoids, varicose veins, bunion, ingrown toenail, heartburn, indigestion, colic,
    croup, glue ear, heat stroke, sunburn, whiplash, lump, nodule, growth, pressures, swallow test,
    swallow study, blood alcohol level, numbness, tingling, suicidal thoughts, self harming,
    cutting herself, cutting himself, overdosing
""")

PROCEDURES = _terms("""
    surgery, operation, appendectomy, tonsillectomy, cholecystectomy, lap chole, hysterectomy,
    mastectomy, lumpectomy, vasectomy, c-section, cesarean, caesarean, hip replacement,
    knee replacement, joint replacement, tka, tha, fusion, spinal fusion, laminectomy, knee scope,
    arthroscopy, scope, cabg, bypass, stent, angioplasty, pci, cath, catheterization, pacemaker,
    defibrillator, icd, ablation, transplant, amputation, biopsy, colonoscopy, endoscopy, chemo,
    chemotherapy, radiation, immunotherapy, infusion, transfusion, intubation, ventilator, ecmo,
    trach, tracheostomy, vent, shunt, shunted, cast, stitches, sutures, root canal,
    crown, filling, fillings, extraction, implant, implants, sealants, veneers, scaling and root planing,
    repair, tendon repair, hernia repair, reconstruction, deep cleaning, cleaning, wound care, wound
    vac, physical therapy, pt sessions, cardiac rehab, rehab,
    detox, induction, epidural, circumcision, readmission, admission, discharge,
    psychiatry follow-up, treatment, laparoscopic, laparoscopy, suicide attempts, attempts, therapy,
    counseling, ciwa, hospice care, palliative care, ivf, foley, catheter,
    restraints, feeding tube, g-tube, ng tube, picc, picc line, central line, colostomy, ostomy bag,
    bipap, cpap, extubating, extubation, d&c, d and c, tkr, thr, thrombolysis, thrombolysed, tpa,
    coiled, coiling, pinned, plated, stitched up, dressing, dressings, dressing change, jab, jabs,
    booster, b12, b12 jab, flu jab, spacer, auto-injector, autoinjector, epi-pen, egg retrieval,
    embryo transfer, nebs, neb, nebuliser treatment, puffer, puffers, sleeping pills, water tablets,
    blood pressure tablets, op, the op, sectioned, cannula, cannulas, iv line, lines, braces, retainer,
    invisalign, aligners, hearing aid, hearing aids, dentures, crutches, walker, wheelchair, sling,
    moon boot, knee brace, back brace, insulin pump, cgm, glucose monitor, detained, nebuliser, nebulizer,
    ventilated
""")

TESTS = _terms("""
    gcs, spo2, o2 sat, pulse ox, glasgow coma scale, heart rate, resp rate,
    x-ray, x-rays, xray, xrays, mri, ct, ct scan, cat scan, pet scan, ultrasound, echo, echocardiogram,
    ecg, ekg, eeg, mammogram, pap, pap smear, biopsy results, blood work, bloodwork, labs, lab results,
    blood test, blood tests, bloods, tests, test results, swab, smear,
    a1c, hba1c, inr, troponin, troponins, cholesterol, ldl, psa level, alt, ast, bmi, urine culture,
    culture, rapid strep, strep test, covid test, pregnancy test, hcg, glucose, bg, blood pressure,
    bp, ef, ejection fraction, nyha, sats, oxygen, o2 sats, bal, blood alcohol, lithium level, level,
    pathology report, pathology, scan, allergy testing, fibroscan, kpa, platelets, white count,
    potassium, sodium, creatinine, hemoglobin, tox screen, drug screen, spirometry, results
""")

DRUGS = _terms("""
    insulin, lantus, metformin, ozempic, semaglutide, statin, statins, atorvastatin, lipitor,
    lisinopril, amlodipine, losartan, metoprolol, warfarin, coumadin, heparin, heparin drip, eliquis,
    apixaban, xarelto, plavix, clopidogrel, aspirin, oxycodone, oxy, percocet, vicodin, hydrocodone,
    morphine, dilaudid, hydromorphone, fentanyl, methadone, suboxone, buprenorphine, naloxone,
    narcan, tramadol, gabapentin, xanax, alprazolam, ativan, lorazepam, klonopin, valium,
    benzodiazepine, benzos, adderall, ritalin, vyvanse, zoloft, sertraline, prozac, fluoxetine,
    lexapro, wellbutrin, lithium, seroquel, abilify, antidepressant, antidepressants, antipsychotic,
    amoxicillin, augmentin, azithromycin, z-pack, cipro, ciprofloxacin, doxycycline, keflex,
    antibiotics, antibiotic, prednisone, steroids, steroid, triamcinolone, cortisone, albuterol,
    inhaler, epipen, zyrtec, cetirizine, benadryl, methotrexate, mtx, adalimumab, humira,
    ocrelizumab, accutane, isotretinoin, birth control, the pill, plan b, prep, tamsulosin,
    levothyroxine, synthroid, testosterone, estrogen, hormone therapy, gadolinium, contrast,
    anticholinergic, ssri, blood thinner, blood thinners, painkillers, pain meds, opioids, opioid,
    benign, malignant, chemo drugs, vaccine, vaccines, vaccination, shots, flu shot, dtap, mmr,
    polio, chickenpox,
    tetanus, rhogam, oxygen therapy, home oxygen, meds, medication, medications, prescription,
    refill, dose, injection, injections, cortisone shot, steroid shot, iv, drip, paracetamol,
    acetaminophen, tylenol, ibuprofen, advil, motrin, nurofen, naproxen, co-codamol, codeine, diazepam,
    sertraline, citalopram, mirtazapine, quetiapine, olanzapine, risperidone, clozapine, haloperidol,
    melatonin, omeprazole, ventolin, salbutamol, amitriptyline, pregabalin, ketamine, propofol
""")

PREGNANCY = _terms("""
    pregnant, pregnancy, expecting, labor, labour, in labor, delivery, delivered, gave birth, newborn,
    baby girl, baby boy, new baby, twins, triplets, premature, preemie, nicu, weeks pregnant, postpartum,
    postpartum depression, breastfeeding, trimester
""")

SYMPTOMS = _terms("""
    chest pain, headache, headaches, fever, cough, shortness of breath, dizziness, dizzy, nausea,
    vomiting, diarrhea, constipation, fatigue, numbness, weakness, swelling, bruising, spotting,
    confusion, forgetfulness, memory loss, hallucinations, back pain, abdominal pain, stomach pain,
    pain, bloating, insomnia, new-onset, weight loss, wt loss, 10/10 back pain, hip pain, knee pain,
    sore throat, runny nose, stubbed toe, scar, mole, limp, tremor
""")

BODY_PARTS = _terms("""
    eyelid, eyebrow, ear, nose, lip, tongue, throat, chest, belly, stomach, abdomen, groin, thigh, calf,
    heel, thumb, scalp, cheek, chin, buttock, hand, palm, toenail, fingernail, nail, nails, molar, tonsils,
    spleen, bowel, bowels, womb, cervix, testicle, eye socket,
    ankle, knee, hip, wrist, elbow, shoulder, back, neck, spine, forehead, jaw, tooth, teeth, gums,
    ankle sprain, eye, arm, leg, foot, hand, finger, fingers, toe, rib, ribs, pelvis, skull, heart,
    lungs, liver, kidney, kidneys, gallbladder, colon, bladder, prostate, uterus, ovaries, breast
""")

# Terms that are too generic to mean health information about someone without a tie to them.
WEAK = set(
    _terms("""
    pain, fever, cough, treatment, surgery, operation, results, level, culture, scan, labs, meds,
    medication, medications, prescription, refill, dose, vaccine, vaccines, shots, cleaning, filling,
    fillings, crown, implant, implants, follow-up, attempts, repair, reconstruction, injection,
    injections,
    iv, drip, therapy, counseling, admission, discharge, rehab,
    passed, dead, death, died, expecting, delivery, delivered, labor, labour, contrast, oxygen, echo,
    cast, scope, vent, isolation, coding, coded, tear, torn, broken, mass, level, bleeding, bleed,
    leak, burn, burns, blind, deaf, sober, drunk, terminal, fusion, induction, bypass, crown,
    swelling, weakness, fatigue, confusion, dizziness, nausea, infection, clot, echo, twins, pap,
    the pill, prep, baby girl, baby boy, newborn, nicu, sugars, alt, ast, ef, bp, bg, bal, ct, scar,
    mole, limp, ulcer, hives, rash, acne, allergy, allergies, allergic, stroke, headache, headaches,
    insomnia, bloating, sore throat, runny nose, spotting, anxiety, depression, depressed, hopeless,
    relapse, remission, recurrence, stone, recovery, post-op, postop, s/p, lesion, cyst, polyp,
    pockets, cavity, cavities, withdrawal, flu shot, bite, fall, falls, sugar, sugar levels, diagnosis,
    prognosis, dying, final days, last days, dressing, dressings, jab, jabs, booster, spacer, pinned,
    plated, coiled, coiling, seized, shaking, sweats, agitated, agitation, not eating, stopped eating,
    eating again, won't eat, braces, retainer, crutches, walker, wheelchair, sling, boot, brace, glasses,
    crashed, tanked, droop, manic, paranoid, detained,
    sectioned, on the mend, went downhill, in a bad way, not doing well, under the weather, disorder,
    fell off, fell from, fell down, fell over, had a fall, lump, growth, pressures,
    tingling, nebs, neb, new-onset, end of life, tests, bloods, swab,
    op, the op, poisoning, collapse, new baby, or,
    fast, wle, slnb
""")
)

# Acronyms that must match in capitals ("MS", "ALS", "CT" but not "ms." or "als").
ACRONYMS = _terms("""
    MI, ALS, MS, COPD, CHF, DKA, UTI, STD, STI, HIV, AIDS, CT, MRI, ECG, EKG, EEG, INR, BP, DVT, PE,
    CABG, PCI, TKA, THA, ACL, MCL, TIA, CVA, SIDS, DNR, NPO, CIWA, ECMO, ADHD, PTSD, OCD, IBS, GERD,
    HFrEF, EF, AF, ROSC, TBI, SCAD, EoE, HCC, NAFLD, ALT, AST, RSV, BAL, NYHA, BG, OD, SAb, TVUS, POTS,
    WLE, SLNB, FAST, OR, ITU, HDU, BAC
""")
# Acronyms that are also English words or too short to match in lower case.
CASE_SENSITIVE = {
    "mi",
    "als",
    "ms",
    "pe",
    "ef",
    "af",
    "od",
    "bp",
    "bg",
    "ct",
    "alt",
    "ast",
    "bal",
    "eoe",
    "hcc",
    "sab",
    "pt",
    "tia",
    "ocd",
    "ibs",
    "sti",
    "aids",
    "pots",
    "bac",
    "wle",
    "slnb",
    "fast",
    "or",
    "itu",
    "hdu",
}


def _alternation(terms: list[str]) -> str:
    """Compile terms into one prefix-tree regex (fast to match) that tolerates spaces and hyphens."""
    trie: dict = {}
    for term in {t.lower() for t in terms}:
        node = trie
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    """Turn one prefix-tree node into a regex; a word that may end here makes the rest optional."""
    branches = [_char_regex(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _char_regex(char: str) -> str:
    if char == " ":
        return r"[\s-]+"
    if char == "-":
        return r"[\s-]?"
    return re.escape(char)


_WORD_TERMS = [
    t
    for t in CONDITIONS + PROCEDURES + TESTS + DRUGS + PREGNANCY + SYMPTOMS + ACRONYMS
    if t.lower() not in CASE_SENSITIVE
]
# Word endings that name conditions and operations: appendicitis, glioma, colectomy, angioplasty...
_NOT_MEDICAL_ENDINGS = (
    "diploma|diplomas|aroma|aromas|academia|empathy|sympathy|apathy|telepathy|antipathy|diagnosis|"
    "prognosis|"
    "osmosis|hypnosis|symbiosis|oklahoma|tacoma|sonoma|paranoia|stigmatisation|stigmatization|utopia|"
    "dystopia|ethiopia|cornucopia"
)
_MEDICAL_ENDING = (
    rf"(?!(?:{_NOT_MEDICAL_ENDINGS})\b)[a-z]{{3,}}(?:ectomy|otomy|ostomy|plasty|itis|omas?|emia|aemia|opathy|"
    rf"osis|algia|plegia|oscopy|opia)"
)
CLINICAL_TERM_RE = caseless(
    rf"(?<![\w@#])(?!(?:acls|pals|bls)\b)(?:{_alternation(_WORD_TERMS)}|{_MEDICAL_ENDING})(?:e?s)?(?![\w])",
)
ACRONYM_RE = re.compile(
    rf"(?<![\w@#])(?:{'|'.join(re.escape(a) for a in ACRONYMS if a.lower() in CASE_SENSITIVE)})s?(?![\w])"
)
BODY_PART_RE = caseless(rf"(?<![\w@#])(?:{_alternation(BODY_PARTS)})s?(?![\w])")
