"""``inspector central enrol``: create or rotate a station's login and hand over its one-time code.

See :mod:`inspector.sync.enrolment` (the code) and :mod:`inspector.sync.join` (the station's side).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_USAGE = 0, 2


def add_enrol_arguments(action: argparse.ArgumentParser) -> None:
    action.add_argument("--station", required=True, metavar="WAREHOUSE:STATION", help="e.g. NL-AMS:ST-02")
    action.add_argument("--prefix", default="inspector", help="role name prefix (default inspector)")
    action.add_argument("--address", metavar="URL",
                        help="the address stations connect to, if not the admin URL's host/port/database")
    action.add_argument("--sslmode", choices=("disable", "require", "verify-ca", "verify-full"),
                        help="TLS for the station's connection (verify-full: certificate and host name)")
    action.add_argument("--ca-file", type=Path, metavar="PEM",
                        help="the CA certificate that signed the server's (travels in the code)")
    action.add_argument("--login-group", action="append", default=[], metavar="ROLE",
                        help="also make the login a member of ROLE (e.g. the group pg_hba.conf requires "
                             "scram-sha-256 of); repeatable")
    action.add_argument("--time-zone", metavar="ZONE", help="the warehouse's local time zone")
    action.add_argument("--out", type=Path, metavar="FILE",
                        help="write the code to FILE (readable by you only) instead of printing it")


def run_enrol(args: argparse.Namespace, url: str, out: TextIO) -> int:
    from inspector.private_files import write_private
    from inspector.sync.enrolment import EnrolmentError, enrol_station

    warehouse, _, station = args.station.partition(":")
    if not warehouse or not station:
        out.write(f"--station wants WAREHOUSE:STATION, not {args.station!r}\n")
        return EXIT_USAGE
    try:
        enrolment = enrol_station(url, warehouse, station, prefix=args.prefix, address=args.address,
                                  sslmode=args.sslmode, ca_file=args.ca_file, time_zone=args.time_zone,
                                  login_groups=tuple(args.login_group))
    except EnrolmentError as exc:
        out.write(f"central enrol: {exc}\n")
        return EXIT_USAGE
    code = enrolment.encode()
    out.write(f"Station {warehouse}:{station} has a login with a new password; any older password of it "
              "no longer works.\n")
    if args.out:
        text = (f"# Return Inspector enrolment of station {warehouse}:{station}"
                f" (one-time; holds a password)\n{code}\n")
        write_private(args.out, text.encode("utf-8"))
        out.write(f"Enrolment file: {args.out} (one-time; it holds the password: hand it over like one).\n")
    else:  # shown once, on the console only; never logged
        out.write(f"Enrolment code (one-time; it holds the password: hand it over like one):\n{code}\n")
    out.write("At the station: inspector setup --join CODE-OR-FILE ...   (a station already set up: "
              "inspector join CODE-OR-FILE)\n")
    return EXIT_OK
