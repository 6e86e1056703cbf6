"""Accessibility and small-screen checks for browser tests.

- :func:`axe_violations` runs axe-core (vendored under ``vendor/``, no network)
  with the WCAG 2.2 AA rule tags. The script is evaluated through the
  DevTools protocol, which the site's Content-Security-Policy (script nonces)
  does not apply to, so the pages are checked under their real CSP.
- :func:`sideways_overflow` says how far a page scrolls sideways, and which
  of the project's elements reach past the right edge (``main`` hiding its
  overflow would otherwise hide a cut-off button).
- :func:`small_targets` lists the project's interactive elements smaller than
  24 × 24 CSS pixels (WCAG 2.5.8), except links inside a sentence.
- :func:`unfocusable_styles` tabs through the page and lists the elements
  whose keyboard focus shows neither an outline of 2 px or more nor a
  box-shadow.
"""

from pathlib import Path

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NARROW_WIDTHS = (375, 320)
# The parts of a page the project renders itself (the Wagtail admin's own
# chrome is Wagtail's): the public site's regions, the admin's content area.
OWN_REGIONS = ".site-header, main, .site-footer"
ADMIN_REGIONS = ".nice-padding"

_INTERACTIVE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)


def axe_violations(page) -> list[str]:
    """One line per axe-core violation: rule, impact and the first targets."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: tags},
                resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        WCAG_22_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {', '.join(v['targets'])}"
        for v in violations
    ]


def sideways_overflow(page, regions: str = OWN_REGIONS) -> list[str]:
    """Empty when nothing of the page reaches past the viewport's width."""
    return page.evaluate(
        """(regions) => {
            const width = window.innerWidth;
            const found = [];
            const scroll = document.documentElement.scrollWidth;
            if (scroll > width) found.push(`page scrolls to ${scroll}px`);
            const scrolls = el => {
                for (let p = el.parentElement; p; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if ((o === 'auto' || o === 'scroll') && p.clientWidth < width)
                        return true;
                }
                return false;
            };
            for (const region of document.querySelectorAll(regions)) {
                for (const el of region.querySelectorAll('*')) {
                    const box = el.getBoundingClientRect();
                    if (!box.width || box.right <= width + 0.5) continue;
                    if (getComputedStyle(el).visibility === 'hidden') continue;
                    if (scrolls(el)) continue;
                    const name = el.tagName.toLowerCase() +
                        (el.className && typeof el.className === 'string'
                            ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
                    found.push(`${name} ends at ${Math.round(box.right)}px`);
                    if (found.length > 8) return found;
                }
            }
            return found;
        }""",
        regions,
    )


def small_targets(page, regions: str = OWN_REGIONS) -> list[str]:
    """Visible interactive elements under 24 × 24 px, outside running text."""
    return page.evaluate(
        """([regions, selector]) => {
            const inSentence = el => {
                if (el.tagName !== 'A') return false;
                const block = el.closest('p, li, dd, td');
                if (!block || block.closest('nav')) return false;
                const own = el.textContent.trim();
                const text = block.textContent.replace(own, '');
                return /[A-Za-zÁÉÍÓÚáéíóúñÑ]{3}/.test(text);
            };
            const found = [];
            for (const region of document.querySelectorAll(regions)) {
                for (const el of region.querySelectorAll(selector)) {
                    const box = el.getBoundingClientRect();
                    if (!box.width || !box.height) continue;
                    const style = getComputedStyle(el);
                    if (style.visibility === 'hidden' || style.opacity === '0')
                        continue;
                    if (el.closest('.visually-hidden, .w-sr-only')) continue;
                    if (box.width >= 23.5 && box.height >= 23.5) continue;
                    if (inSentence(el)) continue;
                    const label = (el.textContent || el.name || el.type || '')
                        .trim().slice(0, 30);
                    found.push(`${el.tagName.toLowerCase()} «${label}» ` +
                        `${Math.round(box.width)}×${Math.round(box.height)}`);
                }
            }
            return found;
        }""",
        [regions, _INTERACTIVE],
    )


def unfocusable_styles(page, *, presses: int = 40) -> list[str]:
    """Tab through the page; list focused elements without a visible ring."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    found, seen = [], set()
    for _ in range(presses):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const outline = style.outlineStyle !== 'none'
                    && parseFloat(style.outlineWidth) >= 2;
                const shadow = style.boxShadow && style.boxShadow !== 'none';
                const label = (el.textContent || el.name || el.id || '')
                    .trim().slice(0, 30);
                return {key: el.outerHTML.slice(0, 120), ok: outline || shadow,
                        label: `${el.tagName.toLowerCase()} «${label}»`};
            }"""
        )
        if info is None or info["key"] in seen:
            if info is not None:
                break
            continue
        seen.add(info["key"])
        if not info["ok"]:
            found.append(info["label"])
    return found


def narrow_page_problems(page, *, regions: str = OWN_REGIONS) -> list[str]:
    """Everything the narrow-screen tests require of the page now shown
    (``regions``: the parts the project draws; in the Wagtail admin, its
    content area ``.nice-padding``)."""
    problems = [f"overflow: {line}" for line in sideways_overflow(page, regions)]
    problems += [f"target: {line}" for line in small_targets(page, regions)]
    problems += [f"axe: {line}" for line in axe_violations(page)]
    return problems
