"""Keyboard-wedge burst detector: protocol, AIM, garbling repair, limits, properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.scanning.events import ScanError, ScanEvent
from inspector.scanning.wedge import FeedResult, KeyAction, WedgeBurstDetector, WedgeConfig


class FakeAdapter:
    """Minimal model of the Qt adapter: applies FeedResults exactly as the protocol says."""

    def __init__(self, config: WedgeConfig | None = None) -> None:
        self.det = WedgeBurstDetector(config or WedgeConfig(repair=False))
        self.widget: list[str] = []  # what the focused widget received
        self.scans: list[ScanEvent] = []
        self.errors: list[ScanError] = []
        self.timer: float | None = None

    def _apply(self, res: FeedResult, key: str | None) -> None:
        self.widget.extend(res.replay)
        if res.event:
            self.scans.append(res.event)
        if res.error:
            self.errors.append(res.error)
        if key is not None and res.action is KeyAction.PASS:
            self.widget.append(key)
        self.timer = res.flush_at_ms

    def key(self, key: str, t: float) -> None:
        if self.timer is not None and t > self.timer:
            self._apply(self.det.flush(self.timer + 0.1), None)
        self._apply(self.det.feed(key, t), key)

    def idle(self, t: float) -> None:
        if self.timer is not None:
            self._apply(self.det.flush(max(t, self.timer + 0.1)), None)

    def type(self, keys: list[str], start: float, gap: float) -> float:
        t = start
        for k in keys:
            self.key(k, t)
            t += gap
        return t


def test_scanner_burst_yields_one_event_and_nothing_reaches_widget() -> None:
    a = FakeAdapter()
    t = a.type([*"1Z999AA10123456784", "Enter"], 0, 7)
    a.idle(t + 100)
    assert [e.text for e in a.scans] == ["1Z999AA10123456784"]
    assert a.widget == []
    assert a.scans[0].source == "wedge" and a.scans[0].raw == "1Z999AA10123456784"


def test_first_key_is_held_then_replayed_when_no_burst_follows() -> None:
    det = WedgeBurstDetector()
    res = det.feed("a", 1000)
    assert res.action is KeyAction.HOLD and res.flush_at_ms == 1050
    assert det.flush(1040).replay == []  # not yet expired
    res = det.flush(1051)
    assert res.replay == ["a"] and res.event is None


def test_slow_second_key_replays_first_and_holds_second() -> None:
    det = WedgeBurstDetector()
    det.feed("a", 0)
    res = det.feed("b", 150)
    assert res.replay == ["a"] and res.action is KeyAction.HOLD


def test_terminator_when_idle_passes() -> None:
    det = WedgeBurstDetector()
    assert det.feed("Enter", 0).action is KeyAction.PASS
    assert det.feed("\t", 500).action is KeyAction.PASS


def test_short_fast_burst_is_replayed_with_terminator_passed() -> None:
    a = FakeAdapter()
    a.type(["o", "k", "Enter"], 0, 5)
    assert a.scans == [] and a.widget == ["o", "k", "Enter"]


def test_burst_without_terminator_is_typing_not_a_scan() -> None:
    a = FakeAdapter()
    t = a.type(list("8712345678906"), 0, 5)
    a.idle(t + 1000)
    assert a.scans == [] and a.errors == []
    assert a.widget == list("8712345678906")  # what the scanner typed reaches the field, in order


def test_a_confirmed_burst_continues_across_a_stall_of_the_busy_machine() -> None:
    a = FakeAdapter()
    t = a.type(list("https://returns."), 0, 3)
    t = a.type([*"example-shop.nl/r/RMA00000364?pc=2015", "Enter"], t + 120, 3)  # 120 ms stall
    a.idle(t + 1000)
    assert [e.text for e in a.scans] == ["https://returns.example-shop.nl/r/RMA00000364?pc=2015"]
    assert a.widget == []


def test_a_scan_cut_by_a_long_stall_is_refused_not_emitted_as_its_tail() -> None:
    a = FakeAdapter()
    t = a.type(list("https://returns.ex"), 0, 3)
    t = a.type([*"ample-shop.nl/r/RMA00000364?pc=2015", "Enter"], t + 600, 3)  # 600 ms stall
    a.idle(t + 1000)
    assert a.scans == [] and [e.code for e in a.errors] == ["interrupted"]
    assert a.widget == list("https://returns.ex")  # the head went to the field as typing


def test_a_scan_whose_head_was_replayed_is_refused_not_emitted_without_it() -> None:
    a = FakeAdapter()
    a.key("h", 0)
    t = a.type([*"ttps://returns.example-shop.nl/r/RMA00000364", "Enter"], 90, 3)  # stall after 'h'
    a.idle(t + 1000)
    assert a.scans == []
    assert [e.code for e in a.errors] == ["interrupted"]
    assert a.widget == ["h"]


def test_aim_prefix_suffix_and_gs_are_handled() -> None:
    a = FakeAdapter(WedgeConfig(prefix="#", suffix="$", repair=False))
    a.type([*"#]C1010871234567890621AB\x1d10X$", "Enter"], 0, 5)
    ev = a.scans[0]
    assert (ev.aim_id, ev.symbology, ev.text) == ("]C1", "GS1-128", "010871234567890621AB\x1d10X")
    assert ev.is_gs1


def test_control_characters_stripped_with_warning() -> None:
    a = FakeAdapter()
    a.type([*"AB\x07CD\x1eEF\x04", "Enter"], 0, 5)
    ev = a.scans[0]
    assert ev.text == "ABCD\x1eEF\x04"
    assert ev.warnings and "control" in ev.warnings[0]


def test_overlong_burst_rejected_once() -> None:
    a = FakeAdapter(WedgeConfig(max_length=50, repair=False))
    a.type([*("X" * 80), "Enter"], 0, 2)
    assert a.scans == [] and len(a.errors) == 1 and "50" in a.errors[0].message
    assert a.widget == []


def test_default_max_length_is_4096() -> None:
    a = FakeAdapter()
    a.type(["9"] * 4097 + ["Enter"], 0, 1)
    assert len(a.errors) == 1 and a.scans == []


def test_caps_lock_repaired_with_hint() -> None:
    a = FakeAdapter(WedgeConfig())
    a.type([*"rma12345674", "Enter"], 0, 5)
    ev = a.scans[0]
    assert ev.text == "RMA12345674" and ev.repaired and ev.original_text == "rma12345674"
    assert "Caps Lock" in ev.hint


def test_azerty_digit_row_repaired() -> None:
    a = FakeAdapter(WedgeConfig())
    azerty = {"1": "&", "2": "é", "3": '"', "4": "'", "5": "(", "6": "-", "7": "è", "8": "_", "9": "ç",
              "0": "à"}
    a.type([*"".join(azerty[c] for c in "8712345678906"), "Enter"], 0, 5)
    ev = a.scans[0]
    assert ev.text == "8712345678906" and ev.repaired and "AZERTY" in ev.hint


def test_qwertz_repaired_and_ambiguous_azerty_only_hinted() -> None:
    a = FakeAdapter(WedgeConfig())
    a.type([*"LOCßAß01ß03", "Enter", *"&é\"'(-è_çà", "Enter"], 0, 5)
    assert a.scans[0].text == "LOC-A-01-03" and "QWERTZ" in a.scans[0].hint
    assert not a.scans[1].repaired and "AZERTY" in a.scans[1].hint


def test_clean_scan_has_no_hint() -> None:
    a = FakeAdapter(WedgeConfig())
    a.type([*"RMA12345674", "Enter"], 0, 5)
    assert a.scans[0].hint == "" and not a.scans[0].repaired


_SCAN_ALPHABET = st.characters(min_codepoint=32, max_codepoint=0x2FF, blacklist_characters="]",
                               blacklist_categories=("Cc", "Cs"))


@settings(max_examples=150)
@given(st.text(alphabet=_SCAN_ALPHABET, min_size=4, max_size=60), st.floats(1, 25),
       st.sampled_from(["Enter", "Tab", "\r"]))
def test_scanner_speed_yields_exactly_one_event_with_that_text(text: str, gap: float, term: str) -> None:
    a = FakeAdapter()
    t = a.type([*text, term], 10_000, gap)
    a.idle(t + 1000)
    assert [e.text for e in a.scans] == [text]
    assert a.widget == [] and a.errors == []


@settings(max_examples=150)
@given(st.text(alphabet=_SCAN_ALPHABET, min_size=1, max_size=40), st.lists(st.floats(51, 400), min_size=40,
       max_size=40), st.booleans())
def test_human_speed_never_yields_a_scan(text: str, gaps: list[float], enter: bool) -> None:
    a = FakeAdapter()
    keys = [*text, "Enter"] if enter else list(text)
    t = 0.0
    for k, g in zip(keys, [*gaps, 100.0], strict=False):
        a.key(k, t)
        t += g
    a.idle(t + 1000)
    assert a.scans == []
    assert a.widget == keys  # every key reached the widget, in order


@settings(max_examples=60)
@given(st.text(alphabet=_SCAN_ALPHABET, min_size=4, max_size=30),
       st.text(alphabet=_SCAN_ALPHABET, min_size=1, max_size=10))
def test_typing_then_scan_keeps_both_apart(typed: str, scanned_tail: str) -> None:
    scanned = "SCAN" + scanned_tail
    a = FakeAdapter()
    t = a.type(list(typed), 0, 120)
    t = a.type([*scanned, "Enter"], t + 200, 6)
    a.idle(t + 1000)
    assert a.widget == list(typed)
    assert [e.text for e in a.scans] == [scanned]
