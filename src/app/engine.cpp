#include "engine.h"

#include <QQmlEngine>
#include <QQuickStyle>

namespace triad::app {

void prepareStyle()
{
    QQuickStyle::setStyle(QStringLiteral("Basic"));
}

void prepareEngine(QQmlEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
}

} // namespace triad::app
