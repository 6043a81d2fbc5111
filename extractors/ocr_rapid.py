"""Reader 1 of scanned pages: rapidocr with the PP-OCRv6 small models its wheel ships (they read
Japanese), run by onnxruntime on one thread.

rapidocr downloads any model it does not find. Here it is only ever given the paths of the models
inside the installed wheel (`model_paths`); when one is missing, `engine()` raises `OcrModelMissing`
naming what to install, before rapidocr is built, so no download is ever attempted.

Each detected text line comes back as characters in image pixels (`PixelChar`): rapidocr's
per-character boxes within the line's box, the line's box giving baseline and size.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib.util
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from extractors import ocr_lexicon, ocr_pitch

ENGINE_NAME = "rapidocr 3.10.0 PP-OCRv6 small (onnxruntime)"
INSTALL = (
    "pip install rapidocr==3.10.0 onnxruntime==1.31.1 opencv-python-headless==5.1.0.95 "
    "(`make venv`): the rapidocr wheel ships the PP-OCRv6 small models"
)
MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}
DEFAULT_CLS_LINES = 12  # the longest lines whose direction (0° or 180°) is asked
DEFAULT_TURNED_SHARE = 0.5  # share of lines standing upright, or read as upside down, of a turned page
DEFAULT_SURE_SHARE = 0.75  # share of the classified lines read one way that settles a turn without OSD
DEFAULT_CLS_MIN_LINES = 3  # fewer classified lines (or pieces of lines) settle no turn (OSD decides)
DEFAULT_PIECE_EM = 3.0  # a page of fewer lines has each classified in pieces this many of its heights long
READ_TURN_LINES = 2  # a page of at most this many lines, its turn not sure, has them read both ways
READ_TURN_SURE = 0.8  # mean recognizer score of a few lines' readings one way that says it is upright
READ_TURN_MARGIN = 0.3  # ... and by this much over their readings the other way
DEFAULT_THREADS = 1  # onnxruntime intra-op and inter-op threads: workers run side by side
DEFAULT_MAX_SIDE = 1400  # px: detection runs on the page scaled down to this (text lines stay found)
# rapidocr pads every line image to at least 320 px wide and batches 6: one line per run at its own
# width reads the same and costs a third less
DEFAULT_REC_SHAPE = [3, 48, 48]
DEFAULT_REC_BATCH = 1
DET_BOX_EM = 1.2  # a detected line box is about this many ems high (ink and its margin)
DET_BOX_BELOW = 0.1  # em of that margin below the baseline
# em: a blank band this wide between two characters of a line is a printed space (PP-OCR drops
# spaces; between two CJK letters the blank is under 0.45 em (く|ば), a half-width space makes it
# 0.6 em); never next to punctuation, whose blank is wide by design
SPACE_BLANK = 0.55
INK_LEVEL = 160  # grey level below which a pixel is ink
MARKER_GAP = 0.6  # em between a line box's left edge and its first character that holds a lost glyph
MARKER_SIZE = (0.35, 1.0)  # em: the width and height of a list marker
MARKER_BEFORE = 1.5  # em left of a line's box where a filled marker the detector left out may lie
MARKER_FILL = {"◆": (0.4, 0.68), "●": (0.7, 0.88), "■": (0.9, 1.0)}  # share of its box that is ink
# share of its convex hull that is ink: a filled marker is solid (0.9 and more, ▶ too); a kanji the
# size of one that fills half its box (口 日 田 目 at 0.4-0.66) is strokes round blank
MARKER_SOLID = 0.85
MARKER_POINTING = 2.0  # left half's ink over the right half's of a ▶ at least (3 drawn; ◆ 1)
TAIL_CHARS = 1  # characters at most read back at a line's end (never a digit or Latin letter)
TAIL_MIN_INK = 0.3  # em of ink at least that a left-out character at a line's end spans
HEAD_REACH = 1.2  # em left of the first character the ink of a letter cut at the box's edge may start
MARKERS = frozenset("※・▶▷►◇□○◎★☆➢➤＊*")  # markers that are kept when read alone (never a letter)


class OcrModelMissing(RuntimeError):
    """An OCR model (or the package that ships it) is not installed; the message says what to install."""


@dataclass(frozen=True)
class PixelChar:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float


def models_dir() -> Path:
    """The models folder inside the installed rapidocr wheel."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or spec.origin is None:
        raise OcrModelMissing(f"the rapidocr package is not installed: {INSTALL}")
    return Path(spec.origin).parent / "models"


def model_paths(root: Path | None = None) -> dict[str, Path]:
    """Every model rapidocr needs, each an existing file, or OcrModelMissing naming what to install."""
    root = models_dir() if root is None else root
    paths = {task: root / name for task, name in MODEL_FILES.items()}
    missing = sorted(str(p) for p in paths.values() if not p.is_file())
    if missing:
        raise OcrModelMissing(f"OCR models missing ({', '.join(missing)}): {INSTALL}")
    return paths


def engine_params(paths: dict[str, Path], threads: int = DEFAULT_THREADS) -> dict[str, Any]:
    """rapidocr's settings: only the given model files (nothing to download), no line classifier
    (pages are turned upright before), every line kept whatever its score, one thread."""
    return {
        "Global.log_level": "error",
        "Global.use_cls": False,
        "Global.text_score": 0.0,
        "Global.max_side_len": DEFAULT_MAX_SIDE,
        "Det.model_path": str(paths["Det"]),
        "Rec.model_path": str(paths["Rec"]),
        "Cls.model_path": str(paths["Cls"]),
        "Rec.rec_img_shape": DEFAULT_REC_SHAPE,
        "Rec.rec_batch_num": DEFAULT_REC_BATCH,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": threads,
    }


@functools.cache
def engine() -> Any:
    """The rapidocr engine of this process, built once; OcrModelMissing when a model is not installed."""
    params = engine_params(model_paths())
    from rapidocr import RapidOCR

    built = RapidOCR(params=params)
    ocr_lexicon.install(built)  # the form's words read back where one letter was misread
    return built


@dataclass(frozen=True)
class Detection:
    """rapidocr's text line boxes on a grey page, found and cut out, none of them read yet."""

    gray: np.ndarray
    boxes: list[np.ndarray]  # each line's corner points in page pixels
    steps: Any  # rapidocr's own state between detection and recognition (None: no line found)


@dataclass
class Tally:
    """How many pages this process has recognised (read line by line): recognition is most of a
    page's cost, and a page is recognised once, upright."""

    pages: int = 0


TALLY = Tally()


def detect(gray: np.ndarray, native: bool = False) -> Detection:
    """The text lines rapidocr finds on a grey page image (detection only, on the page scaled to
    DEFAULT_MAX_SIDE): cheap enough to tell which way the page lies before any line is read.

    rapidocr cuts the lines it reads out of that scaled page (scaled linearly, which a grey scan
    bears); `native` cuts them out of the page at its own resolution instead: a two-level
    (binarized) scan scaled linearly loses strokes to aliasing (実績 read 実續, 患者 表者)."""
    eng = engine()
    eng.update_params(
        use_det=True, use_cls=False, use_rec=True, return_word_box=True, return_single_char_box=True
    )
    rgb = np.ascontiguousarray(np.stack([gray] * 3, axis=-1))
    original = eng.load_img(rgb)
    img, op_record = eng.preprocess_img(original)
    from rapidocr.main import RapidOCRError
    from rapidocr.utils.process_img import map_boxes_to_original

    try:
        crops, found = eng.detect_and_crop(img, op_record)
    except RapidOCRError:  # no text line on the page
        return Detection(gray, [], None)
    height, width = original.shape[:2]
    boxes = map_boxes_to_original(copy.deepcopy(found.boxes), op_record, height, width)
    if native:  # the same lines, cut out of the page at its own resolution
        found = dataclasses.replace(found, boxes=np.asarray(boxes, dtype=np.float32))
        crops = eng.crop_text_regions(original, found.boxes)
        op_record = {"preprocess": {"ratio_h": 1.0, "ratio_w": 1.0}}
    return Detection(gray, [np.asarray(b, dtype=float) for b in boxes], (original, found, crops, op_record))


def recognize(found: Detection) -> list[list[PixelChar]]:
    """The detected lines read, each as its characters in pixels, left to right (what rapidocr's
    own run with detection and recognition gives)."""
    TALLY.pages += 1
    if found.steps is None:
        return []
    original, det, crops, op_record = found.steps
    from rapidocr.ch_ppocr_cls import TextClsOutput
    from rapidocr.main import RapidOCRError

    eng = engine()
    try:
        rec = eng.recognize_txt(crops)
    except RapidOCRError:  # no line read
        return []
    out = eng.build_final_output(original, copy.deepcopy(det), TextClsOutput(), rec, crops, op_record)
    if getattr(out, "boxes", None) is None or not len(out.boxes) or getattr(out, "txts", None) is None:
        return []
    return char_lines(out, found.gray)


def page_turn(gray: np.ndarray, boxes: list[np.ndarray]) -> int | None:
    """The clockwise turn (as `/Rotate` counts it) that sets the page upright, told from its
    detected lines before any is read; None where they do not say for sure (Tesseract's orientation
    detection then decides).

    Most lines wider than tall: upright (0) unless the line classifier reads most of the
    DEFAULT_CLS_LINES longest upside down (on a page of fewer than DEFAULT_CLS_MIN_LINES lines, their
    pieces: `pieces`); 180 where at least DEFAULT_SURE_SHARE of them are.
    Most lines taller than wide: the page lies turned a quarter; the longest, each turned a quarter
    back (counter-clockwise), are read upright by the classifier on a page that lies turned 90°
    clockwise (then 270 sets it upright) and upside down on one turned 270° (then 90).
    A page of READ_TURN_LINES lines at most whose pieces do not say for sure: its lines are read, as
    they lie and upside down (`read_turn`; a line or two, not the page)."""
    if not boxes:
        return 0
    sizes = [(float(np.ptp(b[:, 0])), float(np.ptp(b[:, 1]))) for b in boxes]
    tall = sum(h > w for w, h in sizes) > DEFAULT_TURNED_SHARE * len(sizes)
    chosen = [i for i in range(len(boxes)) if (sizes[i][1] > sizes[i][0]) == tall]
    longest = [boxes[i] for i in sorted(chosen, key=lambda i: -max(sizes[i]))[:DEFAULT_CLS_LINES]]
    lines = longest
    if len(longest) < DEFAULT_CLS_MIN_LINES:  # too few lines to vote: their pieces vote
        longest = pieces(longest, along_y=tall)
    labels = line_directions(gray, longest, quarter=tall)
    upside_down = labels.count("180")
    if not tall and upside_down <= DEFAULT_TURNED_SHARE * len(labels):
        return 0
    sure = len(labels) >= DEFAULT_CLS_MIN_LINES
    if sure and upside_down >= DEFAULT_SURE_SHARE * len(labels):
        return 90 if tall else 180
    if sure and tall and len(labels) - upside_down >= DEFAULT_SURE_SHARE * len(labels):
        return 270
    if not sure and len(lines) <= READ_TURN_LINES:  # a short line or two: read one way, not the other
        return read_turn(gray, lines, quarter=tall)
    return None


def read_turn(gray: np.ndarray, boxes: list[np.ndarray], quarter: bool) -> int | None:
    """The turn of a page of few lines told by the recognizer: each line (turned a quarter back
    first where `quarter`) read as it lies and upside down; the way whose readings score at least
    READ_TURN_SURE on average, the other way READ_TURN_MARGIN less, is upright. None where neither is.

    On lines of 2–7 letters lying at 0°, 90°, 180° and 270° the upright reading scored 0.88–1.0,
    the upside-down one 0–0.65 (PP-OCR's line classifier voted wrong on some of them)."""
    crops = [np.ascontiguousarray(np.rot90(c) if quarter else c) for c in line_crops(gray, boxes)]
    if not crops:
        return None
    eng = engine()
    ways = []
    for turned in (0, 2):
        scores = []
        for crop in crops:
            rgb = np.ascontiguousarray(np.stack([np.rot90(crop, turned)] * 3, axis=-1))
            out = eng(rgb, use_det=False, use_cls=False, use_rec=True)
            scores.append(float((out.scores or (0.0,))[0]) if (out.txts or ("",))[0].strip() else 0.0)
        ways.append(sum(scores) / len(scores))
    upright, upside_down = ways
    if upright >= READ_TURN_SURE and upright - upside_down >= READ_TURN_MARGIN:
        return 270 if quarter else 0
    if upside_down >= READ_TURN_SURE and upside_down - upright >= READ_TURN_MARGIN:
        return 90 if quarter else 180
    return None


def pieces(boxes: list[np.ndarray], along_y: bool) -> list[np.ndarray]:
    """Each line box (its upright bounding rectangle) cut along its length (`along_y`: a line
    standing) into pieces about DEFAULT_PIECE_EM of its heights long, at least one a line."""
    out = []
    for box in boxes:
        (x0, y0), (x1, y1) = box.min(axis=0), box.max(axis=0)
        start, end, height = (y0, y1, x1 - x0) if along_y else (x0, x1, y1 - y0)
        count = max(int((end - start) // (DEFAULT_PIECE_EM * max(height, 1.0))), 1)
        for i in range(count):
            a, b = start + i * (end - start) / count, start + (i + 1) * (end - start) / count
            standing = [[x0, a], [x1, a], [x1, b], [x0, b]]
            out.append(np.asarray(standing if along_y else [[a, y0], [b, y0], [b, y1], [a, y1]], dtype=float))
    return out


def line_directions(gray: np.ndarray, boxes: list[np.ndarray], quarter: bool) -> list[str]:
    """The line classifier's reading ("0" upright, "180" upside down) of each box's crop, each
    turned a quarter counter-clockwise first where `quarter`."""
    crops = [
        np.ascontiguousarray(np.stack([np.rot90(crop) if quarter else crop] * 3, axis=-1))
        for crop in line_crops(gray, boxes)
    ]
    if not crops:
        return []
    return [str(label) for label, _score in engine()._load_cls_model()(crops).cls_res]


def line_crops(gray: np.ndarray, boxes: list[np.ndarray]) -> list[np.ndarray]:
    """The page's pixels in each box's upright bounding rectangle (empty ones left out)."""
    crops = []
    for box in boxes:
        x0, y0 = (max(int(v), 0) for v in box.min(axis=0))
        x1, y1 = (int(v) for v in box.max(axis=0))
        if y1 > y0 and x1 > x0:
            crops.append(gray[y0:y1, x0:x1])
    return crops


def read_lines(gray: np.ndarray, native: bool = False) -> list[list[PixelChar]]:
    """The text lines of a grey page image, each as its characters in pixels, left to right
    (`native`: read at the page's own resolution, `detect`)."""
    return recognize(detect(gray, native))


def char_lines(out: Any, gray: np.ndarray) -> list[list[PixelChar]]:
    lines = []
    words = list(out.word_results or ())
    # per-character boxes only where rapidocr gave one set per line (else the lines alone)
    for box, text, chars in zip(
        out.boxes, out.txts, words if len(words) == len(out.txts) else [], strict=False
    ):
        pts = np.asarray(box, dtype=float)
        top, bottom = float(pts[:, 1].min()), float(pts[:, 1].max())
        size = (bottom - top) / DET_BOX_EM
        baseline = bottom - DET_BOX_BELOW * size
        line = [
            PixelChar(
                str(glyph),
                float(np.asarray(cbox)[:, 0].min()),
                float(np.asarray(cbox)[:, 0].max()),
                baseline,
                size,
            )
            for glyph, _score, cbox in chars
            if str(glyph).strip()
        ]
        if line and "".join(c.text for c in line).replace(" ", "") == text.replace(" ", ""):
            line = sorted(line, key=lambda c: c.x0)
            box_x0 = float(pts[:, 0].min())
            marker = missed_marker(gray, box_x0, line[0], top, bottom) or marker_before_box(
                gray, box_x0, line[0], top, bottom
            )
            tail = missed_tail(gray, float(pts[:, 0].max()), line[-1], top, bottom)
            head = [marker] if marker else missed_head(gray, box_x0, line[0], top, bottom)
            line = [*head, *line]
            lines.append(corporation_space(with_spaces(line + tail, gray, top, bottom), gray, top, bottom))
        elif text.strip():  # no usable char boxes: the line's characters spread over its box
            glyphs = [g for g in text if g.strip()]
            x0, x1 = float(pts[:, 0].min()), float(pts[:, 0].max())
            step = (x1 - x0) / max(len(text), 1)
            lines.append(
                [
                    PixelChar(g, x0 + i * step, x0 + (i + 1) * step, baseline, size)
                    for i, g in enumerate(text)
                    if g in glyphs
                ]
            )
    return lines


def missed_marker(
    gray: np.ndarray, box_x0: float, first: PixelChar, top: float, bottom: float
) -> PixelChar | None:
    """A list marker the recognizer left out at the start of its line (PP-OCR often drops it,
    though its box covers it): a filled one (◆ ▶ ● ■) told by its shape (`filled_shape`); another
    read alone, between blanks, and kept only when it reads as one of MARKERS. Else None. The
    shape is looked for in the ink cut at the first character's box, else in the blobs that start
    before that box taken whole: the box may start inside the marker's ink (`◆4/17…`: the `4`
    boxed from the ◆'s middle)."""
    if first.x0 - box_x0 < MARKER_GAP * first.size:
        return None
    a, b = max(int(top), 0), min(int(bottom) + 1, gray.shape[0])
    c, d = max(int(box_x0), 0), max(int(first.x0) - 1, 0)
    if b <= a or d <= c:
        return None
    reach = min(int(first.x0 + MARKER_SIZE[1] * first.size), gray.shape[1])
    # cut at the first character's box (a marker touching the letter in the scan stays apart), else
    # the blobs that start before it taken whole
    cuts = (blob_shape(gray[a:b, c:right], d - c, first.size) for right in (d, reach))
    shape = next((found for found in cuts if found is not None), None)
    if shape is None:
        if not (gray[a:b, c:d] < INK_LEVEL).any():
            return None
        # as cut, else (the first letter's strokes left of its box: `※!`) up to the blank before them
        for width in dict.fromkeys((d - c, before_letter(gray[a:b, c:d]))):
            read = read_alone(gray[a:b, c : c + width]).rstrip(";:；：,.、。 ")
            if read in MARKERS:
                shape = read
                break
    if shape is None:
        return None
    return PixelChar(shape, c, d, first.baseline, first.size)


def before_letter(crop: np.ndarray) -> int:
    """The width of a crop up to the blank column before the ink its right edge cuts (the first
    letter's strokes may start left of its box: read with them, a lost ※ may read `※!`); the whole
    width where the edge cuts no ink, or no blank column parts it. Read only where the crop as cut
    reads no marker: a ※ read right with such strokes may read otherwise without them."""
    blank = np.flatnonzero(~(crop < INK_LEVEL).any(axis=0))
    width = int(crop.shape[1])
    if not width or not (crop[:, -1] < INK_LEVEL).any() or not len(blank):
        return width
    return int(blank[-1]) + 1


def marker_before_box(
    gray: np.ndarray, box_x0: float, first: PixelChar, top: float, bottom: float
) -> PixelChar | None:
    """A filled list marker the detector left outside its line's box, just left of it (a 200 dpi
    binarized scan: the ■ of `■「地域ケア個別会議」…`, the box starting at 「): the largest blob
    within MARKER_BEFORE em left of the box that ends before the first character, told by its shape
    only (`filled_shape`: solid, as wide as high, half an em); else None."""
    a, b = max(int(top), 0), min(int(bottom) + 1, gray.shape[0])
    c, d = max(int(box_x0 - MARKER_BEFORE * first.size), 0), max(int(first.x0) - 1, 0)
    if b <= a or d <= c:
        return None
    ink = (gray[a:b, c:d] < INK_LEVEL).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    box = int(box_x0) - c
    outside = [
        i
        for i in range(1, count)
        if stats[i, cv2.CC_STAT_LEFT] < box
        and stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] < d - c
    ]
    if not outside:
        return None
    index = max(outside, key=lambda i: int(stats[i, cv2.CC_STAT_AREA]))
    x, y, w, h, _area = (int(v) for v in stats[index])
    shape = filled_shape(labels[y : y + h, x : x + w] == index, first.size)
    return None if shape is None else PixelChar(shape, c + x, c + x + w, first.baseline, first.size)


def blob_shape(crop: np.ndarray, before: int, size: float) -> str | None:
    """The filled marker the largest ink blob of a grey crop is (`filled_shape`), of the blobs
    starting left of x = `before`; None where there is none or it is no marker."""
    ink = (crop < INK_LEVEL).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    starts_before = [i for i in range(1, count) if stats[i, cv2.CC_STAT_LEFT] < before]
    if not starts_before:
        return None
    index = max(starts_before, key=lambda i: int(stats[i, cv2.CC_STAT_AREA]))
    x, y, w, h, _area = (int(v) for v in stats[index])
    return filled_shape(labels[y : y + h, x : x + w] == index, size)


def filled_shape(blob: np.ndarray, size: float) -> str | None:
    """The filled marker one solid blob (its ink, cut to its box) is, for a line `size` px high:
    about half an em wide and as wide as high, solid (MARKER_SOLID of its convex hull inked), its
    share of its box filled: ◆ about 0.5-0.65, ● 0.79, ■ 1; a half-filled one with most of its ink
    in its left half (a triangle pointing right, 3:1; a diamond 1:1) is ▶. None for any other
    blob."""
    h, w = blob.shape
    if not (MARKER_SIZE[0] * size <= max(w, h) <= MARKER_SIZE[1] * size and 0.75 <= w / h <= 1.33):
        return None
    if solidity(blob) < MARKER_SOLID:
        return None
    fill = float(blob.sum()) / (w * h)
    shape = next((m for m, (low, high) in MARKER_FILL.items() if low <= fill <= high), None)
    left, right = float(blob[:, : w // 2].sum()), float(blob[:, w - w // 2 :].sum())
    if shape == "◆" and left >= MARKER_POINTING * right:
        return "▶"
    return shape


def solidity(blob: np.ndarray) -> float:
    """The share of a blob's convex hull (in pixels) that is ink."""
    mask = blob.astype(np.uint8)
    hull = np.zeros_like(mask)
    cv2.fillConvexPoly(hull, cv2.convexHull(cv2.findNonZero(mask)), 1)
    return float(mask.sum()) / max(float(hull.sum()), 1.0)


def read_alone(crop: np.ndarray) -> str:
    """What the recognizer reads on a crop of one line set between blanks (half its height each), as
    it reads it (blanks at its ends kept)."""
    blank = np.full((crop.shape[0], crop.shape[0] // 2), 255, dtype=np.uint8)
    alone = np.ascontiguousarray(np.stack([np.hstack([blank, crop, blank])] * 3, axis=-1))
    out = engine()(alone, use_det=False, use_cls=False, use_rec=True)
    return str((out.txts or ("",))[0])


def missed_tail(
    gray: np.ndarray, box_x1: float, last: PixelChar, top: float, bottom: float
) -> list[PixelChar]:
    """Characters the recognizer left out at the end of its line (PP-OCR drops a closing `書` or
    `）` though its box covers it): the ink between the last character and the box's end, read
    alone, where no other line's ink reaches into the box; at most TAIL_CHARS, never a digit or a
    Latin letter (a figure is never made up here)."""
    a, b = max(int(top), 0), min(int(bottom) + 1, gray.shape[0])
    c, d = int(last.x1) + 1, min(int(box_x1), gray.shape[1])
    if box_x1 - last.x1 < MARKER_GAP * last.size or b <= a or d <= c:
        return []
    ink = gray[a:b, c:d] < INK_LEVEL
    if ink[0].any() or ink[-1].any():  # ink of a neighbouring line reaches into the box
        return []
    inked = np.flatnonzero(ink.any(axis=0))
    if not len(inked) or inked[-1] - inked[0] < TAIL_MIN_INK * last.size:
        return []
    x0, x1 = c + int(inked[0]), c + int(inked[-1]) + 1
    read = [g for g in read_alone(gray[a:b, max(x0 - 2, 0) : x1 + 2]) if g.strip()]
    if not read or len(read) > TAIL_CHARS or any((g.isascii() and g.isalnum()) or g.isdigit() for g in read):
        return []
    step = (x1 - x0) / len(read)
    return [
        PixelChar(g, x0 + i * step, x0 + (i + 1) * step, last.baseline, last.size) for i, g in enumerate(read)
    ]


def missed_head(
    gray: np.ndarray, box_x0: float, first: PixelChar, top: float, bottom: float
) -> list[PixelChar]:
    """A letter the detector cut at its line box's left edge, which the recognizer then leaves out
    (a binarized 150 dpi scan: the box of `一般財団法人…` starts in the middle of the 一, read
    `般財団法人…`): where ink crosses the box's left edge, the ink from where it starts (at most
    HEAD_REACH em left of the first character, with a blank column before it) to the first character
    is read alone, where no other line's ink reaches into the box; at most TAIL_CHARS, never a
    digit, a Latin letter or any other ASCII mark (a figure is never made up here)."""
    a, b = max(int(top), 0), min(int(bottom) + 1, gray.shape[0])
    edge, d = int(box_x0), int(first.x0) - 1
    reach = max(int(first.x0 - HEAD_REACH * first.size), 0)
    if b <= a or not reach < edge <= d:
        return []
    ink = gray[a:b, reach:d] < INK_LEVEL
    if ink[0].any() or ink[-1].any():  # ink of a neighbouring line reaches into the box
        return []
    inked: np.ndarray = np.asarray(ink.any(axis=0))
    if not inked[edge - 1 - reach]:  # nothing cut at the box's edge
        return []
    blank = np.flatnonzero(~inked[: edge - reach])
    if not len(blank):  # the ink runs on beyond HEAD_REACH: a rule or another cell's text
        return []
    x0 = reach + int(blank[-1]) + 1
    read = [g for g in read_alone(gray[a:b, max(x0 - 2, 0) : d]) if g.strip()]
    if not read or len(read) > TAIL_CHARS or any(g.isascii() or g.isdigit() for g in read):
        return []
    return [PixelChar(read[0], x0, d, first.baseline, first.size)]


def with_spaces(line: list[PixelChar], gray: np.ndarray, top: float, bottom: float) -> list[PixelChar]:
    """The line with a space character wherever the page shows a blank band at least SPACE_BLANK em
    wide between two of its letters (kana, kanji, Latin letters and digits)."""
    blanks = blanks_between(line, gray, top, bottom)
    if blanks is None:
        return line
    out = [line[0]]
    for (prev, ch), blank in zip(itertools.pairwise(line), blanks, strict=True):
        if prev.text.isalnum() and ch.text.isalnum() and blank >= SPACE_BLANK * ch.size:
            out.append(PixelChar(" ", prev.x1, ch.x0, ch.baseline, ch.size))
        out.append(ch)
    return out


def blanks_between(line: list[PixelChar], gray: np.ndarray, top: float, bottom: float) -> list[int] | None:
    """The widest blank (px, no ink in the line's band) between the middles of each two letters next
    to each other; None for a line of one letter or no band."""
    if len(line) < 2:
        return None
    a, b = max(int(top), 0), min(int(bottom) + 1, gray.shape[0])
    x0, x1 = max(int(line[0].x0), 0), min(int(line[-1].x1) + 1, gray.shape[1])
    if b <= a or x1 <= x0:
        return None
    inked: np.ndarray = np.asarray((gray[a:b, x0:x1] < INK_LEVEL).any(axis=0))
    middles = [int((c.x0 + c.x1) / 2) - x0 for c in line]
    return [longest_blank(inked[max(lo, 0) : max(hi, 0)]) for lo, hi in itertools.pairwise(middles)]


def corporation_space(line: list[PixelChar], gray: np.ndarray, top: float, bottom: float) -> list[PixelChar]:
    """The line with a space where a corporation's name ends and no blank showed it: told from the
    letters' pitch (`ocr_pitch.space_after_corporation`), only in a line read with no space."""
    blanks = blanks_between(line, gray, top, bottom)
    if blanks is None or any(c.text == " " for c in line):
        return line
    centres = [(c.x0 + c.x1) / 2 for c in line]
    at = ocr_pitch.space_after_corporation([c.text for c in line], centres, [0.0, *map(float, blanks)])
    if at is None:
        return line
    before, after = line[at - 1], line[at]
    return [*line[:at], PixelChar(" ", before.x1, after.x0, after.baseline, after.size), *line[at:]]


def longest_blank(inked: np.ndarray) -> int:
    best = run = 0
    for value in inked.tolist():
        run = 0 if value else run + 1
        best = max(best, run)
    return best
