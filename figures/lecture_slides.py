"""``optviz lecture --slides``: one slide per beat, as a PowerPoint deck and as a reveal.js page that works
offline. manim-slides converts; this module gives it each beat's video (cut losslessly from the scene's
render) and makes both files self-contained and byte-identical for the same inputs.

reveal.js comes from npm (``package.json`` pins the version manim-slides' template is written for; install
it with ``npm ci --ignore-scripts``). manim-slides' template links it from a CDN; the page instead carries
reveal.js' own files inline, so that it opens with the network off and can be moved or mailed as one file.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import re
import zipfile
from pathlib import Path

from optim_core import OptvizError

REVEAL = Path(__file__).resolve().parent.parent / "node_modules" / "reveal.js"
#: Stands in for the CDN address in manim-slides' template until the files it names are inlined.
_ASSETS = "optviz-reveal-assets"
#: Every timestamp inside the deck, so the same lecture always gives the same bytes.
_EPOCH = datetime.datetime(2000, 1, 1)


def check_reveal() -> str:
    """reveal.js' version, or an error saying how to install it."""
    try:
        return json.loads((REVEAL / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        raise OptvizError(
            "reveal.js is missing for --slides (node_modules/reveal.js not found); run `npm ci --ignore-scripts`"
            " in the project folder, or scripts/bootstrap.sh"
        ) from None


def build_slides(job, staging: Path, report) -> list[str]:
    """The slides job's work (see :mod:`figures.batch`): ``STEM.pptx`` and ``STEM.html``, one slide per beat."""
    from manim_slides.convert import PowerPoint, RevealJS

    configs = []
    cuts = staging / "beats"
    cuts.mkdir()
    total = sum(len(part.beats) for part in job.parts)
    for part in job.parts:
        configs.append(_presentation(part, cuts, job.lang))
        report(0.6 * sum(len(c.slides) for c in configs) / total)
    width, height = configs[0].resolution
    html = staging / f"{job.stem}.html"
    RevealJS(
        presentation_configs=configs, one_file=True, title=job.title, cdn_url=_ASSETS, reveal_version=check_reveal()
    ).convert_to(html)
    html.write_text(in_language(inline_reveal(html.read_text(encoding="utf-8")), job.lang), encoding="utf-8")
    report(0.8)
    deck = staging / f"{job.stem}.pptx"
    with contextlib.redirect_stderr(io.StringIO()):  # its progress bars would break into the job display
        PowerPoint(presentation_configs=configs, width=width, height=height).convert_to(deck)
    _fix_deck(deck, job.title, job.lang)
    return []


def in_language(page: str, lang: str) -> str:
    """``page`` with ``<html lang=...>``, which manim-slides' template leaves out: browsers, screen readers and
    spell-checkers then read the notes as the language they are in.

    >>> in_language("<!doctype html>\\n<html>\\n<head>", "de")
    '<!doctype html>\\n<html lang="de">\\n<head>'
    """
    return re.sub(r"<html(?![^>]*\blang=)", f'<html lang="{lang}"', page, count=1)


def _presentation(part, folder: Path, lang: str):
    """One scene's slides: each beat's stretch of the scene's video, with its narration as speaker notes."""
    import srt
    from manim_slides.config import PresentationConfig, SlideConfig

    from scenes._common import BACKGROUND

    from .lecture_media import cut, video_stream

    cues = list(srt.parse(part.subtitles.read_text(encoding="utf-8")))
    ends = [start for _, start in part.beats[1:]] + [part.duration]
    slides = []
    for index, ((_, start), end) in enumerate(zip(part.beats, ends, strict=True)):
        video = folder / f"{part.scene}-{index:02d}.mp4"
        cut(part.video, start, end - 0.5 / part.fps, video)  # up to the beat's last frame, not the next one's
        joiner = "" if lang == "ja" else " "  # a subtitle's line breaks are for the screen, not for notes
        said = [joiner.join(cue.content.splitlines()) for cue in cues if start <= cue.start.total_seconds() < end]
        slides.append(SlideConfig(file=video, rev_file=video, notes="\n\n".join(said)))
    stream = video_stream(part.video)
    return PresentationConfig(
        slides=slides, resolution=(stream["width"], stream["height"]), background_color=BACKGROUND
    )


def inline_reveal(page: str) -> str:
    """``page`` with every stylesheet and script it links from reveal.js carried inline."""

    def style(match: re.Match) -> str:
        return "<style>\n" + (REVEAL / match.group(1)).read_text(encoding="utf-8") + "\n</style>"

    def script(match: re.Match) -> str:
        return "<script>\n" + (REVEAL / match.group(1)).read_text(encoding="utf-8") + "\n</script>"

    page = re.sub(rf'<link rel="stylesheet" href="{_ASSETS}/([^"]+)">', style, page)
    page = re.sub(rf'<script src="{_ASSETS}/([^"]+)"></script>', script, page)
    if _ASSETS in page:
        raise RuntimeError("manim-slides' template links a reveal.js file that could not be inlined")
    return page


#: PowerPoint's language of each deck's notes, for its spell-checker (manim-slides leaves them en-US).
NOTES_LANGUAGE = {"en": "ENGLISH_US", "de": "GERMAN", "ja": "JAPANESE"}


def _fix_deck(deck: Path, title: str, lang: str) -> None:
    """Give the deck a title, its language (the notes' runs and the document's) and fixed timestamps
    (python-pptx stamps the time of saving)."""
    import pptx
    from pptx.enum.lang import MSO_LANGUAGE_ID

    presentation = pptx.Presentation(str(deck))
    language = getattr(MSO_LANGUAGE_ID, NOTES_LANGUAGE[lang])
    for slide in presentation.slides:
        if slide.has_notes_slide:
            for paragraph in slide.notes_slide.notes_text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.language_id = language
    properties = presentation.core_properties
    properties.language = lang
    properties.title, properties.author, properties.last_modified_by = title, "optviz", "optviz"
    properties.created = properties.modified = _EPOCH
    properties.revision = 1
    resaved = deck.with_suffix(".resaved.pptx")
    presentation.save(str(resaved))
    with zipfile.ZipFile(resaved) as source, zipfile.ZipFile(deck, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=_EPOCH.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_STORED if entry.filename.endswith(".mp4") else zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry.filename))
    resaved.unlink()
