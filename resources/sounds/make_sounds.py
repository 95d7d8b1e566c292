"""Generate the station's success and error beeps (16-bit mono WAV) with the standard library.

Run ``python resources/sounds/make_sounds.py``; the WAV files are committed.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050


def tone(frequency: float, seconds: float, volume: float = 0.6) -> list[float]:
    """A sine tone with 10 ms fades at both ends (no clicks)."""
    count = int(RATE * seconds)
    fade = int(RATE * 0.01)
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(volume * envelope * math.sin(2 * math.pi * frequency * i / RATE))
    return samples


def silence(seconds: float) -> list[float]:
    """Quiet between two tones."""
    return [0.0] * int(RATE * seconds)


def write(path: Path, samples: list[float]) -> None:
    """Write samples in [-1, 1] as a 16-bit mono WAV file."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


def main() -> None:
    """Write success.wav (one bright rising chirp) and error.wav (two low buzzes)."""
    here = Path(__file__).resolve().parent
    write(here / "success.wav", tone(1318.5, 0.07) + tone(1760.0, 0.11))
    write(here / "error.wav", tone(220.0, 0.16, 0.7) + silence(0.06) + tone(196.0, 0.22, 0.7))


if __name__ == "__main__":
    main()
