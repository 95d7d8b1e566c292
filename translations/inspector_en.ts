<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CameraPanel</name>
    <message>
        <source>the camera gives no picture (is it connected, and not in use by another program?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unexpected problem (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the next photo shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take photo (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import photo from file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera is set up. Use “Import photo from file…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All required photos are taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo was taken: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraPicker</name>
    <message>
        <source>Find cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera number, video file or stream address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (camera %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras found: %1. Choose one, or type a video file or stream address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found. You can type a video file or stream URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Opening camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No camera found — retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera disconnected — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of the video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold the code inside the corner marks</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>The database&apos;s helper file %1 is read-only (left behind when the database itself was read-only). Close Return Inspector, make that file writable or delete it, and start again; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read or written (no permission, or a read-only disk). Check the permissions; nothing already saved is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is older than this version and cannot be upgraded while it is read-only. Run &apos;inspector db upgrade&apos; with write access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database cannot be reached. Check the network, or look at this station&apos;s own records instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database refused this station&apos;s login. Ask IT to check the central URL in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database is not set up for this version. Ask IT to run &apos;inspector central upgrade&apos; and &apos;inspector central roles&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station&apos;s login may not read the central database. Ask IT to run &apos;inspector central roles&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database is starting up or shutting down. Try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database address in Settings is not valid. Ask IT for the right one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailTables</name>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMA</source>
        <translation type="unfinished">RMA</translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished">Station</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished">Inspector</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector&apos;s notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT VERIFIED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>← Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputes about another station&apos;s inspection are recorded at that station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Return and grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Grades (%1)</source>
        <translation>Grades (%1)</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>Grade history (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit (%1)</source>
        <translation>Audit (%1)</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit timeline (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Disputes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>the audit chain of station %1 is broken at event %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 was changed after it was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo %1 (%2) no longer matches its SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo %1 (%2) is not in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the field %1 of the record no longer matches event %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record no longer matches event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record was settled before record hashes existed and cannot be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record of this finished inspection was never settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT VERIFIED: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln photo(s) match their SHA-256</source>
        <translation>
            <numerusform>%Ln photo matches its SHA-256</numerusform>
            <numerusform>%Ln photos match their SHA-256</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not finished yet: audit chain intact (%Ln event(s)), %1.</source>
        <translation>
            <numerusform>Not finished yet: audit chain intact (%Ln event), %1.</numerusform>
            <numerusform>Not finished yet: audit chain intact (%Ln events), %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence verified: audit chain intact (%Ln event(s)), %1, the record (answers, grade, refund, notes, flags) is the one event %2 settled.</source>
        <translation>
            <numerusform>Evidence verified: audit chain intact (%Ln event), %1, the record (answers, grade, refund, notes, flags) is the one event %2 settled.</numerusform>
            <numerusform>Evidence verified: audit chain intact (%Ln events), %1, the record (answers, grade, refund, notes, flags) is the one event %2 settled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicePicker</name>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Open a dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their case or claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>The original grade stays visible in the history and the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the dispute as “%1”? It cannot be reopened. Press Save again to close it.</source>
        <translation type="unfinished"></translation>
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
    <name>GradingPanel</name>
    <message>
        <source>Finish (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other grade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: &lt;b&gt;%1 %2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dangerous goods: to the hazardous-goods cage, hazard mark on the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item: not back to stock as the announced product; WRONG ITEM mark and the scanned code on the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not complete yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggests %1</source>
        <translation>suggests %1</translation>
    </message>
    <message>
        <source>%1 % less refund</source>
        <translation>%1 % less refund</translation>
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
    <message numerus="yes">
        <source>%1 of %Ln line(s) read</source>
        <translation>
            <numerusform>%1 of %Ln line read</numerusform>
            <numerusform>%1 of %Ln lines read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read</source>
        <translation>
            <numerusform>%Ln line read</numerusform>
            <numerusform>%Ln lines read</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%Ln row(s) were not imported. Correct them in the file and import it again.</source>
        <translation>
            <numerusform>%Ln row was not imported. Correct it in the file and import it again.</numerusform>
            <numerusform>%Ln rows were not imported. Correct them in the file and import it again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every line was imported.</source>
        <translation>Every line was imported.</translation>
    </message>
</context>
<context>
    <name>InspectionScreen</name>
    <message>
        <source>Notes for the supervisor (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the return (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — unit %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU %1 · expected GTIN %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · serial %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not announced: extra item, checked by a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a product barcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a photo of the wrong item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scan of the product barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not complete yet. Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All as expected (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers every open question with its expected answer; you answer only what differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y/N, 1–9 answer · A all as expected · Space photo · Enter finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Your entries stay on screen and are saved as soon as that works (tried every few seconds).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved again: nothing you entered was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Tracking number, RMA or QR code</source>
        <translation>Tracking number, RMA or QR code</translation>
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
        <source>Back to scanning (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code belongs to several returns. Arrow keys choose, Enter opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the scanner or keyboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan could not be read: %1 Scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln return(s) for %1</source>
        <translation>
            <numerusform>%Ln return for %1</numerusform>
            <numerusform>%Ln returns for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Label %1: the item is selected below. Enter re-prints its label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the check digit is wrong. Scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a parcel code. Scan the parcel&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemHistory</name>
    <message>
        <source>Re-print label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelOutput</name>
    <message>
        <source>The label printer did not print: %1 The label PDF is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label could not be sent: %1 The label PDF is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer at %1 refused the connection. Is it switched on and is the port right?</source>
        <translation>The printer at %1 refused the connection. Is it switched on and is the port right?</translation>
    </message>
    <message>
        <source>The printer at %1 did not answer within %2 s. Check the network cable and the printer&apos;s address.</source>
        <translation>The printer at %1 did not answer within %2 s. Check the network cable and the printer&apos;s address.</translation>
    </message>
    <message>
        <source>The printer&apos;s address %1 is unknown. Check the printer settings.</source>
        <translation>The printer&apos;s address %1 is unknown. Check the printer settings.</translation>
    </message>
    <message>
        <source>The label could not be sent to %1: %2</source>
        <translation>The label could not be sent to %1: %2</translation>
    </message>
    <message>
        <source>Printing was cancelled. The label PDF is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be opened. The label PDF is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU %1
GTIN %2</source>
        <translation>SKU %1
GTIN %2</translation>
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
        <source>Demo data. Codes to try:</source>
        <translation type="unfinished"></translation>
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
        <source>The scan could not be read: %1 Scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1 is not known here. Try again or ask your team lead.</source>
        <translation>Badge %1 is not known here. Try again or ask your team lead.</translation>
    </message>
    <message>
        <source>Scan your badge to log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <source>This user can no longer log in. Ask your team lead.</source>
        <translation>This user can no longer log in. Ask your team lead.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Wait %n second(s), then try again.</source>
        <translation>
            <numerusform>Too many wrong PINs. Wait %n second, then try again.</numerusform>
            <numerusform>Too many wrong PINs. Wait %n seconds, then try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>That is the badge of %1: enter the PIN.</source>
        <translation type="unfinished"></translation>
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
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   F%2</source>
        <translation>%1   F%2</translation>
    </message>
    <message>
        <source>%1
F%2</source>
        <translation>%1
F%2</translation>
    </message>
    <message>
        <source>F%1 or Alt+%1</source>
        <translation>F%1 or Alt+%1</translation>
    </message>
</context>
<context>
    <name>MessageLine</name>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Another grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why another grade? (at least 10 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish with this grade (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist suggests %1. Keys 1–4 choose a grade, then write why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs first: %2. Esc: take them (grade and reason are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Write why you choose %1 instead of %2 (at least %n character(s)).</source>
        <translation>
            <numerusform>Write why you choose %1 instead of %2 (at least %n character).</numerusform>
            <numerusform>Write why you choose %1 instead of %2 (at least %n characters).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>A badge code is 4 to 32 letters, digits or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the person&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose inspector, supervisor, team lead or administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language is Dutch, English or the station&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspectors log in with their badge only; they have no PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN for this role is %1 to %2 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PIN is too easy to guess (one digit repeated, or a run like 123456).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This role needs a PIN: type a new one twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody here matches %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several people match %1; give the badge code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1 already belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warehouse would have no administrator left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A warehouse code is 1 to 32 letters, digits, - or _ (e.g. NL-AMS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A station code is 1 to 32 letters, digits, - or _ (e.g. ST-01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time zone %1 is not known; choose one like Europe/Amsterdam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A return window is 0 to 3650 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fee or deduction is 0 to 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station is already set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1 is also on line %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already here; change them in the list instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is also on line %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file names nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first line must name the columns, at least name and role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</source>
        <translation type="unfinished">The file is not UTF-8 text. Save it as &apos;CSV UTF-8&apos;.</translation>
    </message>
    <message>
        <source>The file is larger than 2 MB; is it the right file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished">The file cannot be read.</translation>
    </message>
    <message>
        <source>Give the warehouse&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The enrolment code is for station %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a usable enrolment code. Copy it again, all of it (it starts with RI1-).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database refused this enrolment code: it was used already, or the station was enrolled again since. Ask IT for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database does not know this code&apos;s station. Ask IT for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database cannot be reached. Check the network and try again, or leave the code empty for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (badge %2) is deactivated. Reactivate? Write yes in the column reactivate, or activate them in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1 belongs to %2, who is deactivated; it is never given to somebody else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several deactivated people are called %1; give the badge code of the one to reactivate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate is yes or no (or empty).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a new badge (the old one stops working)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished">Language</translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation type="unfinished">Badge code</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished">PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors, team leads and administrators need a PIN (administrators at least 6 digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only administrators manage people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1, badge %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (badge %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 can no longer log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 may log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a new PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) added. Print their badges now.</source>
        <translation>
            <numerusform>%Ln person added. Print the badge now.</numerusform>
            <numerusform>%Ln people added. Print their badges now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln badge(s) written to %1</source>
        <translation>
            <numerusform>%Ln badge written to %1</numerusform>
            <numerusform>%Ln badges written to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: new badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left empty, the person gets a new, unguessable badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left empty, the PIN stays as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivated: %1 (their badges work again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody was added or changed. Fix these lines first: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photos</source>
        <translation type="unfinished">Photos</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next →</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken %1 at station %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BROKEN EVIDENCE: the file no longer has the SHA-256 recorded when it was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BROKEN EVIDENCE: this photo is not in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified: the file is exactly as recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <source> (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take photo: %1</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Count &amp;anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcels received</source>
        <translation type="unfinished">Parcels received</translation>
    </message>
    <message>
        <source>Items inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes scan to graded (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated recovered value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>The warehouse&apos;s stations as central knows them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This period is %Ln day(s) long and may take a while to count. Press Count anyway, or choose a shorter period.</source>
        <translation>
            <numerusform>This period is %Ln day long and may take a while to count. Press Count anyway, or choose a shorter period.</numerusform>
            <numerusform>This period is %Ln days long and may take a while to count. Press Count anyway, or choose a shorter period.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From and To are local days in the warehouse&apos;s time zone (%1); the same date twice is a daily report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parcels were received and no items inspected in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the intake report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResumeOffer</name>
    <message>
        <source>Resume an unfinished inspection?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extra item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2, started %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnActions</name>
    <message>
        <source>Parcel received (box: %1). Inspect the items one by one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive the parcel first: choose the box condition (Enter = intact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every unit of %1 is already inspected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in this return. Add it as an extra item? (Add extra item…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inspection stays open; continue it with Inspect next unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One unit of %1 is not in the parcel. What did you find?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. parcel held only the scarf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One unit of %1 recorded as missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned %1. Describe the item if you can, then Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add extra item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An item that was not announced. Describe it; then check and photograph it. A supervisor decides what happens to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. children&apos;s book, blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered as %1. Add every item in the parcel as an extra item and photograph it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graded %1 → %2 %3. Label %4 is being made…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1 saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1 printed (PDF: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1 sent to the label printer (PDF: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnList</name>
    <message>
        <source>%1 — %2, %3 %4 — order %5 — %6 — %7</source>
        <translation>%1 — %2, %3 %4 — order %5 — %6 — %7</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReturnScreen</name>
    <message>
        <source>Already received on %1 at station %2 by %3 (box: %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by customer service. Do not inspect: put the parcel aside for your supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive the parcel. Box:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect next unit (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark missing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add extra item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan next parcel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order &lt;b&gt;%1&lt;/b&gt; · &lt;b&gt;%2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier returns: %1&lt;br&gt;Refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial returner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) since delivery (window %1)</source>
        <translation>
            <numerusform>%Ln day since delivery (window %1)</numerusform>
            <numerusform>%Ln days since delivery (window %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>LATE: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upheld: the inspection stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided in the customer&apos;s favour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parcel received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unannounced parcel registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade changed in a dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label reprinted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This inspection no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only finished inspections can be disputed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the new grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item already has this grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dispute no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dispute is already closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewFilters</name>
    <message>
        <source>RMA</source>
        <translation type="unfinished">RMA</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracking number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the grade, station, inspector and flag filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More filters (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>More than %Ln return(s) match this name, so only the newest %Ln are searched. Type more of the name.</source>
        <translation>
            <numerusform>More than %Ln return matches this name, so only the newest %Ln is searched. Type more of the name.</numerusform>
            <numerusform>More than %Ln returns match this name, so only the newest %Ln are searched. Type more of the name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln inspection(s) shown; loading more…</source>
        <translation>
            <numerusform>%Ln inspection shown; loading more…</numerusform>
            <numerusform>%Ln inspections shown; loading more…</numerusform>
        </translation>
    </message>
    <message>
        <source>No finished inspections match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next older inspections of this search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>More inspections could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 inspection shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln inspection(s) shown</source>
        <translation>
            <numerusform>%Ln inspection shown</numerusform>
            <numerusform>%Ln inspections shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln inspection(s) shown</source>
        <translation>
            <numerusform>%Ln inspection shown</numerusform>
            <numerusform>All %Ln inspections shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the evidence pack in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every audit chain and writing the evidence pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence pack was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence pack written: %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(it shows broken evidence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors and administrators may handle disputes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreens</name>
    <message>
        <source>The customer&apos;s photos show the seal intact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMA</source>
        <translation type="unfinished">RMA</translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished">Station</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished">Inspector</translation>
    </message>
    <message>
        <source>A dispute about this inspection is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispute</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanHub</name>
    <message>
        <source>Scan ignored: close the dialog first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SerialPortPicker</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. COM3</source>
        <translation type="unfinished">e.g. COM3</translation>
    </message>
    <message>
        <source>Look for serial ports again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial ports found: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No serial port found. Connect the scanner and press Refresh, or type it.</source>
        <translation type="unfinished"></translation>
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
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept apart from the settings, readable by this computer&apos;s user only.</source>
        <translation type="unfinished"></translation>
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
        <source>Only an administrator may change the settings.</source>
        <translation type="unfinished"></translation>
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
        <source>The station&apos;s language is for people without a language of their own; you keep yours (set on the People page).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, camera and scanner settings apply now.</source>
        <translation type="unfinished"></translation>
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
    <name>SetupWizard</name>
    <message>
        <source>Return Inspector — set up this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation type="unfinished">Back (Esc)</translation>
    </message>
    <message>
        <source>Next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Return Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station has no warehouse yet. Set it up for your warehouse, or look around first with demo data (it never mixes with a real warehouse and never goes to a central database).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up this station for my warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central database</source>
        <translation type="unfinished">Central database</translation>
    </message>
    <message>
        <source>If IT gave you an enrolment code for this station, paste it here: the station then syncs with your warehouse&apos;s other stations. Leave it empty for a station that works on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RI1-… (or the path of the enrolment file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is short (e.g. NL-AMS); reports use the time zone&apos;s days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse code</source>
        <translation type="unfinished">Warehouse code</translation>
    </message>
    <message>
        <source>Warehouse name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restocking fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deduction for damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each station of a warehouse has its own code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the computer</source>
        <translation type="unfinished">Same as the computer</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation type="unfinished">Station code</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished">Language</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator manages people and settings and logs in with a badge and a PIN of at least 6 digits. Leave the badge empty to get a new, unguessable one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation type="unfinished">Badge code</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished">PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling this station with demo data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up the station…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The warehouse&apos;s people come from the central database: leave this empty if an administrator is already known there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station %1 of warehouse %2 is set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 logs in with badge %2 and the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced with the central database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first sync did not finish; it retries automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add people and print their badges on the People page (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data is ready. Log in with badge BDG000001 (inspector), or BDG000002 and PIN 1234 (supervisor).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>Central database (all stations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station</source>
        <translation type="unfinished"></translation>
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
    <message numerus="yes">
        <source>%Ln change(s) waiting</source>
        <translation>
            <numerusform>%Ln change waiting</numerusform>
            <numerusform>%Ln changes waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StationsPanel</name>
    <message>
        <source>Stations of this warehouse (central database)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished">Station</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit chain head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connector %1 (%2) is failing (%Ln run(s)): %3</source>
        <translation>
            <numerusform>Connector %1 (%2) is failing (%Ln run): %3</numerusform>
            <numerusform>Connector %1 (%2) is failing (%Ln runs): %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connector %1 (%2) works; %Ln outcome(s) on their way</source>
        <translation>
            <numerusform>Connector %1 (%2) works; %Ln outcome on its way</numerusform>
            <numerusform>Connector %1 (%2) works; %Ln outcomes on their way</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln outcome(s) rejected, the latest: %1</source>
        <translation>
            <numerusform>%Ln outcome rejected: %1</numerusform>
            <numerusform>%Ln outcomes rejected, the latest: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln wait(s) for a supervisor&apos;s confirmation.</source>
        <translation>
            <numerusform>%Ln waits for a supervisor&apos;s confirmation.</numerusform>
            <numerusform>%Ln wait for a supervisor&apos;s confirmation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open conflict(s)</source>
        <translation>
            <numerusform>%Ln open conflict</numerusform>
            <numerusform>%Ln open conflicts</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (over an hour ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1, %2…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwitchUserOffer</name>
    <message>
        <source>Stay logged in (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is your own badge, %1. Scan a parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge of %1 (%2). Log out and log in as %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to %1 (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1 is not known here. Scan a parcel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncBridge</name>
    <message>
        <source>Offline — not configured</source>
        <translation type="unfinished">Offline — not configured</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln waiting</numerusform>
            <numerusform>%Ln waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProblem</name>
    <message>
        <source>The central server cannot be reached. Everything is kept on this station and sent automatically when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server refused this station&apos;s login. Ask IT to check the station&apos;s sync account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server does not accept connections from this station. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server does not know this station&apos;s sync account. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central database is missing or not set up. Ask IT to run &apos;inspector central upgrade&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server refused a change from this station (permission denied). Ask IT to check the station&apos;s sync account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server refused a record from this station (it belongs to another station or warehouse). A supervisor should look at the sync log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The central server is starting up or shutting down; sync retries shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync failed because of an unexpected error; it retries automatically. Details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another sync of this station is running; it sends what is waiting, so this run did nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: the central server refused audit events of this station (its audit log differs from what central holds). Tell a supervisor; nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s audit log is shorter than what the central server holds: events were removed here. Tell a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s audit log is not the one the central server holds: it was rewritten. Tell a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s audit log no longer verifies. Tell a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: this station&apos;s signing key is not the one registered centrally. Ask IT to enrol the station again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM: the central server refused this station&apos;s signed audit head. Tell a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <source>%n change(s) to people pulled at %1</source>
        <translation>
            <numerusform>%n change to people pulled at %1</numerusform>
            <numerusform>%n changes to people pulled at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to people sent at %1</source>
        <translation>
            <numerusform>%n change to people sent at %1</numerusform>
            <numerusform>%n changes to people sent at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <source>OK (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Please write at least %Ln character(s).</source>
        <translation>
            <numerusform>Please write at least %Ln character.</numerusform>
            <numerusform>Please write at least %Ln characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The scan could not be read: %1 Scan again.</source>
        <translation type="unfinished"></translation>
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
        <source>The return has more than 999 lines.</source>
        <translation type="unfinished"></translation>
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
        <source>Another import is running on this station. Import the file again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Column: %2</source>
        <translation>%1 Column: %2</translation>
    </message>
    <message>
        <source>Ordered by mistake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheaper elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrived too late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refurbish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Being inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unannounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hazardous goods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refurbish queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liquidation pallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrap bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item: supervisor decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This return is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is not part of the return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every unit of this line has been inspected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This inspection is no longer in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This inspection is already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason (at least 3 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This answer does not fit the question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This photo is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some questions or photos are still missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong item: take a photo of what is in the parcel before finishing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the product barcode or confirm the item by hand first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another grade than the suggestion needs a reason of at least 10 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has no label yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor can clear a hazardous item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist of this inspection is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan was far too long (is the scanner stuck, or sending a file?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial scanner&apos;s port cannot be opened; retrying. Check the cable and Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The serial scanner was disconnected; reconnecting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan was interrupted (the computer was busy, or typing came just before it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera sees several codes in the aim area; hold only one code in the frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caps Lock seems to be on; the scan was repaired. Switch Caps Lock off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyboard layout looks like AZERTY; the scan was repaired. Check the keyboard settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyboard layout looks like AZERTY and Caps Lock seems on; the scan was repaired. Check the keyboard settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyboard layout looks like QWERTZ (Y and Z swapped); the scan was repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan looks garbled by the keyboard layout or Caps Lock and could not be repaired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyboard layout looks like AZERTY: set the scanner or the station&apos;s keyboard to US.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnknownParcelScreen</name>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMA</source>
        <translation type="unfinished">RMA</translation>
    </message>
    <message>
        <source>Postcode, house no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer wants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes (sender on the label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not announced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register it with the box&apos;s condition, then add and photograph every item as an extra item. A supervisor checks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to scanning (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown parcel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No announced return has this code. Search by what the parcel shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in at least one field to search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln return(s) found. Arrows choose, Enter opens.</source>
        <translation>
            <numerusform>%Ln return found. Enter opens.</numerusform>
            <numerusform>%Ln returns found. Arrows choose, Enter opens.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found. Try other details or register the parcel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationBar</name>
    <message>
        <source>By hand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WRONG ITEM: scanned %1. Photo required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item verified ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra item: describe it with the checklist and photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the product barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item verified ✓ (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WRONG ITEM: scanned %1, expected %2. Photo required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item confirmed by hand ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why can the barcode not be scanned? The item is then accepted as the announced one on your word.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. barcode label torn off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
