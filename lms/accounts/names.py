"""Personal names as they are typed, stored and printed on certificates.

:func:`normalize_person_name` is the one rule for every name field a person
fills in (legal name at sign-up and in the profile, first and last names, an
officer's name correction): Unicode NFC, whitespace collapsed, and a clear
error for what a certificate must not carry or cannot show:

- bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
  U+061C): they reorder what the certificate shows («gnp.exe» read as
  «exe.png»);
- invisible characters: zero-width spaces and joiners, word joiner, byte order
  mark, soft hyphen, the Hangul fillers, the combining grapheme joiner and any
  other control, format, private-use or unassigned code point. ZWJ and ZWNJ
  are refused too: the orthographies of the four countries (Spanish, the
  indigenous languages written in Latin letters, Chinese, Japanese, Korean)
  never need them; the scripts that do (Persian, the Indic scripts) are not
  among those the certificate fonts print;
- emoji and pictographic symbols (and the selectors and modifiers that build
  emoji): a legal name is written as on the identity document;
- a combining mark with no letter before it, or more than
  :data:`MAX_COMBINING_RUN` in a row (stacked "zalgo" text);
- more than :data:`NAME_MAX_LENGTH` characters (after normalisation), the
  longest name the certificate prints on two lines at its smallest size.

Everything else is accepted: Latin letters with any diacritic, precomposed or
combining (Mapudungun ü, Guaraní g̃ and nasal vowels, Quechua and Aymara
apostrophes ' ’ ʼ), Chinese, Japanese and Korean, hyphens, periods.

:func:`printable_name` is the lenient form for what is already stored (names
saved before these rules): it drops what :func:`normalize_person_name` refuses
as invisible or directional instead of raising.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 120
MAX_COMBINING_RUN = 3

BIDI_CONTROLS = frozenset(
    [
        *range(0x202A, 0x202F),  # LRE, RLE, PDF, LRO, RLO
        *range(0x2066, 0x206A),  # LRI, RLI, FSI, PDI
        0x200E,  # LRM
        0x200F,  # RLM
        0x061C,  # ALM
    ]
)
# Invisible code points that are not in a C* category.
INVISIBLE_LETTERS_AND_MARKS = frozenset(
    [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0]
    + list(range(0x180B, 0x1810))  # Mongolian free variation selectors, vowel sep.
)
INVISIBLE_CATEGORIES = frozenset(["Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp"])
# Emoji building blocks outside the So category: text/emoji presentation
# selectors, the keycap mark, the skin tone modifiers.
EMOJI_PARTS = frozenset([0xFE0E, 0xFE0F, 0x20E3, *range(0x1F3FB, 0x1F400)])


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _refuse(message, code: str, char: str) -> ValidationError:
    return ValidationError(message, code=code, params={"char": _code(char)})


def _check_char(char: str) -> None:
    point = ord(char)
    category = unicodedata.category(char)
    if point in BIDI_CONTROLS:
        raise _refuse(
            _(
                "El nombre contiene un carácter de control de dirección del texto "
                "(%(char)s) que altera el orden en que se lee. Bórrelo y escriba "
                "el nombre de nuevo."
            ),
            "name_bidi_control",
            char,
        )
    if category == "So" or point in EMOJI_PARTS:
        raise ValidationError(
            _(
                "El nombre no admite emojis ni símbolos (%(char)s). Escríbalo como "
                "figura en su documento de identidad."
            ),
            code="name_symbol",
            params={"char": char if category == "So" else _code(char)},
        )
    if category in INVISIBLE_CATEGORIES or point in INVISIBLE_LETTERS_AND_MARKS:
        raise _refuse(
            _(
                "El nombre contiene un carácter invisible o de control (%(char)s) "
                "que no se puede imprimir. Bórrelo y escriba el nombre de nuevo."
            ),
            "name_invisible",
            char,
        )


def _check_marks(value: str) -> None:
    run = 0
    for position, char in enumerate(value):
        if unicodedata.category(char).startswith("M"):
            run += 1
            previous = value[position - run] if position >= run else " "
            if run > MAX_COMBINING_RUN or previous.isspace():
                raise ValidationError(
                    _(
                        "El nombre tiene tildes o diacríticos sueltos o acumulados "
                        "(%(char)s). Escriba cada letra con sus acentos."
                    ),
                    code="name_marks",
                    params={"char": _code(char)},
                )
        else:
            run = 0


def normalize_person_name(value: str, *, max_length: int = NAME_MAX_LENGTH) -> str:
    """``value`` in NFC with its whitespace collapsed, or a ``ValidationError``
    saying what to change (see the module's docstring)."""
    name = " ".join(unicodedata.normalize("NFC", value or "").split())
    for char in name:
        _check_char(char)
    _check_marks(name)
    if name and not any(char.isalpha() for char in name):
        raise ValidationError(
            _("El nombre debe contener letras."), code="name_no_letters"
        )
    if len(name) > max_length:
        raise ValidationError(
            _(
                "El nombre puede tener como máximo %(limit)d caracteres "
                "(tiene %(length)d). Si su nombre legal es más largo, "
                "abrévielo como en su documento o escríbanos."
            ),
            code="name_too_long",
            params={"limit": max_length, "length": len(name)},
        )
    return name


def printable_name(value: str) -> str:
    """A stored name as a certificate prints it: NFC, whitespace collapsed,
    without directional controls and invisible characters."""
    kept = []
    for char in unicodedata.normalize("NFC", value or ""):
        point = ord(char)
        if char.isspace():
            kept.append(" ")
        elif not (
            point in BIDI_CONTROLS
            or point in INVISIBLE_LETTERS_AND_MARKS
            or unicodedata.category(char) in INVISIBLE_CATEGORIES
        ):
            kept.append(char)
    return " ".join("".join(kept).split())


def _help_text(max_length: int = NAME_MAX_LENGTH) -> str:
    return gettext(
        "Tal como figura en su documento; se imprime en los certificados. "
        "Máximo %(limit)d caracteres."
    ) % {"limit": max_length}


# The help text of a name field, translated when it is shown.
name_help_text = lazy(_help_text, str)
