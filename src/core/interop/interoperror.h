#pragma once
// Why a backup, restore, verification or erasure did not happen, classified so the CLI and
// the app can choose an exit code or a screen, with a translated sentence for the user.

#include <QString>

namespace triad::interop {

enum class InteropErrorKind {
    None,
    Invalid,         // bad input: an existing target file, an unknown pseudonym code...
    NotBackup,       // the file is not a Triad backup at all
    WrongKey,        // a backup of another clinic (or made with another data key)
    Tampered,        // the backup's bytes were changed: header, chunk, or extra bytes
    Truncated,       // the backup ends early
    TooNew,          // made by a newer Triad (format or schema)
    Mismatch,        // decrypted, but row counts or content digest differ from the header
    Corrupt,         // integrity_check failed
    Store,           // the store refused (see the message)
    WrongPassphrase, // restoring on a new device: the passphrase does not open the slot
    UnknownStaff,    // restoring on a new device: nobody of that name or id in the backup
    Io,              // the disk: cannot read, write, sync or rename
};

struct InteropError
{
    InteropErrorKind kind = InteropErrorKind::None;
    QString message; // translated, says what happened and names the file; no personal data

    bool isError() const { return kind != InteropErrorKind::None; }
    static QString kindId(InteropErrorKind kind); // "wrong-key", for JSON and tests
};

} // namespace triad::interop
