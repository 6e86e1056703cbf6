"""Abstract cover images drawn with Pillow in a sector's colours."""

import random
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

WIDTH, HEIGHT = 1200, 675


def draw_cover(*, seed: str, palette: tuple[str, ...]) -> bytes:
    """A PNG of overlapping circles, bars and arcs; same seed, same picture."""
    rng = random.Random(seed)
    background, *colours = palette
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(canvas)
    for _ in range(7):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        radius = rng.randrange(80, 320)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius), fill=rng.choice(colours)
        )
    for _ in range(4):
        x = rng.randrange(WIDTH)
        draw.rectangle(
            (x, 0, x + rng.randrange(20, 90), HEIGHT), fill=rng.choice(colours)
        )
    for _ in range(3):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        radius = rng.randrange(120, 400)
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.arc(box, rng.randrange(360), rng.randrange(360), fill=background, width=18)
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def cover_image(
    *, title: str, seed: str, palette: tuple[str, ...]
) -> tuple[Image, bool]:
    """The Wagtail image called ``title``, drawn and saved when missing."""
    existing = Image.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing, False
    png = draw_cover(seed=seed, palette=palette)
    image = Image(title=title, file=ImageFile(BytesIO(png), name=f"{seed}.png"))
    image.save()
    return image, True
