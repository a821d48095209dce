#pragma once
// Backups, restores, verification and erasure are for active admins: the operations that
// copy or destroy the whole clinic's data.

#include "interoperror.h"

#include "core/crypto/vault.h"
#include "core/store/database.h"

namespace triad::interop {

// True when `vault` is unlocked by a staff member who is an active admin of `db`.
bool requireAdmin(store::Database &db, const crypto::Vault &vault, InteropError *error);

} // namespace triad::interop
