"""The guidance each finding rests on, cited by short stable keys."""

SOURCES = {
    "hipaa.names": "HIPAA Privacy Rule, Safe Harbor de-identification, 45 CFR 164.514(b)(2)(i)(A): names",
    "hipaa.geography": "HIPAA Safe Harbor 164.514(b)(2)(i)(B): geographic subdivisions smaller than a state",
    "hipaa.dates": "HIPAA Safe Harbor 164.514(b)(2)(i)(C): all elements of dates (except year) related "
    "to an individual",
    "hipaa.ages": "HIPAA Safe Harbor 164.514(b)(2)(i)(C): ages over 89 and their dates must be "
    "aggregated as 90 or older",
    "hipaa.contact": "HIPAA Safe Harbor 164.514(b)(2)(i)(D)-(F): telephone numbers, fax numbers, "
    "email addresses",
    "hipaa.numbers": "HIPAA Safe Harbor 164.514(b)(2)(i)(G)-(M): SSN, medical record, health plan, account, "
    "licence, vehicle and device numbers",
    "hipaa.web": "HIPAA Safe Harbor 164.514(b)(2)(i)(N)-(O): web URLs and IP addresses",
    "hipaa.unique": "HIPAA Safe Harbor 164.514(b)(2)(i)(R): any other unique identifying characteristic",
    "hipaa.phi": "HIPAA Privacy Rule, 45 CFR 164.502: health information about an identifiable person is PHI",
    "ocr.reviews": "HHS OCR enforcement (e.g. dental and other practices fined for review replies that "
    "disclosed patient information): never confirm someone is a patient",
    "acp_fsmb": "ACP/FSMB policy statement on online medical professionalism (2013)",
    "ama.2.3.2": "AMA Code of Medical Ethics Opinion 2.3.2, Professionalism in the use of social media",
    "ncsbn": "NCSBN, A Nurse's Guide to the Use of Social Media",
    "ftc.endorsements": "FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising, "
    "16 CFR 255",
    "plain_language": "CDC Clear Communication Index and health-literacy guidance: write for a "
    "general audience",
    "scenario.facts": "Scenario facts: this detail belongs to the synthetic patient in this scenario",
}


def cite(key: str) -> str:
    """Return the citation text for a source key."""
    return SOURCES[key]
