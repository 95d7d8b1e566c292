<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message>
        <source>CameraView</source>
        <comment>Opening camera…</comment>
        <extracomment>outline of a decoded code decode results older than this are not drawn (the code may have moved)</extracomment>
        <translation>CameraView</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>No camera found — retrying…</comment>
        <translation>CameraView</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>Camera disconnected — reconnecting…</comment>
        <translation>CameraView</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>End of the video</comment>
        <translation>CameraView</translation>
    </message>
    <message>
        <source>CameraView</source>
        <comment>Camera off</comment>
        <translation>CameraView</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>The database is busy or locked by another program. Close other Return Inspector windows on this PC and try again.</source>
        <translation>The database is busy or locked by another program. Close other Return Inspector windows on this PC and try again.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space; nothing already saved is lost.</source>
        <translation>The disk is full. Free some space; nothing already saved is lost.</translation>
    </message>
    <message>
        <source>The disk could not be read or written. Check the drive; nothing saved is lost.</source>
        <translation>The disk could not be read or written. Check the drive; nothing saved is lost.</translation>
    </message>
    <message>
        <source>The database file is damaged or is not a Return Inspector database. Restore it from the backups folder or ask IT for help.</source>
        <translation>The database file is damaged or is not a Return Inspector database. Restore it from the backups folder or ask IT for help.</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from the backups folder or ask IT for help.</source>
        <translation>The database file is damaged. Restore it from the backups folder or ask IT for help.</translation>
    </message>
    <message>
        <source>The database is read-only. Check the permissions of the data folder.</source>
        <translation>The database is read-only. Check the permissions of the data folder.</translation>
    </message>
    <message>
        <source>The database file cannot be opened. Check that the data folder exists and is writable.</source>
        <translation>The database file cannot be opened. Check that the data folder exists and is writable.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>A problem with the database</source>
        <translation>A problem with the database</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Return Inspector ran into an unexpected problem. What you saved before is safe. Please tell your team lead what you were doing; the details are in the log file.</source>
        <translation>Return Inspector ran into an unexpected problem. What you saved before is safe. Please tell your team lead what you were doing; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import returns</source>
        <translation>Import returns</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importing %1</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <source>%1 of %2 lines read</source>
        <translation>%1 of %2 lines read</translation>
    </message>
    <message>
        <source>%1 lines read</source>
        <translation>%1 lines read</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>Imported %1</translation>
    </message>
    <message>
        <source>The import was cancelled. Returns imported before that are kept.</source>
        <translation>The import was cancelled. Returns imported before that are kept.</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>The import was cancelled.</translation>
    </message>
    <message>
        <source>The file could not be imported: %1</source>
        <translation>The file could not be imported: %1</translation>
    </message>
    <message>
        <source>The import stopped because of an unexpected problem. The details are in the log file.</source>
        <translation>The import stopped because of an unexpected problem. The details are in the log file.</translation>
    </message>
</context>
<context>
    <name>ImportReportView</name>
    <message>
        <source>New returns</source>
        <translation>New returns</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Returns not imported</source>
        <translation>Returns not imported</translation>
    </message>
    <message>
        <source>%1 rows were not imported. Correct them in the file and import it again.</source>
        <translation>%1 rows were not imported. Correct them in the file and import it again.</translation>
    </message>
    <message>
        <source>Every line was imported.</source>
        <translation>Every line was imported.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Tracking number, RMA or return QR code</source>
        <translation>Tracking number, RMA or return QR code</translation>
    </message>
    <message>
        <source>Coming with the inspection station</source>
        <translation>Coming with the inspection station</translation>
    </message>
    <message>
        <source>After a scan this page will show the announced return: customer, order, the items with their reasons and the refund choice. From there you open the inspection checklist, take photos, grade each item and print its label.</source>
        <translation>After a scan this page will show the announced return: customer, order, the items with their reasons and the refund choice. From there you open the inspection checklist, take photos, grade each item and print its label.</translation>
    </message>
    <message>
        <source>Scan a parcel</source>
        <translation>Scan a parcel</translation>
    </message>
    <message>
        <source>1. Scan the carrier&apos;s barcode on the parcel, or the QR code of the return label.
2. No barcode? Type the tracking number or RMA and press Enter.
3. The return that was announced for it opens here.</source>
        <translation>1. Scan the carrier&apos;s barcode on the parcel, or the QR code of the return label.
2. No barcode? Type the tracking number or RMA and press Enter.
3. The return that was announced for it opens here.</translation>
    </message>
    <message>
        <source>Scanned %1. Looking up parcels is not available yet at this station.</source>
        <translation>Scanned %1. Looking up parcels is not available yet at this station.</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Return Inspector — log in</source>
        <translation>Return Inspector — log in</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation>Badge code</translation>
    </message>
    <message>
        <source>Scan your badge</source>
        <translation>Scan your badge</translation>
    </message>
    <message>
        <source>Hold your badge under the scanner, or type its code and press Enter.</source>
        <translation>Hold your badge under the scanner, or type its code and press Enter.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Or choose your name</source>
        <translation>Or choose your name</translation>
    </message>
    <message>
        <source>Arrow keys to choose, Enter to continue.</source>
        <translation>Arrow keys to choose, Enter to continue.</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Enter your PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Supervisors, team leads and administrators confirm their badge with their PIN.</source>
        <translation>Supervisors, team leads and administrators confirm their badge with their PIN.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Badge %1 is not known here. Try again or ask your team lead.</source>
        <translation>Badge %1 is not known here. Try again or ask your team lead.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <source>This user can no longer log in. Ask your team lead.</source>
        <translation>This user can no longer log in. Ask your team lead.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Wait %1 seconds, then try again.</source>
        <translation>Too many wrong PINs. Wait %1 seconds, then try again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Return Inspector — %1</source>
        <translation>Return Inspector — %1</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>%1   F%2</source>
        <translation>%1   F%2</translation>
    </message>
    <message>
        <source>F%1 or Alt+%1</source>
        <translation>F%1 or Alt+%1</translation>
    </message>
</context>
<context>
    <name>RejectionTableModel</name>
    <message>
        <source>File and line</source>
        <translation>File and line</translation>
    </message>
    <message>
        <source>RMA</source>
        <translation>RMA</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>Why it was not imported</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Coming next</source>
        <translation>Coming next</translation>
    </message>
    <message>
        <source>Intake reports per day or period as PDF, CSV or Excel: returns received, grades, reasons and processing times. Labels can be printed again and evidence packs exported for customers, carriers and payment providers.</source>
        <translation>Intake reports per day or period as PDF, CSV or Excel: returns received, grades, reasons and processing times. Labels can be printed again and evidence packs exported for customers, carriers and payment providers.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>What this station holds now:</source>
        <translation>What this station holds now:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Coming next</source>
        <translation>Coming next</translation>
    </message>
    <message>
        <source>Finished inspections waiting for a supervisor, exceptions to look at (wrong or missing items, suspected fraud, late returns) and open disputes with their evidence will be listed here.</source>
        <translation>Finished inspections waiting for a supervisor, exceptions to look at (wrong or missing items, suspected fraud, late returns) and open disputes with their evidence will be listed here.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>What this station holds now:</source>
        <translation>What this station holds now:</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Example supervisor</source>
        <translation>Example supervisor</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation>Same as the computer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Play a sound after each scan</source>
        <translation>Play a sound after each scan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>A new language is used from the next login.</source>
        <translation>A new language is used from the next login.</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>Station code</translation>
    </message>
    <message>
        <source>Warehouse code</source>
        <translation>Warehouse code</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Central database</translation>
    </message>
    <message>
        <source>Sync every</source>
        <translation>Sync every</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Scanner types like a keyboard</source>
        <translation>Scanner types like a keyboard</translation>
    </message>
    <message>
        <source>e.g. COM3</source>
        <translation>e.g. COM3</translation>
    </message>
    <message>
        <source>Keyboard wedge</source>
        <translation>Keyboard wedge</translation>
    </message>
    <message>
        <source>Time between keys</source>
        <translation>Time between keys</translation>
    </message>
    <message>
        <source>Shortest barcode</source>
        <translation>Shortest barcode</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Suffix</source>
        <translation>Suffix</translation>
    </message>
    <message>
        <source>Ends with</source>
        <translation>Ends with</translation>
    </message>
    <message>
        <source>Serial scanner</source>
        <translation>Serial scanner</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>A scanner on a (virtual) COM port is not affected by the keyboard layout or Caps Lock.</source>
        <translation>A scanner on a (virtual) COM port is not affected by the keyboard layout or Caps Lock.</translation>
    </message>
    <message>
        <source>Use a camera to read barcodes and take photos</source>
        <translation>Use a camera to read barcodes and take photos</translation>
    </message>
    <message>
        <source>A device number (0 is the first camera), a video file, or a stream address (rtsp:// or http://).</source>
        <translation>A device number (0 is the first camera), a video file, or a stream address (rtsp:// or http://).</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>Printer name or IP address</source>
        <translation>Printer name or IP address</translation>
    </message>
    <message>
        <source>Label size</source>
        <translation>Label size</translation>
    </message>
    <message>
        <source>Print labels with</source>
        <translation>Print labels with</translation>
    </message>
    <message>
        <source>Zebra printer</source>
        <translation>Zebra printer</translation>
    </message>
    <message>
        <source>Zebra port</source>
        <translation>Zebra port</translation>
    </message>
    <message>
        <source>Codes use letters, digits, - and _ only (at most 32), e.g. ST-01 or NL-AMS.</source>
        <translation>Codes use letters, digits, - and _ only (at most 32), e.g. ST-01 or NL-AMS.</translation>
    </message>
    <message>
        <source>The central database must be a postgresql:// address, or empty.</source>
        <translation>The central database must be a postgresql:// address, or empty.</translation>
    </message>
    <message>
        <source>Camera %1 is not a device number, an existing video file or a stream address.</source>
        <translation>Camera %1 is not a device number, an existing video file or a stream address.</translation>
    </message>
    <message>
        <source>Printing to a Zebra printer needs its name or IP address.</source>
        <translation>Printing to a Zebra printer needs its name or IP address.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Import returns…</source>
        <translation>Import returns…</translation>
    </message>
    <message>
        <source>Read announced returns from a CSV or JSONL file</source>
        <translation>Read announced returns from a CSV or JSONL file</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>The new station or warehouse code is used after a restart.</source>
        <translation>The new station or warehouse code is used after a restart.</translation>
    </message>
    <message>
        <source>The new language is used from the next login.</source>
        <translation>The new language is used from the next login.</translation>
    </message>
    <message>
        <source>Importing returns is not part of this version yet.</source>
        <translation>Importing returns is not part of this version yet.</translation>
    </message>
    <message>
        <source>Import returns</source>
        <translation>Import returns</translation>
    </message>
    <message>
        <source>Returns files (*.csv *.jsonl *.ndjson);;All files (*)</source>
        <translation>Returns files (*.csv *.jsonl *.ndjson);;All files (*)</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Station %1</source>
        <translation>Station %1</translation>
    </message>
    <message>
        <source>Database %1</source>
        <translation>Database %1</translation>
    </message>
    <message>
        <source>Log out (Ctrl+L)</source>
        <translation>Log out (Ctrl+L)</translation>
    </message>
    <message>
        <source>Offline — not configured</source>
        <translation>Offline — not configured</translation>
    </message>
    <message>
        <source>Sync not running yet</source>
        <translation>Sync not running yet</translation>
    </message>
    <message>
        <source>%1 · %2 changes waiting</source>
        <translation>%1 · %2 changes waiting</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Returns announced</source>
        <translation>Returns announced</translation>
    </message>
    <message>
        <source>Parcels received</source>
        <translation>Parcels received</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <source>Inspections open</source>
        <translation>Inspections open</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Changes waiting to sync</source>
        <translation>Changes waiting to sync</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Enter or Tab</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Print dialog</source>
        <translation>Print dialog</translation>
    </message>
    <message>
        <source>Zebra printer (ZPL over the network)</source>
        <translation>Zebra printer (ZPL over the network)</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Team lead</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>A required value is missing.</source>
        <translation>A required value is missing.</translation>
    </message>
    <message>
        <source>The RMA number is not valid (RMA and 8 digits).</source>
        <translation>The RMA number is not valid (RMA and 8 digits).</translation>
    </message>
    <message>
        <source>The GTIN (EAN) is not valid.</source>
        <translation>The GTIN (EAN) is not valid.</translation>
    </message>
    <message>
        <source>A date cannot be read or is impossible.</source>
        <translation>A date cannot be read or is impossible.</translation>
    </message>
    <message>
        <source>The refund choice is not known.</source>
        <translation>The refund choice is not known.</translation>
    </message>
    <message>
        <source>The country is not known.</source>
        <translation>The country is not known.</translation>
    </message>
    <message>
        <source>The product category is not known.</source>
        <translation>The product category is not known.</translation>
    </message>
    <message>
        <source>The return reason is not known.</source>
        <translation>The return reason is not known.</translation>
    </message>
    <message>
        <source>The sales channel is not known.</source>
        <translation>The sales channel is not known.</translation>
    </message>
    <message>
        <source>The customer segment is not known.</source>
        <translation>The customer segment is not known.</translation>
    </message>
    <message>
        <source>The currency is not known.</source>
        <translation>The currency is not known.</translation>
    </message>
    <message>
        <source>The warehouse is not known at this station.</source>
        <translation>The warehouse is not known at this station.</translation>
    </message>
    <message>
        <source>The text is not UTF-8. Save the file as &apos;CSV UTF-8&apos;.</source>
        <translation>The text is not UTF-8. Save the file as &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>A value looks like a spreadsheet formula and is refused.</source>
        <translation>A value looks like a spreadsheet formula and is refused.</translation>
    </message>
    <message>
        <source>The quantity is not a positive whole number.</source>
        <translation>The quantity is not a positive whole number.</translation>
    </message>
    <message>
        <source>The price is not valid.</source>
        <translation>The price is not valid.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid.</source>
        <translation>The e-mail address is not valid.</translation>
    </message>
    <message>
        <source>The postcode does not fit the country.</source>
        <translation>The postcode does not fit the country.</translation>
    </message>
    <message>
        <source>The tracking number is not valid.</source>
        <translation>The tracking number is not valid.</translation>
    </message>
    <message>
        <source>The line number is not valid.</source>
        <translation>The line number is not valid.</translation>
    </message>
    <message>
        <source>The same return line appears twice.</source>
        <translation>The same return line appears twice.</translation>
    </message>
    <message>
        <source>The same RMA number appears with different details.</source>
        <translation>The same RMA number appears with different details.</translation>
    </message>
    <message>
        <source>The return is already being inspected and was not changed.</source>
        <translation>The return is already being inspected and was not changed.</translation>
    </message>
    <message>
        <source>The row cannot be read.</source>
        <translation>The row cannot be read.</translation>
    </message>
    <message>
        <source>The line is not valid JSON.</source>
        <translation>The line is not valid JSON.</translation>
    </message>
    <message>
        <source>A value is too long.</source>
        <translation>A value is too long.</translation>
    </message>
    <message>
        <source>Other rows of this return have errors.</source>
        <translation>Other rows of this return have errors.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>The file does not exist.</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>This is a folder, not a file.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>This is not a CSV or JSON Lines file. Save a spreadsheet as &apos;CSV UTF-8&apos; first.</source>
        <translation>This is not a CSV or JSON Lines file. Save a spreadsheet as &apos;CSV UTF-8&apos; first.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</source>
        <translation>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>The column headings are missing, doubled or not known.</source>
        <translation>The column headings are missing, doubled or not known.</translation>
    </message>
    <message>
        <source>The station&apos;s warehouse is not in the database.</source>
        <translation>The station&apos;s warehouse is not in the database.</translation>
    </message>
    <message>
        <source>%1 Column: %2</source>
        <translation>%1 Column: %2</translation>
    </message>
</context>
</TS>
