"""identify(): conventions, GS1, carriers (sample TSV), ambiguity, properties."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.scanning.carriers import literal_prefix_len, load_formats, match_tracking
from inspector.scanning.checkdigits import gls_check_digit, gs1_check_digit, luhn_check_digit
from inspector.scanning.cli_identify import run_identify
from inspector.scanning.identify import KINDS, expand_upce, identify, make_badge, make_rma
from inspector.scanning.samples import CARRIERS, make_gtin13, make_sscc, make_tracking
from tests.assets import SHARED, need_file

SAMPLE_TSV = SHARED / "data" / "identifiers" / "tracking_numbers_sample.tsv"
LOCAL_SAMPLE = Path(__file__).parent / "tracking_numbers_sample.tsv"


def _sample_rows() -> list[dict[str, str]]:
    path = SAMPLE_TSV if SAMPLE_TSV.exists() else LOCAL_SAMPLE
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.mark.parametrize("row", _sample_rows(), ids=lambda r: r["number"])
def test_sample_tracking_numbers(row: dict[str, str]) -> None:
    expected_valid = row["expected_valid"] == "true"
    top = match_tracking(row["number"])[0]
    assert (top.carrier, top.service, top.valid) == (row["courier"], row["service"], expected_valid)
    result = identify(row["number"])
    assert result.kind == "tracking"
    assert result.valid is expected_valid
    first = result.candidates[0]
    assert (first.carrier, first.service, first.valid) == (row["courier"], row["service"], expected_valid)


def test_the_shared_sample_is_the_one_tested() -> None:
    """The in-repo copy keeps the test running anywhere; CI must test the shared sample itself."""
    need_file(SAMPLE_TSV, "shared tracking-number sample")
    local = LOCAL_SAMPLE.read_text(encoding="utf-8").splitlines()
    assert len(_sample_rows()) >= len(local) - 1


def test_sample_numbers_tolerate_spaces_and_lower_case() -> None:
    result = identify(" 1z 999 aa1 0123 4567 84 ")
    assert (result.kind, result.valid, result.normalized) == ("tracking", True, "1Z999AA10123456784")


def test_all_regexes_load_with_python_groups() -> None:
    formats = load_formats()
    assert {f.courier_code for f in formats} >= {"ups", "dhl", "dpd", "s10", "postnl", "gls", "bpost"}
    assert all("(?<" not in f.pattern.pattern.replace("(?<=", "").replace("(?<!", "") for f in formats)
    assert literal_prefix_len(r"\s*1\s*Z\s*(?P<S>[0-9])") == 2


@pytest.mark.parametrize(
    ("text", "carrier", "service"),
    [("3SDEVC748859096", "postnl", "PostNL (3S)"), ("3SDEVC6659149", "postnl", "PostNL (3S)"),
     ("00340433836442636597", "dhl", "DHL Paket (20)"), ("JJD000390007827140000", "dhl", "DHL Paket (JJD)"),
     ("3SDHL123456789", "dhl", "DHL Parcel NL (3SDHL)"),
     ("JVGL06255849850015", "dhl", "DHL Parcel NL (JVGL)"),
     ("0998 0000 0200 33F", "dpd", "DPD (14)"), ("01015026003653", "dpd", "DPD (14, parcel number)"),
     ("323299901234567890123456", "bpost", "bpost (24)"), ("RR123456785NL", "s10", "S10")],
)
def test_eu_formats(text: str, carrier: str, service: str) -> None:
    result = identify(text)
    assert result.kind == "tracking" and result.valid
    assert (result.candidates[0].carrier, result.candidates[0].service) == (carrier, service)


# Published numbers per carrier the generators make (postnl, dhl, dpd, gls, ups), with their source:
# identify() must name the carrier without any help from our own generators.
PUBLISHED = [
    ("3SDEVC748859096", "postnl", "PostNL (3S)"),  # PostNL API documentation example
    ("00340433836442636597", "dhl", "DHL Paket (20)"),  # paketda.de, Prüfziffern für Paketnummern
    ("01905002345615Y", "dpd", "DPD (14)"),  # CPAN Business::DPD, t/Label/calc_tracking_number.t
    ("0998 0000 0200 33F", "dpd", "DPD (14)"),  # jkeen/tracking_number_data, DPD examples
    ("36631234567", "gls", "GLS (11, without check digit)"),  # gls-group.com/FR help: parcel number
    ("1Z5R89390357567127", "ups", "UPS"),  # jkeen/tracking_number, ups_tracking_number_test.rb
    ("1Z999AA10123456784", "ups", "UPS"),  # UPS documentation example
]


@pytest.mark.parametrize(("text", "carrier", "service"), PUBLISHED, ids=[p[0] for p in PUBLISHED])
def test_published_reference_numbers(text: str, carrier: str, service: str) -> None:
    result = identify(text)
    assert result.kind == "tracking" and result.valid
    assert (result.candidates[0].carrier, result.candidates[0].service) == (carrier, service)
    if any(c.isdigit() for c in text[-1:]) and carrier not in ("gls", "postnl"):
        last = text.replace(" ", "")[-1]
        corrupted = text.replace(" ", "")[:-1] + ("0" if last != "0" else "1")
        assert not any(c.valid for c in identify(corrupted).candidates if c.service == service)


def test_published_dhl_paket_12_is_valid_for_dhl() -> None:
    """paketda.de's DHL Paket (12) example: ambiguous by length (FedEx 12, GLS 12 also fit), but the
    DHL reading must be there and valid (weights 4,9)."""
    found = {(c.carrier, c.service): c.valid for c in identify("201298452277").candidates}
    assert found[("dhl", "DHL Paket (12)")] is True


def test_gls_12_with_check_digit() -> None:
    body = "12345678901"
    check = gls_check_digit(body)
    assert check == "1"  # GS1 digit for this body is 2; GLS adds 1 before taking the complement
    good = next(m for m in match_tracking(body + check) if m.service == "GLS (12)")
    assert good.valid
    bad = next(m for m in match_tracking(body + "2") if m.service == "GLS (12)")
    assert not bad.valid


def test_rma_conventions() -> None:
    assert make_rma(1234567) == "RMA12345674"
    for text in ("RMA12345674", "rma-1234 5674", " Rma 1234-5674 "):
        r = identify(text)
        assert (r.kind, r.valid, r.normalized, r.fields["rma"]) == ("rma", True, "RMA12345674", "RMA12345674")
    bad = identify("RMA12345675")
    assert (bad.kind, bad.valid) == ("rma", False)
    assert identify("RMA123").kind == "rma" and not identify("RMA123").valid


def test_return_portal_urls() -> None:
    r = identify("https://returns.example.nl/r/RMA12345674?pc=1234ab")
    assert (r.kind, r.valid, r.fields["rma"], r.fields["postcode"]) == ("rma", True, "RMA12345674", "1234AB")
    r = identify("https://returns.shop.eu/start?rma=RMA12345674")
    assert (r.kind, r.valid, r.normalized) == ("rma", True, "RMA12345674")
    assert "postcode" not in r.fields
    assert identify("https://example.com/page").kind == "unknown"


def test_badge_and_location() -> None:
    assert make_badge(123) == "BDG000123"
    r = identify("bdg000123")
    assert (r.kind, r.valid, r.fields) == ("badge", True, {"badge": "BDG000123"})
    r = identify("LOC-A-01-03")
    assert (r.kind, r.valid, r.normalized, r.fields["aisle"]) == ("location", True, "LOC-A-01-03", "A")


def test_gtin_forms_are_the_same_gtin() -> None:
    upca, ean13 = identify("036000291452"), identify("0036000291452")
    assert upca.kind == ean13.kind == "gtin"
    assert upca.fields["gtin"] == ean13.fields["gtin"] == "00036000291452"
    assert upca.fields["format"] == "UPCA"
    assert identify("]E08712345678906").fields == {"gtin": "08712345678906", "format": "EAN13"}
    assert identify("96385074").fields["format"] == "EAN8"
    upce = identify("04252614", symbology="UPCE")
    assert upce.kind == "gtin" and upce.fields["upca"] == "042100005264"
    assert expand_upce("04252614") == "042100005264"


def test_gtin_wins_but_lists_carriers() -> None:
    r = identify("012345678905")  # valid UPC-A; also a valid DHL Paket (12) number
    assert (r.kind, r.valid) == ("gtin", True)
    assert ("dhl", "DHL Paket (12)", True) in [(c.carrier, c.service, c.valid) for c in r.candidates]


def test_corrupted_gtin_is_invalid_gtin() -> None:
    r = identify("8712345678907")
    assert (r.kind, r.valid) == ("gtin", False)
    r = identify("12345678901234")  # 14 digits: "DHL E-Commerce (14)" format-only match is no evidence
    assert (r.kind, r.valid) == ("gtin", False)
    assert r.candidates and r.candidates[0].service == "DHL E-Commerce (14)"


def test_gs1_128_with_aim_and_gs() -> None:
    r = identify("]C1010871234567890621SER1\x1d10LOT7\x1d17251231")
    assert (r.kind, r.valid) == ("gs1", True)
    assert r.fields["gtin"] == "08712345678906"
    assert (r.fields["serial"], r.fields["batch"], r.fields["expiry"]) == ("SER1", "LOT7", "2025-12-31")
    assert r.normalized == "(01)08712345678906(21)SER1(10)LOT7(17)251231"


def test_gs1_datamatrix_hri_and_digital_link() -> None:
    r = identify("]d2010871234567890615240229")
    assert (r.kind, r.valid, r.fields["best_before"]) == ("gs1", True, "2024-02-29")
    r = identify("(01)08712345678906(21)ABC(17)251200")
    assert (r.kind, r.valid, r.fields["expiry"]) == ("gs1", True, "2025-12-31")
    r = identify("https://id.gs1.org/01/08712345678906/21/XYZ?17=260115")
    assert (r.kind, r.valid, r.fields["serial"], r.fields["expiry"]) == ("gs1", True, "XYZ", "2026-01-15")


@pytest.mark.parametrize("text", ["]C10108712345678903", "(01)08712345678906(17)250230",
                                  "(01)08712345678906(17)251301", "]d2010871234567890617250231"])
def test_gs1_bad_check_digit_or_impossible_date_is_invalid(text: str) -> None:
    r = identify(text)
    assert r.kind == "gs1" and not r.valid and r.fields.get("error")


def test_sscc() -> None:
    r = identify("(00)340433836442636597")
    assert (r.kind, r.valid, r.fields["sscc"]) == ("sscc", True, "340433836442636597")
    r = identify("340433836442636597")
    assert (r.kind, r.valid) == ("sscc", True)
    assert identify("340433836442636598").valid is False


def test_to_json_shape() -> None:
    data = identify("1Z999AA10123456784").to_json()
    assert list(data) == ["input", "kind", "valid", "normalized", "candidates", "fields"]
    assert data["candidates"][0] == {"carrier": "ups", "service": "UPS", "valid": True}
    json.dumps(data)


def test_cli_json_and_human() -> None:
    out = io.StringIO()
    assert run_identify(["1Z999AA10123456784", "garbage!"], True, out) == 0
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["kind"] for line in lines] == ["tracking", "unknown"]
    out = io.StringIO()
    assert run_identify(["RMA12345674"], False, out) == 0
    assert "rma" in out.getvalue() and "valid" in out.getvalue()


# --- properties ---------------------------------------------------------------------------------------

@given(st.integers(0, 10**7 - 1))
def test_rma_round_trip(n: int) -> None:
    rma = make_rma(n)
    r = identify(rma.lower())
    assert (r.kind, r.valid, r.normalized) == ("rma", True, rma)


@given(st.integers(0, 10**7 - 1), st.integers(1, 9))
def test_rma_corrupted_check_digit_never_valid(n: int, delta: int) -> None:
    rma = make_rma(n)
    bad = rma[:-1] + str((int(rma[-1]) + delta) % 10)
    assert not identify(bad).valid


@given(st.text(alphabet="0123456789", min_size=11, max_size=11), st.sampled_from(["", " ", "  "]))
def test_gtin_round_trip(body: str, sep: str) -> None:
    upc = body + gs1_check_digit(body)
    r = identify(sep.join([upc[:6], upc[6:]]))
    assert (r.kind, r.valid, r.fields["gtin"]) == ("gtin", True, upc.zfill(14))


@given(st.integers(0, 2**32))
def test_gtin13_and_sscc_generators(seed: int) -> None:
    rng = random.Random(seed)
    gtin = make_gtin13(rng)
    assert gtin.startswith("87") and identify(gtin).kind == "gtin" and identify(gtin).valid
    sscc = make_sscc(rng)
    assert identify(sscc).kind == "sscc" and identify(sscc).valid


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(1, 9))
def test_corrupted_ean13_never_valid(body: str, delta: int) -> None:
    good = body + gs1_check_digit(body)
    bad = good[:-1] + str((int(good[-1]) + delta) % 10)
    r = identify(bad)
    assert not (r.kind == "gtin" and r.valid)
    assert r.fields.get("gtin") != good.zfill(14) or not r.valid


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CARRIERS), st.integers(0, 2**32))
def test_generated_tracking_round_trip(carrier: str, seed: int) -> None:
    number = make_tracking(carrier, random.Random(seed))
    r = identify(number)
    assert (r.kind, r.valid, r.candidates[0].carrier) == ("tracking", True, carrier)
    spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4)).lower()
    assert identify(spaced).normalized == number


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(CARRIERS), st.integers(0, 2**32))
def test_unverified_tracking_numbers_still_identify(carrier: str, seed: int) -> None:
    """The fast path for demo data (verify=False) gives numbers identify() attributes to the carrier."""
    rng = random.Random(seed)
    for _ in range(20):
        number = make_tracking(carrier, rng, verify=False)
        r = identify(number)
        assert (r.kind, r.valid, r.candidates[0].carrier) == ("tracking", True, carrier), number


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["dhl", "dpd", "gls", "ups"]), st.integers(0, 2**32))
def test_corrupted_tracking_check_digit_not_valid_for_that_format(carrier: str, seed: int) -> None:
    number = make_tracking(carrier, random.Random(seed))
    top_service = identify(number).candidates[0].service
    last = number[-1]
    bad = number[:-1] + ("0" if last != "0" else "1") if last.isdigit() else number[:-1] + "1"
    same = [c for c in identify(bad).candidates if c.service == top_service]
    assert all(not c.valid for c in same)


@settings(max_examples=300)
@given(st.text(max_size=80))
def test_junk_never_crashes(text: str) -> None:
    r = identify(text)
    assert r.kind in KINDS
    json.dumps(r.to_json())


@given(st.text(alphabet="0123456789", min_size=7, max_size=7), st.integers(1, 9))
def test_luhn_generator_consistency(body: str, delta: int) -> None:
    check = luhn_check_digit(body)
    assert identify(f"RMA{body}{check}").valid
    assert not identify(f"RMA{body}{(int(check) + delta) % 10}").valid


# --- raw GS1 element strings and short UPC-E (issue 14 §4) ----------------------------------------------

def test_raw_gs1_gtin_is_not_an_invalid_canada_post_number() -> None:
    r = identify("0105901234123457")
    assert (r.kind, r.valid) == ("gs1", True)
    assert r.fields["gtin"] == "05901234123457"
    assert r.normalized == "(01)05901234123457"
    # the carrier pattern it also matches is still listed, with its failed check digit
    assert ("canada_post", False) in [(c.carrier, c.valid) for c in r.candidates]


def test_raw_gs1_gtin_best_before_batch() -> None:
    r = identify("010703206980498815210526100329")
    assert (r.kind, r.valid) == ("gs1", True)
    fields = (r.fields["gtin"], r.fields["best_before"], r.fields["batch"])
    assert fields == ("07032069804988", "2021-05-26", "0329")
    assert r.normalized == "(01)07032069804988(15)210526(10)0329"


def test_raw_gs1_with_alphanumeric_batch_and_serial() -> None:
    r = identify("0105901234123457" + "17260131" + "10AB-12")
    assert (r.kind, r.valid, r.fields["expiry"], r.fields["batch"]) == ("gs1", True, "2026-01-31", "AB-12")


def test_raw_gs1_with_wrong_gtin_check_digit_is_not_a_valid_gs1() -> None:
    r = identify("0105901234123458")
    assert not (r.kind == "gs1" and r.valid)


@pytest.mark.parametrize("text", ["9400111202555842332669", "9611019012345612345671", "70160910000108310009",
                                  "00340433836442636597", "9622080430002481027200399594546820"])
def test_long_numeric_tracking_numbers_stay_tracking(text: str) -> None:
    """Company-internal AIs (91-99) and SSCC-shaped DHL numbers carry no GS1 check: carriers keep them."""
    assert identify(text).kind == "tracking"


@pytest.mark.parametrize(("text", "upca"), [("425261", "042100005264"), ("1425261", "142100005261"),
                                            ("04252614", "042100005264"), ("14252611", "142100005261")])
def test_upce_short_forms_in_item_verification(text: str, upca: str) -> None:
    r = identify(text, product=True)
    assert (r.kind, r.valid) == ("gtin", True)
    assert (r.fields["format"], r.fields["upca"], r.fields["gtin"]) == ("UPCE", upca, upca.zfill(14))


def test_upce_short_forms_need_the_context() -> None:
    assert identify("425261").kind == "unknown"  # six digits at intake are no product code
    assert identify("425261", symbology="UPCE").fields["gtin"] == "00042100005264"  # the scanner says UPC-E
    assert identify("9425261", product=True).kind == "unknown"  # UPC-E number systems are 0 and 1 only


def test_eight_digits_valid_as_ean8_and_upce_name_both() -> None:
    r = identify("12345670", product=True)
    assert (r.kind, r.valid, r.fields["format"]) == ("gtin", True, "EAN8")
    assert r.fields["alternatives"] == ["00123456000070"]  # the UPC-E reading of the same digits
