#pragma once

// Signing in and opening the Billing page against a live test server, for the billing client
// tests.

#include "billing/billing_page.h"
#include "session.h"
#include "test_server.h"

#include <QSignalSpy>
#include <QtDebug>

#include <memory>

namespace keel::test {

inline std::unique_ptr<Session> signIn(const TestServer &server, const QString &user)
{
    auto session = std::make_unique<Session>();
    QSignalSpy ok(session.get(), &Session::signedIn);
    session->signIn(server.baseUrl(), user, user + QStringLiteral(" password"));
    if (!ok.wait(10000))
        qWarning() << "sign-in failed for" << user;
    return session;
}

// Shown at the size the tests and screenshots use, once its legal entities are loaded.
inline std::unique_ptr<billing::BillingPage> openPage(Session *session)
{
    auto page = std::make_unique<billing::BillingPage>(session);
    QSignalSpy entities(page.get(), &billing::BillingPage::legalEntitiesLoaded);
    page->resize(1320, 860);
    page->show();
    if (!entities.wait(10000))
        qWarning() << "legal entities did not load";
    return page;
}

} // namespace keel::test
