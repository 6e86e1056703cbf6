"""A small text markup for demo lessons, turned into LessonPage body blocks.

Chunks are separated by blank lines:

- ``## Title`` / ``### Subtitle``: a heading block (h2 / h3);
- a chunk whose lines all start with ``- `` or ``1. ``: a bulleted or numbered list;
- any other chunk: a paragraph;
- ``:::kind Title`` ... ``:::``: a callout (kind: tip, note, warning, practice)
  whose inner chunks follow the same rules.

Inline: ``**bold**`` and ``*italic*``. Text is HTML-escaped first.
"""

import html
import re

BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"\*(.+?)\*")
ORDERED = re.compile(r"^\d+\.\s+")


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    return ITALIC.sub(r"<i>\1</i>", BOLD.sub(r"<b>\1</b>", text))


def _chunk_html(chunk: str) -> str:
    lines = [line.strip() for line in chunk.splitlines() if line.strip()]
    if all(line.startswith("- ") for line in lines):
        items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    if all(ORDERED.match(line) for line in lines):
        items = "".join(f"<li>{_inline(ORDERED.sub('', line))}</li>" for line in lines)
        return f"<ol>{items}</ol>"
    return f"<p>{_inline(' '.join(lines))}</p>"


def _chunks(text: str) -> list[str]:
    return [chunk.strip() for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def to_blocks(text: str) -> list[tuple[str, object]]:
    """The StreamField value (a list of ``(block_type, value)``) for ``text``."""
    blocks: list[tuple[str, object]] = []
    callout = re.compile(r"^:::(\w+)[ \t]*(.*?)\n(.*?)\n:::[ \t]*$", re.M | re.S)
    position = 0
    for match in callout.finditer(text):
        blocks.extend(_plain_blocks(text[position : match.start()]))
        kind, title, inner = match.groups()
        body = "".join(_chunk_html(chunk) for chunk in _chunks(inner))
        blocks.append(("callout", {"kind": kind, "title": title.strip(), "text": body}))
        position = match.end()
    blocks.extend(_plain_blocks(text[position:]))
    return blocks


def _plain_blocks(text: str) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    for chunk in _chunks(text):
        heading = re.fullmatch(r"(#{2,3})\s+(.+)", chunk)
        if heading:
            level = "h2" if len(heading.group(1)) == 2 else "h3"
            blocks.append(("heading", {"text": heading.group(2), "level": level}))
        else:
            blocks.append(("paragraph", _chunk_html(chunk)))
    return blocks
