#include "patientintake.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace triad::interop {

std::optional<QDate> parseBirthDate(const QString &text, const QDate &today, QString *problem)
{
    const auto tr = [](const char *s) {
        return QCoreApplication::translate("triad::interop::PatientIntake", s);
    };
    const auto refuse = [&](const QString &message) -> std::optional<QDate> {
        if (problem)
            *problem = message;
        return std::nullopt;
    };
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString trimmed = text.trimmed();
    if (!shape.match(trimmed).hasMatch())
        return refuse(tr("birth date \"%1\" is not written as YYYY-MM-DD (for example "
                         "2015-03-27).")
                          .arg(trimmed.left(40)));
    const QDate date = QDate::fromString(trimmed, Qt::ISODate);
    if (!date.isValid())
        return refuse(tr("birth date %1 is not a real date.").arg(trimmed));
    if (date > today)
        return refuse(tr("birth date %1 is in the future.").arg(trimmed));
    if (date < today.addYears(-25))
        return refuse(tr("birth date %1 is more than 25 years ago; Triad is for children "
                         "and teenagers.")
                          .arg(trimmed));
    return date;
}

} // namespace triad::interop
