"""PDFs that cannot be read: encrypted, damaged, cut short. One line naming the file, exit 1, nothing written."""
from __future__ import annotations

import pytest

from cli_helpers import error_lines, run_kg

CITY = "保定市"


def minimal_pdf(trailer_extra: bytes = b"", extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """A one-page PDF without text, with a correct cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>", *extra_objects]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


ENCRYPT = (b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>",)
BAD = {
    "encrypted": (minimal_pdf(b"/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> "
                              b"<0123456789abcdef0123456789abcdef>] ", ENCRYPT), "encrypted PDF"),
    "damaged": (b"%PDF-1.7\n" + bytes(range(256)) * 20, "damaged PDF"),
    "cut-short": (minimal_pdf()[:40], "damaged PDF"),
    "no-text": (minimal_pdf(), "PDF without a text layer"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_bad_pdf_gets_one_line_naming_it_and_nothing_is_written(tmp_path, kind):
    data, message = BAD[kind]
    pdf = tmp_path / f"{kind}.pdf"
    pdf.write_bytes(data)
    out = tmp_path / "out.jsonl"
    res = run_kg("extract", pdf, "--city", CITY, "-o", out)
    lines = error_lines(res)
    assert res.returncode == 1 and lines[0].startswith(f"kg: error: {pdf}: {message}"), lines
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [pdf.name]


def test_a_build_of_bad_pdfs_says_so_and_writes_no_empty_graph(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for kind, (data, _) in BAD.items():
        (folder / f"{kind}.pdf").write_bytes(data)
    res = run_kg("build", folder, "--city", CITY, "--out", tmp_path / "g")
    lines = error_lines(res)
    assert res.returncode == 1 and sum(f"{folder}/" in line for line in lines) == len(BAD)
    assert not (tmp_path / "g" / "triples.jsonl").exists()
