#pragma once
// Drives the real QML UI from C++ tests: finds controls by Accessible.name (as a
// screen reader would), clicks them, and grabs screenshots.

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>

namespace triad::test {

class UiDriver
{
public:
    UiDriver();
    ~UiDriver();

    bool loadMain();
    QQuickWindow *window() const { return m_window; }
    QQmlApplicationEngine &engine() { return m_engine; }

    // The first visible item whose Accessible.name is `name`, searched depth-first.
    QQuickItem *find(const QString &accessibleName) const;
    QList<QQuickItem *> findAll(const QString &accessibleName) const;
    // Clicks the centre of the named, visible control; false if it is not there.
    bool click(const QString &accessibleName);
    bool clickItem(QQuickItem *item);
    // Visible text of every Label/Text under the window, in order.
    QStringList visibleTexts() const;
    // Lets bindings, animations and layouts settle.
    void settle(int ms = 300);
    // Saves a PNG of the window to TRIAD_SCREENSHOT_DIR/name.png; returns the path.
    QString screenshot(const QString &name);
    // Items narrower or shorter than `minimum` px among the visible named controls.
    QStringList smallTargets(int minimum = 48) const;
    // Texts whose painted width exceeds their box (clipped or elided text).
    QStringList clippedTexts() const;
    // The screen as it is, then in portrait and at twice the text size (landscape and
    // portrait): a PNG of each, and the problems found (small targets, clipped text), each
    // prefixed with the view it was found in. The window and text size are put back.
    QStringList screenshotEveryWay(const QString &name);
    // Waits until a control named `accessibleName` is visible.
    // Where waitFor looks: on screen only, or also below the fold of a scrolling page.
    enum Reach {
        OnScreen,
        BelowTheFoldToo
    };
    bool waitFor(const QString &accessibleName, int ms = 10000, Reach reach = OnScreen);
    // Brings the app to a signed-in demo clinic: creates it through the first-run screen
    // on first use in this process (then taps "I am Demo Admin" and "Sign in" on the sign-in
    // screen the demo ends on), else signs in again as the demo admin.
    bool enterDemoClinic();
    // Settings -> "Try the questionnaires" (the preview of every form).
    bool openPreview();
    // Types into the focused control, as a keyboard would.
    void type(const QString &text);
    // Presses and releases one key on the window.
    void key(Qt::Key key);
    // Every warning Qt printed since the driver started (QML errors, binding loops...).
    QStringList warnings() const { return m_warnings; }

private:
    QQmlApplicationEngine m_engine;
    QQuickWindow *m_window = nullptr;
    QStringList m_warnings;
};

} // namespace triad::test
