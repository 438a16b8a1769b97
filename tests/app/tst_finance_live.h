#pragma once

// What the finance live tests share: a signed-in Session against the in-process server.

#include "session.h"
#include "test_server.h"

#include <QSignalSpy>

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

} // namespace keel::test
