"""``optviz lecture --slides``: one slide per beat, as a PowerPoint deck and as a reveal.js page that works
offline. manim-slides converts; this module gives it each beat's video (cut losslessly from the scene's
render), titles every slide with its beat's title (above the video, in the deck's outline and in the page),
and makes both files self-contained and byte-identical for the same inputs.

reveal.js comes from npm (``package.json`` pins the version manim-slides' template is written for; install
it with ``npm ci --ignore-scripts``). manim-slides' template links it from a CDN; the page instead carries
reveal.js' own files inline, so that it opens with the network off and can be moved or mailed as one file.
"""

from __future__ import annotations

import contextlib
import datetime
import html
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
#: The share of a slide's height above its video that holds the slide's title.
TITLE_BAND = 0.12
#: A title's letters, as a share of the slide's height.
TITLE_SIZE = 0.05


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
    titles = slide_titles(job.parts)
    width, height = configs[0].resolution
    page = staging / f"{job.stem}.html"
    RevealJS(
        presentation_configs=configs,
        one_file=True,
        title=job.title,
        cdn_url=_ASSETS,
        reveal_version=check_reveal(),
        center="false",  # each slide's title at its top (see titled), not its content centred
        margin=0.0,
    ).convert_to(page)
    text = titled(inline_reveal(page.read_text(encoding="utf-8")), titles, job.lang)
    page.write_text(in_language(text, job.lang), encoding="utf-8")
    report(0.8)
    deck = staging / f"{job.stem}.pptx"
    with contextlib.redirect_stderr(io.StringIO()):  # its progress bars would break into the job display
        PowerPoint(presentation_configs=configs, width=width, height=height).convert_to(deck)
    _fix_deck(deck, job.title, job.lang, titles)
    return []


def slide_titles(parts) -> list[str]:
    """Every slide's title, in order: its beat's, or the chapter's for a beat its scene did not title."""
    return [mark.title or part.chapter for part in parts for mark in part.beats]


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
    starts = [mark.start for mark in part.beats]
    ends = [*starts[1:], part.duration]
    slides = []
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
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


def titled(page: str, titles: list[str], lang: str) -> str:
    """``page`` with each slide's title as a heading above its video: the video shrinks into the room below
    the title band, on the scenes' background.

    >>> page = '<head></head><section data-background-video="a.mp4"></section>'
    >>> print(titled(page, ["Step & stride"], "en").split("</style>")[1].strip())
    </head><section data-background-video="a.mp4"><h2 class="optviz-title">Step &amp; stride</h2></section>
    """
    from catalog import FONTS
    from scenes._common import TEXT_COLOR

    headings = iter(titles)

    def heading(match: re.Match) -> str:
        return f'{match.group(0)}<h2 class="optviz-title">{html.escape(next(headings))}</h2>'

    page, count = re.subn(r"<section\b[^>]*\bdata-background-(?:video|image)=[^>]*>", heading, page)
    if count != len(titles):
        raise RuntimeError(f"manim-slides' page has {count} slides for {len(titles)} titles")
    band, size = 100 * TITLE_BAND, 100 * TITLE_SIZE
    style = (
        "<style>\n"
        f".reveal .slide-background video {{ top: {band:g}%; height: {100 - band:g}%; }}\n"
        f".reveal .slides section > .optviz-title {{ position: absolute; top: 0; left: 0; width: 100%;"
        f" height: {band:g}vh; margin: 0; display: flex; align-items: center; justify-content: center;"
        f" font: {size:g}vh '{FONTS[lang]}', sans-serif; color: {TEXT_COLOR}; text-transform: none; }}\n"
        "</style>\n"
    )
    return page.replace("</head>", style + "</head>", 1)


#: PowerPoint's language of each deck's notes, for its spell-checker (manim-slides leaves them en-US).
NOTES_LANGUAGE = {"en": "ENGLISH_US", "de": "GERMAN", "ja": "JAPANESE"}


def _fix_deck(deck: Path, title: str, lang: str, titles: list[str]) -> None:
    """Give each slide its title (a title placeholder, which PowerPoint's outline lists, above the video) and
    the scenes' background; give the deck a title, its language (the titles', the notes' and the document's)
    and fixed timestamps (python-pptx stamps the time of saving)."""
    import pptx
    from pptx.enum.lang import MSO_LANGUAGE_ID

    presentation = pptx.Presentation(str(deck))
    language = getattr(MSO_LANGUAGE_ID, NOTES_LANGUAGE[lang])
    slides = list(presentation.slides)
    if len(slides) != len(titles):
        raise RuntimeError(f"manim-slides' deck has {len(slides)} slides for {len(titles)} titles")
    layout = presentation.slide_layouts.get_by_name("Title Only")
    for slide, heading in zip(slides, titles, strict=True):
        _title_slide(slide, layout, heading, presentation.slide_width, presentation.slide_height, lang)
        frames = [slide.shapes.title.text_frame]
        if slide.has_notes_slide:
            frames.append(slide.notes_slide.notes_text_frame)
        for frame in frames:
            for paragraph in frame.paragraphs:
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


def _title_slide(slide, layout, heading: str, width: int, height: int, lang: str) -> None:
    """Move ``slide`` onto ``layout`` (a layout with a title), write ``heading`` into its title placeholder
    across the band at the top, and fit the slide's video below it on the scenes' background."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.opc.constants import RELATIONSHIP_TYPE
    from pptx.util import Emu

    from catalog import FONTS
    from scenes._common import BACKGROUND, TEXT_COLOR

    for rel_id, rel in list(slide.part.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.SLIDE_LAYOUT:
            slide.part.drop_rel(rel_id)
    slide.part.relate_to(layout.part, RELATIONSHIP_TYPE.SLIDE_LAYOUT)
    band = round(height * TITLE_BAND)
    (video,) = slide.shapes  # manim-slides puts one movie on each slide
    video.height = height - band
    video.width = round(width * (height - band) / height)
    video.left, video.top = (width - video.width) // 2, band
    slide.shapes.clone_layout_placeholders(layout)
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = 0, 0, width, band
    frame = title.text_frame
    frame.text = heading
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    font = paragraph.runs[0].font
    font.size, font.name = Emu(round(height * TITLE_SIZE)), FONTS[lang]
    font.color.rgb = RGBColor.from_string(TEXT_COLOR.removeprefix("#"))
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = RGBColor.from_string(BACKGROUND.removeprefix("#"))
