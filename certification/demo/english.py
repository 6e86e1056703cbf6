"""English texts of the demonstration reference data, by code.

The Spanish data lives in ``standards.py`` and ``frameworks.py``; this module
gives each standard, unit, criterion, evidence requirement, program and
framework its English twin (the ``*_en`` fields), applied after the Spanish
rows are seeded. A code missing here keeps its Spanish text on English pages.
"""

# ruff: noqa: E501

from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    EvidenceRequirement,
    FrameworkLevel,
    OccupationalStandard,
    PerformanceCriterion,
    QualificationFramework,
)

DEMO_LABEL_EN = "DEMONSTRATION — not official"
DEMO_NOTE_EN = (
    "Demonstration standard written to show the platform. It is not an "
    "official profile, norm or standard and does not qualify anyone to work "
    "or to certify."
)

# Standard code -> English title (the demo label is prefixed as in Spanish).
STANDARDS_EN = {
    "DEMO-CL-EDI-01": "Independent publishing producer",
    "DEMO-CO-SON-01": "Live sound technician",
    "DEMO-MX-ESC-01": "Stage technician and touring stage manager",
    "DEMO-PE-LUT-01": "Maker of traditional musical instruments (Andean lutherie)",
    "DEMO-PE-EDI-01": "Independent publishing assistant",
}

# Unit code -> (title, [criteria in order], [evidence requirements in order]).
UNITS_EN = {
    "UCL-EDI-1": (
        "Plan the editorial production of a title",
        [
            "Defines the editorial stages of the title with owners and deadlines.",
            "Estimates the production budget taking print run and format into account.",
            "Records the plan in a calendar shared with the team.",
        ],
        [
            "Production plan for a title with schedule and budget.",
            "Stages of the publishing process and how they depend on each other.",
        ],
    ),
    "UCL-EDI-2": (
        "Manage the ISBN, legal deposit and metadata",
        [
            "Applies for the ISBN to the national agency with complete data.",
            "Fulfils legal deposit within the deadline and in the form the law requires.",
            "Prepares complete, consistent metadata for distribution.",
        ],
        [
            "Metadata record of a title ready for distributors.",
            "The country's rules on ISBN and legal deposit.",
        ],
    ),
    "UCL-EDI-3": (
        "Coordinate copy-editing and manuscript preparation",
        [
            "Applies an agreed style sheet throughout the text.",
            "Coordinates the proofreading rounds and records the approved changes.",
            "Delivers checked final files to the printer.",
        ],
        ["Observed coordination of a proofreading round."],
    ),
    "UCL-EDI-4": (
        "Work out costs, price and distribution channels",
        [
            "Calculates the title's unit cost and break-even point.",
            "Sets the retail price taking each channel's discounts into account.",
            "Chooses distribution channels by print run and readership.",
        ],
        [
            "Costing and pricing sheet for a title.",
            "Discount structure along the book chain.",
        ],
    ),
    "NSCL-SON-1": (
        "Set up the signal chain according to the technical rider",
        [
            "Reads the band's technical rider and input list.",
            "Connects microphones, direct boxes and cabling according to the stage plot.",
            "Checks every mixer channel before the soundcheck.",
        ],
        [
            "Observed set-up of a concert's signal chain.",
            "Microphone types, impedance and signal levels.",
        ],
    ),
    "NSCL-SON-2": (
        "Set gain, equalisation and monitors",
        [
            "Sets each channel's gain without clipping.",
            "Equalises the channels for intelligibility and balance.",
            "Sets up monitor mixes according to what each musician asks for.",
        ],
        ["Observed soundcheck with a monitor mix."],
    ),
    "NSCL-SON-3": (
        "Run the mix during the concert",
        [
            "Keeps the sound pressure level within the agreed limit.",
            "Responds to technical problems without stopping the show.",
            "Records incidents in the show's technical report.",
        ],
        [
            "Observed operation of a whole concert.",
            "Technical report of the show.",
        ],
    ),
    "NSCL-SON-4": (
        "Apply electrical and hearing safety rules",
        [
            "Checks the earthing and power distribution of the system.",
            "Applies hearing protection measures for the audience and the crew.",
        ],
        ["Electrical and hearing risks in live shows."],
    ),
    "EC-ESC-1": (
        "Stage-manage rehearsals and performances",
        [
            "Keeps the prompt book with cues and entrances up to date.",
            "Calls lighting, sound and flying cues at the right moment.",
            "Writes the show report with running times and incidents.",
        ],
        [
            "Prompt book of a production.",
            "Observed stage management of a performance.",
        ],
    ),
    "EC-ESC-2": (
        "Plan the logistics of a tour",
        [
            "Draws up the itinerary with travel, accommodation and schedules.",
            "Adapts the technical rider to the conditions of each venue.",
            "Budgets the tour with its fixed and variable costs.",
        ],
        ["Itinerary and budget for a three-date tour."],
    ),
    "EC-ESC-3": (
        "Get the set in and out safely",
        [
            "Follows the get-in plan respecting loads and rigging points.",
            "Uses personal protective equipment when working at height.",
            "Checks the stage before the house opens to the audience.",
        ],
        [
            "Observed get-in of a set.",
            "Safety rules for work at height and suspended loads.",
        ],
    ),
    "PE-LUT-1": (
        "Select and prepare woods and materials",
        [
            "Identifies suitable wood species and their legal origin.",
            "Dries and stabilises the wood according to the instrument to be built.",
            "Records where the materials come from in the instrument's record sheet.",
        ],
        ["Acoustic and mechanical properties of woods."],
    ),
    "PE-LUT-2": (
        "Build the soundbox and the neck",
        [
            "Carves the body following the measurements of the traditional model.",
            "Joins neck and body with the correct alignment.",
            "Applies finishes that protect the wood without dulling the sound.",
        ],
        [
            "A finished charango or equivalent instrument.",
            "Observed construction of a soundbox.",
        ],
    ),
    "PE-LUT-3": (
        "String, set up and tune the instrument",
        [
            "Adjusts string height and intonation along the whole fingerboard.",
            "Tunes the instrument to the region's traditional tunings.",
        ],
        ["Observed set-up and tuning."],
    ),
    "PE-LUT-4": (
        "Pass on and document the knowledge of the craft",
        [
            "Documents traditional techniques with the community's consent.",
            "Teaches a technique of the craft to an apprentice.",
        ],
        ["Documentary record of a traditional technique."],
    ),
    "PE-EDI-1": (
        "Organise the editorial schedule of a title",
        [
            "Orders the editorial stages with their deadlines.",
            "Shares the schedule with the team and keeps it up to date.",
        ],
        ["Editorial schedule of a title."],
    ),
    "PE-EDI-2": (
        "Apply for the ISBN and make the legal deposit",
        [
            "Completes the ISBN application with correct data.",
            "Makes the legal deposit at the National Library of Peru.",
        ],
        ["Peruvian rules on ISBN and legal deposit."],
    ),
    "PE-EDI-3": (
        "Estimate costs and retail price",
        [
            "Calculates the unit cost of a print run.",
            "Proposes a retail price allowing for the book chain's discounts.",
        ],
        ["Cost and price estimate for a title."],
    ),
}

PROGRAMS_EN = {
    "cl-produccion-editorial-demo": "Certificate of competence: independent publishing production",
    "co-sonido-en-vivo-demo": "Certificate of competence: live sound",
    "mx-tecnica-escenica-demo": "Certificate of competence: stagecraft and touring stage management",
    "pe-lutheria-andina-demo": "Certificate of competence: Andean lutherie (recognition of prior learning)",
    "pe-edicion-independiente-demo": "Course certificate: independent publishing",
}

# Framework code -> (name, description or "", [level names], [level descriptors]).
FRAMEWORKS_EN = {
    "cl-mctp": (
        "Technical-Professional Qualifications Framework (Chile)",
        "",
        [],
        [
            "Performs routine tasks under direct supervision.",
            "Performs defined tasks with some autonomy and responsibility for their work.",
            "Solves problems in varied contexts and coordinates the tasks of others.",
            "Plans and manages technical processes with responsibility for results.",
            "Designs, manages and evaluates complex processes with high autonomy.",
        ],
    ),
    "co-mnc": (
        "National Qualifications Framework (Colombia)",
        "",
        [],
        [
            "Simple, routine tasks under supervision.",
            "Operational tasks with defined instructions.",
            "Technical activities in familiar contexts with limited autonomy.",
            "Varied technical activities with responsibility for the work of others.",
            "Technical and technological management of processes.",
            "Professional practice with autonomy and judgement of one's own.",
            "Specialisation and management of fields of knowledge.",
            "Creation of knowledge and leadership of professional fields.",
        ],
    ),
    "mx-conocer": (
        "CONOCER competence levels (Mexico)",
        "",
        [],
        [
            "Routine, predictable activities.",
            "Scheduled, mostly routine activities with some autonomy.",
            "Varied activities in diverse contexts, coordinating others.",
            "Complex activities with responsibility for resources and people.",
            "Strategic planning, direction and evaluation.",
        ],
    ),
    "pe-mncp": (
        "National Qualifications Framework of Peru",
        "",
        [],
        [
            "Basic tasks under direct supervision.",
            "Operational tasks with precise instructions.",
            "Technical functions with autonomy in familiar processes.",
            "Complex technical functions and supervision of teams.",
            "Management of technical and professional processes.",
            "Specialised professional practice.",
            "Direction and advanced specialisation.",
            "High-level research and innovation.",
        ],
    ),
    "ap-referencia": (
        "Pacific Alliance Regional Reference Framework (provisional)",
        "Reference framework for comparing levels between countries. The mapping "
        "is not yet official: every row is marked provisional and certification "
        "officers may edit it.",
        [
            "Basic",
            "Operational",
            "Entry technician",
            "Technician",
            "Senior technician",
            "Professional",
            "Specialised professional",
            "Expert",
        ],
        [
            "Basic",
            "Operational",
            "Entry technician",
            "Technician",
            "Senior technician",
            "Professional",
            "Specialised professional",
            "Expert",
        ],
    ),
}


def _update(queryset, **values) -> int:
    """Write ``values`` to the rows that differ (so a second run writes nothing)."""
    differing = queryset.exclude(**values)
    return differing.update(**values)


def english_texts_apply() -> int:
    """Give the seeded demo rows their English texts; returns rows changed."""
    changed = 0
    for code, title in STANDARDS_EN.items():
        changed += _update(
            OccupationalStandard.objects.filter(code=code, version="1"),
            title_en=f"{DEMO_LABEL_EN}: {title}",
            description_en=DEMO_NOTE_EN,
        )
    for code, (title, criteria, evidence) in UNITS_EN.items():
        units = CompetencyUnit.objects.filter(code=code)
        changed += _update(units, title_en=title)
        for number, text in enumerate(criteria, start=1):
            changed += _update(
                PerformanceCriterion.objects.filter(
                    unit__in=units, code=f"{code}.{number}"
                ),
                text_en=text,
            )
        for number, text in enumerate(evidence, start=1):
            changed += _update(
                EvidenceRequirement.objects.filter(unit__in=units, sort_order=number),
                description_en=text,
            )
    for code, title in PROGRAMS_EN.items():
        changed += _update(
            CertificationProgram.objects.filter(code=code),
            title_en=title,
            description_en=DEMO_NOTE_EN,
        )
    for code, (name, description, names, descriptors) in FRAMEWORKS_EN.items():
        framework = QualificationFramework.objects.filter(code=code)
        changed += _update(framework, name_en=name, description_en=description)
        levels = FrameworkLevel.objects.filter(framework__code=code)
        for number, descriptor in enumerate(descriptors, start=1):
            level_name = names[number - 1] if names else f"Level {number}"
            changed += _update(
                levels.filter(number=number),
                name_en=level_name,
                descriptor_en=descriptor,
            )
    return changed
