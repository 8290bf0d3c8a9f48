"""A debug picture of a PDF page: the blocks the reader found, numbered in reading order.

``kg inspect page.pdf --png out.png`` draws the page with a frame around
every block (headlines red, body text blue) and its place in the reading
order, so a user can see why an article was split or joined the way it was.
"""
from __future__ import annotations

from pathlib import Path

from kg.extract.read.pdf import load_pages, page_blocks
from kg.extract.read.pdf_layout import is_headline

HEADLINE, BODY = (200, 30, 30), (30, 80, 200)
RESOLUTION = 2.0          # pixels per point


def block_table(data: bytes, name: str) -> list[dict]:
    """Every block of every page in reading order: page, order, headline?, box (points), first characters."""
    rows = []
    for p, glyphs in enumerate(load_pages(data, name), 1):
        blocks, size = page_blocks(glyphs)
        for k, block in enumerate(blocks, 1):
            rows.append({"page": p, "order": k, "headline": is_headline(block[0], size),
                         "box": [round(min(l.x0 for l in block), 1), round(min(l.top for l in block), 1),
                                 round(max(l.x1 for l in block), 1), round(max(l.bottom for l in block), 1)],
                         "lines": len(block), "text": "".join(l.text for l in block)[:24]})
    return rows


def render_page(data: bytes, name: str, page: int, out: str | Path, rows: list[dict] | None = None) -> Path:
    """Draw page `page` (1-based) with its numbered blocks into the PNG `out` (written atomically)."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    from kg.records import atomic_writer

    rows = [r for r in (rows or block_table(data, name)) if r["page"] == page]
    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError(f"{name}: no page {page} (the file has {len(pdf)})")
        image = pdf[page - 1].render(scale=RESOLUTION).to_pil().convert("RGB")
    finally:
        pdf.close()
    draw = ImageDraw.Draw(image)
    for r in rows:
        x0, top, x1, bottom = (v * RESOLUTION for v in r["box"])
        colour = HEADLINE if r["headline"] else BODY
        draw.rectangle([x0 - 2, top - 2, x1 + 2, bottom + 2], outline=colour, width=3)
        draw.rectangle([x0 - 2, top - 2, x0 + 34, top + 20], fill=colour)
        draw.text((x0 + 2, top), str(r["order"]), fill=(255, 255, 255))
    with atomic_writer(out, "wb", encoding=None) as fh:
        image.save(fh, format="PNG")
    return Path(out)
