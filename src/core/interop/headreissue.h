#pragma once
// A lost audit chain head ("<db>.audit-head" deleted, emptied or overwritten) while the log
// itself is intact: an admin re-issues it instead of restoring a backup (docs/SECURITY.md,
// "Re-issuing a lost chain head"). Only after SQLite's integrity check, the whole chain with
// the key and every row seal verify; a head that authenticates with the clinic's key is never
// replaced (it disagreeing with the log is evidence of a cut or swapped log, not a lost head).
//
// What it cannot tell apart: a log whose newest entries were cut AND whose head was deleted
// looks exactly like an intact log with a lost head. The cross-check is a backup's recorded
// head: given the newest backup, the log must still hold that entry with the same MAC.

#include "interoperror.h"

#include "core/crypto/auditchain.h"
#include "core/crypto/vault.h"
#include "core/store/database.h"

namespace triad::interop {

struct HeadReissueReport
{
    QString previousHead;     // why the old head was unusable ("... is missing"), as read
    qint64 entriesBefore = 0; // the log's last entry before the re-issue entry
    crypto::ChainHead head;   // the new head: the "reissue-head" entry
    bool backupChecked = false;
    qint64 backupHeadSeq = -1; // the backup's recorded head, when one was given
    QString backupCreatedAt;
};

// `vault` unlocked by an active admin (Clinic::unlockWithoutAudit: signing in would refuse on
// the missing head). `backupFile` empty: no cross-check (the report says so). Takes the
// database exclusively while it checks and writes. Appends "reissue-head" (its digest covers
// why the old head was unusable and the backup's head) and writes the head file.
bool reissueHead(store::Database &db, const crypto::Vault &vault, const QString &backupFile,
                 HeadReissueReport *report, InteropError *error);

} // namespace triad::interop
