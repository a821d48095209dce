#include "uidriver.h"

#include <algorithm>

#include "app/clinicsession.h"
#include "app/engine.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QQmlContext>
#include <QQmlExtensionPlugin>
#include <QQmlProperty>
#include <QTest>

Q_IMPORT_QML_PLUGIN(Triad_AppPlugin)
Q_IMPORT_QML_PLUGIN(Triad_UiPlugin)

namespace triad::test {

namespace {
// What a screen reader hears as the control's name: the QML attached Accessible.name.
QString accessibleName(QQuickItem *item)
{
    QQmlContext *context = qmlContext(item);
    if (!context)
        return {};
    QQmlProperty name(item, QStringLiteral("Accessible.name"), context);
    return name.isValid() ? name.read().toString() : QString();
}

bool reallyVisible(QQuickItem *item)
{
    if (!item->isVisible() || item->opacity() <= 0.01)
        return false;
    // Outside the window (e.g. a ListView page scrolled away): not visible to a person.
    const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    const QSizeF size = item->window() ? QSizeF(item->window()->size()) : QSizeF();
    return r.right() > 0 && r.bottom() > 0 && r.left() < size.width() && r.top() < size.height();
}

void walk(QQuickItem *item, const std::function<void(QQuickItem *)> &visit)
{
    if (!item || !reallyVisible(item))
        return;
    visit(item);
    for (QQuickItem *child : item->childItems())
        walk(child, visit);
}
// A control below the fold of a scrolling page is scrolled into view, as a person would
// scroll to it. Returns whether anything moved.
bool scrollIntoView(QQuickItem *item)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        auto *content = p->property("contentItem").value<QQuickItem *>();
        if (!content)
            return false;
        const QRectF box =
            item->mapRectToItem(content, QRectF(0, 0, item->width(), item->height()));
        const qreal top = p->property("contentY").toReal();
        if (box.top() >= top && box.bottom() <= top + p->height())
            return false;
        const qreal maxY = std::max<qreal>(0, p->property("contentHeight").toReal() - p->height());
        p->setProperty("contentY", std::clamp<qreal>(box.center().y() - p->height() / 2, 0, maxY));
        return true;
    }
    return false;
}

// Like walk(), but also into what lies outside the window (below a page's fold).
void walkAll(QQuickItem *item, const std::function<void(QQuickItem *)> &visit)
{
    if (!item || !item->isVisible() || item->opacity() <= 0.01)
        return;
    visit(item);
    for (QQuickItem *child : item->childItems())
        walkAll(child, visit);
}
} // namespace

namespace {
QStringList *g_warnings = nullptr;
QtMessageHandler g_previous = nullptr;

void collectWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Audio back-ends complain on machines without sound; that is not the UI's fault.
    if (g_warnings && type >= QtWarningMsg && !message.contains(QLatin1String("PulseAudio")) &&
        !message.contains(QLatin1String("XDG_RUNTIME_DIR")))
        g_warnings->append(message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

UiDriver::UiDriver()
{
    g_warnings = &m_warnings;
    g_previous = qInstallMessageHandler(collectWarning);
    app::prepareEngine(m_engine);
}

UiDriver::~UiDriver()
{
    qInstallMessageHandler(g_previous);
    g_warnings = nullptr;
}

bool UiDriver::loadMain()
{
    // As src/main.cpp loads it.
    m_window = app::loadMainWindow(m_engine);
    if (!m_window)
        return false;
    m_window->show();
    settle();
    return QTest::qWaitForWindowExposed(m_window);
}

QList<QQuickItem *> UiDriver::findAll(const QString &name) const
{
    QList<QQuickItem *> found;
    walk(m_window->contentItem(), [&](QQuickItem *item) {
        if (accessibleName(item) == name)
            found.append(item);
    });
    return found;
}

QQuickItem *UiDriver::find(const QString &name) const
{
    const auto all = findAll(name);
    return all.isEmpty() ? nullptr : all.first();
}

bool UiDriver::clickItem(QQuickItem *item)
{
    if (!item)
        return false;
    // A StackView ignores touches while a push or pop transition runs: wait it out, as a
    // person would.
    if (auto *stack = m_window->findChild<QObject *>(QStringLiteral("mainStack"))) {
        QDeadlineTimer deadline(3000);
        while (stack->property("busy").toBool() && !deadline.hasExpired())
            QTest::qWait(20);
    }
    if (scrollIntoView(item))
        settle(100);
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    settle(100);
    return true;
}

bool UiDriver::click(const QString &name)
{
    QQuickItem *item = find(name);
    if (!item) {
        // Below the fold of a scrolling page: scroll to it first.
        QQuickItem *hidden = nullptr;
        walkAll(m_window->contentItem(), [&](QQuickItem *candidate) {
            if (!hidden && accessibleName(candidate) == name)
                hidden = candidate;
        });
        if (hidden && scrollIntoView(hidden)) {
            settle(100);
            item = find(name);
        }
    }
    return clickItem(item);
}

QStringList UiDriver::visibleTexts() const
{
    QStringList texts;
    walk(m_window->contentItem(), [&](QQuickItem *item) {
        const QVariant t = item->property("text");
        if (item->inherits("QQuickText") && t.isValid() && !t.toString().isEmpty())
            texts << t.toString();
    });
    return texts;
}

void UiDriver::settle(int ms)
{
    QTest::qWait(ms);
}

QString UiDriver::screenshot(const QString &name)
{
    QDir().mkpath(QStringLiteral(TRIAD_SCREENSHOT_DIR));
    const QString path = QStringLiteral(TRIAD_SCREENSHOT_DIR "/") + name + QStringLiteral(".png");
    settle(150);
    const QImage image = m_window->grabWindow();
    return image.save(path) ? path : QString();
}

QStringList UiDriver::smallTargets(int minimum) const
{
    QStringList small;
    walk(m_window->contentItem(), [&](QQuickItem *item) {
        const QString name = accessibleName(item);
        const bool interactive = item->inherits("QQuickAbstractButton") ||
                                 item->activeFocusOnTab() || item->inherits("QQuickTextEdit");
        if (!name.isEmpty() && interactive && (item->width() < minimum || item->height() < minimum))
            small << QStringLiteral("%1 (%2x%3)").arg(name).arg(item->width()).arg(item->height());
    });
    return small;
}

QStringList UiDriver::clippedTexts() const
{
    QStringList clipped;
    walk(m_window->contentItem(), [&](QQuickItem *item) {
        if (!item->inherits("QQuickText"))
            return;
        const bool truncated = item->property("truncated").toBool();
        if (truncated)
            clipped << item->property("text").toString();
    });
    return clipped;
}

bool UiDriver::waitFor(const QString &name, int ms, Reach reach)
{
    const auto there = [&] {
        if (find(name))
            return true;
        bool below = false;
        if (reach == BelowTheFoldToo)
            walkAll(m_window->contentItem(), [&](QQuickItem *candidate) {
                below = below || accessibleName(candidate) == name;
            });
        return below;
    };
    QDeadlineTimer deadline(ms);
    while (!there() && !deadline.hasExpired())
        QTest::qWait(50);
    return there();
}

bool UiDriver::enterDemoClinic()
{
    auto *session = app::ClinicSession::instance();
    const auto signedIn = [session] { return session->state() == QLatin1String("signedIn"); };
    if (session->state() == QLatin1String("firstRun")) {
        if (!waitFor(QStringLiteral("Explore with a demo clinic")) ||
            !click(QStringLiteral("Explore with a demo clinic")))
            return false;
        // The demo ends on the sign-in screen naming its accounts: tapping one fills in its
        // (public, demo-only) passphrase.
        if (!waitFor(QStringLiteral("I am Demo Admin"), 60000) ||
            !click(QStringLiteral("I am Demo Admin")) || !click(QStringLiteral("Sign in")))
            return false;
    } else if (session->state() == QLatin1String("signIn")) {
        // The demo's admin passphrase is public on purpose (README: demo-only).
        for (const QVariant &member : session->staff()) {
            const QVariantMap m = member.toMap();
            if (m.value(QStringLiteral("name")).toString() == QLatin1String("Demo Admin"))
                session->signIn(m.value(QStringLiteral("staffId")).toString(),
                                QStringLiteral("demo-passphrase-admin"));
        }
    }
    QDeadlineTimer deadline(60000);
    while (!signedIn() && !deadline.hasExpired())
        QTest::qWait(50);
    settle();
    return signedIn();
}

bool UiDriver::openPreview()
{
    if (!waitFor(QStringLiteral("Settings")) || !click(QStringLiteral("Settings")))
        return false;
    settle();
    // At the end of the Settings page: click() scrolls down to it.
    return click(QStringLiteral("Try the questionnaires"));
}

void UiDriver::type(const QString &text)
{
    // QTest::keyClicks takes only widgets; a window gets one key per character.
    for (const QChar c : text)
        QTest::keyClick(m_window, c.toLatin1());
    settle(50);
}

void UiDriver::key(Qt::Key key)
{
    QTest::keyClick(m_window, key);
    settle(50);
}

QStringList UiDriver::screenshotEveryWay(const QString &name)
{
    auto *session = app::ClinicSession::instance();
    QStringList problems;
    const auto check = [&](const QString &view) {
        settle(400);
        screenshot(name + view);
        for (const QString &p : smallTargets() + clippedTexts())
            problems << name + view + QStringLiteral(": ") + p;
    };
    check({});
    window()->resize(800, 1280);
    check(QStringLiteral("-portrait"));
    session->setFontScale(2.0);
    check(QStringLiteral("-font2-portrait"));
    window()->resize(1280, 800);
    check(QStringLiteral("-font2"));
    session->setFontScale(1.0);
    settle(400);
    return problems;
}

} // namespace triad::test
