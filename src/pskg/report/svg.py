"""A few helpers to write SVG (and HTML) as text: no plotting dependency, output readable offline."""

from __future__ import annotations

from html import escape

#: Hatching for deprecated claims, so that they differ by pattern and not by colour alone.
HATCH_ID = "hatch-deprecated"


def esc(text: object) -> str:
    """Text or attribute value escaped for XML and HTML."""
    return escape(str(text), quote=True)


def attributes(attrs: dict[str, object]) -> str:
    """``key="value"`` pairs; ``None`` values are left out, ``_`` in keys becomes ``-``."""
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v is not None)


def tag(name: str, content: str = "", **attrs: object) -> str:
    """An element with escaped attributes and ``content`` inserted as it is (already markup)."""
    return f"<{name}{attributes(attrs)}>{content}</{name}>"


def empty(name: str, **attrs: object) -> str:
    """A self-closing SVG element."""
    return f"<{name}{attributes(attrs)}/>"


def text(x: float, y: float, content: object, **attrs: object) -> str:
    """A text label (escaped)."""
    return tag("text", esc(content), x=round(x, 1), y=round(y, 1), **attrs)


def rect(x: float, y: float, width: float, height: float, **attrs: object) -> str:
    """A rectangle, with an optional ``tooltip`` shown as its ``<title>``."""
    tooltip = attrs.pop("tooltip", None)
    geometry = {"x": round(x, 1), "y": round(y, 1), "width": round(max(width, 0), 1), "height": round(height, 1)}
    if tooltip is None:
        return empty("rect", **geometry, **attrs)
    return tag("rect", tag("title", esc(tooltip)), **geometry, **attrs)


def document(identifier: str, width: float, height: float, title: str, desc: str, body: str) -> str:
    """A standalone, accessible SVG: ``<title>`` and ``<desc>`` first, the hatching pattern defined."""
    defs = tag(
        "defs",
        tag(
            "pattern",
            empty("rect", width=6, height=6, fill="#ffffff")
            + empty("line", x1=0, y1=0, x2=0, y2=6, stroke="#444444", stroke_width=2),
            id=f"{identifier}-{HATCH_ID}",
            width=6,
            height=6,
            patternUnits="userSpaceOnUse",
            patternTransform="rotate(45)",
        ),
    )
    content = (
        tag("title", esc(title), id=f"{identifier}-title")
        + tag("desc", esc(desc), id=f"{identifier}-desc")
        + defs
        + tag("rect", "", width=width, height=height, fill="#ffffff")
        + body
    )
    return tag(
        "svg",
        content,
        xmlns="http://www.w3.org/2000/svg",
        id=identifier,
        viewBox=f"0 0 {width} {height}",
        width=width,
        height=height,
        role="img",
        aria_labelledby=f"{identifier}-title {identifier}-desc",
        font_family="DejaVu Sans, Arial, sans-serif",
        font_size=12,
    )


def hatch(identifier: str) -> str:
    """The fill value that hatches a shape in the document ``identifier``."""
    return f"url(#{identifier}-{HATCH_ID})"
