#pragma once

// What the finance live tests share: a signed-in Session against the in-process server.

#include "session.h"
#include "test_server.h"

#include <QApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

#include <memory>

namespace keel::test {

// Signs in `user` with the fixtures' password ("<user> password").
inline std::unique_ptr<Session> signInAs(const TestServer &server, const QString &user)
{
    auto session = std::make_unique<Session>();
    QSignalSpy ok(session.get(), &Session::signedIn);
    session->signIn(server.baseUrl(), user, user + QStringLiteral(" password"));
    if (!ok.wait(10000))
        qWarning() << "sign-in failed for" << user;
    return session;
}

// With KEEL_SCREENSHOT_DIR set, saves a picture of `widget` there as <name>.png (a look at the
// dialogs with real data; the workspace screenshots come from `keel --screenshot`).
inline void grabIfAsked(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("KEEL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
#ifdef KEEL_SOURCE_DIR
    // The client's own look (main.cpp loads the same file from its resources).
    if (qApp->styleSheet().isEmpty())
        if (QFile qss(QStringLiteral(KEEL_SOURCE_DIR "/resources/style/keel.qss"));
            qss.open(QIODevice::ReadOnly))
            qApp->setStyleSheet(QString::fromUtf8(qss.readAll()));
#endif
    QTest::qWait(300); // layouts settle
    if (!widget->grab().save(dir + u'/' + name + QStringLiteral(".png")))
        qWarning() << "cannot save" << name;
}

} // namespace keel::test
