#include "interoperror.h"

namespace triad::interop {

QString InteropError::kindId(InteropErrorKind kind)
{
    switch (kind) {
    case InteropErrorKind::None:
        return QStringLiteral("none");
    case InteropErrorKind::Invalid:
        return QStringLiteral("invalid");
    case InteropErrorKind::NotBackup:
        return QStringLiteral("not-a-backup");
    case InteropErrorKind::WrongKey:
        return QStringLiteral("wrong-key");
    case InteropErrorKind::Tampered:
        return QStringLiteral("tampered");
    case InteropErrorKind::Truncated:
        return QStringLiteral("truncated");
    case InteropErrorKind::TooNew:
        return QStringLiteral("too-new");
    case InteropErrorKind::Mismatch:
        return QStringLiteral("mismatch");
    case InteropErrorKind::Corrupt:
        return QStringLiteral("corrupt");
    case InteropErrorKind::Store:
        return QStringLiteral("store");
    case InteropErrorKind::WrongPassphrase:
        return QStringLiteral("wrong-passphrase");
    case InteropErrorKind::UnknownStaff:
        return QStringLiteral("unknown-staff");
    case InteropErrorKind::Io:
        return QStringLiteral("io");
    }
    return QStringLiteral("unknown");
}

} // namespace triad::interop
