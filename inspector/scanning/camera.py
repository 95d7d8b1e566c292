"""Camera sources and the camera decode worker (Qt-free; threads via :mod:`threading`).

The shape follows audio capture: a capture thread reads frames from OpenCV and keeps only the
latest one in a slot (lock + frame + sequence number; frames are never queued), a decode thread
always takes the newest frame (stale ones are skipped, nothing builds up), and the GUI paints the
latest frame on a timer. The capture thread owns the ``cv2.VideoCapture`` from open to
``release()``; nothing else touches it.

A source is a device index (``"0"``), a video file (played at its native frame rate, looping by
default, so a file behaves like a live "virtual camera") or a stream URL (RTSP/HTTP IP cameras).
Losing the camera is reported through status callbacks and retried with a backoff.
Passwords in stream URLs never reach logs or status messages (:func:`mask_url`).

This module is the public face; the parts are :mod:`.camera_types` (specs, frames, states),
:mod:`.camera_source` (the capture thread), :mod:`.camera_decode` (the decode worker) and
:mod:`.camera_devices` (listing cameras and resolutions).
"""

from __future__ import annotations

from inspector.scanning.camera_decode import (
    AIM_AREA,
    AimArea,
    CameraDecodeWorker,
    CameraFrameDecoder,
    CodeConsensus,
    CodeOverlay,
    FrameDecoder,
    in_aim,
    scan_event_from_code,
)
from inspector.scanning.camera_devices import CameraDevice, list_camera_devices, probe_resolutions
from inspector.scanning.camera_source import CameraSource, open_capture
from inspector.scanning.camera_types import (
    COMMON_RESOLUTIONS,
    DEFAULT_RETRY_DELAYS,
    STREAM_SCHEMES,
    CameraSpec,
    CameraState,
    CameraStatus,
    CameraUnavailableError,
    CaptureFactory,
    Frame,
    RateMeter,
    SourceKind,
    StatusCallback,
    VideoCaptureLike,
    mask_url,
)

__all__ = [
    "AIM_AREA",
    "COMMON_RESOLUTIONS",
    "DEFAULT_RETRY_DELAYS",
    "STREAM_SCHEMES",
    "AimArea",
    "CameraDecodeWorker",
    "CameraDevice",
    "CameraFrameDecoder",
    "CameraSource",
    "CameraSpec",
    "CameraState",
    "CameraStatus",
    "CameraUnavailableError",
    "CaptureFactory",
    "CodeConsensus",
    "CodeOverlay",
    "Frame",
    "FrameDecoder",
    "RateMeter",
    "SourceKind",
    "StatusCallback",
    "VideoCaptureLike",
    "in_aim",
    "list_camera_devices",
    "mask_url",
    "open_capture",
    "probe_resolutions",
    "scan_event_from_code",
]
