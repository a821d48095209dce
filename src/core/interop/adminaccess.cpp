#include "adminaccess.h"

#include "core/store/staffrepository.h"

#include <QCoreApplication>

namespace triad::interop {

bool requireAdmin(store::Database &db, const crypto::Vault &vault, InteropError *error)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("triad::interop::AdminAccess", text);
    };
    if (!vault.isUnlocked()) {
        if (error)
            *error = {InteropErrorKind::Store, tr("Sign in first.")};
        return false;
    }
    store::StaffRepository staff(db);
    const auto member = staff.get(vault.staffId());
    if (!member || !member->active || member->role != store::StaffRole::Admin) {
        if (error)
            *error = {InteropErrorKind::Store,
                      tr("Only an active admin may back up, restore, verify or erase.")};
        return false;
    }
    return true;
}

} // namespace triad::interop
